"""Gold scoring: the matching rule, the one-to-one assignment, forbidden hits, file loading."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from eval_fakes import event, gold

from dyadwatch.errors import DataError, InputError
from dyadwatch.evaluate.gold import load_gold, load_predictions, score_gold
from dyadwatch.evaluate.matching import matches
from dyadwatch.evaluate.spans import check_gold_date, date_span
from dyadwatch.evaluate.tables import gold_table

D = dt.date


@pytest.mark.parametrize(
    ("date", "precision", "expected"),
    [
        ("2022-06-17", "day", (D(2022, 6, 17), D(2022, 6, 17))),
        ("2022-06-17", None, (D(2022, 6, 17), D(2022, 6, 17))),
        ("2022-06-17", "month", (D(2022, 6, 1), D(2022, 6, 30))),
        ("2022-06-17", "week", (D(2022, 6, 11), D(2022, 6, 17))),
        ("2022-02", None, (D(2022, 2, 1), D(2022, 2, 28))),
        ("2022-12", "month", (D(2022, 12, 1), D(2022, 12, 31))),
        ("2022", None, (D(2022, 1, 1), D(2022, 12, 31))),
        ("2022-06-17", "year", (D(2022, 1, 1), D(2022, 12, 31))),
        (None, "day", None),
        ("2022-06-31", "day", None),
        ("June", None, None),
    ],
)
def test_date_span(date, precision, expected):
    assert date_span(date, precision) == expected


@pytest.mark.parametrize("bad", ["17/06/2022", "2022-13", "2022-06-31", "June", "2022-6-1"])
def test_gold_dates_must_be_well_formed(bad):
    with pytest.raises(ValueError):
        check_gold_date(bad)


@pytest.mark.parametrize(
    ("gold_fields", "event_fields", "expected"),
    [
        ({}, {}, True),
        ({}, {"doc": "d2"}, False),
        ({}, {"type": "REJECT"}, False),
        ({"type": "REJECT", "type_alt": ["ACCUSE"]}, {}, True),
        # actor by whole code, by country, or by the first three letters of either
        ({}, {"source": "KAZ"}, True),
        ({}, {"source": "KAZMIL"}, True),
        ({}, {"source": "XYZGOV", "country": "KAZ"}, True),
        ({}, {"source": "UZBGOV"}, False),
        ({}, {"source": None}, False),
        ({"source": "RUSJUD", "source_alt": ["USA"]}, {"source": "USAGOV"}, True),
        ({}, {"target": "RUSMED"}, True),
        ({}, {"target": "UKR"}, False),
        ({"target_alt": ["UKR"]}, {"target": "UKRREB"}, True),
        ({"target": "NATO"}, {"target": "NATO"}, True),
        # organisation codes compare by their first three letters too, as the gold rule says
        ({"target": "NATO"}, {"target": "NATOMIL"}, True),
        ({"target": "CIS"}, {"target": "CSTO"}, False),
        # a long gold target may be named inside the recipient's code or name
        ({"target": "PIPELINE CONSORTIUM"}, {"target": "Caspian Pipeline Consortium"}, True),
        # no gold target: any recipient, or none
        ({"target": None}, {"target": "USA"}, True),
        ({"target": None}, {"target": None}, True),
        ({}, {"target": None}, False),
        # dates: spans overlap within the tolerance
        ({"date_tol": 2}, {"date": "2022-06-19"}, True),
        ({"date_tol": 2}, {"date": "2022-06-20"}, False),
        ({"date": "2022-07"}, {"date": "2022-07-29"}, True),
        ({"date": "2022-07", "date_tol": 3}, {"date": "2022-08-03"}, True),
        ({"date": "2022-07", "date_tol": 3}, {"date": "2022-08-04"}, False),
        ({"date_tol": 14}, {"date": "2022-07", "precision": "month"}, True),
        ({"date_tol": 13}, {"date": "2022-07", "precision": "month"}, False),
        ({}, {"date": "2022-06-02", "precision": "month"}, True),
        ({}, {"date": "2022-06-24", "precision": "week"}, False),
        ({}, {"date": "2022-06-23", "precision": "week"}, True),
        # a date known only to the year, or no date, never matches a dated gold event
        ({}, {"date": "2022", "precision": "year"}, False),
        ({"date": "2022-06"}, {"date": "2022-06-17", "precision": "year"}, False),
        ({"date_tol": 400}, {"date": "2022"}, False),
        ({}, {"date": None}, False),
        ({}, {"date": "not a date"}, False),
        # a gold event without a date takes any date, or none
        ({"date": None}, {"date": None}, True),
        ({"date": None}, {"date": "2019", "precision": "year"}, True),
    ],
)
def test_match_rule(gold_fields, event_fields, expected):
    assert matches(event(**event_fields), gold(**gold_fields)) is expected


def test_dates_can_be_ignored_for_the_diagnostic():
    assert matches(event(date="2022"), gold(), dates=False)
    assert not matches(event(date="2022", type="AGREE"), gold(), dates=False)


@pytest.mark.parametrize(
    ("golds", "events", "recall", "precision", "matched"),
    [
        # two predictions of one event: one matches, the other is a false positive
        ([{}], [{}, {"n": 1}], 1.0, 0.5, 1),
        # one prediction cannot serve two gold events
        ([{}, {"id": "g2"}], [{}], 0.5, 1.0, 1),
        # the first prediction could take either gold event; the second only g1
        (
            [{"type_alt": ["REJECT"]}, {"id": "g2", "type": "REJECT"}],
            [{"type": "REJECT"}, {"type": "ACCUSE", "n": 1}],
            1.0, 1.0, 2,
        ),
        # a prediction that fits a core and an optional event goes to the core one
        ([{"id": "g0", "status": "optional"}, {}], [{}], 1.0, 1.0, 1),
        # optional matches count for precision, not recall
        ([{"status": "optional"}, {"id": "g2", "type": "AGREE"}], [{}], 0.0, 1.0, 1),
        ([{}], [], 0.0, 0.0, 0),
    ],
)  # fmt: skip
def test_one_to_one_assignment(golds, events, recall, precision, matched):
    score = score_gold([gold(**g) for g in golds], [event(**e) for e in events])
    assert score.core_recall == recall
    assert score.precision == precision
    assert score.matched_predictions == matched == len(score.matches)
    assert score.matched_predictions + len(score.false_positives) == len(events)


@pytest.mark.parametrize(
    ("factuality", "also_core", "date", "hits"),
    [
        ("asserted", False, "2022-06-17", 1),
        ("reported", False, "2022-06-17", 1),
        # a forbidden event stated as fact counts whatever its date
        ("asserted", False, "2021", 1),
        ("hedged", False, "2022-06-17", 0),
        ("hypothetical", False, "2022-06-17", 0),
        ("negated", False, "2022-06-17", 0),
        # the prediction is the match of a core event: not also a forbidden hit
        ("asserted", True, "2022-06-17", 0),
    ],
)
def test_forbidden_hits_count_only_unmatched_asserted_or_reported(
    factuality, also_core, date, hits
):
    golds = [gold(id="f1", status="forbidden", evidence="words here")]
    if also_core:
        golds.append(gold(id="c1", evidence="other words"))
    score = score_gold(golds, [event(factuality=factuality, date=date)])
    assert score.forbidden_hits == hits
    assert score.per_doc["d1"].forbidden_hits == hits


def test_each_forbidden_pair_counts():
    golds = [gold(id="f1", status="forbidden"), gold(id="f2", status="forbidden")]
    score = score_gold(golds, [event(), event(n=1)])
    assert score.forbidden_hits == 4


def test_recall_with_dates_ignored_is_separate():
    score = score_gold([gold(), gold(id="g2", type="AGREE")], [event(date="2022")])
    assert (score.core_recall, score.core_recall_any_date) == (0.0, 0.5)
    assert score.figures()["core_recall_any_date"] == 0.5


def test_per_document_counts_and_unscored_predictions():
    golds = [gold(), gold(id="g2", doc="d2", type="AGREE"), gold(id="g3", doc="d2")]
    events = [event(), event(doc="d2", type="SUPPORT"), event(doc="elsewhere")]
    score = score_gold(golds, events)
    assert score.unscored_predictions == 1
    assert score.predictions == 2
    d2 = score.per_doc["d2"]
    assert (d2.core, d2.core_found, d2.predictions, d2.false_positives) == (2, 0, 1, 1)
    assert {g.id for g in score.misses} == {"g2", "g3"}
    assert score.to_dict()["misses"][0]["evidence"] == "words"
    assert gold_table(score).row_count == 2


def _write(path: Path, rows: list[object]) -> Path:
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows) + "\n")
    return path


GOOD_ROW = {"doc": "d1", "id": "g1", "status": "core", "source": "KAZ", "type": "AGREE",
            "date": "2022-06", "date_tol": 5}  # fmt: skip


@pytest.mark.parametrize(
    ("second_row", "message"),
    [
        ("{not json", "line 2: not JSON"),
        ({**GOOD_ROW, "id": "g2", "status": "maybe"}, "line 2: status"),
        ({**GOOD_ROW, "id": "g2", "type": "HUG"}, "line 2: unknown PLOVER type"),
        ({**GOOD_ROW, "id": "g2", "date": "06/2022"}, "line 2: date"),
        ({**GOOD_ROW, "id": "g2", "date_tol": -1}, "line 2: date_tol"),
        ({**GOOD_ROW, "id": "g2", "source": ""}, "line 2: missing or empty field 'source'"),
        (GOOD_ROW, "line 2: duplicate gold id"),
    ],
)
def test_load_gold_names_file_and_line(tmp_path, second_row, message):
    path = _write(tmp_path / "gold.jsonl", [GOOD_ROW, second_row])
    with pytest.raises(DataError, match=message) as info:
        load_gold(path)
    assert str(path) in str(info.value)


def test_load_gold_and_predictions_round_trip(tmp_path):
    golds = load_gold(_write(tmp_path / "gold.jsonl", [GOOD_ROW, "", {**GOOD_ROW, "id": "g2"}]))
    assert [g.id for g in golds] == ["g1", "g2"]
    ev = event(type="AGREE", source="KAZGOV", target=None, date="2022-06-03")
    preds = load_predictions(_write(tmp_path / "pred.jsonl", [ev.to_dict()]))
    assert preds == [ev]
    assert score_gold(golds, preds).core_matched == 1


@pytest.mark.parametrize(("row", "message"), [("[1]", "line 1"), ({"id": "x"}, "line 1")])
def test_load_predictions_bad_line(tmp_path, row, message):
    with pytest.raises(InputError, match=message):
        load_predictions(_write(tmp_path / "pred.jsonl", [row]))
