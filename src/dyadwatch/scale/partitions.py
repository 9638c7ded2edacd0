"""Cut the stream of read documents into numbered batches: the pieces the Dask engine codes.

The client reads the input with the same readers as the local engine (``dyadwatch.read``:
JSON Lines, text, HTML and Parquet files, directories), so both engines apply the same
checks (duplicate ids, language, dates, byte-order marks) and name bad records by file and
line. Documents are grouped in input order into batches of ``size``; a batch's ``key`` is
a digest of its documents' ids and content hashes, so a resumed run can tell a batch it
already coded from one whose documents changed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from ..errors import InputError
from ..model import Document

BATCH = 64


@dataclass(frozen=True)
class Batch:
    """Documents ``index * size`` onwards of the read stream (bad records left out)."""

    index: int
    docs: list[Document] = field(default_factory=list, compare=False)
    key: str = ""

    @property
    def name(self) -> str:
        """Part name used in output file names: stable for the same input and batch size."""
        return f"{self.index:05d}"


def batch_key(docs: Iterable[Document]) -> str:
    """A digest of the documents' ids and content hashes, in order."""
    h = hashlib.sha256()
    for doc in docs:
        h.update(doc.id.encode("utf-8", "surrogatepass") + b"\0")
        h.update(doc.content_hash.encode() + b"\n")
    return h.hexdigest()[:24]


def plan_batches(items: Iterable[Document | InputError], size: int = BATCH,
                 on_error: Callable[[InputError], None] | None = None) -> Iterator[Batch]:  # fmt: skip
    """Batches of ``size`` documents from ``items``; each InputError goes to ``on_error``."""
    if size < 1:
        raise ValueError(f"batch size must be positive, not {size}")
    docs: list[Document] = []
    index = 0
    for item in items:
        if isinstance(item, InputError):
            if on_error is not None:
                on_error(item)
            continue
        try:
            item.content_hash  # noqa: B018 - text no encoding can write fails here, not later
        except ValueError as e:
            if on_error is not None:
                on_error(InputError(f"text cannot be hashed ({e})", doc=item.id))
            continue
        docs.append(item)
        if len(docs) >= size:
            yield Batch(index, docs, batch_key(docs))
            index, docs = index + 1, []
    if docs:
        yield Batch(index, docs, batch_key(docs))
