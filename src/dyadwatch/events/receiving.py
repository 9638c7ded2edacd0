"""Receiving verbs: "Kazakhstan received aid from Japan" names Japan's act on Kazakhstan.

A noun act that is the object of a receiving verb (receive, get, obtain, accept) is done by
the one it comes from, and the verb's subject is its recipient, not its actor.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Protocol, TypeVar

from spacy.tokens import Token

from ..actors.mention import ActorMention
from ..tables import words
from .triggers import Candidate


class NounReader(Protocol):
    """What the step needs of the role finder (events.roles, which runs this step)."""

    def np_actor(self, tok: Token | None, owner: bool = False) -> ActorMention | None: ...


class FoundRoles(Protocol):
    """What the step reads of the roles found so far (events.roles.Roles)."""

    actor: ActorMention | None
    actor_how: str


R = TypeVar("R", bound=FoundRoles)

WORD_LISTS = Path(__file__).parent / "data" / "words.tsv"
RECEIVING_VERBS = words(WORD_LISTS, "receiving_verbs")


def received(finder: NounReader, cand: Candidate, roles: R) -> R | None:
    """ "Kenya received weapons aid from Turkey": the giver acts, the receiver is the
    recipient; with no giver named, no actor is known."""
    verb = receiving_verb(cand.token)
    if verb is None or roles.actor_how != "governing":
        return None
    giver = _from_phrase(cand.token) or _from_phrase(verb)
    found = finder.np_actor(giver) if giver is not None else None
    return replace(roles, actor=found, recipient=roles.actor,
                   actor_how="giver" if found is not None else "",
                   recipient_how="receiver")  # fmt: skip


def receiving_verb(noun: Token) -> Token | None:
    """The receiving verb whose object ``noun`` is, if any."""
    tok = noun
    while tok.dep_ == "conj":
        tok = tok.head
    if tok.dep_ not in ("dobj", "obj") or tok.head.lemma_.lower() not in RECEIVING_VERBS:
        return None
    return tok.head


def _from_phrase(head: Token) -> Token | None:
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "from":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None
