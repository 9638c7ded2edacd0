"""Which earlier act of the other side an event answers, within one document.

An event with an explicit cue ("in retaliation", "hit back by", a because-clause told as
later: ``link/cues.py``) answers the most recent earlier event by the other side of its dyad;
one whose trigger takes a noun naming the act it answers ("rejected the accusations")
answers the most recent earlier event of that noun's type by the other side.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from ..model import Event
from ..nlp.sents import sentence_of
from .cues import answered_noun, response_cue

NounType = Callable[[str], "str | None"]  # a noun's lemma -> the event type it names, if any


def link_responses(sdoc: Doc, events: list[Event], tokens: dict[str, int],
                   noun_type: NounType) -> None:  # fmt: skip
    """Fill ``in_response_to`` of the document's events (in text order; ``tokens``: the
    trigger token index of each event id)."""
    for k, ev in enumerate(events):
        tok = sdoc[tokens[ev.id]]
        if ev.actor is None:
            continue
        noun = answered_noun(tok)
        if noun is None and response_cue(tok, sentence_of(tok)) is None:
            continue
        wanted = noun_type(noun.lemma_.lower()) if noun is not None else None
        answered = _answered(ev, events[:k], wanted)
        if answered is not None:
            ev.in_response_to = [answered.id]


def _answered(ev: Event, before: list[Event], wanted: str | None) -> Event | None:
    """The latest earlier event by the other side, of type ``wanted`` when given, that best
    fits the dyad: its actor is ``ev``'s recipient, its recipient ``ev``'s actor."""
    best = None
    for prev in before:
        if prev.actor is None or prev.actor.country == ev.actor.country:
            continue
        if wanted is not None and prev.event != wanted:
            continue
        if prev.evidence.start >= ev.evidence.start:
            continue
        score = (
            prev.actor.country == (ev.recipient.country if ev.recipient else None),
            prev.recipient is not None and prev.recipient.country == ev.actor.country,
        )
        if best is None or score >= best[0]:
            best = (score, prev)
    return best[1] if best is not None and any(best[0]) else None
