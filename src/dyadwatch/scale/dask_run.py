"""Code a large input on a Dask cluster, writing Parquet partitioned by event month.

The input is split into partitions (partitions.py); each Dask task reads one, codes it with
the worker's coder (built once per worker process and kept) and writes its events as
``OUT/month=M/part-NNNNN.parquet`` (parquet.py), then a marker ``OUT/_done/part-NNNNN.json``.
A resumed run skips the partitions that have a marker. The scheduler is Dask's own: pass its
address (``tcp://host:8786``), a ready ``Client``, or nothing for a local cluster.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import Config
from ..errors import DyadwatchError
from .journal import ResumeError
from .parquet import PARTITION, write_partitioned
from .partitions import BLOCKSIZE, Partition, plan_partitions, read_partition
from .pool import CoderFactory, CoderLike, default_coder

DONE_DIR = "_done"
MAX_ERRORS = 1000


class ClusterError(DyadwatchError):
    """The Dask scheduler cannot be reached or a task failed."""


@dataclass
class PartResult:
    """What coding one partition gave."""

    index: int
    documents: int = 0
    events: int = 0
    errors: list[str] = field(default_factory=list)
    months: dict[str, int] = field(default_factory=dict)


@dataclass
class DaskSummary:
    """What a distributed run did, summed over partitions (errors: the first MAX_ERRORS)."""

    partitions: int = 0
    skipped_partitions: int = 0
    documents: int = 0
    events: int = 0
    error_count: int = 0
    errors: list[str] = field(default_factory=list)
    months: dict[str, int] = field(default_factory=dict)

    def add(self, part: PartResult) -> None:
        self.partitions += 1
        self.documents += part.documents
        self.events += part.events
        self.error_count += len(part.errors)
        self.errors.extend(part.errors[: max(0, MAX_ERRORS - len(self.errors))])
        for month, count in part.months.items():
            self.months[month] = self.months.get(month, 0) + count


# --- inside a Dask worker ----------------------------------------------------------------

# Coders built in this worker process, by factory and settings, each with a lock: a coder is
# used by one thread at a time (run workers with --nthreads 1 and more processes instead).
_CODERS: dict[tuple[Any, str], tuple[CoderLike, threading.Lock]] = {}
_CODERS_LOCK = threading.Lock()


def _worker_coder(factory: CoderFactory, config: Config) -> tuple[CoderLike, threading.Lock]:
    key = (factory, repr(config))
    with _CODERS_LOCK:
        if key not in _CODERS:
            _CODERS[key] = (factory(config), threading.Lock())
        return _CODERS[key]


def marker_path(out_dir: Path, part: Partition) -> Path:
    return out_dir / DONE_DIR / f"part-{part.name}.json"


def code_partition(part: Partition, out_dir: str, config: Config,
                   factory: CoderFactory) -> PartResult:  # fmt: skip
    """Code one partition into ``out_dir`` and mark it done; runs on a Dask worker."""
    coder, lock = _worker_coder(factory, config)
    result = PartResult(part.index)
    events = []
    with lock:
        for outcome in coder.code_many(read_partition(part)):
            if outcome.error is not None:
                result.errors.append(str(outcome.error))
                continue
            result.documents += 1
            events.extend(outcome.events)
    result.events = len(events)
    result.months = write_partitioned(events, Path(out_dir), part.name)
    marker = marker_path(Path(out_dir), part)
    marker.parent.mkdir(parents=True, exist_ok=True)
    temp = marker.with_name("." + marker.name + ".tmp")
    temp.write_text(json.dumps({"key": part.key, **result.__dict__}), encoding="utf-8")
    os.replace(temp, marker)
    return result


# --- in the client -----------------------------------------------------------------------


def clear_output(out_dir: Path) -> None:
    """Remove the part files and markers a previous run left in ``out_dir`` (nothing else)."""
    for path in out_dir.glob(f"{PARTITION}=*/part-*.parquet"):
        path.unlink()
    for path in out_dir.glob(f"{DONE_DIR}/part-*.json"):
        path.unlink()


def finished_parts(out_dir: Path, parts: list[Partition]) -> dict[int, PartResult]:
    """The partitions a previous run finished; raises ResumeError if the input changed."""
    done: dict[int, PartResult] = {}
    for part in parts:
        marker = marker_path(out_dir, part)
        if not marker.exists():
            continue
        try:
            data = json.loads(marker.read_text(encoding="utf-8"))
            key = data.pop("key")
            result = PartResult(**data)
        except (ValueError, KeyError, TypeError) as e:
            raise ResumeError(f"{marker}: not a partition marker") from e
        if key != part.key:
            raise ResumeError(
                f"{marker} records {key} but partition {part.index} is now {part.key}: the "
                "input changed since the run began; run again without --resume"
            )
        done[part.index] = result
    return done


def connect(scheduler: str, timeout: float = 30.0) -> Any:
    """A Dask ``Client`` for the scheduler at ``scheduler``; raises ClusterError if unreachable."""
    from distributed import Client

    try:
        return Client(scheduler, timeout=timeout)
    except (OSError, TimeoutError) as e:
        raise ClusterError(f"cannot reach the Dask scheduler at {scheduler}: {e}") from e


def run_dask(
    inputs: Iterable[Path],
    out_dir: Path,
    scheduler: str | None = None,
    config: Config | None = None,
    workers: int | None = None,
    resume: bool = False,
    blocksize: int = BLOCKSIZE,
    client: Any = None,
    coder_factory: CoderFactory | None = None,
    on_partition: Callable[[PartResult], None] | None = None,
) -> DaskSummary:
    """Code every document under ``inputs`` on Dask into month-partitioned Parquet in ``out_dir``.

    ``client`` (a ``distributed.Client``) is used as given; otherwise ``scheduler`` is
    connected to; with neither, a local cluster of ``workers`` processes (default: the
    core count) is started and stopped. ``out_dir`` must be reachable by every worker.
    Without ``resume`` earlier part files in ``out_dir`` are removed first; with it the
    finished partitions are skipped. Raises InputError for a missing input, ResumeError
    for output that does not fit the input, ClusterError for a failed task.
    """
    from distributed import as_completed

    config = config or Config()
    factory = coder_factory or default_coder
    parts = plan_partitions(list(inputs), blocksize)
    out_dir.mkdir(parents=True, exist_ok=True)
    summary = DaskSummary()
    if resume:
        done = finished_parts(out_dir, parts)
        for result in done.values():
            summary.add(result)
        summary.skipped_partitions = len(done)
        summary.partitions -= len(done)
        parts = [p for p in parts if p.index not in done]
    else:
        clear_output(out_dir)
    if not parts:
        return summary
    owned = None
    if client is None and scheduler is not None:
        client = owned = connect(scheduler)
    elif client is None:
        client = owned = _local_client(workers)
    try:
        futures = client.map(code_partition, parts, out_dir=str(out_dir.resolve()),
                             config=config, factory=factory, pure=False)  # fmt: skip
        for future in as_completed(futures):
            try:
                result = future.result()
            except DyadwatchError:
                raise
            except Exception as e:  # a task's own failure, carried back by Dask
                raise ClusterError(f"a coding task failed: {type(e).__name__}: {e}") from e
            summary.add(result)
            if on_partition is not None:
                on_partition(result)
    finally:
        if owned is not None:
            cluster = getattr(owned, "cluster", None)
            owned.close()
            if cluster is not None and scheduler is None:
                cluster.close()
    return summary


def _local_client(workers: int | None) -> Any:
    from distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1,
                           processes=True, dashboard_address=None)  # fmt: skip
    return Client(cluster)
