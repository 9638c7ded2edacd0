"""Acts told inside another act's clause: "agreed to provide aid", "denounced Serbia's
suppression of the unrest", "began a hunger strike to demand his release".

The act of the main clause is what the sentence reports; an act in its complement, object,
purpose or relative clause is its content or its circumstance, and is less certainly an act
of its own. Coordinated acts ("opened its border but refused entry") are on one level.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

from ..model import Event
from .confidence import confidence

# Dependencies by which a nominal trigger stands for the clause of the verb that governs
# it: "began a hunger strike" (the strike is the clause's act).
CLAUSE_NOUN_DEPS = {"dobj", "obj", "nsubj", "nsubjpass", "attr"}
# Links that join acts of one level rather than embed one in the other.
LEVEL_DEPS = {"conj", "appos", "parataxis"}


def clause_anchor(tok: Token, triggers: set[int]) -> Token:
    """Where a trigger's act sits in the parse: its own token, or for a noun that is the
    subject or object of a verb that is no trigger itself, that verb."""
    head = tok.head
    if (tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in CLAUSE_NOUN_DEPS and head.i != tok.i
            and head.pos_ in ("VERB", "AUX") and head.i not in triggers):  # fmt: skip
        return head
    return tok


def embedded(tok: Token, triggers: Iterable[int]) -> bool:
    """Whether the act at `tok` lies in the clause of another trigger of the sentence
    (`triggers`: the token indices of all the sentence's triggers, `tok` among them)."""
    marks = set(triggers) - {tok.i}
    anchors = {clause_anchor(tok.doc[i], marks | {tok.i}).i for i in marks}
    node = clause_anchor(tok, marks | {tok.i})
    deeper = False
    while node.head.i != node.i:
        deeper = deeper or node.dep_ not in LEVEL_DEPS
        node = node.head
        if deeper and (node.i in marks or node.i in anchors):
            return True
    return False


def demote_embedded(sdoc: Doc, events: list[Event], tokens: dict[str, int]) -> None:
    """Note the step ``embedded`` on each event whose trigger is embedded in another
    trigger's clause (`tokens`: trigger token index by event id); it lowers the event's
    confidence (events/data/penalties.tsv)."""
    triggers = {tokens[e.id] for e in events}
    for event in events:
        if embedded(sdoc[tokens[event.id]], triggers):
            event.steps.append("embedded")
            event.confidence = confidence(event.steps)
