"""One phrase, one act.

"Russian media went into overdrive with attacks and threats aimed at Kazakhstan": nouns
coordinated in one phrase that name acts of one actor against one recipient name one act
(a summary of a campaign, not a count of its parts). The events of the later nouns join
the event of the first noun, which notes ``joined-coordinated``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..model import Event

JOINED = "joined-coordinated"


def _first_conjunct(token: Token) -> Token:
    """The first noun of the coordination ``token`` is in (``token`` itself if none)."""
    node = token
    while node.dep_ == "conj" and node.head.i != node.i and node.head.pos_ == "NOUN":
        node = node.head
    return node


def _parties(event: Event) -> tuple[str, str | None]:
    return event.actor.code, event.recipient.code if event.recipient else None


def join_coordinated_nouns(sdoc: Doc, events: list[Event], tokens: dict[str, int]) -> list[Event]:
    """``events`` without those of a noun coordinated after another noun whose event has the
    same actor and recipient (`tokens`: trigger token index by event id)."""
    first_of: dict[tuple, Event] = {}
    kept = []
    for event in events:
        token = sdoc[tokens[event.id]]
        if token.pos_ != "NOUN":
            kept.append(event)
            continue
        head = _first_conjunct(token)
        key = (head.i, *_parties(event))
        first = first_of.get(key)
        if first is None:
            first_of[key] = event
            kept.append(event)
        elif JOINED not in first.steps:
            first.steps.append(JOINED)
    return kept
