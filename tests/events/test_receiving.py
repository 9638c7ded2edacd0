"""Receiving verbs turn a noun act round: the giver acts on the receiver (events/receiving.py)."""

from __future__ import annotations

import pytest

from dyadwatch.events.receiving import receiving_verb
from dyadwatch.model import Document


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        ("Kazakhstan received aid from Japan.", "JPN", "KAZ"),
        ("Kenya received military assistance from Turkey on Monday.", "TUR", "KEN"),
        # a giving verb keeps its subject as the actor
        ("Japan sent aid to Kazakhstan.", "JPN", "KAZ"),
    ],
)
def test_the_giver_acts_on_the_receiver(coder, text, actor, recipient):
    events = coder.code(Document(id="r", text=text, date="2024-05-10"))
    assert [(e.event, e.actor.country, e.recipient.country) for e in events] == [
        ("AID", actor, recipient)
    ]


def test_with_no_giver_named_the_receiver_is_never_the_actor(coder):
    events = coder.code(Document(id="r", text="Kenya accepted humanitarian aid.", date=None))
    assert all(e.actor is None or e.actor.country != "KEN" for e in events)


def test_receiving_verb_finds_the_verb_whose_object_the_act_is(nlp):
    doc = nlp("Kenya received aid and loans from Japan while Uganda sent aid.")
    assert receiving_verb(doc[2]).lemma_ == "receive"
    assert receiving_verb(doc[4]).lemma_ == "receive"  # a conjoined object
    assert receiving_verb(doc[-2]) is None
