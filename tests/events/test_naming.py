"""An act another state calls by a name of its choosing gives that state's charge too."""

from __future__ import annotations

from dyadwatch.model import Document


def _coded(coder, text):
    events = coder.code(Document(id="t", text=text, date="2024-05-10"))
    return {(e.event, e.actor.code, e.recipient.code if e.recipient else None) for e in events}


def test_the_namer_charges_the_doer_and_the_act_stays(coder):
    coded = _coded(coder, "Peru's ministry pointed to what it called extrajudicial killings "
                          "carried out by Chilean police.")  # fmt: skip
    assert ("ACCUSE", "PERGOV", "CHLGOV") in coded
    assert any(event == "ASSAULT" and actor == "CHLGOV" for event, actor, _ in coded)


def test_a_doer_naming_its_own_act_charges_no_one(coder):
    coded = _coded(coder, "Chilean police carried out what they called targeted killings.")
    assert not any(event == "ACCUSE" for event, _, _ in coded)


def test_a_name_that_condemns_is_no_act_of_its_own(coder):
    # calling a move a threat accuses whoever made it; no threat is made
    story = "Peru closed the border with Chile on Sunday. "
    coded = _coded(coder, story + "Chile called the closure a direct threat to its trade.")
    assert ("ACCUSE", "CHL", "PER") in coded
    assert not any(event == "THREATEN" for event, _, _ in coded)
