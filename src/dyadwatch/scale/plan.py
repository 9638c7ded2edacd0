"""How many worker processes a stream of documents is worth.

Each worker pays the coder's start (importing spaCy, loading the pipeline and the knowledge
base: about two seconds of one core) before it codes anything, and coding runs at about
60 µs a character of text. A second worker pays off only once the text would take several
times that start to code, so the plan is one worker per ``CHARS_PER_WORKER`` characters, at
most the number asked for, and coding in this process (no pool at all) below two. The plan
reads ahead only as far as it needs to decide and gives the stream back whole.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import chain
from typing import TypeVar

from ..model import Document

CHARS_PER_WORKER = 100_000  # the default of Config.chars_per_worker
T = TypeVar("T")


def plan_workers(
    items: Iterable[T], requested: int, chars_per_worker: int = CHARS_PER_WORKER
) -> tuple[int, Iterator[T]]:
    """(workers to use, the same items) for at most `requested` workers.

    Reads items ahead until their text reaches ``requested * chars_per_worker`` characters
    or the stream ends; items that are not Documents (input errors) count for nothing.
    """
    stream = iter(items)
    if requested <= 1:
        return 1, stream
    ahead: list[T] = []
    chars = 0
    wanted = requested * chars_per_worker
    for item in stream:
        ahead.append(item)
        if isinstance(item, Document):
            chars += len(item.text or "")
            if chars >= wanted:
                break
    workers = max(1, min(requested, chars // chars_per_worker))
    return workers, chain(ahead, stream)
