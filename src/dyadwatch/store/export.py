"""Exporters of merged events: JSONL (the contract), CSV, Parquet and PLOVER-style JSON.

Exporters are registered in ``EXPORTERS`` by name; each takes an iterator of merged event
records and a binary stream and returns how many records it wrote.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

FLAT_COLUMNS = (
    "id", "doc_id", "date", "date_precision", "date_basis", "event", "mode", "quad_code",
    "intensity",
    "cameo", "confidence", "factuality", "actor_code", "actor_country", "recipient_code",
    "recipient_country", "event_text", "evidence", "stated_reason", "stated_reasons",
    "corroboration", "doc_ids", "urls", "in_response_to", "record",
)  # fmt: skip

Exporter = Callable[[Iterable[dict[str, Any]], IO[bytes]], int]


def flat_row(rec: dict[str, Any]) -> dict[str, Any]:
    """One record as flat columns (lists joined); ``record`` keeps the full JSON for round trips."""
    actor, recipient = rec.get("actor") or {}, rec.get("recipient") or {}
    sources = rec.get("sources") or []
    return {
        "id": rec["id"], "doc_id": rec.get("doc_id"), "date": rec.get("date"),
        "date_precision": rec.get("date_precision"), "date_basis": rec.get("date_basis"),
        "event": rec.get("event"),
        "mode": rec.get("mode"), "quad_code": rec.get("quad_code"),
        "intensity": rec.get("intensity"), "cameo": rec.get("cameo"),
        "confidence": rec.get("confidence"), "factuality": rec.get("factuality"),
        "actor_code": actor.get("code"), "actor_country": actor.get("country"),
        "recipient_code": recipient.get("code"), "recipient_country": recipient.get("country"),
        "event_text": rec.get("event_text"),
        "evidence": (rec.get("evidence") or {}).get("text"),
        "stated_reason": rec.get("stated_reason"),
        "stated_reasons": " | ".join(r["text"] for r in rec.get("stated_reasons") or []),
        "corroboration": rec.get("corroboration", len({s["doc_id"] for s in sources})),
        "doc_ids": " ".join(dict.fromkeys(s["doc_id"] for s in sources)),
        "urls": " ".join(dict.fromkeys(s["url"] for s in sources if s.get("url"))),
        "in_response_to": " ".join(rec.get("in_response_to") or []),
        "record": json.dumps(rec, ensure_ascii=False, sort_keys=True),
    }  # fmt: skip


def plover_record(rec: dict[str, Any]) -> dict[str, Any]:
    """A PLOVER-style JSON record: ``source``/``target`` actor lists and ``eventText``."""

    def side(a: dict[str, Any] | None) -> list[dict[str, Any]]:
        return [{"text": a.get("text"), "code": a.get("code"), "country": a.get("country"),
                 "wikidata": a.get("wikidata")}] if a else []  # fmt: skip

    sources = rec.get("sources") or []
    return {
        "id": rec["id"], "date": rec.get("date"), "event": rec.get("event"),
        "mode": rec.get("mode"), "context": rec.get("context") or [],
        "source": side(rec.get("actor")), "target": side(rec.get("recipient")),
        "eventText": (rec.get("evidence") or {}).get("text") or rec.get("event_text"),
        "eventLoc": rec.get("event_loc"), "quad_code": rec.get("quad_code"),
        "intensity": rec.get("intensity"), "cameo": rec.get("cameo"),
        "confidence": rec.get("confidence"),
        "urls": [s["url"] for s in sources if s.get("url")],
        "doc_ids": list(dict.fromkeys(s["doc_id"] for s in sources)),
    }  # fmt: skip


def _lines(
    records: Iterable[dict[str, Any]], out: IO[bytes], fn: Callable[[dict[str, Any]], Any]
) -> int:
    n = 0
    for rec in records:
        out.write((json.dumps(fn(rec), ensure_ascii=False) + "\n").encode("utf-8"))
        n += 1
    return n


def export_jsonl(records: Iterable[dict[str, Any]], out: IO[bytes]) -> int:
    """The contract records, one per line."""
    return _lines(records, out, lambda r: r)


def export_plover(records: Iterable[dict[str, Any]], out: IO[bytes]) -> int:
    """PLOVER-style records, one per line."""
    return _lines(records, out, plover_record)


def export_csv(records: Iterable[dict[str, Any]], out: IO[bytes]) -> int:
    """Flat columns with a header row."""
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    writer = csv.DictWriter(text, fieldnames=FLAT_COLUMNS)
    writer.writeheader()
    n = 0
    for rec in records:
        writer.writerow(flat_row(rec))
        n += 1
    text.detach()
    return n


PARQUET_SCHEMA = pa.schema(
    [(c, pa.int8() if c == "quad_code" else pa.int32() if c == "corroboration"
      else pa.float64() if c in ("intensity", "confidence") else pa.string())
     for c in FLAT_COLUMNS]
)  # fmt: skip


def export_parquet(records: Iterable[dict[str, Any]], out: IO[bytes], chunk: int = 50_000) -> int:
    """Flat columns in Parquet, written in row groups of ``chunk`` records."""
    n = 0
    with pq.ParquetWriter(out, PARQUET_SCHEMA) as writer:
        rows: list[dict[str, Any]] = []
        for rec in records:
            rows.append(flat_row(rec))
            if len(rows) >= chunk:
                writer.write_table(pa.Table.from_pylist(rows, schema=PARQUET_SCHEMA))
                n, rows = n + len(rows), []
        if rows or n == 0:
            writer.write_table(pa.Table.from_pylist(rows, schema=PARQUET_SCHEMA))
            n += len(rows)
    return n


EXPORTERS: dict[str, Exporter] = {
    "jsonl": export_jsonl, "csv": export_csv, "parquet": export_parquet, "plover": export_plover,
}  # fmt: skip
