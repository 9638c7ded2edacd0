"""What `dyadwatch watch` remembers, kept in the event store beside the events.

``watch_items``   one row per article (or dropped file) met: where it came from, the
                  stamp and validators it had, what became of it (stored, unchanged,
                  duplicate, skipped, failed) and when a failed one is tried again
``watch_sources`` one row per source: validators of the last good fetch, failures in a
                  row, the last error, when it is next due
``watch_log``     the run log: what each cycle fetched, coded, skipped and why
``watch_dirty``   documents stored since alerts were last looked for
``watch_unmerged`` dyads whose new mentions are not merged into events yet
``watch_alerts``  the alert outbox: each alert once, with the channels it has reached
``watch_alert_keys`` the mentions an alert covers, so a later source of the same event
                  does not raise it again

:class:`WatchStore` is the store's one writer with these tables added: a batch of coded
articles, the state of the items it came from and its log lines are committed in one
transaction, so after a crash (kill -9 included) every article is either stored and marked
seen, or neither, and the next cycle takes up exactly the ones that were not.

Merging a dyad's mentions into events costs time that grows with the dyad, so batches do not
merge: they note the dyads they touched in ``watch_unmerged`` (in the same transaction), and
:meth:`WatchStore.merge_pending` merges each of them once, at the end of a cycle (and at the
start of the next, should a crash have come in between).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import astuple, dataclass, fields
from pathlib import Path
from typing import Any

from .reader import StoreReader
from .writer import IngestStats, StoreWriter, Submission

TABLES = {
    "watch_items": """
        CREATE TABLE IF NOT EXISTS watch_items (
            key VARCHAR NOT NULL, source VARCHAR, url VARCHAR, doc_id VARCHAR,
            content_hash VARCHAR, stamp VARCHAR, etag VARCHAR, last_modified VARCHAR,
            status VARCHAR, reason VARCHAR, failures INTEGER, retry_at TIMESTAMP,
            seen_at TIMESTAMP)""",
    "watch_sources": """
        CREATE TABLE IF NOT EXISTS watch_sources (
            source VARCHAR NOT NULL, etag VARCHAR, last_modified VARCHAR,
            polled_at TIMESTAMP, next_poll TIMESTAMP, failures INTEGER, last_error VARCHAR)""",
    "watch_log": """
        CREATE TABLE IF NOT EXISTS watch_log (
            cycle VARCHAR, logged_at TIMESTAMP, source VARCHAR, item VARCHAR, action VARCHAR,
            detail VARCHAR)""",
    "watch_dirty": "CREATE TABLE IF NOT EXISTS watch_dirty (doc_id VARCHAR NOT NULL)",
    "watch_unmerged": """
        CREATE TABLE IF NOT EXISTS watch_unmerged (actor_country VARCHAR,
                                                   recipient_country VARCHAR)""",
    "watch_alerts": """
        CREATE TABLE IF NOT EXISTS watch_alerts (
            alert_id VARCHAR NOT NULL, kind VARCHAR, created_at TIMESTAMP, payload VARCHAR,
            printed BOOLEAN, jsonl BOOLEAN, webhook BOOLEAN)""",
    "watch_alert_keys": """
        CREATE TABLE IF NOT EXISTS watch_alert_keys (alert_id VARCHAR NOT NULL,
                                                     key VARCHAR NOT NULL)""",
}
CHANNELS = ("printed", "jsonl", "webhook")


@dataclass
class ItemState:
    """One article's (or dropped file's) row in ``watch_items``."""

    key: str
    source: str
    url: str | None = None
    doc_id: str | None = None
    content_hash: str | None = None
    stamp: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    status: str = "stored"
    reason: str | None = None
    failures: int = 0
    retry_at: dt.datetime | None = None
    seen_at: dt.datetime | None = None


@dataclass
class SourceState:
    """One source's row in ``watch_sources``."""

    source: str
    etag: str | None = None
    last_modified: str | None = None
    polled_at: dt.datetime | None = None
    next_poll: dt.datetime | None = None
    failures: int = 0
    last_error: str | None = None


@dataclass
class LogEntry:
    """One line of the run log."""

    cycle: str
    source: str
    item: str | None
    action: str
    detail: str | None = None
    at: dt.datetime | None = None


@dataclass
class Alert:
    """One alert for the outbox: ``keys`` are the mentions (or links) it covers."""

    alert_id: str
    kind: str
    payload: dict[str, Any]
    keys: tuple[str, ...] = ()


class WatchStore(StoreWriter):
    """The store's writer with the watch tables; one per cycle, closed between cycles."""

    def __init__(self, path: Path | str):
        super().__init__(path)
        with self._transaction():
            for ddl in TABLES.values():
                self.con.execute(ddl)

    # -- reading state ------------------------------------------------------------------

    def items(self, keys: Iterable[str] | None = None) -> dict[str, ItemState]:
        """The rows of ``watch_items`` for ``keys`` (every row when None)."""
        cols = ", ".join(f.name for f in fields(ItemState))
        if keys is None:
            rows = self.con.execute(f"SELECT {cols} FROM watch_items").fetchall()
        else:
            rows = self.con.execute(
                f"SELECT {cols} FROM watch_items WHERE key IN (SELECT unnest(?))", [list(keys)]
            ).fetchall()
        return {r[0]: ItemState(*r) for r in rows}

    def retries_due(self, now: dt.datetime, max_failures: int) -> list[ItemState]:
        """Failed articles whose retry time has come and that have not been given up."""
        cols = ", ".join(f.name for f in fields(ItemState))
        rows = self.con.execute(
            f"SELECT {cols} FROM watch_items WHERE status = 'failed' AND retry_at <= ? "
            "AND failures < ? ORDER BY key", [now, max_failures]
        ).fetchall()  # fmt: skip
        return [ItemState(*r) for r in rows]

    def sources(self) -> dict[str, SourceState]:
        """Every source's state, by source name."""
        cols = ", ".join(f.name for f in fields(SourceState))
        rows = self.con.execute(f"SELECT {cols} FROM watch_sources").fetchall()
        return {r[0]: SourceState(*r) for r in rows}

    def stored_as(self, doc_id: str, content_hash: str) -> tuple[str, str] | None:
        """``("unchanged", doc_id)`` when this text is stored under this id, ``("duplicate",
        other_id)`` when it is stored under another id, None when it is new."""
        row = self.con.execute(
            "SELECT doc_id FROM documents WHERE content_hash = ? ORDER BY doc_id <> ?, doc_id "
            "LIMIT 1", [content_hash, doc_id]
        ).fetchone()  # fmt: skip
        if row is None:
            return None
        return ("unchanged" if row[0] == doc_id else "duplicate", row[0])

    def dirty_documents(self) -> list[str]:
        return [r[0] for r in self.con.execute("SELECT DISTINCT doc_id FROM watch_dirty ORDER BY 1")
                .fetchall()]  # fmt: skip

    def document_mentions(self, doc_ids: Sequence[str]) -> list[dict[str, Any]]:
        """The mention records of these documents, each with its merged ``event_id``."""
        rows = self.con.execute(
            "SELECT record, event_id FROM mentions WHERE doc_id IN (SELECT unnest(?)) "
            "ORDER BY doc_id, mention_id", [list(doc_ids)]
        ).fetchall()  # fmt: skip
        return [{**json.loads(rec), "event_id": event_id} for rec, event_id in rows]

    def document_links(self, doc_ids: Sequence[str]) -> list[tuple[str, str, str, str]]:
        """Explicit response links stated in these documents: (mention, mention responded to,
        their merged events)."""
        rows = self.con.execute(
            "SELECT l.source_mention, l.target_mention, s.event_id, t.event_id "
            "FROM mention_links l JOIN mentions s ON s.mention_id = l.source_mention "
            "JOIN mentions t ON t.mention_id = l.target_mention "
            "WHERE s.doc_id IN (SELECT unnest(?)) ORDER BY 1, 2", [list(doc_ids)]
        ).fetchall()  # fmt: skip
        return [(a, b, c, d) for a, b, c, d in rows]

    def reader(self) -> StoreReader:
        """Read queries on this writer's connection (they see its uncommitted work)."""
        return _SharedReader(self.path, self.con)

    def log(self, limit: int = 50) -> list[LogEntry]:
        """The latest ``limit`` lines of the run log, oldest first."""
        return _log_lines(self.con, limit)

    # -- writing state ------------------------------------------------------------------

    def commit_batch(self, subs: Sequence[Submission], items: Sequence[ItemState],
                     log: Sequence[LogEntry]) -> IngestStats:  # fmt: skip
        """Store coded articles, their items' state and log lines in one transaction; the
        dyads they touch are left for :meth:`merge_pending`."""
        stats = IngestStats()
        with self._transaction():
            affected: set[tuple[str | None, str | None]] = set()
            for sub in subs:
                before = stats.added + stats.replaced
                affected |= self._store_document(sub, stats)
                if stats.added + stats.replaced > before:
                    self.con.execute("INSERT INTO watch_dirty VALUES (?)", [sub.doc_id])
            if affected:
                self.con.executemany("INSERT INTO watch_unmerged VALUES (?, ?)", sorted(
                    affected, key=lambda d: (d[0] or "", d[1] or "")))  # fmt: skip
            stats.dyads = len(affected)
            self._put_items(items)
            self._put_log(log)
        return stats

    def merge_pending(self) -> int:
        """Merge the mentions of every dyad a batch touched, in one transaction; returns the
        number of dyads merged."""
        with self._transaction():
            rows = self.con.execute(
                "SELECT DISTINCT actor_country, recipient_country FROM watch_unmerged"
            ).fetchall()
            self._remerge({(a, r) for a, r in rows})
            self.con.execute("DELETE FROM watch_unmerged")
        return len(rows)

    def save_sources(self, states: Sequence[SourceState], log: Sequence[LogEntry]) -> None:
        """Replace the rows of these sources and add log lines, in one transaction."""
        with self._transaction():
            names = [s.source for s in states]
            self.con.execute(
                "DELETE FROM watch_sources WHERE source IN (SELECT unnest(?))", [names]
            )
            self.con.executemany("INSERT INTO watch_sources VALUES (?, ?, ?, ?, ?, ?, ?)",
                                 [astuple(s) for s in states])  # fmt: skip
            self._put_log(log)

    def add_alerts(self, alerts: Sequence[Alert], done: Sequence[str]) -> list[Alert]:
        """Put the alerts not raised before into the outbox and clear ``done`` from the dirty
        list, in one transaction; returns the alerts that were new."""
        new = []
        now = dt.datetime.now()
        with self._transaction():
            for alert in alerts:
                seen = self.con.execute(
                    "SELECT 1 FROM watch_alerts WHERE alert_id = ? UNION ALL "
                    "SELECT 1 FROM watch_alert_keys k JOIN watch_alerts a USING (alert_id) "
                    "WHERE a.kind = ? AND k.key IN (SELECT unnest(?)) LIMIT 1",
                    [alert.alert_id, alert.kind, list(alert.keys)],
                ).fetchone()
                if seen is not None:
                    continue
                self.con.execute(
                    "INSERT INTO watch_alerts VALUES (?, ?, ?, ?, false, false, false)",
                    [
                        alert.alert_id,
                        alert.kind,
                        now,
                        json.dumps(alert.payload, ensure_ascii=False),
                    ],
                )
                if alert.keys:
                    self.con.executemany("INSERT INTO watch_alert_keys VALUES (?, ?)",
                                         [(alert.alert_id, k) for k in alert.keys])  # fmt: skip
                new.append(alert)
            self.con.execute(
                "DELETE FROM watch_dirty WHERE doc_id IN (SELECT unnest(?))", [list(done)]
            )
        return new

    def undelivered(self) -> list[tuple[str, dict[str, Any], dict[str, bool]]]:
        """Alerts some channel has not had yet: (id, payload, {channel: delivered})."""
        rows = self.con.execute(
            "SELECT alert_id, payload, printed, jsonl, webhook FROM watch_alerts "
            "WHERE NOT (printed AND jsonl AND webhook) ORDER BY created_at, alert_id"
        ).fetchall()
        return [(r[0], json.loads(r[1]), dict(zip(CHANNELS, r[2:], strict=True))) for r in rows]

    def mark_delivered(self, alert_id: str, channel: str) -> None:
        """Record that ``channel`` has had the alert (or is not configured)."""
        if channel not in CHANNELS:
            raise ValueError(f"unknown alert channel {channel!r}")
        with self._transaction():
            self.con.execute(
                f"UPDATE watch_alerts SET {channel} = true WHERE alert_id = ?", [alert_id]
            )

    def _put_items(self, items: Sequence[ItemState]) -> None:
        if not items:
            return
        now = dt.datetime.now()
        rows = [astuple(i)[:-1] + (i.seen_at or now,) for i in items]
        self.con.execute("DELETE FROM watch_items WHERE key IN (SELECT unnest(?))",
                         [[i.key for i in items]])  # fmt: skip
        self.con.executemany(f"INSERT INTO watch_items VALUES ({', '.join('?' * 13)})", rows)

    def _put_log(self, log: Sequence[LogEntry]) -> None:
        if not log:
            return
        now = dt.datetime.now()
        self.con.executemany(
            "INSERT INTO watch_log VALUES (?, ?, ?, ?, ?, ?)",
            [(e.cycle, e.at or now, e.source, e.item, e.action, e.detail) for e in log],
        )


def read_log(path: Path | str, limit: int = 50) -> list[LogEntry]:
    """The latest ``limit`` lines of a store's run log, read-only (none before a first watch)."""
    with StoreReader(path) as reader:
        if not reader.con.execute(
            "SELECT 1 FROM information_schema.tables WHERE table_name = 'watch_log'"
        ).fetchone():
            return []
        return _log_lines(reader.con, limit)


def _log_lines(con: Any, limit: int) -> list[LogEntry]:
    rows = con.execute(
        "SELECT cycle, source, item, action, detail, logged_at FROM watch_log "
        "ORDER BY logged_at DESC LIMIT ?", [limit]
    ).fetchall()  # fmt: skip
    return [LogEntry(*r) for r in reversed(rows)]


class _SharedReader(StoreReader):
    """A StoreReader over the writer's own connection; closing it leaves that open."""

    def __init__(self, path: Path, con: Any):
        self.path = path
        self.con = con

    def close(self) -> None:
        """The connection belongs to the writer."""
