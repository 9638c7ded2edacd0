"""The one entry point for coding a stream of input items, used by every command."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .coder import Coder, Outcome
from .config import Config
from .errors import InputError
from .model import Document
from .scale.pool import code_guarded, code_parallel


def code_items(
    items: Iterable[Document | InputError], config: Config | None = None, workers: int = 1
) -> Iterator[Outcome]:
    """Code every item in order; errors come back as Outcomes, never raised (an exception
    that breaks a whole batch costs only the documents that cause it).

    With ``workers`` > 1 the items are coded on a pool of worker processes (one coder each)
    and the outcomes still come back in input order.
    """
    if workers > 1:
        yield from code_parallel(items, config, workers)
        return
    yield from code_guarded(Coder(config), items)
