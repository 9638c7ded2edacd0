"""Scale-out: a worker pool, resumable JSONL runs, a Dask runner and partitioned Parquet."""

from .journal import Journal, ResumeError, journal_path
from .pool import CoderFactory, PoolError, PoolStats, WorkerPool, code_parallel, default_coder
from .runs import RunSummary, code_stream, event_line, run_jsonl

__all__ = [
    "CoderFactory", "Journal", "PoolError", "PoolStats", "ResumeError", "RunSummary",
    "WorkerPool", "code_parallel", "code_stream", "default_coder", "event_line",
    "journal_path", "run_jsonl",
]  # fmt: skip
