"""Loading the English spaCy pipeline and the Doc extensions the stages share."""

from .load import PIPELINES, load_pipeline

__all__ = ["PIPELINES", "load_pipeline"]
