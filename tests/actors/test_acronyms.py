"""Acronyms a document defines in parentheses (actors/acronyms.py)."""

from __future__ import annotations

from dyadwatch.actors.acronyms import defined_acronyms


def test_an_acronym_spelled_out_before_it_is_defined(nlp):
    doc = nlp("The Border Guard Service (BGS) met. Officials from Lima (AP) said so.")
    found = defined_acronyms(doc)
    assert list(found) == ["BGS"] and doc[found["BGS"]].text == "Service"


def test_a_later_acronym_names_the_body_it_spells(analyse):
    found = analyse("Peru's National Security Committee (NSC) met on Friday. "
                    "The NSC rejected the plan.")  # fmt: skip
    nsc = next(t for t in found.doc if t.text == "NSC" and t.i > 10)
    assert found.actors.for_np(nsc).code == "PERGOV"
