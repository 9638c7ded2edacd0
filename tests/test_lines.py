"""Sentence starts the pipeline sets before the parser (nlp/lines.py)."""

from __future__ import annotations

import pytest


def starts(nlp, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents]


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("LIMA, May 2 (Reuters) - The ministry summoned the envoy.", "LIMA, May 2 (Reuters) -"),
        ("Lima, April 24: On Thursday Peru closed the border.", "Lima, April 24:"),
        ("SANTA CRUZ, 24 April (Wire News): Bolivia shut the post.",
         "SANTA CRUZ, 24 April (Wire News):"),
        ("QUITO \u2013 Ecuadorian forces crossed the river.", "QUITO \u2013"),
        # the place's state instead of a date
        ("LIMA, Peru (Wire) \u2014 Peruvian troops crossed the river.", "LIMA, Peru (Wire) \u2014"),
    ],
)  # fmt: skip
def test_a_dateline_opening_a_line_is_a_sentence_of_its_own(nlp, text, first):
    assert starts(nlp, text)[0] == first


@pytest.mark.parametrize(
    "text",
    ["Peru-Chile talks resumed on Monday.", "Chile, Peru and Bolivia met: the talks failed."],
)
def test_no_dateline_no_break(nlp, text):
    assert len(starts(nlp, text)) == 1


def test_a_line_break_ends_a_sentence(nlp):
    assert starts(nlp, "Peru shuts border\nChile protested.") == [
        "Peru shuts border",
        "Chile protested.",
    ]


def test_a_headline_is_one_unit(nlp):
    text = "Sudan blows up bridges linking it to the South\n\nJUBA (Wire) - Sudan shut the roads."
    assert starts(nlp, text)[:2] == [
        "Sudan blows up bridges linking it to the South",
        "JUBA (Wire) -",
    ]


def test_a_headline_ending_in_a_closing_quote_is_one_unit(nlp):
    text = "Sudan cuts ties with Chad over 'hostile acts'\n\nJUBA (Wire) - Sudan cut ties."
    assert starts(nlp, text)[0] == "Sudan cuts ties with Chad over 'hostile acts'"
