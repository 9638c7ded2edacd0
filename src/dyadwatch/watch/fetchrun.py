"""One cycle's fetching, run on its own thread so the coder never waits for the network.

``start_fetching`` polls every due source and retries every failed article that is due,
all concurrently under one :class:`Fetcher`, and puts each :class:`Found` on a queue as
soon as it is read; then the list of :class:`Polled` summaries (with the number of HTTP
requests made); then ``DONE``. A source that fails, whatever the reason, becomes a Polled
with its error: it never stops the others.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import queue
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..config import Config
from ..store.watchstate import ItemState, SourceState
from .fetch import Fetcher, FetchError
from .settings import Source, WatchSettings
from .sources import Emit, Polled, fetch_article, poll_feed, poll_folder, poll_page

DONE = object()


@dataclass
class FetchPlan:
    """What a cycle fetches, with what the store remembers about it."""

    settings: WatchSettings
    config: Config
    due: Sequence[Source]
    states: Mapping[str, SourceState]
    seen: Mapping[str, ItemState]
    retries: Sequence[ItemState]


@dataclass
class FetchSummary:
    polled: list[Polled]
    requests: int


def start_fetching(plan: FetchPlan) -> tuple[queue.Queue[object], threading.Thread]:
    """Start the fetch thread; read Found records, then a FetchSummary, then DONE.

    The queue is unbounded so the event loop never blocks on it; what it holds is the
    cycle's new articles, which the coder takes as fast as it can.
    """
    out: queue.Queue[object] = queue.Queue()

    def run() -> None:
        try:
            out.put(asyncio.run(_fetch_all(plan, out.put)))
        finally:
            out.put(DONE)

    thread = threading.Thread(target=run, name="dyadwatch-fetch", daemon=True)
    thread.start()
    return out, thread


async def _fetch_all(plan: FetchPlan, emit: Emit) -> FetchSummary:
    async with Fetcher(plan.settings.fetch) as fetcher:
        claimed: set[str] = set()
        jobs = [_poll(fetcher, s, plan, claimed, emit) for s in plan.due]
        by_name = {s.name: s for s in plan.settings.sources}
        for item in plan.retries:
            claimed.add(item.key)
            source = by_name.get(item.source) or _source_named(item.source)
            jobs.append(_retry(fetcher, source, item, plan.config, emit))
        results = await asyncio.gather(*jobs)
        return FetchSummary([r for r in results if r is not None], fetcher.requests)


async def _poll(fetcher: Fetcher, source: Source, plan: FetchPlan, claimed: set[str],
                emit: Emit) -> Polled:  # fmt: skip
    s = plan.settings
    try:
        if source.kind == "feed":
            return await poll_feed(fetcher, source, plan.states.get(source.name), plan.seen,
                                   claimed, s.since, s.max_pages, plan.config, emit)  # fmt: skip
        if source.kind == "page":
            return await poll_page(fetcher, source, plan.seen, claimed, plan.config, emit)
        return await asyncio.to_thread(poll_folder, source, plan.seen, s.since, s.settle,
                                       plan.config, emit)  # fmt: skip
    except FetchError as e:
        return Polled(source, error=e.reason, retry_after=e.retry_after)
    except Exception as e:  # noqa: BLE001 - one source's failure must never stop the others
        return Polled(source, error=f"{type(e).__name__}: {e}")


async def _retry(fetcher: Fetcher, source: Source, item: ItemState, config: Config,
                 emit: Emit) -> None:  # fmt: skip
    emit(await fetch_article(fetcher, source, item.key, item.url or item.key, item.stamp,
                             None, item, config))  # fmt: skip


def _source_named(name: str) -> Source:
    kind, _, location = name.partition(":")
    return Source(kind, location)


def retry_delay(failures: int, interval: float, retry_after: float | None,
                base: float = 30.0) -> dt.timedelta:  # fmt: skip
    """When a failed source or article is tried again: ``base`` seconds doubling per failure
    in a row, at most the source's interval, and never before the server's Retry-After."""
    seconds = min(interval, base * 2 ** max(0, failures - 1))
    return dt.timedelta(seconds=max(seconds, retry_after or 0.0))
