"""Present-tense statements of a state or a norm, which are not acts (events/generic.py)."""

from __future__ import annotations

import pytest

from dyadwatch.events.generic import finite_verb, is_generic


def _token(doc, word):
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Georgian wine leaves the country mainly through the port of Poti.", "leaves", True),
        ("Venezuelan crude usually reaches Cuba by tanker.", "reaches", True),
        ("The island is known to host a naval base of the Iranian fleet.", "host", True),
        ("Iran is believed to supply drones to the rebels.", "supply", True),
        # a pattern of acts the report is about, and a present stance: coded
        ("Chilean ships often harass Peruvian trawlers near the line.", "harass", False),
        ("Spain objects to a Moroccan team hosting the final.", "objects", False),
        # past, perfect, future and a reported present: acts
        ("Georgian troops left the village mainly through the pass.", "left", False),
        ("Georgian troops have mainly left the village.", "left", False),
        ("The island was known to host a base.", "host", False),
        ("The minister said Iran usually supplies drones to the rebels.", "supplies", False),
        ('"We usually supply fuel to Cuba," the minister said.', "supply", False),
    ],
)
def test_is_generic(nlp, text, word, expected):
    assert is_generic(_token(nlp(text), word), own_time=False) is expected


def test_a_time_of_its_own_makes_it_an_act(nlp):
    doc = nlp("Georgian wine leaves the country mainly through Poti on Tuesday.")
    assert not is_generic(_token(doc, "leaves"), own_time=True)


def test_a_headline_keeps_the_present_for_news(nlp):
    doc = nlp("Iran usually supplies drones to rebels, report says\nIran supplied drones.")
    assert not is_generic(_token(doc, "supplies"), own_time=False)


@pytest.mark.parametrize(
    ("text", "word", "verb"),
    [
        ("The island is known to host a base.", "host", "known"),
        ("Leaders rush to hold talks and sign deals.", "sign", "rush"),
        ("Rebels have fought the army.", "fought", "fought"),
        ("The army, which fought the rebels, withdrew.", "fought", "fought"),
    ],
)
def test_finite_verb(nlp, text, word, verb):
    found = finite_verb(_token(nlp(text), word))
    assert found is not None and found.text == verb
