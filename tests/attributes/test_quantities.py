from __future__ import annotations

import pytest

from dyadwatch.attributes.quantities import find_quantities


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The railway held 1,700 railcars at the border.", [(1700, "railcars", "1,700 railcars")]),
        ("The port was closed for 30 days.", [(30, "days", "30 days")]),
        ("Divers found more than 50 previously unknown unexploded World War II munitions.",
         [(50, "munitions",
           "more than 50 previously unknown unexploded World War II munitions")]),
        ("The field holds 3.2bn tons of reserves.", [(3.2e9, "tons", "3.2bn tons")]),
        ("The loan was worth $5 billion.", [(5e9, "USD", "$5 billion")]),
        ("The navy sent two warships to the strait.", [(2, "warships", "two warships")]),
        ("A dozen were detained.", [(12, "", "A dozen")]),
        ("A dozen jets circled the base.", [(12, "jets", "A dozen jets")]),
        ("Hundreds of protesters gathered outside.",
         [(100, "protesters", "Hundreds of protesters")]),
        ("Grain exports fell 40% in May.", [(40, "percent", "40%")]),
        ("Oil output rose 7 percent.", [(7, "percent", "7 percent")]),
        ("At least 12 people died.", [(12, "people", "At least 12 people")]),
        ("Twenty-five soldiers crossed the river.",
         [(25, "soldiers", "Twenty-five soldiers")]),
        ("The deal, worth 5 billion euros, collapsed.", [(5e9, "EUR", "5 billion euros")]),
        # dates, years, ordinals, ages and numbers inside names are not quantities
        ("The sixth-largest producer signed the 1995 agreement on July 6.", []),
        ("Two days later a 62-year-old man was arrested.", []),
        ("The council adopted Resolution 2231 in 2015.", []),
        ("One of the guards fled.", []),
    ],
)  # fmt: skip
def test_find_quantities(nlp, text, expected):
    doc = nlp(text)
    found = find_quantities(doc[:])
    assert [(q.value, q.unit, q.text) for q in found] == [
        (pytest.approx(v), u, t) for v, u, t in expected
    ]
    assert all(q.text in doc.text for q in found)


def test_only_inside_the_span(nlp):
    doc = nlp("Rebels seized 40 trucks. Police arrested 300 men.")
    first, second = doc.sents
    assert [q.text for q in find_quantities(first)] == ["40 trucks"]
    assert [q.text for q in find_quantities(second)] == ["300 men"]
