"""Cross-document merging of hand-made mentions."""

from __future__ import annotations

import pytest
from handmade import make_event, port_closure_pair

from dyadwatch.datespan import date_span
from dyadwatch.link.merge import compatible, merge_mentions
from dyadwatch.model import Place, Quantity


def test_two_reports_of_one_closure_merge_with_both_reasons() -> None:
    first, second = port_closure_pair()
    merged = merge_mentions([first, second])
    assert len(merged) == 1
    m = merged[0]
    assert m.corroboration == 2
    assert {s.doc_id for s in m.event.sources} == {"wire-a", "paper-b"}
    assert {r["text"] for r in m.stated_reasons} == {
        "mines in the port's waters",
        "more than 50 unexploded WWII munitions near the terminal",
    }
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
    kw: dict[str, object] = {
        "event": "COERCE",
        "r": "KAZ",
        "date": "2024-03-04",
        "precision": "day",
    }
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
    one = make_event(
        "doc-z", text, "protested the", "PROTEST", "KAZGOV", "RUS", "2024-03-05", quad=3
    )
    two = make_event(
        "doc-z", text, "formally protested", "PROTEST", "KAZ", "RUS", "2024-03-05", quad=3
    )
    merged = merge_mentions([one, two])
    assert len(merged) == 1 and merged[0].corroboration == 1 and len(merged[0].mentions) == 2


def test_two_acts_in_one_document_worded_apart_stay_apart() -> None:
    loan = make_event("doc-w", "Astana turned down the loan from Moscow.", "turned down", "REJECT",
                      "KAZGOV", "RUS", "2024-03-05", quad=3)  # fmt: skip
    visit = make_event("doc-w", "Kazakhstan also rejected the planned visit of the Russian envoy.",
                       "rejected", "REJECT", "KAZ", "RUS", "2024-03-05", quad=3)  # fmt: skip
    merged = merge_mentions([loan, visit])
    assert len(merged) == 2
    assert not compatible(loan, visit)


def test_a_year_dated_report_joins_a_dated_one_only_when_worded_alike() -> None:
    dated = make_event("paper-1", "On March 4 Moscow halted Kazakh grain transit through its ports.",
                       "halted", "SANCTION", "RUS", "KAZ", "2024-03-04")  # fmt: skip
    alike = make_event("blog-2", "Earlier this year Russia stopped the grain transit as well.",
                       "stopped", "SANCTION", "RUS", "KAZ", "2024", "year")  # fmt: skip
    unlike = make_event("blog-3", "This year Russia also barred a visiting delegation.",
                        "barred", "SANCTION", "RUS", "KAZ", "2024", "year")  # fmt: skip
    merged = merge_mentions([unlike, alike, dated])
    sizes = sorted(len(m.mentions) for m in merged)
    assert sizes == [1, 2]
    joined = next(m for m in merged if len(m.mentions) == 2)
    assert {m.doc_id for m in joined.mentions} == {"paper-1", "blog-2"}
    assert joined.event.date == "2024-03-04"
    wording = [c for step in joined.why for c in step["checks"] if c["name"] == "wording"]
    assert wording and wording[0]["ok"] and "grain" in wording[0]["detail"]


def test_a_shared_framing_verb_is_not_a_shared_trigger() -> None:
    text_a = "Kazakhstan refused to recognise the breakaway republics this year."
    text_b = "Kazakhstan refused an offer of a state award this year."
    a = make_event(
        "op-1", text_a, "refused to recognise", "REJECT", "KAZ", "RUS", "2024", "year", quad=3
    )
    b = make_event(
        "op-2", text_b, "refused an offer", "REJECT", "KAZ", "RUS", "2024", "year", quad=3
    )
    assert not compatible(a, b)
