"""A verdict a speaker gives on an act is an accusation (events/verdicts.py)."""

from __future__ import annotations

import pytest

from dyadwatch.events.verdicts import read_verdict
from dyadwatch.model import Document


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Peru said the Chilean raid was a violation of its airspace.", "raid"),
        ("Peru said the move constituted interference in its affairs.", "move"),
        ("Peru said the blockade amounted to aggression.", "blockade"),
        ("Peru said the Chilean raid was an act of war.", "raid"),
        # no verdict: negated, under a modal, on no act, no word of condemnation, no speech
        ("Peru said the Chilean raid was not a provocation.", None),
        ("Peru said any raid on its vessels would be a violation of the treaty.", None),
        ("Peru said the seizure may have been a violation of the treaty.", None),
        ("Peru said the only option left was war.", None),
        ("Peru said the biggest threat to the region was terrorism.", None),
        ("Peru said the Chilean raid was a success.", None),
        ("The Chilean raid was a violation of Peruvian airspace.", None),
    ],
)
def test_a_speech_verbs_verdict_names_the_act_judged(coder, nlp, text, subject):
    doc = nlp(text)
    said = next((t for t in doc if t.lemma_ == "say"), doc[0])
    found = read_verdict(said, coder.lexicon.lemmas)
    assert (found.subject.text if found is not None else None) == subject


@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        ("Peru said on Monday that the Chilean raid was a violation of Peruvian airspace.", "CHL"),
        ("The African Union said the NATO bombing was a violation of international law.", "NATO"),
    ],
)
def test_a_verdict_is_the_speakers_accusation_of_the_doer(coder, text, recipient):
    events = coder.code(Document(id="t", text=text, date="2024-05-10"))
    found = [(e.event, e.recipient and e.recipient.code, e.event_text) for e in events]
    assert ("ACCUSE", recipient, "said violation") in found


def test_a_verdict_under_a_modal_accuses_no_one(coder):
    text = "Peru said any raid on its vessels would be a violation of the treaty."
    events = coder.code(Document(id="t", text=text, date="2024-05-10"))
    assert all(e.event != "ACCUSE" for e in events)
