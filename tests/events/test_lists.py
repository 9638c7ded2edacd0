"""Lists of parties: the members the parse gives (events/lists.py), one act per ordered pair
when three or more listed parties do a reciprocal act together, and one act for a list joined
by "or" (events/conjuncts.py)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from dyadwatch.events.lists import disjunctive, list_members
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


def test_a_list_joined_by_or_is_disjunctive(nlp):
    for joiner, expected in (("or", True), ("and", False)):
        doc = nlp(f"Peru will not recognise Chile, Bolivia, {joiner} Ecuador.")
        chile = next(t for t in doc if t.text == "Chile")
        assert disjunctive([chile, *list_members(chile)]) == expected


@pytest.mark.parametrize(
    ("text", "recipients"),
    [
        # a class named by alternatives: one refusal, not one per member
        ("Peru said on Monday it would not recognise Chile, Bolivia, or Ecuador.", {"CHL"}),
        ("Peru threatened on Monday to expel diplomats of Chile or Bolivia.", {"CHL"}),
        (
            "Peru said on Monday it would not recognise Chile, Bolivia, and Ecuador.",
            {"CHL", "BOL", "ECU"},
        ),
        ("Peru condemned Chile and Bolivia on Monday.", {"CHL", "BOL"}),
        ("Peru said on Monday it would not accept Chilean or Bolivian troops.", {"CHL"}),
        ("Peru said on Monday it would not accept Chilean and Bolivian troops.", {"CHL", "BOL"}),
    ],
)
def test_a_list_joined_by_or_names_one_act(coder, text, recipients):
    events = coder.code(Document(id="t", text=text, date="2024-05-10"))
    assert {e.recipient.country for e in events if e.recipient is not None} == recipients


def test_a_listed_noun_whose_country_is_only_guessed_is_no_party_of_its_own(coder):
    # the adjective reaches over the list: the drones are Chile's, not the place's state
    text = "Peru recalled its envoy on Monday, a day after Chilean missiles and drones struck bases in Peru."
    events = coder.code(Document(id="t", text=text, date="2024-05-10"))
    assert {e.actor.country for e in events if e.event == "ASSAULT"} == {"CHL"}
