"""One warning, one threat.

"Z said this could lead to an invasion of the north and its annexation": the acts a speaker
says could follow are what the warning threatens, and the warning is one act. The threats
the ``speaker-warning`` party step makes of the acts under one speech verb, by one actor
against one recipient, are joined into the first of them.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..attributes.factuality import factuality
from ..model import Event

WARNING_STEP = "party:speaker-warning"


def _speech_verb(sdoc: Doc, i: int) -> int | None:
    """The token index of the speech verb the act at ``i`` is told under, if any."""
    speaker = factuality(sdoc[i]).speaker
    return speaker.head.i if speaker is not None else None


def join_warnings(sdoc: Doc, events: list[Event], tokens: dict[str, int]) -> list[Event]:
    """``events`` with each warning's threats after the first joined into the first
    (`tokens`: trigger token index by event id); the first notes ``joined-warning``."""
    first: dict[tuple, Event] = {}
    kept = []
    for event in events:
        verb = _speech_verb(sdoc, tokens[event.id]) if WARNING_STEP in event.steps else None
        if verb is None or event.event != "THREATEN":
            kept.append(event)
            continue
        key = (verb, event.actor.code, event.recipient.code if event.recipient else None)
        if key not in first:
            first[key] = event
            kept.append(event)
        elif "joined-warning" not in first[key].steps:
            first[key].steps.append("joined-warning")
    return kept
