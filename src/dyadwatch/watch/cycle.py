"""One watch cycle: poll what is due, code what is new, store it exactly once, raise alerts.

The fetch thread (:mod:`.fetchrun`) feeds articles to this thread as they arrive; each is
checked against the store (the same text under the same canonical URL is ``unchanged``,
under another URL a ``duplicate``) and new ones go to the coder in batches. Every batch of
coded articles is committed with the state of the items it came from and its log lines in
one transaction (:meth:`WatchStore.commit_batch`), so a crash loses at most the batch in
hand, which the next cycle fetches again. The dyads the batches touch are merged into events
once, at the end of the cycle (and every ``merge_every`` seconds of a long one). Sources'
validators and schedules are saved at the
end of the cycle, after every article they listed is stored.
"""

from __future__ import annotations

import datetime as dt
import queue
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..config import Config
from ..model import Document
from ..store.watchstate import ItemState, LogEntry, SourceState, WatchStore
from ..store.writer import from_outcome
from .alerts import find_alerts
from .fetchrun import DONE, FetchPlan, FetchSummary, retry_delay, start_fetching
from .notify import deliver
from .settings import WatchSettings
from .sources import Found, Polled

if TYPE_CHECKING:
    from ..coder import Coder, Outcome


@dataclass
class CycleReport:
    """What one cycle did; ``progress`` callbacks see it grow."""

    cycle: str
    sources: int = 0
    requests: int = 0
    fetched: int = 0
    not_modified: int = 0
    coded: int = 0
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    duplicates: int = 0
    mentions: int = 0
    skipped: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    failed_sources: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    alerts: list[dict[str, Any]] = field(default_factory=list)
    delivery_errors: list[str] = field(default_factory=list)
    seconds: float = 0.0
    fetch_seconds: float = 0.0  # from the start until the last source was read
    coder_seconds: float = 0.0
    store_seconds: float = 0.0  # committing batches and merging the dyads they touched
    alert_seconds: float = 0.0

    def summary(self) -> str:
        return (f"{self.sources} sources polled, {self.fetched} articles read, {self.coded} coded "
                f"({self.added} added, {self.replaced} replaced), {self.unchanged} unchanged, "
                f"{self.duplicates} duplicates, {len(self.skipped)} skipped, {len(self.failed)} "
                f"failed; {self.mentions} mentions; {len(self.alerts)} alerts; "
                f"{len(self.failed_sources)} sources failed")  # fmt: skip


Progress = Callable[[CycleReport, str | None], None]
OnLog = Callable[[LogEntry], None]


def _quiet(report: CycleReport, message: str | None) -> None:
    """The default progress callback: say nothing."""


class Cycle:
    """One cycle over an open WatchStore; ``run`` does it all and returns the report."""

    def __init__(self, store: WatchStore, settings: WatchSettings, config: Config,
                 coder: Callable[[], Coder], progress: Progress = _quiet,
                 printer: Callable[[dict[str, Any]], None] | None = None,
                 on_log: OnLog | None = None) -> None:  # fmt: skip
        self.on_log = on_log
        self.store, self.settings, self.config = store, settings, config
        self.get_coder, self.progress, self.printer = coder, progress, printer
        self.report = CycleReport(uuid.uuid4().hex[:12])
        self.seen: dict[str, ItemState] = {}
        self.meta: dict[str, tuple[int, Found]] = {}  # doc id -> (order, where it came from)
        self.held: list[tuple[int, ItemState | None, LogEntry]] = []
        self.hashes: dict[str, str] = {}  # content hash -> doc id, this cycle
        self.order = 0  # arrival number of the latest article
        self.finished = False
        self.summary: FetchSummary | None = None
        self.started = self.merged = time.perf_counter()

    def run(self, force: bool = False) -> CycleReport:
        """Poll the due sources (every source when ``force``), store, alert."""
        self.started = start = time.perf_counter()
        now = dt.datetime.now()
        states = self.store.sources()
        due = [s for s in self.settings.sources if force or _is_due(states.get(s.name), now)]
        self.seen = self.store.items()
        retries = self.store.retries_due(now, self.settings.max_item_failures)
        self.report.sources = len(due)
        plan = FetchPlan(self.settings, self.config, due, states, self.seen, retries)
        self.store.merge_pending()  # what a crashed cycle stored but did not merge
        q, thread = start_fetching(plan)
        self._code_and_store(q)
        thread.join()
        t0 = time.perf_counter()
        self.store.merge_pending()
        self.report.store_seconds += time.perf_counter() - t0
        if self.summary is not None:
            self._save_sources(self.summary.polled, states, now)
            self.report.requests = self.summary.requests
        t0 = time.perf_counter()
        self._alerts()
        self.report.alert_seconds = time.perf_counter() - t0
        self.report.seconds = time.perf_counter() - start
        self.progress(self.report, None)
        return self.report

    # -- the coder's input: new articles only ---------------------------------------------

    def _next_batch(self, q: queue.Queue[object]) -> list[Document]:
        """Up to ``batch_size`` new documents: waits for the first, then takes what has
        arrived, so a slow source never holds back what is ready. Empty at the end."""
        batch: list[Document] = []
        while len(batch) < max(1, self.settings.batch_size) and not self.finished:
            try:
                item = q.get(block=not batch)
            except queue.Empty:
                break
            if item is DONE:
                self.finished = True
            elif isinstance(item, FetchSummary):
                self.summary = item
                self.report.fetch_seconds = time.perf_counter() - self.started
            else:
                self.order += 1
                doc = self._triage(self.order, item)  # type: ignore[arg-type]
                if doc is not None:
                    batch.append(doc)
        return batch

    def _triage(self, order: int, found: Found) -> Any:
        """The document to code, or None after holding the item's state and log line."""
        doc = found.document
        if found.outcome != "fetched" or doc is None:
            self._hold_other(order, found)
            return None
        self.report.fetched += 1
        known = self.store.stored_as(doc.id, doc.content_hash)
        if known is None and doc.content_hash in self.hashes:
            known = ("duplicate" if self.hashes[doc.content_hash] != doc.id else "unchanged",
                     self.hashes[doc.content_hash])  # fmt: skip
        if known is None and doc.id in self.meta:
            self._hold(order, found, "skipped", "another page with this canonical URL came first")
            return None
        if known is not None:
            kind, other = known
            reason = None if kind == "unchanged" else f"same text as {other}"
            self._hold(order, found, "stored" if kind == "unchanged" else "duplicate", reason,
                       action=kind, doc_id=other)  # fmt: skip
            return None
        self.hashes[doc.content_hash] = doc.id
        self.meta[doc.id] = (order, found)
        return doc

    def _hold_other(self, order: int, found: Found) -> None:
        prev = self.seen.get(found.key)
        if found.outcome == "not-modified":
            self.report.not_modified += 1
            state = prev or ItemState(found.key, found.source, found.url)
            state.stamp = found.stamp or state.stamp
            state.seen_at = None
            self.held.append((order, state, self._log(found, "not-modified")))
        elif found.outcome == "failed":
            failures = (prev.failures if prev and prev.status == "failed" else 0) + 1
            gave_up = failures >= self.settings.max_item_failures
            self._hold(order, found, "given-up" if gave_up else "failed", found.reason,
                       failures=failures)  # fmt: skip
        else:
            self._hold(order, found, "skipped", found.reason)

    def _hold(self, order: int, found: Found, status: str, reason: str | None,
              action: str | None = None, doc_id: str | None = None, failures: int = 0) -> None:  # fmt: skip
        doc = found.document
        if status in ("failed", "given-up"):
            self.report.failed.append(f"{found.url or found.key}: {reason}")
        elif status == "skipped":
            self.report.skipped.append(f"{found.url or found.key}: {reason}")
        elif action == "unchanged":
            self.report.unchanged += 1
        elif status == "duplicate":
            self.report.duplicates += 1
        retry_at = None
        if status == "failed":
            retry_at = dt.datetime.now() + retry_delay(
                failures, 3600.0, found.retry_after, self.settings.retry_base
            )
        state = ItemState(found.key, found.source, found.url, doc_id or (doc.id if doc else None),
                          doc.content_hash if doc else None, found.stamp, found.etag,
                          found.last_modified, status, reason, failures, retry_at)  # fmt: skip
        if not found.carries_state:
            state = None
        self.held.append((order, state, self._log(found, action or status, reason)))
        self.progress(self.report, None)

    def _log(self, found: Found, action: str, detail: str | None = None) -> LogEntry:
        return LogEntry(self.report.cycle, found.source, found.url or found.key, action, detail)

    # -- coding and committing ------------------------------------------------------------

    def _code_and_store(self, q: queue.Queue[object]) -> None:
        while batch := self._next_batch(q):
            coder = self.get_coder()
            t0 = time.perf_counter()
            outcomes = list(coder.code_many(batch))
            self.report.coder_seconds += time.perf_counter() - t0
            self._commit(outcomes)
            if time.perf_counter() - self.merged > self.settings.merge_every:
                t0 = time.perf_counter()
                self.store.merge_pending()  # a long cycle shows its events as it goes
                self.merged = time.perf_counter()
                self.report.store_seconds += self.merged - t0
        self._commit([], final=True)

    def _commit(self, outcomes: list[Outcome], final: bool = False) -> None:
        subs, states, log = [], [], []
        last = 0
        for o in outcomes:
            order, found = self.meta[o.document.id if o.document else o.doc_id]
            last = max(last, order)
            sub = from_outcome(o)
            if sub is None:
                self.report.skipped.append(f"{found.url or found.key}: {o.error}")
                states.append(self._state(found, "skipped", str(o.error)))
                log.append(self._log(found, "skipped", str(o.error)))
                continue
            sub.origin = "watch"
            subs.append(sub)
            states.append(self._state(found, "stored", None))
            log.append(self._log(found, "coded", f"{len(o.events)} events"))
        ready = [h for h in self.held if final or h[0] < last]
        self.held = [h for h in self.held if not (final or h[0] < last)]
        states += [s for _, s, _ in ready if s is not None]
        log += [e for _, _, e in ready]
        if not (subs or states or log):
            return
        t0 = time.perf_counter()
        stats = self.store.commit_batch(subs, [s for s in states if s is not None], log)
        self.report.store_seconds += time.perf_counter() - t0
        for entry in log if self.on_log else ():
            self.on_log(entry)  # type: ignore[misc]
        self.report.coded += len(subs)
        self.report.added += stats.added
        self.report.replaced += stats.replaced
        self.report.mentions += stats.mentions
        self.progress(self.report, None)

    def _state(self, found: Found, status: str, reason: str | None) -> ItemState | None:
        if not found.carries_state:
            return None
        doc = found.document
        return ItemState(found.key, found.source, found.url, doc.id if doc else None,
                         doc.content_hash if doc else None, found.stamp, found.etag,
                         found.last_modified, status, reason)  # fmt: skip

    # -- sources and alerts ----------------------------------------------------------------

    def _save_sources(self, polled: list[Polled], states: dict[str, SourceState],
                      now: dt.datetime) -> None:  # fmt: skip
        rows, log = [], []
        for p in polled:
            name = p.source.name
            prev = states.get(name) or SourceState(name)
            if p.error is not None:
                failures = prev.failures + 1
                rows.append(SourceState(name, prev.etag, prev.last_modified, now,
                                        now + retry_delay(failures, p.source.interval, p.retry_after,
                                                          self.settings.retry_base),
                                        failures, p.error))  # fmt: skip
                self.report.failed_sources.append(f"{name}: {p.error}")
                self.progress(self.report, f"source failed: {name}: {p.error}")
                log.append(LogEntry(self.report.cycle, name, None, "source-failed", p.error))
                continue
            etag = prev.etag if p.not_modified else p.etag
            modified = prev.last_modified if p.not_modified else p.last_modified
            rows.append(SourceState(name, etag, modified, now,
                                    now + dt.timedelta(seconds=p.source.interval), 0, None))  # fmt: skip
            detail = "not modified" if p.not_modified else f"{p.listed} items listed"
            log.append(LogEntry(self.report.cycle, name, None, "polled", detail))
            if p.note:
                log.append(LogEntry(self.report.cycle, name, None, "warning", p.note))
                self.report.warnings.append(f"{name}: {p.note}")
                self.progress(self.report, f"warning: {name}: {p.note}")
        if rows:
            self.store.save_sources(rows, log)

    def _alerts(self) -> None:
        dirty = self.store.dirty_documents()
        if dirty:
            new = self.store.add_alerts(find_alerts(self.store, dirty, self.settings.alerts), dirty)
            self.report.alerts = [a.payload for a in new]
        self.report.delivery_errors = deliver(self.store, self.settings.alerts, self.printer)
        for message in self.report.delivery_errors:
            self.progress(self.report, f"alert not delivered: {message}")


def _is_due(state: SourceState | None, now: dt.datetime) -> bool:
    return state is None or state.next_poll is None or state.next_poll <= now


class LazyCoder:
    """The coder, loaded the first time a cycle has something to code and kept after."""

    def __init__(self, config: Config | None = None, coder: Coder | None = None):
        self.config = config or Config()
        self.coder = coder

    def __call__(self) -> Coder:
        if self.coder is None:
            from ..coder import Coder

            self.coder = Coder(self.config)
        return self.coder


def run_cycle(db: Path, settings: WatchSettings, coder: LazyCoder | None = None,
              force: bool = False, progress: Progress = _quiet,
              printer: Callable[[dict[str, Any]], None] | None = None,
              on_log: OnLog | None = None) -> CycleReport:  # fmt: skip
    """Open the store, run one cycle, close the store (so readers can open it in between).

    ``progress`` sees the report grow (and one-line messages about failures), ``printer``
    prints each new alert, ``on_log`` sees each run-log line once it is committed.
    """
    coder = coder or LazyCoder()
    with WatchStore(db) as store:
        return Cycle(store, settings, coder.config, coder, progress, printer, on_log).run(force)
