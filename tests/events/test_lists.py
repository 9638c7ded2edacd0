"""Lists of parties: the members the parse gives (events/lists.py), and one act per ordered
pair when three or more listed parties do a reciprocal act together (events/conjuncts.py)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from dyadwatch.events.lists import list_members
from dyadwatch.model import Document


def _doc(words, heads, deps, pos):
    return Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos)


def test_appositive_with_conjunct_is_a_list_member():
    # "Chile, Peru, and Bolivia met" parsed as Chile with the appositive Peru
    doc = _doc(["Chile", ",", "Peru", ",", "and", "Bolivia", "met"],
               [6, 0, 0, 2, 2, 2, 6], ["nsubj", "punct", "appos", "punct", "cc", "conj", "ROOT"],
               ["PROPN", "PUNCT", "PROPN", "PUNCT", "CCONJ", "PROPN", "VERB"])  # fmt: skip
    assert [t.text for t in list_members(doc[0])] == ["Peru", "Bolivia"]


def test_plain_appositive_is_no_list_member():
    doc = _doc(["Lima", ",", "Peru", "met"], [3, 0, 0, 3],
               ["nsubj", "punct", "appos", "ROOT"], ["PROPN", "PUNCT", "PROPN", "VERB"])  # fmt: skip
    assert list_members(doc[0]) == []


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("Chile, Peru and Bolivia met on Monday.", 6),
        ("Egypt, Jordan and Israel held talks on Tuesday.", 6),
        ("Chile and Peru met on Monday.", 2),
    ],
)
def test_reciprocal_act_of_listed_parties_goes_each_way(coder, text, pairs):
    events = coder.code(Document(id="t", text=text, date="2024-05-10"))
    found = {(e.actor.country, e.recipient.country) for e in events
             if e.event == "CONSULT" and e.recipient is not None}  # fmt: skip
    assert len(found) == pairs
    assert all(a != r for a, r in found)
