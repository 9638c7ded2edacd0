"""Input readers: files, directories and stdin in, a stream of Documents out.

``read_inputs`` yields, for every input item, exactly one ``Document`` or one
``InputError`` (a bad JSONL line, a bad file, a file that cannot be opened), so a run
can report ``coded N documents, skipped M`` and a bad item never stops the batch.
Readers are registered by file-name ending in ``READERS``; ``register_reader`` adds
one for a new kind of file.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..config import Config
from ..errors import InputError
from ..model import Document
from .checks import ReadContext, check_date
from .html import read_html
from .jsonl import read_jsonl
from .parquet import read_parquet
from .text import read_text

Reader = Callable[[Path, ReadContext], Iterator[Document | InputError]]
Item = Document | InputError

READERS: dict[str, Reader] = {
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".jsonl.gz": read_jsonl,
    ".ndjson.gz": read_jsonl,
    ".txt": read_text,
    ".html": read_html,
    ".htm": read_html,
    ".parquet": read_parquet,
}
STDIN = "-"

__all__ = [
    "READERS",
    "ReadContext",
    "ReadStats",
    "read_html",
    "read_inputs",
    "read_jsonl",
    "read_parquet",
    "read_text",
    "reader_for",
    "register_reader",
]


def register_reader(ending: str, reader: Reader) -> None:
    """Read files whose name ends with ``ending`` (e.g. ``".xml"``) with ``reader``.

    ``reader(path, ctx)`` must yield one Document or InputError per item it finds.
    """
    if not ending.startswith("."):
        raise ValueError(f"a file ending starts with '.', not {ending!r}")
    READERS[ending.lower()] = reader


def reader_for(path: Path | str) -> Reader | None:
    """The reader for ``path`` by its longest registered ending (case-insensitive), or None."""
    name = Path(path).name.lower()
    best = max(
        (e for e in READERS if name.endswith(e) and len(name) > len(e)), key=len, default=None
    )
    return READERS[best] if best is not None else None


def read_inputs(
    paths: Iterable[str | Path] | str | Path,
    date: str | None = None,
    config: Config | None = None,
) -> Iterator[Item]:
    """Stream the documents of ``paths``: files, directories, or ``"-"`` for JSONL on stdin.

    ``date`` (``YYYY-MM-DD``) is the publication date of ``.txt`` files, of HTML pages
    whose metadata has none, and of JSONL records without a ``date``. ``config`` gives
    ``max_chars`` and ``min_english``. Directories are read recursively in sorted order,
    taking the files of known kinds and skipping hidden ones. Yields one Document or one
    InputError per item; ids must be unique across the whole run. Raises InputError at
    once if ``date`` itself is malformed.
    """
    if date is not None:
        try:
            date = check_date(date)
        except (TypeError, ValueError) as e:
            raise InputError(str(e), doc="--date") from e
    if isinstance(paths, str | Path):
        paths = [paths]
    ctx = ReadContext(config=config or Config(), date=date)
    return _read_all(paths, ctx)


def _read_all(paths: Iterable[str | Path], ctx: ReadContext) -> Iterator[Item]:
    for path in paths:
        if str(path) == STDIN:
            yield from read_jsonl("<stdin>", ctx, stream=sys.stdin.buffer)
        else:
            yield from _read_path(Path(path), ctx, named=True)


def _read_path(path: Path, ctx: ReadContext, named: bool) -> Iterator[Item]:
    """Read one file or directory; ``named`` says the user named it (not found in a walk)."""
    if path.is_dir():
        if not named and path.is_symlink():  # a link inside a walk could loop back
            return
        yield from _read_dir(path, ctx)
        return
    if named and not path.exists():
        yield InputError("no such file or directory", doc=str(path))
        return
    reader = reader_for(path)
    if reader is None:
        if named:
            endings = ", ".join(sorted(READERS))
            yield InputError(f"unsupported kind of file: expected one of {endings}", doc=str(path))
        return
    yield from reader(path, ctx)


def _read_dir(path: Path, ctx: ReadContext) -> Iterator[Item]:
    try:
        with os.scandir(path) as entries:
            names = sorted(e.name for e in entries if not e.name.startswith("."))
    except OSError as e:
        yield InputError(f"cannot list directory: {e.strerror or e}", doc=str(path))
        return
    for name in names:
        yield from _read_path(path / name, ctx, named=False)


@dataclass
class ReadStats:
    """Counts what a stream of read results held; wrap the stream with ``count``.

    Example: ``stats = ReadStats()``, then ``for item in stats.count(read_inputs(paths))``,
    then ``stats.summary("coded")`` gives ``"coded 10 documents, skipped 2"``.
    """

    documents: int = 0
    errors: int = 0

    def count(self, items: Iterable[Item]) -> Iterator[Item]:
        """Yield ``items`` unchanged, counting Documents and InputErrors."""
        for item in items:
            if isinstance(item, InputError):
                self.errors += 1
            else:
                self.documents += 1
            yield item

    def summary(self, verb: str = "read") -> str:
        """One line for the end of a run, e.g. ``coded 10 documents, skipped 2``."""
        noun = "document" if self.documents == 1 else "documents"
        return f"{verb} {self.documents:,} {noun}, skipped {self.errors:,}"
