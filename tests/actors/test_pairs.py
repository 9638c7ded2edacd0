"""A counted pair ("the two countries", "both sides") in a story about two states names those
two states: one event per state, each way for an act between them."""

from __future__ import annotations

import pytest

from dyadwatch.actors.pairs import counted_pair
from dyadwatch.model import Document

STORY = ("Peru and Ecuador signed a border accord on Monday. Ecuador's president praised Peru. "
         "Peru thanked Ecuador. ")  # fmt: skip


def _pairs(coder, text: str) -> set[tuple[str, str, str | None]]:
    events = coder.code(Document(id="t", text=STORY + text, date="2024-05-10"))
    return {(e.event, e.actor.code[:3], e.recipient.code[:3] if e.recipient else None)
            for e in events if e.evidence.sentence == 3}  # fmt: skip


def test_both_sides_agreeing_is_each_state_toward_the_other(coder):
    found = _pairs(coder, "Both sides agreed to hold talks again in June.")
    assert {("AGREE", "PER", "ECU"), ("AGREE", "ECU", "PER")} <= found, found


def test_their_under_the_pair_is_the_pair_not_a_body_named_before(coder):
    text = ("The European Union welcomed the accord. The statement said the two countries "
            "were renewing their commitment to normalise relations.")  # fmt: skip
    events = coder.code(Document(id="t", text=STORY + text, date="2024-05-10"))
    last = [e for e in events if e.evidence.sentence == 4]
    assert last and all(e.actor.code[:3] in ("PER", "ECU") for e in last), [
        (e.event, e.actor.code) for e in last
    ]


def test_the_two_militaries_trading_fire_is_one_attack_each_way(coder):
    found = _pairs(coder, "The two militaries traded heavy fire along the border between them.")
    assert ("ASSAULT", "PER", "ECU") in found and ("ASSAULT", "ECU", "PER") in found, found
    assert len(found) == 2, found


def test_a_pair_named_in_a_story_about_many_states_is_no_pair(analyse):
    found = analyse("Chile, Peru, Bolivia and Ecuador met. The two countries agreed to meet again.")
    assert found.actor("countries") is None


def test_a_count_of_three_is_no_pair(analyse):
    found = analyse(STORY + "The three countries agreed to meet again.")
    assert found.actor("countries") is None


def test_both_sides_of_the_border_is_a_place(analyse):
    found = analyse(STORY + "Troops were massed on both sides of the border.")
    assert found.actor("sides") is None


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        # the "on" of a verb that aims at someone names parties; elsewhere it says where
        ("Peru and Chile traded fire. Bolivia called on both sides to hold talks.", True),
        ("Peru and Chile traded fire. Soldiers were killed on both sides.", False),
        ("Peru and Chile traded fire. Bolivia imposed curfews on both sides of the border.", False),
    ],
)
def test_on_both_sides_names_the_pair_only_after_a_verb_that_aims(nlp, text, pair):
    doc = nlp(text)
    assert counted_pair(next(t for t in doc if t.text == "sides")) == pair
