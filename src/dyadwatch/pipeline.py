"""The one entry point for coding a stream of input items, used by every command."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .config import Config
from .errors import InputError
from .model import Document
from .scale.runs import code_stream

if TYPE_CHECKING:
    from .outcome import Outcome


def code_items(
    items: Iterable[Document | InputError], config: Config | None = None, workers: int = 1
) -> Iterator[Outcome]:
    """Code every item in order; errors come back as Outcomes, never raised (an exception
    that breaks a whole batch costs only the documents that cause it).

    With ``workers`` > 1 and enough text to be worth it, the items are coded on a pool of
    worker processes (one coder each); the outcomes still come back in input order. The
    coder loads only if there is something to code.
    """
    yield from code_stream(items, config, workers)


@dataclass
class Unseen:
    """A filter that drops documents already known (``known(doc)`` is true), counting them.

    Used before coding, so re-reading unchanged documents costs a hash, not a parse.
    """

    known: Callable[[Document], bool]
    skipped: int = 0

    def __call__(self, items: Iterable[Document | InputError]) -> Iterator[Document | InputError]:
        for item in items:
            if isinstance(item, Document) and self.known(item):
                self.skipped += 1
                continue
            yield item
