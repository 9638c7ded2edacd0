"""The one Parquet form of the event record, and writing it partitioned by event month.

Columns follow the contract (docs/scale.md lists them): scalars as they are, lists of strings
as ``list<string>``, and the nested objects (actor, recipient, evidence, event_loc,
quantities, sources) as compact JSON strings. Files go to ``OUT/month=YYYY-MM/part-*.parquet``
(hive partitioning), which DuckDB reads in place with ``read_parquet('OUT/**/*.parquet',
hive_partitioning=true)``.
"""

from __future__ import annotations

import json
import os
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ..model import Event

JSON_FIELDS = ("actor", "recipient", "evidence", "event_loc", "quantities", "sources")
LIST_FIELDS = ("context", "in_response_to", "steps")

SCHEMA = pa.schema([
    ("id", pa.string()), ("doc_id", pa.string()), ("date", pa.string()),
    ("date_precision", pa.string()), ("date_basis", pa.string()), ("event", pa.string()),
    ("mode", pa.string()),
    ("context", pa.list_(pa.string())), ("actor", pa.string()), ("recipient", pa.string()),
    ("event_text", pa.string()), ("evidence", pa.string()), ("event_loc", pa.string()),
    ("quantities", pa.string()), ("factuality", pa.string()), ("stated_reason", pa.string()),
    ("in_response_to", pa.list_(pa.string())), ("quad_code", pa.int64()),
    ("intensity", pa.float64()), ("cameo", pa.string()), ("confidence", pa.float64()),
    ("sources", pa.string()), ("coder", pa.string()), ("steps", pa.list_(pa.string())),
])  # fmt: skip
PARTITION = "month"
UNKNOWN_MONTH = "unknown"


def month_of(date: str | None) -> str:
    """Partition value: ``YYYY-MM`` of the event date, ``YYYY`` for a year alone, else unknown."""
    if not date:
        return UNKNOWN_MONTH
    return date[:7]


def event_row(event: Event) -> dict[str, Any]:
    """One event as a row of SCHEMA."""
    row = event.to_dict()
    for name in JSON_FIELDS:
        if row[name] is not None:
            row[name] = json.dumps(row[name], ensure_ascii=False, separators=(",", ":"))
    return row


def row_event(row: dict[str, Any]) -> dict[str, Any]:
    """A row read back from Parquet as the contract's event dict (the inverse of event_row)."""
    data = {name: row.get(name) for name in SCHEMA.names}
    for name in JSON_FIELDS:
        if data[name] is not None:
            data[name] = json.loads(data[name])
    for name in LIST_FIELDS:
        data[name] = list(data[name] or [])
    return data


def write_partitioned(events: Iterable[Event], out_dir: Path, part: str) -> dict[str, int]:
    """Write ``events`` as ``out_dir/month=M/part-{part}.parquet``, one file per month.

    Each file is written under a temporary name and renamed into place, so readers never see
    a half-written part; writing the same part again replaces it. Returns events per month.
    """
    by_month: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for event in events:
        by_month[month_of(event.date)].append(event_row(event))
    return write_rows(by_month, out_dir, part)


def document_rows(events: Iterable[Event]) -> list[tuple[str, dict[str, Any]]]:
    """(month, row) for each of one document's events; raises ValueError (or TypeError) when
    a value cannot be written (text with a lone surrogate), so the caller can name the document."""
    rows = [(month_of(event.date), event_row(event)) for event in events]
    for _, row in rows:
        for value in row.values():
            if isinstance(value, str):
                value.encode("utf-8")
            elif isinstance(value, list):
                for item in value:
                    if isinstance(item, str):
                        item.encode("utf-8")
    return rows


def write_rows(by_month: dict[str, list[dict[str, Any]]], out_dir: Path,
               part: str) -> dict[str, int]:  # fmt: skip
    """Write rows already grouped by month as ``out_dir/month=M/part-{part}.parquet``."""
    for month, rows in by_month.items():
        folder = out_dir / f"{PARTITION}={month}"
        folder.mkdir(parents=True, exist_ok=True)
        final = folder / f"part-{part}.parquet"
        temp = folder / f".part-{part}.parquet.tmp"
        pq.write_table(pa.Table.from_pylist(rows, schema=SCHEMA), temp)
        os.replace(temp, final)
    return {month: len(rows) for month, rows in by_month.items()}


def read_events(out_dir: Path) -> list[dict[str, Any]]:
    """Every event under ``out_dir`` as contract dicts (for checks and small outputs)."""
    files = sorted(out_dir.glob(f"{PARTITION}=*/part-*.parquet"))
    rows: list[dict[str, Any]] = []
    for path in files:
        rows.extend(row_event(row) for row in pq.read_table(path, schema=SCHEMA).to_pylist())
    return rows
