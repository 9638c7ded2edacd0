"""A pool of worker processes that code a stream of documents and give the outcomes back in order.

Each worker builds one coder in its initializer (the spaCy pipeline, knowledge base and
lexicons load once per process). Documents travel in chunks; at most ``in_flight`` chunks
are out at a time, so memory stays bounded whatever the corpus size. Input errors from the
reader never go to a worker: they come back as error Outcomes at their place in the stream.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any, Protocol, Self

from ..config import Config
from ..errors import DyadwatchError, InputError
from ..model import Document
from ..outcome import Outcome  # no spaCy: the coder loads only where documents are coded
from ..spacy_import import defer_spacy_cli
from .lifeline import die_with_parent

# Small chunks keep the workers evenly loaded to the end of a run (a 64-document chunk could
# leave one worker coding alone for its last ten seconds); at ~0.2 s a document, eight
# documents a chunk make the cost of sending them negligible.
DEFAULT_CHUNK = 8
IN_FLIGHT_PER_WORKER = 4
READY_TIMEOUT = 900.0


class CoderLike(Protocol):
    """What the pool needs from a coder: ``code_many`` yields one Outcome per input item."""

    def code_many(self, items: Iterable[Document | InputError]) -> Iterator[Outcome]: ...


CoderFactory = Callable[[Config], CoderLike]


def default_coder(config: Config) -> CoderLike:
    """Build the project's coder; the default factory of every runner."""
    from ..coder import Coder

    return Coder(config)


class PoolError(DyadwatchError):
    """A worker could not start or crashed while coding."""


def error_outcome(error: InputError) -> Outcome:
    """The Outcome of an input item that never reached a coder."""
    return Outcome(doc_id=error.doc or "", error=error)


def failed_outcome(item: Document | InputError, stage: str, exc: BaseException) -> Outcome:
    """The Outcome of an item that broke ``stage`` ("coded", "written"): an error naming it."""
    if isinstance(item, InputError):
        return error_outcome(item)
    error = InputError(f"could not be {stage} ({type(exc).__name__}: {exc})", doc=item.id)
    return Outcome(doc_id=item.id, error=error, document=item)


def code_guarded(coder: CoderLike, items: Iterable[Document | InputError],
                 chunk_size: int = DEFAULT_CHUNK) -> Iterator[Outcome]:  # fmt: skip
    """``coder.code_many(items)``, but an exception that ends a batch (not just one document)
    costs only the documents that cause it: the batch is coded again one document at a time
    and each one that still fails comes back as an error Outcome."""
    chunk: list[Document | InputError] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= chunk_size:
            yield from _code_chunk_guarded(coder, chunk)
            chunk = []
    if chunk:
        yield from _code_chunk_guarded(coder, chunk)


def _code_chunk_guarded(coder: CoderLike, chunk: list[Document | InputError]) -> list[Outcome]:
    try:
        outcomes = list(coder.code_many(chunk))
        if len(outcomes) == len(chunk):
            return outcomes
        raise RuntimeError(f"the coder gave {len(outcomes)} outcomes for {len(chunk)} items")
    except Exception as exc:  # noqa: BLE001 - one document's failure must not end the run
        if len(chunk) == 1:
            return [failed_outcome(chunk[0], "coded", exc)]
    return [o for item in chunk for o in _code_chunk_guarded(coder, [item])]


# --- inside a worker process -------------------------------------------------------------

# The one coder of this worker process (or the error that stopped it from loading). Worker
# processes hold their state here because the executor gives a task nothing else to reach.
_WORKER: dict[str, Any] = {}


def _init_worker(factory: CoderFactory, config: Config, barrier: Any) -> None:
    die_with_parent()
    defer_spacy_cli()
    try:
        _WORKER["coder"] = factory(config)
    except Exception as e:  # noqa: BLE001 - any load failure is reported by the first task
        _WORKER["error"] = f"{type(e).__name__}: {e}"
    if barrier is not None:
        barrier.wait()


def _peak_rss() -> int:
    """This process's peak resident memory in bytes (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _pack_error(error: InputError | None) -> tuple[type, str, str | None, int | None] | None:
    if error is None:
        return None
    return (type(error), error.reason, error.doc, error.line)


def _unpack_error(state: tuple[type, str, str | None, int | None] | None) -> InputError | None:
    if state is None:
        return None
    cls, reason, doc, line = state
    try:
        return cls(reason, doc=doc, line=line)
    except TypeError:  # a subclass with another signature: keep the message and the place
        return InputError(reason, doc=doc, line=line)


def _code_chunk(docs: list[Document]) -> tuple[int, int, list[tuple[Any, ...]]]:
    """Code one chunk in this worker; returns (pid, peak RSS, packed outcomes in order)."""
    if "error" in _WORKER:
        raise PoolError(f"worker {os.getpid()} could not build its coder: {_WORKER['error']}")
    packed = []
    for doc, outcome in zip(docs, code_guarded(_WORKER["coder"], docs, len(docs)), strict=True):
        same = outcome.document is doc
        packed.append((outcome.doc_id, outcome.events, _pack_error(outcome.error),
                       None if same else outcome.document, same))  # fmt: skip
    return os.getpid(), _peak_rss(), packed


def _ping() -> int:
    return os.getpid()


# --- in the parent process ---------------------------------------------------------------


@dataclass
class _Chunk:
    items: list[Document | InputError]
    future: Future[tuple[int, int, list[tuple[Any, ...]]]] | None


@dataclass
class PoolStats:
    """What the pool measured: documents coded and each worker's peak memory (bytes)."""

    documents: int = 0
    chunks: int = 0
    peak_rss: dict[int, int] = field(default_factory=dict)


class WorkerPool:
    """Worker processes that each hold one coder; use as a context manager.

    ``workers`` processes are started with the ``start_method`` context (spawn or
    forkserver: no pipeline state is forked). ``coder_factory`` must be importable by the
    workers (a module-level function or class); it defaults to the project's Coder.
    """

    def __init__(
        self,
        config: Config | None = None,
        workers: int = 2,
        chunk_size: int = DEFAULT_CHUNK,
        in_flight: int | None = None,
        coder_factory: CoderFactory | None = None,
        start_method: str = "spawn",
    ):
        if workers < 1:
            raise ValueError(f"workers must be at least 1, not {workers}")
        if chunk_size < 1:
            raise ValueError(f"chunk_size must be at least 1, not {chunk_size}")
        self.config = config or Config()
        self.workers = workers
        self.chunk_size = chunk_size
        self.in_flight = in_flight or IN_FLIGHT_PER_WORKER * workers
        self.factory = coder_factory or default_coder
        self.start_method = start_method
        self.stats = PoolStats()
        self._executor: ProcessPoolExecutor | None = None

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def start(self, timeout: float = READY_TIMEOUT) -> None:
        """Start the workers and wait until each has built its coder (or failed to)."""
        if self._executor is not None:
            return
        ctx = multiprocessing.get_context(self.start_method)
        barrier = ctx.Barrier(self.workers + 1)
        self._executor = ProcessPoolExecutor(
            max_workers=self.workers, mp_context=ctx, initializer=_init_worker,
            initargs=(self.factory, self.config, barrier),
        )  # fmt: skip
        pings = [self._executor.submit(_ping) for _ in range(self.workers)]
        try:
            barrier.wait(timeout)
        except threading.BrokenBarrierError as e:
            self.close()
            raise PoolError(f"workers not ready after {timeout:.0f} s") from e
        for ping in pings:
            try:
                ping.result(timeout)
            except BrokenProcessPool as e:
                self.close()
                raise PoolError("a worker process died while starting") from e

    def close(self) -> None:
        """Stop the workers; chunks still out are dropped."""
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def code_many(self, items: Iterable[Document | InputError]) -> Iterator[Outcome]:
        """Code ``items`` on the workers; yields one Outcome per item, in input order."""
        self.start()
        pending: deque[_Chunk] = deque()
        chunk: list[Document | InputError] = []
        for item in items:
            chunk.append(item)
            if len(chunk) >= self.chunk_size:
                pending.append(self._submit(chunk))
                chunk = []
                while len(pending) >= self.in_flight:
                    yield from self._collect(pending.popleft())
        if chunk:
            pending.append(self._submit(chunk))
        while pending:
            yield from self._collect(pending.popleft())

    def _submit(self, items: list[Document | InputError]) -> _Chunk:
        docs = [item for item in items if isinstance(item, Document)]
        if not docs:
            return _Chunk(items, None)
        if self._executor is None:
            raise PoolError("the pool is closed")
        return _Chunk(items, self._executor.submit(_code_chunk, docs))

    def _collect(self, chunk: _Chunk) -> Iterator[Outcome]:
        from ..outcome import Outcome

        packed: list[tuple[Any, ...]] = []
        if chunk.future is not None:
            try:
                pid, rss, packed = chunk.future.result()
            except BrokenProcessPool as e:
                raise PoolError("a worker process died (out of memory or killed?)") from e
            except PoolError:
                raise
            except Exception as exc:  # noqa: BLE001 - e.g. outcomes that cannot be sent back
                yield from (failed_outcome(item, "coded", exc) for item in chunk.items)
                return
            self.stats.peak_rss[pid] = max(rss, self.stats.peak_rss.get(pid, 0))
            self.stats.chunks += 1
            self.stats.documents += len(packed)
        results = iter(packed)
        for item in chunk.items:
            if isinstance(item, InputError):
                yield error_outcome(item)
                continue
            doc_id, events, error, document, same = next(results)
            yield Outcome(doc_id=doc_id, events=events, error=_unpack_error(error),
                          document=item if same else document)  # fmt: skip


def code_parallel(
    items: Iterable[Document | InputError],
    config: Config | None = None,
    workers: int = 2,
    chunk_size: int = DEFAULT_CHUNK,
    coder_factory: CoderFactory | None = None,
) -> Iterator[Outcome]:
    """Code ``items`` with a pool of ``workers`` processes; outcomes come in input order.

    The pool starts on the first ``next()`` and stops when the stream ends or is closed.
    """
    with WorkerPool(config, workers, chunk_size, coder_factory=coder_factory) as pool:
        yield from pool.code_many(items)
