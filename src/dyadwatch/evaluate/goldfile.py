"""Reading gold event files and prediction files into GoldEvent and Event objects.

The gold format is one JSON object per line (``doc``, ``id``, ``status``, ``source``,
``target``, ``type``, ``date``, ``date_tol``, alternatives, ``factuality``, ``evidence``);
predictions follow the event contract.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import DataError, DyadwatchError, InputError
from ..model import PLOVER_TYPES, Event
from .spans import check_gold_date

STATUSES = ("core", "optional", "forbidden")
DEFAULT_DATE_TOL = 3  # days, where a gold row gives no tolerance


@dataclass(frozen=True)
class GoldEvent:
    """One gold event as the gold file gives it (the fields scoring uses, plus the row)."""

    doc: str
    id: str
    status: str
    source: str
    type: str
    date: str | None = None
    date_tol: int = DEFAULT_DATE_TOL
    target: str | None = None
    source_alt: tuple[str, ...] = ()
    target_alt: tuple[str, ...] = ()
    type_alt: tuple[str, ...] = ()
    factuality: str | None = None
    evidence: str = ""
    row: dict[str, Any] = field(default_factory=dict, compare=False, hash=False, repr=False)

    @property
    def types(self) -> tuple[str, ...]:
        return (self.type, *self.type_alt)

    @property
    def sources(self) -> list[str]:
        return [self.source, *self.source_alt]

    @property
    def targets(self) -> list[str]:
        return [t for t in (self.target, *self.target_alt) if t]


def _str_list(value: Any, name: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ValueError(f"{name} must be a string or a list of strings")


def gold_from_row(row: dict[str, Any]) -> GoldEvent:
    """Build a GoldEvent from one parsed gold row; raises ValueError naming a bad field."""
    for name in ("doc", "id", "status", "source", "type"):
        if not isinstance(row.get(name), str) or not row[name]:
            raise ValueError(f"missing or empty field {name!r}")
    if row["status"] not in STATUSES:
        raise ValueError(f"status {row['status']!r} is not one of {', '.join(STATUSES)}")
    types = (row["type"], *_str_list(row.get("type_alt"), "type_alt"))
    unknown = [t for t in types if t not in PLOVER_TYPES]
    if unknown:
        raise ValueError(f"unknown PLOVER type {unknown[0]!r}")
    date = row.get("date")
    if date is not None and not isinstance(date, str):
        raise ValueError("date must be a string or null")
    if date:
        check_gold_date(date)
    tol = row.get("date_tol", DEFAULT_DATE_TOL)
    if not isinstance(tol, int) or isinstance(tol, bool) or tol < 0:
        raise ValueError("date_tol must be a whole number of days >= 0")
    target = row.get("target")
    if target is not None and not isinstance(target, str):
        raise ValueError("target must be a string or null")
    return GoldEvent(
        doc=row["doc"], id=row["id"], status=row["status"], source=row["source"],
        type=row["type"], date=date or None, date_tol=tol, target=target or None,
        source_alt=_str_list(row.get("source_alt"), "source_alt"),
        target_alt=_str_list(row.get("target_alt"), "target_alt"),
        type_alt=_str_list(row.get("type_alt"), "type_alt"),
        factuality=row.get("factuality"), evidence=str(row.get("evidence") or ""), row=row,
    )  # fmt: skip


def read_jsonl(
    path: Path, error: type[DyadwatchError] = DataError
) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield (line number, object) for every non-blank line of a JSONL file.

    Raises `error` (DataError unless told) naming the file and line for an unreadable
    file, a line that is not JSON, or a line that is not a JSON object.
    """

    def fail(message: str, line: int | None = None) -> DyadwatchError:
        if issubclass(error, InputError):
            return InputError(message, doc=str(path), line=line)
        return error(f"{path}{'' if line is None else f', line {line}'}: {message}")

    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise fail(f"cannot be read: {e.strerror or e}") from e
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            raise fail(f"not JSON: {e.msg}", number) from e
        if not isinstance(obj, dict):
            raise fail("a JSON object is expected", number)
        yield number, obj


def load_gold(path: Path | str) -> list[GoldEvent]:
    """Read a gold JSONL file; raises DataError naming the file and line of a bad row."""
    path = Path(path)
    golds: list[GoldEvent] = []
    seen: set[tuple[str, str]] = set()
    for number, row in read_jsonl(path):
        try:
            gold = gold_from_row(row)
        except ValueError as e:
            raise DataError(f"{path}, line {number}: {e}") from e
        if (gold.doc, gold.id) in seen:
            raise DataError(f"{path}, line {number}: duplicate gold id {gold.id!r}")
        seen.add((gold.doc, gold.id))
        golds.append(gold)
    return golds


def load_predictions(path: Path | str) -> list[Event]:
    """Read predicted events (the contract's JSONL); raises InputError naming a bad line."""
    path = Path(path)
    events: list[Event] = []
    for number, row in read_jsonl(path, InputError):
        try:
            events.append(Event.from_dict(row))
        except (KeyError, TypeError, ValueError) as e:
            raise InputError(f"not an event record ({e!r})", doc=str(path), line=number) from e
    return events
