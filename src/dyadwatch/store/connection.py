"""What the store's reader and writer share: one DuckDB connection, closed on exit.

DuckDB lets one process write a database file or several read it, never both at once, and
locks the file for as long as a connection is open. Writers therefore open the store only
to commit a batch, and both sides wait (up to a bound) for a lock another process holds.
"""

from __future__ import annotations

import time
from pathlib import Path
from types import TracebackType
from typing import Self

import duckdb

from ..errors import StoreError

MAGIC = b"DUCK"  # bytes 8 to 12 of every DuckDB database file
MAGIC_AT = 8
RETRY_SECONDS = 0.2


class Connection:
    """Holds ``self.con``; a context manager that closes it."""

    con: duckdb.DuckDBPyConnection

    def __enter__(self) -> Self:
        return self

    def __exit__(self, t: type[BaseException] | None, v: BaseException | None,
                 tb: TracebackType | None) -> None:  # fmt: skip
        self.close()

    def close(self) -> None:
        self.con.close()


def check_store_path(path: Path) -> None:
    """Raise StoreError if ``path`` exists and is not a DuckDB store (a directory, an event
    file, a CSV...), so nothing is written to or read from the wrong file."""
    if path.is_dir():
        raise StoreError(f"{path}: is a directory, not a DuckDB store")
    if not path.exists():
        return
    try:
        with path.open("rb") as fh:
            head = fh.read(MAGIC_AT + len(MAGIC))
    except OSError as e:
        raise StoreError(f"{path}: cannot read ({e.strerror or e})") from e
    if head and head[MAGIC_AT:] != MAGIC:
        raise StoreError(
            f"{path}: exists and is not a DuckDB store; give --db a new path or an existing store"
        )


def connect(path: Path, read_only: bool, wait: float) -> duckdb.DuckDBPyConnection:
    """Open the store at ``path``, waiting up to ``wait`` seconds while another process holds
    its lock; raises StoreError when it cannot be opened."""
    check_store_path(path)
    deadline = time.monotonic() + wait
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.IOException as e:
            if "lock" not in str(e).lower() or time.monotonic() >= deadline:
                raise StoreError(f"{path}: cannot open the store ({_first_line(e)})") from e
        except duckdb.Error as e:
            raise StoreError(f"{path}: cannot open the store ({_first_line(e)})") from e
        time.sleep(RETRY_SECONDS)


def _first_line(e: BaseException) -> str:
    return str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
