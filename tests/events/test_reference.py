"""A definite noun names an act told before; the coder joins it to that act's event."""

from __future__ import annotations

import pytest

from dyadwatch.events.reference import refers_back
from dyadwatch.model import Document


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Peru said its strikes hit camps.", "strikes", True),
        ("Peru said the attack hit camps.", "attack", True),
        ("Peru said another attack hit camps.", "attack", False),
        ("Peru said the second attack hit camps.", "attack", False),
        ("Peru said an attack hit camps.", "attack", False),
        ("Peru attacked the camps.", "attacked", False),
    ],
)
def test_refers_back(nlp, text, word, expected):
    token = next(t for t in nlp(text) if t.text == word)
    assert refers_back(token) is expected


def test_a_definite_noun_joins_the_act_told_before(coder):
    text = "Peru fired missiles into Bolivia on Monday. Peru said its strikes hit army camps."
    events = coder.code(Document(id="t", text=text, date="2024-05-10"))
    assert [e.event for e in events] == ["ASSAULT"]
    assert len(events[0].sources) == 2
