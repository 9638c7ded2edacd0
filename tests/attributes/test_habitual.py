"""States of affairs and asides, which are not coded as acts, on sentences written here."""

from __future__ import annotations

import pytest

from dyadwatch.attributes.eventdates import is_habitual


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Greece and Turkey have quarrelled over the islands for decades.", "quarrelled", True),
        ("The court jailed him for seven years.", "jailed", False),
        ("The court has jailed him for seven years.", "jailed", False),
        ("The guards have held the prisoners for seven years.", "held", True),
        ("India and China have clashed over the border since the 1960s.", "clashed", True),
        ("Rebels have shelled the town since 2014.", "shelled", True),
        ("Rebels have shelled the town since Tuesday.", "shelled", False),
        ("Rebels shelled the town in 2014.", "shelled", False),
        ("Spain has never recognised Kosovo.", "recognised", True),
        ("Georgia has long disputed the border.", "disputed", True),
        ("Georgia has disputed the election result.", "disputed", False),
        ("Peru backs rebels who have attacked Chilean posts.", "attacked", True),
        ("The rebels who have attacked Chilean posts fled.", "attacked", False),
        ("Rebels who attacked Chilean posts on Monday fled.", "attacked", False),
    ],
)
def test_is_habitual(nlp, token_of, text, word, expected):
    assert is_habitual(token_of(nlp(text), word)) is expected


def test_past_perfect_never_denies_one_act(nlp, token_of):
    doc = nlp("The minister said Russia had never asked Astana for troops.")
    assert not is_habitual(token_of(doc, "asked"))


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Kyiv left the pact, which Moscow signed in 1997.", "signed", True),
        ("Kyiv left the pact, which Moscow signed on March 3.", "signed", False),
        ("Moscow signed the pact in 1997.", "signed", False),
        # an undated act timing such a relative clause
        ("Minsk broke the pledge it made when the two states established ties.", "established",
         True),
        ("Minsk broke its pledge when the two states established ties.", "established", False),
        ("Kyiv condemned the attack, which came after Russian troops shelled a town.", "shelled",
         False),
    ],
)  # fmt: skip
def test_is_aside(nlp, token_of, text, word, expected):
    from dyadwatch.attributes.dates import DocumentDates
    from dyadwatch.attributes.eventdates import date_event, is_aside

    doc = nlp(text)
    tok = token_of(doc, word)
    assert is_aside(tok, date_event(DocumentDates(doc, "2024-05-10"), tok)) is expected
