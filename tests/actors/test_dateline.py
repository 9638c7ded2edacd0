"""Datelines name where a story was filed, not an actor (actors/dateline.py)."""

from __future__ import annotations

import pytest

from dyadwatch.actors.dateline import is_dateline


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("NAIROBI (Reuters) - Kenya closed the border.", True),
        ("Lima, Oct 3 (EFE).- Peru closed the border.", True),
        ("MOSCOW, March 3 - Russia warned Kyiv.", True),
        ("Kampala \u2014 Uganda closed its border.", True),
        # the place acting, or a word joined by a hyphen: no dateline
        ("Moscow, however, warned Kyiv.", False),
        ("Moscow (which had denied it) warned Kyiv.", False),
        ("Vietnamese-led forces attacked the camp.", False),
    ],
)
def test_a_place_opening_a_line_before_a_date_agency_or_dash_is_a_dateline(analyse, text, dateline):
    doc = analyse(text).doc
    assert is_dateline(doc[0:1]) is dateline


def test_a_dateline_on_a_later_line_counts_and_mid_line_does_not(analyse):
    doc = analyse("Kenya acted.\nNAIROBI (Reuters) - Kenya said it would act.").doc
    place = next(t for t in doc if t.text == "NAIROBI")
    assert is_dateline(doc[place.i : place.i + 1])
    assert not is_dateline(doc[0:1])


@pytest.mark.parametrize(
    "text",
    ["Lima, Oct 3 (EFE).- Gunmen attacked a police post.",
     "Kenya acted.\nNAIROBI (Reuters) - Gunmen said they would act."],
)  # fmt: skip
def test_a_dateline_is_no_actor(analyse, text):
    found = analyse(text)
    place = found.doc[0] if text.startswith("Lima") else found.token("NAIROBI")
    assert found.actors.for_np(place) is None
    assert all(m.start != place.i for m in found.actors.mentions)
