"""Verb forms the English lemmatizer cuts down to another word get their right lemma."""

from __future__ import annotations

import pytest

from dyadwatch.nlp.lemmas import lemma_fixes


@pytest.mark.parametrize(
    ("text", "form", "lemma"),
    [
        ("Students staged a sit-in outside the ministry.", "staged", "stage"),
        ("The two states waged a border war for years.", "waged", "wage"),
        ("Fighting raged in the capital overnight.", "raged", "rage"),
    ],
)
def test_a_listed_verb_form_gets_its_lemma(nlp, text, form, lemma):
    token = next(t for t in nlp(text) if t.text == form)
    assert token.lemma_ == lemma


def test_a_noun_keeps_its_own_lemma(nlp):
    token = next(t for t in nlp("A stag crossed the road.") if t.text == "stag")
    assert token.lemma_ == "stag"


def test_the_list_is_read_without_its_header():
    fixes = lemma_fixes()
    assert fixes["staged"] == "stage" and "form" not in fixes
