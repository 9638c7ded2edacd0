"""Code a large input on a Dask cluster, writing Parquet partitioned by event month.

The client reads the input with the project's readers (``dyadwatch.read``, the same path
and checks as the local engine) and cuts the documents into batches (partitions.py). Each
Dask task codes one batch with the worker's coder (built once per worker process and kept)
and writes its events as ``OUT/month=M/part-NNNNN.parquet`` (parquet.py), then a marker
``OUT/_done/part-NNNNN.json``. A document that fails anywhere (reader, coder, serialiser) is
named and left out; the rest of its batch is written. A resumed run skips the batches whose
marker records the same documents. At most ``in_flight`` batches are out at a time, so the
client's memory stays bounded. The scheduler is Dask's own: pass its address
(``tcp://host:8786``), a ready ``Client``, or nothing for a local cluster (no dashboard).
"""

from __future__ import annotations

import json
import os
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import Config
from ..errors import DyadwatchError, InputError
from ..outputs import check_output_dir
from .journal import ResumeError
from .parquet import PARTITION, document_rows, write_rows
from .partitions import BATCH, Batch, plan_batches
from .pool import CoderFactory, CoderLike, code_guarded, default_coder

DONE_DIR = "_done"
MAX_ERRORS = 1000


class ClusterError(DyadwatchError):
    """The Dask scheduler cannot be reached or the cluster lost a task."""


@dataclass
class PartResult:
    """What coding one batch gave (``errors``: one line per document left out)."""

    index: int
    documents: int = 0
    events: int = 0
    errors: list[str] = field(default_factory=list)
    months: dict[str, int] = field(default_factory=dict)


@dataclass
class DaskSummary:
    """What a distributed run did: batches coded now, documents and events (those of batches
    an earlier run finished included), errors (the first MAX_ERRORS are kept)."""

    partitions: int = 0
    skipped_partitions: int = 0
    documents: int = 0
    done_before: int = 0
    events: int = 0
    error_count: int = 0
    errors: list[str] = field(default_factory=list)
    months: dict[str, int] = field(default_factory=dict)

    def add(self, part: PartResult, earlier: bool = False) -> None:
        if earlier:
            self.skipped_partitions += 1
            self.done_before += part.documents
        else:
            self.partitions += 1
            self.documents += part.documents
        self.events += part.events
        for message in part.errors:
            self.error(message)
        for month, count in part.months.items():
            self.months[month] = self.months.get(month, 0) + count

    def error(self, message: str) -> None:
        self.error_count += 1
        if len(self.errors) < MAX_ERRORS:
            self.errors.append(message)


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


def marker_path(out_dir: Path, index: int) -> Path:
    return out_dir / DONE_DIR / f"part-{index:05d}.json"


def code_batch(batch: Batch, out_dir: str, config: Config, factory: CoderFactory) -> PartResult:
    """Code one batch into ``out_dir`` and mark it done; runs on a Dask worker."""
    coder, lock = _worker_coder(factory, config)
    result = PartResult(batch.index)
    by_month: dict[str, list[dict[str, Any]]] = defaultdict(list)
    with lock:
        outcomes = list(code_guarded(coder, batch.docs))
    for outcome in outcomes:
        if outcome.error is not None:
            result.errors.append(str(outcome.error))
            continue
        try:
            rows = document_rows(outcome.events)
        except (ValueError, TypeError, RecursionError) as e:
            error = InputError(f"could not be written ({type(e).__name__}: {e})", outcome.doc_id)
            result.errors.append(str(error))
            continue
        result.documents += 1
        for month, row in rows:
            by_month[month].append(row)
    root = Path(out_dir)
    remove_part(root, batch.index)
    result.months = write_rows(by_month, root, batch.name)
    result.events = sum(result.months.values())
    marker = marker_path(root, batch.index)
    marker.parent.mkdir(parents=True, exist_ok=True)
    temp = marker.with_name("." + marker.name + ".tmp")
    temp.write_text(json.dumps({"key": batch.key, **result.__dict__}), encoding="utf-8")
    os.replace(temp, marker)
    return result


def remove_part(out_dir: Path, index: int) -> None:
    """Remove the part files and marker of batch ``index`` (an older version of it)."""
    marker_path(out_dir, index).unlink(missing_ok=True)
    for path in out_dir.glob(f"{PARTITION}=*/part-{index:05d}.parquet"):
        path.unlink()


# --- in the client -----------------------------------------------------------------------


def clear_output(out_dir: Path, keep_below: int = 0) -> None:
    """Remove the part files and markers in ``out_dir`` of batches ``keep_below`` and up."""
    for path in [*out_dir.glob(f"{PARTITION}=*/part-*.parquet"),
                 *out_dir.glob(f"{DONE_DIR}/part-*.json")]:  # fmt: skip
        digits = path.name.removeprefix("part-").split(".")[0]
        if not digits.isdigit() or int(digits) >= keep_below:
            path.unlink()


def finished(out_dir: Path, batch: Batch) -> PartResult | None:
    """The result an earlier run recorded for ``batch``, if it coded the same documents."""
    marker = marker_path(out_dir, batch.index)
    if not marker.exists():
        return None
    try:
        data = json.loads(marker.read_text(encoding="utf-8"))
        key = data.pop("key")
        result = PartResult(**data)
    except (ValueError, KeyError, TypeError) as e:
        raise ResumeError(f"{marker}: not a partition marker") from e
    return result if key == batch.key else None


def connect(scheduler: str, timeout: float = 30.0) -> Any:
    """A Dask ``Client`` for the scheduler at ``scheduler``; raises ClusterError if unreachable."""
    from distributed import Client

    try:
        return Client(scheduler, timeout=timeout)
    except (OSError, TimeoutError) as e:
        raise ClusterError(f"cannot reach the Dask scheduler at {scheduler}: {e}") from e


def run_dask(
    inputs: Iterable[str | Path],
    out_dir: Path,
    scheduler: str | None = None,
    config: Config | None = None,
    workers: int | None = None,
    resume: bool = False,
    date: str | None = None,
    batch_size: int = BATCH,
    client: Any = None,
    coder_factory: CoderFactory | None = None,
    on_partition: Callable[[PartResult], None] | None = None,
    in_flight: int | None = None,
) -> DaskSummary:
    """Code every document under ``inputs`` on Dask into month-partitioned Parquet in ``out_dir``.

    ``inputs`` are what ``dyadwatch.read.read_inputs`` takes (``date`` is its fallback
    date). ``client`` (a ``distributed.Client``) is used as given; otherwise ``scheduler``
    is connected to; with neither, a local cluster of ``workers`` processes (default: the
    core count) is started and stopped. ``out_dir`` must be reachable by every worker.
    Without ``resume`` earlier part files in ``out_dir`` are removed first; with it the
    batches finished with the same documents are skipped. Raises InputError when the input
    holds nothing to code, OutputError for an unusable ``out_dir``, ClusterError when the
    cluster cannot be reached or loses a task.
    """
    from ..read import read_inputs

    config = config or Config()
    check_output_dir(out_dir)
    summary = DaskSummary()
    items = read_inputs(list(inputs), date=date, config=config)
    batches = plan_batches(items, batch_size, on_error=lambda e: summary.error(str(e)))
    first = next(batches, None)
    if first is None:
        if summary.error_count == 0:
            raise InputError("no documents to code", doc=", ".join(map(str, inputs)) or "-")
        return summary
    out_dir.mkdir(parents=True, exist_ok=True)
    if not resume:
        clear_output(out_dir)
    owned = None
    if client is None:
        client = owned = connect(scheduler) if scheduler else _local_client(workers)
    try:
        last = _run_batches(client, [first], batches, out_dir, config, summary, resume,
                            coder_factory or default_coder, on_partition, in_flight)  # fmt: skip
        clear_output(out_dir, keep_below=last + 1)  # batches an earlier, longer input had
    finally:
        if owned is not None:
            cluster = getattr(owned, "cluster", None)
            owned.close()
            if cluster is not None and scheduler is None:
                cluster.close()
    return summary


def _run_batches(client: Any, head: list[Batch], rest: Iterable[Batch], out_dir: Path,
                 config: Config, summary: DaskSummary, resume: bool, factory: CoderFactory,
                 on_partition: Callable[[PartResult], None] | None,
                 in_flight: int | None) -> int:  # fmt: skip
    """Submit the batches (at most ``in_flight`` out at a time); returns the last index."""
    from distributed import as_completed

    limit = in_flight or 2 * max(1, len(client.scheduler_info().get("workers", {})))
    running = as_completed()
    batches: dict[Any, Batch] = {}
    last = -1
    for batch in _chain(head, rest):
        last = batch.index
        earlier = finished(out_dir, batch) if resume else None
        if earlier is not None:
            summary.add(earlier, earlier=True)
            continue
        future = client.submit(code_batch, batch, str(out_dir.resolve()), config, factory,
                               pure=False)  # fmt: skip
        batches[future] = batch
        running.add(future)
        while running.count() >= limit:
            _collect(next(running), batches, summary, on_partition)
    for future in running:
        _collect(future, batches, summary, on_partition)
    return last


def _chain(head: list[Batch], rest: Iterable[Batch]) -> Iterable[Batch]:
    yield from head
    yield from rest


def _collect(future: Any, batches: dict[Any, Batch], summary: DaskSummary,
             on_partition: Callable[[PartResult], None] | None) -> None:  # fmt: skip
    """Add a finished task's result; a task that failed as a whole names its documents."""
    from distributed.client import FutureCancelledError
    from distributed.scheduler import KilledWorker

    batch = batches.pop(future)
    try:
        result = future.result()
    except (KilledWorker, FutureCancelledError, OSError) as e:
        raise ClusterError(f"the cluster lost batch {batch.index}: {type(e).__name__}: {e}") from e
    except Exception as e:  # noqa: BLE001 - the task's own failure: its documents are named
        result = PartResult(batch.index, errors=[
            str(InputError(f"could not be coded or written ({type(e).__name__}: {e})", doc.id))
            for doc in batch.docs
        ])  # fmt: skip
    summary.add(result)
    if on_partition is not None:
        on_partition(result)


def _local_client(workers: int | None) -> Any:
    """A local cluster of ``workers`` processes that serves no dashboard or HTTP routes."""
    import dask
    from distributed import Client, LocalCluster

    with dask.config.set({"distributed.scheduler.http.routes": [],
                          "distributed.worker.http.routes": []}):  # fmt: skip
        cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1,
                               processes=True, dashboard_address="127.0.0.1:0",
                               scheduler_kwargs={"dashboard": False})  # fmt: skip
    return Client(cluster)
