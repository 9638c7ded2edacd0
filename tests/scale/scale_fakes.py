"""A tiny coder with the real coder's interface, for fast tests of the runners.

It turns each trigger word below into one event, so outputs are easy to predict. The
module sits on the test path, so spawned worker processes can import it by name.
"""

from __future__ import annotations

import os
import random
import re
from collections.abc import Iterable, Iterator

from dyadwatch.config import Config
from dyadwatch.errors import InputError
from dyadwatch.model import Actor, Document, Event, Evidence, Source, event_id
from dyadwatch.outcome import Outcome

TRIGGERS = {"met": "CONSULT", "shelled": "ASSAULT", "sent": "AID", "condemned": "ACCUSE"}
WORD = re.compile(r"[A-Za-z]+")
# A test sets this to a number of documents after which the fake coder raises, as a crash.
CRASH_AFTER = "DYADWATCH_FAKE_CRASH_AFTER"


class SimulatedCrash(BaseException):
    """What the fake coder raises to stand for the process dying: not an Exception, so the
    runners do not take it for one document's failure."""


class FakeCoder:
    """Codes each trigger word as one event between two fixed actors; 'UNREADABLE' fails."""

    def __init__(self, config: Config | None = None):
        self.config = config or Config()
        self.coded = 0
        crash = os.environ.get(CRASH_AFTER)
        self.crash_after = int(crash) if crash else None

    def code(self, doc: Document) -> list[Event]:
        if "UNREADABLE" in doc.text:
            raise InputError("text cannot be coded", doc=doc.id)
        events = []
        for match in WORD.finditer(doc.text):
            kind = TRIGGERS.get(match.group().lower())
            if kind is None:
                continue
            start, end = match.span()
            events.append(Event(
                id=event_id(doc.id, start, end, kind), doc_id=doc.id, event=kind,
                actor=Actor(text="Ruritania", code="RUR", country="RUR", sector="GOV"),
                recipient=Actor(text="Freedonia", code="FRE", country="FRE"),
                event_text=match.group(), evidence=Evidence(match.group(), start, end, 0),
                date=doc.date, date_precision="day" if doc.date else None,
                context=["diplomatic"], sources=[Source(doc_id=doc.id, url=doc.url)],
                confidence=0.25 + (start % 7) / 10, coder=self.config.coder,
            ))  # fmt: skip
        return events

    def code_many(self, items: Iterable[Document | InputError]) -> Iterator[Outcome]:
        for item in items:
            if isinstance(item, InputError):
                yield Outcome(doc_id=item.doc or "", error=item)
                continue
            if self.crash_after is not None and self.coded >= self.crash_after:
                raise SimulatedCrash("simulated crash")
            self.coded += 1
            try:
                yield Outcome(doc_id=item.id, events=self.code(item), document=item)
            except InputError as e:
                yield Outcome(doc_id=item.id, error=e, document=item)


def fake_coder(config: Config) -> FakeCoder:
    """The factory the runners take: one FakeCoder per process."""
    return FakeCoder(config)


def make_corpus(n: int, seed: int = 42) -> list[Document]:
    """``n`` small documents over three months, some with no trigger, one unreadable."""
    rng = random.Random(seed)
    words = ["the", "minister", "met", "shelled", "sent", "condemned", "aid", "border",
             "talks", "on", "Monday", "troops", "convoy", "capital"]  # fmt: skip
    docs = []
    for i in range(n):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(5, 40))) + "."
        if i == n // 2:
            text = "UNREADABLE " + text
        month = 6 + i % 3
        docs.append(Document(id=f"d{i:04d}", text=text, date=f"2022-{month:02d}-{1 + i % 28:02d}",
                             url=f"https://news.example/{i}"))  # fmt: skip
    return docs


class HostileCoder(FakeCoder):
    """A fake coder that breaks the way real faults do: 'EXPLODE' in any text of a batch
    makes ``code_many`` raise for the whole batch; 'SURROGATE' gives an event whose text no
    encoding can write (so the writer, not the coder, fails)."""

    def code(self, doc: Document) -> list[Event]:
        events = super().code(doc)
        if "SURROGATE" in doc.text and events:
            events[0].event_text = "\ud800"
        return events

    def code_many(self, items: Iterable[Document | InputError]) -> Iterator[Outcome]:
        batch = list(items)
        if any(isinstance(i, Document) and "EXPLODE" in i.text for i in batch):
            raise ValueError("the pipeline broke on this batch")
        yield from super().code_many(batch)


def hostile_coder(config: Config) -> HostileCoder:
    return HostileCoder(config)
