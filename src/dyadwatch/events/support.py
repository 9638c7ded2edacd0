"""Support verbs: verbs that lend their subject to the event noun they govern.

Shared by trigger finding (a support verb is not coded itself) and role finding (its
subject is the actor of the noun), so it lives apart from both.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from spacy.tokens import Token

from ..tables import words

WORD_LISTS = Path(__file__).parent / "data" / "words.tsv"


@cache
def support_verbs() -> frozenset[str]:
    """Verbs that lend their subject to an event noun: "announced the suspension",
    "issued threats", "went into overdrive with attacks" (``support_verbs`` in
    events/data/words.tsv)."""
    return words(WORD_LISTS, "support_verbs")


@cache
def pursuit_nouns() -> frozenset[str]:
    """Nouns for the pursuit of an act that their modifier names: "a mediation effort",
    "the peace process" (``pursuit_nouns`` in events/data/words.tsv)."""
    return words(WORD_LISTS, "pursuit_nouns")


def pursued_phrase(noun: Token) -> Token:
    """The head of the phrase an event noun acts through: "effort" for "mediation" in "launched
    a mediation effort between Sudan and Ethiopia"; else the noun itself."""
    if noun.dep_ == "compound" and noun.head.lemma_.lower() in pursuit_nouns():
        return noun.head
    return noun


@cache
def stative_support() -> frozenset[str]:
    """Support verbs whose passive names the doer's state: "were engaged in fighting"."""
    return words(WORD_LISTS, "stative_support")


def stative_use(verb: Token) -> bool:
    """ "Serb forces were engaged in ethnic cleansing": a passive with no agent that tells
    what its subject was doing (the noun is the act, the subject its doer)."""
    return verb.lemma_.lower() in stative_support() and agentless_subject(verb) is not None


def agentless_subject(verb: Token) -> Token | None:
    """The subject of a passive that names no agent ("Israel is opposed to ...", "forces
    were engaged in ..."): the one in the state the verb tells of; None otherwise."""
    if any(c.dep_ == "agent" for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)


@cache
def stance_verbs() -> frozenset[str]:
    """Verbs whose agentless passive names the subject's stance toward what follows "to":
    "Israel is opposed to French mediation" (``stance_verbs`` in events/data/words.tsv)."""
    return words(WORD_LISTS, "stance_verbs")
