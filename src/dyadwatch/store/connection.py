"""What the store's reader and writer share: one DuckDB connection, closed on exit."""

from __future__ import annotations

from types import TracebackType
from typing import Self

import duckdb


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
