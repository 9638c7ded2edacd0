"""An actor mention: a token span and the actor it resolves to."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from ..model import Actor, Place

if TYPE_CHECKING:  # annotations only: storing mentions needs no spaCy
    from spacy.tokens import Span, Token

MODIFIER_DEPS = {"amod", "compound", "poss", "nmod", "npadvmod", "nummod"}
# CAMEO's code for an actor the text names but whose country it does not give.
UNKNOWN_CODE = "---"


class PlaceLookup(Protocol):
    """What the actor rules need of the document's places (attributes.places supplies it)."""

    def at(self, i: int) -> Place | None:
        """The resolved place whose name covers token ``i``, if any."""
        ...


@dataclass
class ActorMention:
    """One mention of an actor: a token span and what it resolves to."""

    start: int
    end: int
    text: str
    code: str
    country: str | None
    sector: str | None
    name: str | None = None
    wikidata: str | None = None
    kind: str = "country"  # country, region, org, person, group, role
    form: str = "name"  # name, alias, adjective, demonym, capital, metonym, surname, role, pronoun
    person: bool = False
    direct: bool = True  # False when the country was guessed from context

    def to_actor(self) -> Actor:
        return Actor(text=self.text, code=self.code, country=self.country, sector=self.sector,
                     name=self.name, wikidata=self.wikidata)  # fmt: skip

    def with_text(self, span: Span, form: str, direct: bool = True) -> ActorMention:
        return ActorMention(span.start, span.end, span.text, self.code, self.country, self.sector,
                            self.name, self.wikidata, self.kind, form, self.person, direct)  # fmt: skip


def np_span(head: Token) -> Span:
    """The noun phrase of `head` without relative clauses and trailing prepositions."""
    left = head.i
    for child in head.lefts:
        if child.dep_ in MODIFIER_DEPS or child.dep_ in ("det", "compound"):
            left = min(left, child.left_edge.i)
    return head.doc[left : head.i + 1]
