"""Reading the package's data tables: TSV or CSV with a header row, or a YAML list of
mappings, each row with its line number, and errors that name the file and the line
(``FILE:LINE: message``). Named lists of English words (``words.tsv`` in each stage's data
folder) are read here too."""

from __future__ import annotations

import csv
import datetime
import re
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

from .errors import DataError

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_LIST_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
WORD_COLUMNS = ("list", "word", "note")


_PACKAGE = Path(__file__).resolve().parent


def shown(path: Path) -> str:
    """How an error names a data file: from the package root for a shipped file
    (``events/data/words.tsv``: each stage has one), else by its name."""
    try:
        return path.resolve().relative_to(_PACKAGE).as_posix()
    except ValueError:
        return path.name


def fail(path: Path, line: int, message: str) -> DataError:
    """A DataError that reads ``FILE:LINE: message``."""
    return DataError(f"{shown(path)}:{line}: {message}")


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


@cache
def word_lists(path: Path) -> dict[str, frozenset[str]]:
    """The named word lists of a ``list<TAB>word[<TAB>note]`` file: list name -> its words.

    A list name is lower snake case; a word is written as it is matched (lowercase; a
    phrase with single spaces). Read once per path. Raises DataError naming file and line
    for a bad list name, an empty word or a word listed twice in one list.
    """
    lists: dict[str, set[str]] = {}
    for number, row in read_table(path, required=("list", "word"), allowed=WORD_COLUMNS):
        name, word = row["list"], row["word"]
        if not _LIST_NAME.match(name):
            raise fail(path, number, f"bad list name {name!r} (lower snake case)")
        if not word or word != " ".join(word.split()):
            raise fail(path, number, f"bad word {word!r} in list {name!r}")
        if word in lists.setdefault(name, set()):
            raise fail(path, number, f"{word!r} is listed twice in {name!r}")
        lists[name].add(word)
    return {name: frozenset(found) for name, found in lists.items()}


def words(path: Path, name: str) -> frozenset[str]:
    """The word list ``name`` of ``path`` (see ``word_lists``); DataError if it is absent."""
    lists = word_lists(path)
    if name not in lists:
        raise DataError(f"{shown(path)}: no word list {name!r}")
    return lists[name]
