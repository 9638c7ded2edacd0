"""Small builders for evaluation tests: events, gold rows and a coder that answers from a table."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from dyadwatch.errors import InputError
from dyadwatch.evaluate.goldfile import GoldEvent, gold_from_row
from dyadwatch.model import Actor, Document, Event, Evidence


def actor(code: str | None, country: str | None = None, sector: str | None = None) -> Actor | None:
    """An actor with `code`; the country defaults to nothing (the code's prefix is used)."""
    if code is None:
        return None
    return Actor(text=code, code=code, country=country, sector=sector)


def event(
    doc: str = "d1",
    type: str = "ACCUSE",
    source: str | None = "KAZGOV",
    target: str | None = "RUS",
    date: str | None = "2022-06-17",
    precision: str | None = "day",
    factuality: str = "asserted",
    evidence: str = "words",
    cameo: str | None = None,
    n: int = 0,
    **actor_fields: Any,
) -> Event:
    """A predicted event with just the fields scoring reads."""
    return Event(
        id=f"ev-{doc}-{n}",
        doc_id=doc,
        event=type,
        actor=actor(source, actor_fields.get("country"), actor_fields.get("sector")),
        recipient=actor(
            target, actor_fields.get("target_country"), actor_fields.get("target_sector")
        ),
        event_text=type.lower(),
        evidence=Evidence(text=evidence, start=0, end=len(evidence), sentence=0),
        date=date,
        date_precision=precision,
        factuality=factuality,
        cameo=cameo,
    )


def gold(**fields: Any) -> GoldEvent:
    """A gold event: an ACCUSE by KAZGOV against RUS on 2022-06-17, changed by `fields`."""
    row: dict[str, Any] = {
        "doc": "d1", "id": "g1", "status": "core", "source": "KAZGOV", "target": "RUS",
        "type": "ACCUSE", "date": "2022-06-17", "date_tol": 0, "evidence": "words",
    }  # fmt: skip
    row.update(fields)
    row = {k: v for k, v in row.items() if v is not None}
    return gold_from_row(row)


@dataclass
class FakeOutcome:
    """The fields of dyadwatch.coder.Outcome that the suites read."""

    doc_id: str
    events: list[Event] = field(default_factory=list)
    error: InputError | None = None


class TableCoder:
    """A coder that returns prepared events by document id, and fails where told."""

    def __init__(self, events: dict[str, list[Event]], failing: Iterable[str] = ()):
        self.events = events
        self.failing = set(failing)
        self.seen: list[str] = []

    def code_many(self, items: Iterable[Document]) -> Iterator[FakeOutcome]:
        for doc in items:
            self.seen.append(doc.id)
            if doc.id in self.failing:
                yield FakeOutcome(doc.id, error=InputError("cannot code", doc=doc.id))
            else:
                yield FakeOutcome(doc.id, events=list(self.events.get(doc.id, [])))
