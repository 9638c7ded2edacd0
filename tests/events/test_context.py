"""The story's two states supply the recipient an act across borders leaves unnamed."""

from __future__ import annotations

import pytest

from dyadwatch.model import Document

STORY = (
    "Peru says two of its soldiers were killed on the border with Bolivia. "
    "The Peruvian ministry said Bolivian troops opened fire on a patrol. "
    "Bolivia denied the claim and said Peru had provoked the clash. "
    "Bolivian forces later shelled the hills."
)


def _coded(coder, text):
    return coder.code(Document(id="story", text=text, date="2024-03-05"))


@pytest.mark.parametrize(("trigger", "actor", "recipient"), [("shelled", "BOL", "PER")])
def test_an_act_across_borders_is_aimed_at_the_other_state_of_the_story(
    coder, trigger, actor, recipient
):
    found = [e for e in _coded(coder, STORY) if e.event_text == trigger]
    assert [(e.actor.country, e.recipient.country if e.recipient else None) for e in found] == [
        (actor, recipient)
    ]


def test_no_counterpart_when_a_third_state_is_named_as_often(coder):
    text = STORY + " Chile and Chile's navy and Chile's army and Chilean police watched."
    found = [e for e in _coded(coder, text) if e.event_text == "shelled"]
    assert [e.recipient for e in found] == [None]


def test_an_agentless_measure_against_one_state_of_the_story_is_the_others(coder):
    found = [e for e in _coded(coder, STORY + " All trade with Bolivia was halted.")
             if e.event == "SANCTION"]  # fmt: skip
    assert [(e.event, e.actor.country, e.recipient.country) for e in found] == [
        ("SANCTION", "PER", "BOL")
    ]
