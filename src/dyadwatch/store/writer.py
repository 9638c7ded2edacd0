"""The one writer of the event store.

Every write goes through :class:`StoreWriter` (DuckDB allows one writer per database).
Each call to :meth:`StoreWriter.ingest` is one transaction: a batch is stored whole, with
its dyads re-merged, or not at all (an exception, Ctrl-C or a crash rolls it back).

Merging policy: after each batch, every dyad the batch touched (the actor and recipient
countries of the mentions it added or removed) is re-merged from all of that dyad's
mentions with :func:`dyadwatch.link.merge.merge_mentions`. Merging is deterministic, so
the events of a dyad depend only on its mentions, not on the order documents arrived in;
:meth:`StoreWriter.remerge_all` rebuilds every dyad on demand.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

import duckdb
import pyarrow as pa

from ..datespan import date_span
from ..errors import StoreError
from ..link.merge import MergedEvent, merge_mentions, party
from ..model import Document, Event
from . import schema
from .connection import Connection, connect

WRITE_WAIT = 300.0  # seconds a commit waits for readers to close the store

if TYPE_CHECKING:
    from ..outcome import Outcome

Dyad = tuple[str | None, str | None]


@dataclass
class Submission:
    """One document's coded events, ready to store; ``content_hash`` decides re-ingest."""

    doc_id: str
    content_hash: str
    events: list[Event]
    document: Document | None = None
    origin: str = "text"


def from_outcome(outcome: Outcome) -> Submission | None:
    """A Submission from a coder Outcome; None when the outcome is an error."""
    if outcome.error is not None:
        return None
    doc = outcome.document
    digest = doc.content_hash if doc is not None else _events_hash(outcome.events)
    return Submission(outcome.doc_id, digest, list(outcome.events), doc, "text")


def _events_hash(events: list[Event]) -> str:
    h = hashlib.sha256()
    for e in sorted(events, key=lambda e: e.id):
        h.update(json.dumps(e.to_dict(), sort_keys=True).encode())
    return "ev" + h.hexdigest()[:14]


def from_event_records(events: Iterable[Event]) -> list[Submission]:
    """Group loaded event records (``dyadwatch code`` output) into one Submission per document.

    A record repeated (the same event id again, e.g. a file concatenated twice) is kept once,
    so ingesting it is idempotent.
    """
    by_doc: dict[str, list[Event]] = {}
    seen: set[str] = set()
    for e in events:
        if e.id in seen:
            continue
        seen.add(e.id)
        by_doc.setdefault(e.doc_id, []).append(e)
    out = []
    for doc_id, evs in by_doc.items():
        src = next((s for e in evs for s in e.sources if s.doc_id == doc_id), None)
        doc = Document(doc_id, "", url=src.url if src else None, outlet=src.outlet if src else None)
        out.append(Submission(doc_id, _events_hash(evs), evs, doc, "events"))
    return out


@dataclass
class IngestStats:
    """What a run of ingest did."""

    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    mentions: int = 0
    dyads: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: IngestStats) -> None:
        self.added += other.added
        self.replaced += other.replaced
        self.unchanged += other.unchanged
        self.mentions += other.mentions
        self.dyads += other.dyads
        self.errors.extend(other.errors)


def _event_row(m: MergedEvent) -> dict[str, object]:
    e = m.event
    span = date_span(e.date, e.date_precision)
    return {
        "event_id": e.id, "date": span[0] if span else None, "date_str": e.date,
        "date_precision": e.date_precision, "event": e.event, "mode": e.mode,
        "quad_code": e.quad_code, "intensity": e.intensity,
        "actor_code": e.actor.code if e.actor else None, "actor_country": party(e.actor),
        "recipient_code": e.recipient.code if e.recipient else None,
        "recipient_country": party(e.recipient), "n_sources": m.corroboration,
        "confidence": e.confidence, "record": json.dumps(m.to_dict(), ensure_ascii=False),
        "merge": json.dumps(m.why, ensure_ascii=False),
    }  # fmt: skip


EVENTS_ARROW = pa.schema([
    ("event_id", pa.string()), ("date", pa.date32()), ("date_str", pa.string()),
    ("date_precision", pa.string()), ("event", pa.string()), ("mode", pa.string()),
    ("quad_code", pa.int8()), ("intensity", pa.float64()), ("actor_code", pa.string()),
    ("actor_country", pa.string()), ("recipient_code", pa.string()),
    ("recipient_country", pa.string()), ("n_sources", pa.int32()), ("confidence", pa.float64()),
    ("record", pa.string()), ("merge", pa.string()),
])  # fmt: skip


class StoreWriter(Connection):
    """Owns the read-write connection; use as a context manager and close when done."""

    def __init__(self, path: Path | str, wait: float = WRITE_WAIT):
        """Open (or create) the store at ``path``, waiting up to ``wait`` s for readers."""
        self.path = Path(path)
        self.con = connect(self.path, read_only=False, wait=wait)
        try:
            schema.create(self.con)
        except duckdb.Error as e:
            self.con.close()
            raise StoreError(f"{self.path}: cannot open the store for writing ({e})") from e

    def _transaction(self) -> _Transaction:
        return _Transaction(self.con, self.path)

    def ingest(self, items: Iterable[Submission]) -> IngestStats:
        """Store one batch in one transaction and re-merge the dyads it touched."""
        stats = IngestStats()
        with self._transaction():
            affected: set[Dyad] = set()
            for item in items:
                affected |= self._store_document(item, stats)
            self._remerge(affected)
            stats.dyads = len(affected)
        return stats

    def ingest_batches(self, items: Iterable[Submission], batch_size: int = 200) -> IngestStats:
        """Ingest in batches of ``batch_size`` documents, one transaction each."""
        total = IngestStats()
        it: Iterator[Submission] = iter(items)
        while batch := list(islice(it, batch_size)):
            total.add(self.ingest(batch))
        return total

    def ingest_outcomes(self, outcomes: Iterable[Outcome], batch_size: int = 200) -> IngestStats:
        """Ingest coder Outcomes; an outcome with an error is counted and skipped."""
        errors: list[str] = []
        stats = self.ingest_batches(storable(outcomes, errors), batch_size)
        stats.errors.extend(errors)
        return stats

    def remerge_all(self) -> int:
        """Rebuild every dyad's merged events from its mentions; returns the number of dyads."""
        with self._transaction():
            rows = self.con.execute(
                "SELECT DISTINCT actor_country, recipient_country FROM mentions "
                "UNION SELECT DISTINCT actor_country, recipient_country FROM events"
            ).fetchall()
            self._remerge({(a, r) for a, r in rows})
        return len(rows)

    def optimize(self) -> None:
        """Sort the events table for fast dyad queries (see :func:`schema.sort_events`)."""
        with self._transaction():
            schema.sort_events(self.con)

    def _old_dyads(self, doc_id: str) -> set[Dyad]:
        rows = self.con.execute(
            "SELECT DISTINCT actor_country, recipient_country FROM mentions WHERE doc_id = ?",
            [doc_id],
        ).fetchall()
        return {(a, r) for a, r in rows}

    def _store_document(self, item: Submission, stats: IngestStats) -> set[Dyad]:
        con = self.con
        row = con.execute(
            "SELECT content_hash FROM documents WHERE doc_id = ?", [item.doc_id]
        ).fetchone()
        if row is not None and row[0] == item.content_hash:
            stats.unchanged += 1
            return set()
        affected: set[Dyad] = set()
        if row is not None:
            affected = self._old_dyads(item.doc_id)
            con.execute(
                "DELETE FROM mention_links WHERE source_mention IN "
                "(SELECT mention_id FROM mentions WHERE doc_id = ?)", [item.doc_id]
            )  # fmt: skip
            con.execute("DELETE FROM mentions WHERE doc_id = ?", [item.doc_id])
            con.execute("DELETE FROM documents WHERE doc_id = ?", [item.doc_id])
            con.execute("DELETE FROM document_texts WHERE doc_id = ?", [item.doc_id])
            stats.replaced += 1
        else:
            stats.added += 1
        doc = item.document or Document(item.doc_id, "")
        con.execute(
            "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [item.doc_id, item.content_hash, doc.date, doc.url, doc.title, doc.outlet,
             doc.language, item.origin, len(item.events), dt.datetime.now()],
        )  # fmt: skip
        if doc.text:
            con.execute("INSERT INTO document_texts VALUES (?, ?)", [item.doc_id, doc.text])
        self._insert_mentions(item)
        stats.mentions += len(item.events)
        return affected | {(party(e.actor), party(e.recipient)) for e in item.events}

    def _insert_mentions(self, item: Submission) -> None:
        rows, links = [], []
        for e in item.events:
            span = date_span(e.date, e.date_precision)
            rows.append({
                "mention_id": e.id, "doc_id": item.doc_id, "event_id": None,
                "actor_country": party(e.actor), "recipient_country": party(e.recipient),
                "date": span[0] if span else None,
                "record": json.dumps(e.to_dict(), ensure_ascii=False),
            })  # fmt: skip
            links += [{"source_mention": e.id, "target_mention": t} for t in e.in_response_to]
        if rows:
            self._append("mentions", pa.Table.from_pylist(rows, schema=pa.schema([
                ("mention_id", pa.string()), ("doc_id", pa.string()), ("event_id", pa.string()),
                ("actor_country", pa.string()), ("recipient_country", pa.string()),
                ("date", pa.date32()), ("record", pa.string())])))  # fmt: skip
        if links:
            self._append("mention_links", pa.Table.from_pylist(links))

    def _remerge(self, dyads: set[Dyad]) -> None:
        """Replace the merged events of each dyad by a fresh merge of its mentions."""
        con = self.con
        for a, r in sorted(dyads, key=lambda d: (d[0] or "", d[1] or "")):
            where = (
                "actor_country IS NOT DISTINCT FROM ? AND recipient_country IS NOT DISTINCT FROM ?"
            )
            records = con.execute(f"SELECT record FROM mentions WHERE {where}", [a, r]).fetchall()
            merged = merge_mentions(Event.from_dict(json.loads(rec)) for (rec,) in records)
            con.execute(f"DELETE FROM events WHERE {where}", [a, r])
            if not merged:
                continue
            self._append("events", pa.Table.from_pylist([_event_row(m) for m in merged],
                                                        schema=EVENTS_ARROW))  # fmt: skip
            mapping = [
                {"mention_id": x.id, "event_id": m.event.id} for m in merged for x in m.mentions
            ]
            con.register("_mapping", pa.Table.from_pylist(mapping))
            try:
                con.execute(
                    "UPDATE mentions SET event_id = _mapping.event_id FROM _mapping "
                    "WHERE mentions.mention_id = _mapping.mention_id"
                )
            finally:
                con.unregister("_mapping")

    def _append(self, table: str, rows: pa.Table) -> None:
        """Insert an Arrow table into ``table`` (columns in the table's order)."""
        self.con.register("_rows", rows)
        try:
            self.con.execute(f"INSERT INTO {table} SELECT * FROM _rows")
        finally:
            self.con.unregister("_rows")


def storable(outcomes: Iterable[Outcome | Submission], errors: list[str]) -> Iterator[Submission]:
    """The Submissions that can be stored; each outcome with an error, and each document whose
    fields or events cannot be written (text no encoding can hold), goes to ``errors``."""
    for item in outcomes:
        sub = item if isinstance(item, Submission) else from_outcome(item)
        if sub is None:
            errors.append(str(item.error))  # type: ignore[union-attr]
            continue
        try:
            _check_writable(sub)
        except (ValueError, TypeError, RecursionError) as e:  # UnicodeEncodeError included
            errors.append(f"{printable(sub.doc_id)}: could not be stored ({type(e).__name__}: {e})")
            continue
        yield sub


def _check_writable(sub: Submission) -> None:
    doc = sub.document
    values = [sub.doc_id, sub.content_hash]
    if doc is not None:
        values += [doc.date, doc.url, doc.title, doc.outlet, doc.language]
    for value in values:
        if isinstance(value, str):
            value.encode("utf-8")
    for e in sub.events:
        json.dumps(e.to_dict(), ensure_ascii=False).encode("utf-8")


def printable(text: str) -> str:
    """``text`` with any lone surrogate written as its escape, so it can be printed."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def stored_hashes(path: Path, wait: float = WRITE_WAIT) -> dict[str, str]:
    """Each stored document's content hash by id (empty for a new store): documents whose
    hash is unchanged need no coding, and ingest would skip them anyway."""
    if not Path(path).exists():
        return {}
    with StoreWriter(path, wait) as writer:
        rows = writer.con.execute("SELECT doc_id, content_hash FROM documents").fetchall()
    return dict(rows)


def ingest_released(path: Path, items: Iterable[Outcome | Submission], batch_size: int = 200,
                    wait: float = WRITE_WAIT) -> IngestStats:  # fmt: skip
    """Store ``items`` in batches, opening the store only to commit each one.

    Coding happens while the next batch is gathered, with the store closed, so ``dyad``,
    ``report`` and other readers can open it between batches; each commit waits up to
    ``wait`` seconds for readers to let go. Outcomes with errors are counted in ``errors``.
    """
    errors: list[str] = []
    total = IngestStats()
    stream = storable(items, errors)
    with StoreWriter(path, wait):  # create the store (and check the path) before coding
        pass
    while batch := list(islice(stream, batch_size)):
        with StoreWriter(path, wait) as writer:
            total.add(writer.ingest(batch))
    total.errors.extend(errors)
    return total


class _Transaction:
    """BEGIN on enter; COMMIT on success, ROLLBACK on any exception (Ctrl-C included)."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: Path):
        self.con, self.path = con, path

    def __enter__(self) -> None:
        self.con.execute("BEGIN TRANSACTION")

    def __exit__(self, t: type[BaseException] | None, v: BaseException | None,
                 tb: TracebackType | None) -> None:  # fmt: skip
        if t is None:
            try:
                self.con.execute("COMMIT")
            except duckdb.Error as e:
                raise StoreError(f"{self.path}: commit failed ({e})") from e
            return
        self.con.execute("ROLLBACK")
        if isinstance(v, duckdb.Error):
            raise StoreError(f"{self.path}: write failed, batch rolled back ({v})") from v
