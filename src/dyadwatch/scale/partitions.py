"""Split a large input into partitions that workers read on their own.

Inputs are JSON Lines files (``.jsonl``, one document per line), Parquet files (columns named
as the contract's document fields) or directories of them. A JSON Lines file larger than
``blocksize`` bytes is split into byte ranges: a range owns every line that starts inside it.
A Parquet file gives one partition per row group.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyarrow.parquet as pq

from ..errors import InputError
from ..model import Document

BLOCKSIZE = 64 * 2**20
SUFFIXES = (".jsonl", ".parquet")
COLUMNS = ("id", "text", "date", "url", "title", "outlet", "language")


@dataclass(frozen=True)
class Partition:
    """One piece of the input: a byte range of a JSONL file or a row group of a Parquet file."""

    index: int
    path: str
    start: int = 0
    end: int = 0
    row_group: int | None = None

    @property
    def name(self) -> str:
        """Part name used in output file names: stable for the same input and blocksize."""
        return f"{self.index:05d}"

    @property
    def key(self) -> str:
        """What the partition covers, to tell on resume that it is the same piece of input."""
        where = f"rg{self.row_group}" if self.row_group is not None else f"{self.start}-{self.end}"
        return f"{self.path}:{where}"


def input_files(paths: Iterable[Path]) -> list[Path]:
    """The input files named by ``paths`` (directories searched recursively), sorted.

    Raises InputError for a path that does not exist or is not a JSONL or Parquet file.
    """
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.suffix in SUFFIXES))
        elif path.is_file() and path.suffix in SUFFIXES:
            files.append(path)
        elif not path.exists():
            raise InputError("no such file or directory", doc=str(path))
        else:
            raise InputError("not a .jsonl or .parquet file", doc=str(path))
    return files


def plan_partitions(paths: Iterable[Path], blocksize: int = BLOCKSIZE) -> list[Partition]:
    """Partitions covering every input file under ``paths``, in file order."""
    if blocksize < 1:
        raise ValueError(f"blocksize must be positive, not {blocksize}")
    parts: list[Partition] = []
    for path in input_files(paths):
        if path.suffix == ".parquet":
            groups = pq.ParquetFile(path).metadata.num_row_groups
            for group in range(groups):
                parts.append(Partition(len(parts), str(path), row_group=group))
            continue
        size = path.stat().st_size
        for start in range(0, max(size, 1), blocksize):
            parts.append(Partition(len(parts), str(path), start, min(start + blocksize, size)))
    return parts


def parse_line(raw: bytes, where: str, line: int | None = None) -> Document | InputError:
    """One JSON Lines record as a Document, or the InputError saying why it is not one."""
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as e:
        return InputError(f"not a JSON object: {e}", doc=where, line=line)
    if not isinstance(data, dict):
        return InputError("not a JSON object", doc=where, line=line)
    if not isinstance(data.get("id"), str) or not isinstance(data.get("text"), str):
        return InputError("a document needs a string 'id' and 'text'", doc=where, line=line)
    return Document.from_dict(data)


def read_partition(part: Partition) -> Iterator[Document | InputError]:
    """The documents of one partition, in file order; bad records come as InputErrors."""
    if part.row_group is not None:
        table = pq.ParquetFile(part.path).read_row_group(part.row_group)
        names = [c for c in COLUMNS if c in table.column_names]
        for number, row in enumerate(table.select(names).to_pylist(), start=1):
            where = f"{part.path}[row group {part.row_group}, row {number}]"
            if not isinstance(row.get("id"), str) or not isinstance(row.get("text"), str):
                yield InputError("a document needs a string 'id' and 'text'", doc=where)
            else:
                yield Document.from_dict(row)
        return
    with open(part.path, "rb") as fh:
        if part.start > 0:
            fh.seek(part.start - 1)
            fh.readline()  # the line under way at start belongs to the previous range
        while fh.tell() < part.end:
            offset = fh.tell()
            raw = fh.readline()
            if not raw:
                break
            if raw.strip():
                yield parse_line(raw, f"{part.path}@{offset}")
