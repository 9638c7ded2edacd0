"""Reading the actor tables: TSV or CSV with a header row, or a YAML list of mappings, each
row with its line number, and errors that name the file and the line."""

from __future__ import annotations

import csv
import datetime
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import DataError

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def fail(path: Path, line: int, message: str) -> DataError:
    return DataError(f"{path.name}:{line}: {message}")


def split_list(value: str) -> list[str]:
    """Split a ``|``-separated cell into its stripped, non-empty items."""
    return [item.strip() for item in value.split("|") if item.strip()]


def read_table(path: Path, required: Iterable[str] = (), allowed: Iterable[str] | None = None
               ) -> Iterator[tuple[int, dict[str, str]]]:  # fmt: skip
    """Yield ``(line number, row)`` for each data row of a TSV or CSV file.

    Needs a header row; ``#`` lines and blank lines are skipped. Missing trailing cells read
    as ``""``. Raises DataError naming file and line for an unknown or missing column or a
    row with too many cells.
    """
    delimiter = "," if path.suffix.lower() == ".csv" else "\t"
    header: list[str] | None = None
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise DataError(f"{path}: cannot read: {e}") from e
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        raw = next(csv.reader([line])) if delimiter == "," else line.split("\t")
        cells = [c.strip() for c in raw]
        if header is None:
            header = cells
            missing = [c for c in required if c not in header]
            unknown = [c for c in header if allowed is not None and c not in allowed]
            if missing or unknown:
                what = f"missing columns {missing}" if missing else f"unknown columns {unknown}"
                raise fail(path, number, what)
            continue
        if len(cells) > len(header):
            raise fail(path, number, f"{len(cells)} cells for {len(header)} columns")
        yield number, dict(zip(header, cells + [""] * (len(header) - len(cells)), strict=True))
    if header is None:
        raise DataError(f"{path}: no header row")


def read_yaml_rows(path: Path, allowed: Iterable[str]) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield ``(line number, row)`` for each mapping in a YAML list (see ``read_table``)."""
    import srsly

    try:
        data = srsly.read_yaml(path)
        text = path.read_text(encoding="utf-8")
    except Exception as e:  # ruamel raises many unrelated types for bad YAML
        raise DataError(f"{path}: cannot read YAML: {e}") from e
    if not isinstance(data, list):
        raise DataError(f"{path}: expected a list of mappings")
    starts = [n for n, line in enumerate(text.splitlines(), 1) if re.match(r"^-(\s|$)", line)]
    for index, item in enumerate(data):
        number = starts[index] if len(starts) == len(data) else index + 1
        if not isinstance(item, dict):
            raise fail(path, number, "expected a mapping")
        unknown = [k for k in item if k not in allowed]
        if unknown:
            raise fail(path, number, f"unknown fields {unknown}")
        yield number, {str(k): _yaml_cell(v) for k, v in item.items()}


def _yaml_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "|".join(_yaml_cell(v) for v in value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value).strip()


def valid_date(text: str) -> bool:
    """Whether ``text`` is a real date written ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``."""
    if not _DATE.match(text):
        return False
    try:
        datetime.date.fromisoformat(pad_date(text, end=False))
    except ValueError:
        return False
    return True


def pad_date(date: str, end: bool) -> str:
    """A partial date as a full one: its first day, or with ``end`` its last."""
    if len(date) == 4:
        return date + ("-12-31" if end else "-01-01")
    if len(date) == 7:
        return date + ("-31" if end else "-01")
    return date[:10]
