"""Cross-document merging of hand-made mentions."""

from __future__ import annotations

import pytest
from handmade import make_event, port_closure_pair

from dyadwatch.link.merge import compatible, date_span, merge_mentions
from dyadwatch.model import Place, Quantity


def test_two_reports_of_one_closure_merge_with_both_reasons() -> None:
    first, second = port_closure_pair()
    merged = merge_mentions([first, second])
    assert len(merged) == 1
    m = merged[0]
    assert m.corroboration == 2
    assert {s.doc_id for s in m.event.sources} == {"wire-a", "paper-b"}
    assert {r["text"] for r in m.stated_reasons} == {
        "mines in the port's waters", "more than 50 unexploded WWII munitions near the terminal"}
    assert m.event.date == "2024-03-04" and m.event.date_precision == "day"
    assert all(c["ok"] for step in m.why for c in step["checks"])


def test_merge_is_deterministic_whatever_the_order() -> None:
    first, second = port_closure_pair()
    a = [m.to_dict() for m in merge_mentions([first, second])]
    b = [m.to_dict() for m in merge_mentions([second, first])]
    assert a == b


SENT = "Officials in Moscow announced the measure against the neighbour."


@pytest.mark.parametrize(
    ("changes", "same"),
    [
        ({}, True),
        ({"event": "ASSAULT"}, False),
        ({"date": "2024-04-20"}, False),
        ({"date": "2024-03-05"}, True),
        ({"date": "2024", "precision": "year"}, True),
        ({"r": "UKR"}, False),
        ({"factuality": "negated"}, False),
        ({"event_loc": Place("Sochi", "Sochi", "RUS")}, False),
        ({"quantities": [Quantity(300, "tankers", "300 tankers")]}, False),
        ({"quantities": [Quantity(3, "tanker", "three tankers")]}, True),
    ],
)
def test_compatibility_table(changes: dict[str, object], same: bool) -> None:
    base = make_event("doc-x", SENT, "announced", "COERCE", "RUS", "KAZ", "2024-03-04",
                      event_loc=Place("Novorossiysk", "Novorossiysk", "RUS"),
                      quantities=[Quantity(3, "tankers", "3 tankers")])  # fmt: skip
    kw: dict[str, object] = {"event": "COERCE", "r": "KAZ", "date": "2024-03-04", "precision": "day"}
    kw.update(changes)
    extra = {k: v for k, v in kw.items() if k not in ("event", "r", "date", "precision")}
    extra.setdefault("event_loc", Place("Novorossiysk", "Novorossiysk", "RUS"))
    other = make_event("doc-y", SENT, "announced", str(kw["event"]), "RUS", str(kw["r"]),
                       str(kw["date"]), str(kw["precision"]), **extra)  # fmt: skip
    assert compatible(base, other) is same


@pytest.mark.parametrize(
    ("date", "precision", "first", "last"),
    [("2024-02", "month", "2024-02-01", "2024-02-29"), ("2024-02-10", "day", "2024-02-10", "2024-02-10"),
     ("2023", "year", "2023-01-01", "2023-12-31")],
)  # fmt: skip
def test_date_span(date: str, precision: str, first: str, last: str) -> None:
    span = date_span(date, precision)
    assert span is not None
    assert (span[0].isoformat(), span[1].isoformat()) == (first, last)


def test_coreferent_mentions_in_one_document_merge() -> None:
    text = "Astana protested the closure. Kazakhstan formally protested on Tuesday."
    one = make_event("doc-z", text, "protested the", "PROTEST", "KAZGOV", "RUS", "2024-03-05", quad=3)
    two = make_event("doc-z", text, "formally protested", "PROTEST", "KAZ", "RUS", "2024-03-05", quad=3)
    merged = merge_mentions([one, two])
    assert len(merged) == 1 and merged[0].corroboration == 1 and len(merged[0].mentions) == 2
