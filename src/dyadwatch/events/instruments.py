"""The means of an act aimed at a party: "threatened him with Ukraine's fate", "charged
Kazakhstan with cunning", "supplied Kyiv with arms". When a verb's object is a party,
its with-phrase says what the act uses or hands over; a state named there (as its owner) is
no party to the act. A with-phrase after an object that is a thing ("signed an accord with
Peru") still names the partner."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Protocol, TypeVar

from spacy.tokens import Token

from ..actors.mention import ActorMention
from ..tables import words
from .triggers import Candidate

WORD_LISTS = Path(__file__).parent / "data" / "words.tsv"
# object pronouns that stand for a party ("threatened him", "supplied them")
PARTY_OBJECTS = words(WORD_LISTS, "party_objects")


class NounReader(Protocol):
    """What the step needs of the role finder (events.roles, which runs this step)."""

    def np_actor(self, tok: Token | None, owner: bool = False) -> ActorMention | None: ...


class FoundRoles(Protocol):
    """What the step reads of the roles found so far (events.roles.Roles)."""

    recipient: ActorMention | None
    recipient_how: str


R = TypeVar("R", bound=FoundRoles)


def instrument_phrase(finder: NounReader, verb: Token) -> Token | None:
    """The with-phrase of a verb whose direct object is a party, or None."""
    if verb.pos_ != "VERB":
        return None
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
    if obj is None:
        return None
    if obj.lower_ not in PARTY_OBJECTS and not _one_party(finder.np_actor(obj)):
        return None
    return next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"), None)


def _one_party(found: ActorMention | None) -> bool:
    """A state, body or person: what is threatened or supplied, not the troops or goods that
    an act sends ("deployed soldiers to the border with Belarus")."""
    return found is not None and (found.person or found.kind in ("country", "org"))


def within(phrase: Token | None, index: int) -> bool:
    """Whether the token at ``index`` lies inside ``phrase``."""
    return phrase is not None and phrase.left_edge.i <= index <= phrase.right_edge.i


def instrument_dropped(finder: NounReader, cand: Candidate, roles: R) -> R | None:
    """A recipient read off the means of the act ("threatened him with Ukraine's fate") is
    none: the fallbacks look for the party elsewhere."""
    if roles.recipient is None or roles.recipient_how not in ("prep:with", "place"):
        return None
    phrase = instrument_phrase(finder, cand.token)
    found = roles.recipient
    if phrase is None or not any(within(phrase, i) for i in range(found.start, found.end)):
        return None
    return replace(roles, recipient=None, recipient_how="")
