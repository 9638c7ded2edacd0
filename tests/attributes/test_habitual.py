"""States of affairs over years, which are not coded as acts, on sentences written here."""

from __future__ import annotations

import pytest

from dyadwatch.attributes.eventdates import is_habitual


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Greece and Turkey have quarrelled over the islands for decades.", "quarrelled", True),
        ("The court jailed him for seven years.", "jailed", False),
        ("India and China have clashed over the border since the 1960s.", "clashed", True),
        ("Rebels have shelled the town since 2014.", "shelled", True),
        ("Rebels have shelled the town since Tuesday.", "shelled", False),
        ("Rebels shelled the town in 2014.", "shelled", False),
        ("Spain has never recognised Kosovo.", "recognised", True),
        ("Georgia has long disputed the border.", "disputed", True),
        ("Georgia has disputed the election result.", "disputed", False),
    ],
)
def test_is_habitual(nlp, token_of, text, word, expected):
    assert is_habitual(token_of(nlp(text), word)) is expected


def test_past_perfect_never_denies_one_act(nlp, token_of):
    doc = nlp("The minister said Russia had never asked Astana for troops.")
    assert not is_habitual(token_of(doc, "asked"))
