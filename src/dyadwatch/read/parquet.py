"""Parquet input: one row per document, columns named as the JSONL fields.

Rows are read a row group at a time and go through the same checks as JSONL records
(``id``, ``text``, ``date``, optional ``url``, ``title``, ``outlet``, ``language``), so a
Parquet corpus is coded exactly like the same records written as JSON Lines; a bad row is
named by its row number (counted from 1, like a line).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Document
from .checks import ReadContext
from .jsonl import OPTIONAL_FIELDS, check_record

COLUMNS = ("id", "text", "date", *OPTIONAL_FIELDS, "language")


def read_parquet(path: Path | str, ctx: ReadContext) -> Iterator[Document | InputError]:
    """Yield one Document or InputError per row of a Parquet file (its ``line`` is the row)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    name = str(path)
    try:
        handle = pq.ParquetFile(path)
        names = [c for c in COLUMNS if c in handle.schema_arrow.names]
        groups = range(handle.metadata.num_row_groups)
    except (OSError, pa.ArrowException) as e:
        yield InputError(f"cannot read Parquet file: {_first_line(e)}", doc=name)
        return
    number = 0
    for group in groups:
        try:
            rows: list[dict[str, Any]] = handle.read_row_group(group, columns=names).to_pylist()
        except (OSError, pa.ArrowException, UnicodeDecodeError) as e:
            yield InputError(f"cannot read row group {group}: {_first_line(e)}", doc=name)
            return
        for row in rows:
            number += 1
            yield check_record(row, number, name, ctx)
    if number == 0:
        yield InputError("file is empty: no documents", doc=name)


def _first_line(e: BaseException) -> str:
    return (str(e).strip().splitlines() or [type(e).__name__])[0]
