"""A verdict a speaker gives on an act is an accusation (events/verdicts.py)."""

from __future__ import annotations

import pytest

from dyadwatch.events.verdicts import judged_clause, judged_subject
from dyadwatch.model import Document


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Peru said the Chilean raid was a violation of its airspace.", "raid"),
        ("Peru said the move constituted interference in its affairs.", "move"),
        ("Peru said the blockade amounted to aggression.", "blockade"),
        ("Peru said the Chilean raid was an act of aggression.", "raid"),
        # no verdict: negated, no word of condemnation, or no speech
        ("Peru said the Chilean raid was not a provocation.", None),
        ("Peru said the Chilean raid was a success.", None),
        ("The Chilean raid was a violation of Peruvian airspace.", None),
    ],
)
def test_a_speech_verbs_verdict_names_the_act_judged(nlp, text, subject):
    doc = nlp(text)
    said = next((t for t in doc if t.lemma_ == "say"), doc[0])
    found = judged_subject(said)
    assert (found.text if found is not None else None) == subject
    assert (judged_clause(said) is not None) == (subject is not None)


def test_a_verdict_is_the_speakers_accusation(coder):
    text = "Peru said on Monday that the Chilean raid was a violation of Peruvian airspace."
    events = coder.code(Document(id="t", text=text, date="2024-05-10"))
    found = [(e.event, e.actor.country, e.recipient and e.recipient.country, e.event_text)
             for e in events]  # fmt: skip
    assert ("ACCUSE", "PER", "CHL", "said violation") in found
