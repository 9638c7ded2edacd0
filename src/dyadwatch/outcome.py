"""What coding one input item gave, apart from the coder so that runners and the store can
pass outcomes along without loading the language pipeline."""

from __future__ import annotations

from dataclasses import dataclass, field

from .errors import InputError
from .model import Document, Event


@dataclass
class Outcome:
    """What coding one input item gave: events, or the error that stopped it."""

    doc_id: str
    events: list[Event] = field(default_factory=list)
    error: InputError | None = None
    document: Document | None = None

    @property
    def ok(self) -> bool:
        return self.error is None
