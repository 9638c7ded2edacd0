"""A relation noun right before a state's name is that state ("Nato member Turkey")."""

from __future__ import annotations

import pytest

from dyadwatch.model import Document


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("EU member Hungary blocked the aid package for Ukraine.", "HUN"),
        ("Nato ally Norway condemned the strike on the Ukrainian port.", "NOR"),
        ("Russian ally Belarus condemned the sanctions on Moscow.", "BLR"),
    ],
)
def test_relation_noun_names_the_state(coder, text, actor):
    events = coder.code(Document(id="t", text=text, date="2024-05-10"))
    assert events, text
    assert events[0].actor.code.startswith(actor), [(e.event, e.actor.code) for e in events]


def test_bloc_member_alone_is_the_bloc(coder):
    events = coder.code(
        Document(
            id="t",
            text="A Nato member condemned the strike on the Ukrainian port.",
            date="2024-05-10",
        )
    )
    assert [e.actor.code for e in events] == ["NATO"]


def test_counted_states_of_a_region_are_not_the_region(coder):
    text = "The two Balkan states recalled their ambassadors from Moscow."
    events = coder.code(Document(id="t", text=text, date="2024-05-10"))
    assert all(e.actor.code != "BLK" for e in events), [(e.event, e.actor.code) for e in events]


def test_a_region_s_states_uncounted_are_the_region(coder):
    text = "Central Asian states condemned the attack on Kabul."
    events = coder.code(Document(id="t", text=text, date="2024-05-10"))
    assert [e.actor.code for e in events] == ["CAS"]
