"""The event store (DuckDB): documents, mentions and merged events; one writer, many readers."""

from .reader import StoreReader
from .writer import IngestStats, StoreWriter, Submission, from_event_records, from_outcome

DEFAULT_DB = "dyadwatch.duckdb"

__all__ = [
    "DEFAULT_DB", "IngestStats", "StoreReader", "StoreWriter", "Submission",
    "from_event_records", "from_outcome",
]  # fmt: skip
