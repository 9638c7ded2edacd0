"""Settings with defaults and help text, in one place."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import CODER_NAME


@dataclass(frozen=True)
class Setting:
    name: str
    default: object
    help: str


SETTINGS = (
    Setting("batch_size", 32, "documents parsed together by spaCy's nlp.pipe"),
    Setting("max_chars", 200_000, "longer documents are skipped with an error, not coded"),
    Setting("min_english", 0.5, "share of common English words below which a text is non-English"),
    Setting("fallback_precision", "month", "precision of a date taken from the publication date"),
)


@dataclass
class Config:
    """What a coding run needs besides its input."""

    actors: list[Path] = field(default_factory=list)  # extra actor files (CSV/TSV/YAML)
    batch_size: int = 32
    max_chars: int = 200_000
    min_english: float = 0.5
    coder: str = CODER_NAME
