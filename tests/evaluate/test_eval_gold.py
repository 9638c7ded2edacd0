"""Gold scoring: the matching rule, the one-to-one assignment, forbidden hits, file loading."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from eval_fakes import event, gold

from dyadwatch.errors import DataError, InputError
from dyadwatch.evaluate.gold import load_gold, load_predictions, score_gold
from dyadwatch.evaluate.matching import date_interval, match_score

D = dt.date


@pytest.mark.parametrize(
    ("date", "precision", "expected"),
    [
        ("2022-06-17", "day", (D(2022, 6, 17), D(2022, 6, 17))),
        ("2022-06-17", None, (D(2022, 6, 17), D(2022, 6, 17))),
        ("2022-06-17", "month", (D(2022, 6, 1), D(2022, 6, 30))),
        ("2022-02", None, (D(2022, 2, 1), D(2022, 2, 28))),
        ("2022-12", "month", (D(2022, 12, 1), D(2022, 12, 31))),
        ("2022", None, (D(2022, 1, 1), D(2022, 12, 31))),
        ("2022-06-17", "year", (D(2022, 1, 1), D(2022, 12, 31))),
        (None, "day", None),
    ],
)
def test_date_interval(date, precision, expected):
    assert date_interval(date, precision) == expected


@pytest.mark.parametrize("bad", ["17/06/2022", "2022-13", "2022-06-31", "June"])
def test_date_interval_rejects_bad_dates(bad):
    with pytest.raises(ValueError):
        date_interval(bad, None)


@pytest.mark.parametrize(
    ("gold_fields", "event_fields", "matches"),
    [
        ({}, {}, True),
        ({}, {"doc": "d2"}, False),
        ({}, {"type": "REJECT"}, False),
        ({"type": "REJECT", "type_alt": ["ACCUSE"]}, {}, True),
        # actor by whole code or by country
        ({}, {"source": "KAZ"}, True),
        ({}, {"source": "KAZMIL"}, True),
        ({}, {"source": "KAZXYZ", "country": "KAZ"}, True),
        ({}, {"source": "UZBGOV"}, False),
        ({}, {"source": None}, False),
        ({"source": "RUSJUD", "source_alt": ["USA"]}, {"source": "USAGOV"}, True),
        ({}, {"target": "RUSMED"}, True),
        ({}, {"target": "UKR"}, False),
        ({"target_alt": ["UKR"]}, {"target": "UKRREB"}, True),
        # organisations compare whole; IGO accepts any organisation
        ({"target_alt": ["CIS"]}, {"target": "CIS"}, True),
        ({"target": "NATO"}, {"target": "NATO"}, True),
        ({"target": "NATO"}, {"target": "NATOMIL"}, False),
        ({"target": "CPC"}, {"target": "CPCBUS"}, False),
        ({"target_alt": ["IGO"]}, {"target": "OSCE"}, True),
        ({"target_alt": ["IGO"]}, {"target": "USA"}, False),
        ({"target_alt": ["BUS"]}, {"target": "KZTBUS", "target_sector": "BUS"}, True),
        # no gold target: any recipient, or none
        ({"target": None}, {"target": "USA"}, True),
        ({"target": None}, {"target": None}, True),
        ({}, {"target": None}, False),
        # dates: tolerance, month and year precision, missing dates
        ({"date_tol": 2}, {"date": "2022-06-19"}, True),
        ({"date_tol": 2}, {"date": "2022-06-20"}, False),
        ({"date": "2022-07"}, {"date": "2022-07-29"}, True),
        ({"date": "2022-07", "date_tol": 3}, {"date": "2022-08-03"}, True),
        ({"date": "2022-07", "date_tol": 3}, {"date": "2022-08-04"}, False),
        ({"date_tol": 14}, {"date": "2022-07", "precision": "month"}, True),
        ({"date_tol": 13}, {"date": "2022-07", "precision": "month"}, False),
        ({}, {"date": "2022-06-02", "precision": "month"}, True),
        ({}, {"date": "2022", "precision": "year"}, True),
        ({}, {"date": None}, False),
    ],
)
def test_match_rule(gold_fields, event_fields, matches):
    assert (match_score(event(**event_fields), gold(**gold_fields)) is not None) is matches


def test_closer_match_scores_higher():
    g = gold(type="REJECT", type_alt=["ACCUSE"], date_tol=5)
    exact = match_score(event(type="REJECT", source="KAZGOV", target="RUS"), g)
    loose = match_score(event(type="ACCUSE", source="KAZ", date="2022-06-20"), g)
    assert exact is not None and loose is not None and exact > loose


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
    ("factuality", "also_core", "evidence", "hits"),
    [
        ("asserted", False, "words", 1),
        ("reported", False, "words", 1),
        ("hedged", False, "words", 0),
        ("hypothetical", False, "words", 0),
        ("negated", False, "words", 0),
        # coded right as the core event, in other words than the forbidden one
        ("asserted", True, "other words entirely", 0),
        # the forbidden event's own words stated as fact count even so
        ("asserted", True, "the words here", 1),
    ],
)
def test_forbidden_hits_count_only_asserted_or_reported(factuality, also_core, evidence, hits):
    golds = [gold(id="f1", status="forbidden", evidence="words here")]
    if also_core:
        golds.append(gold(id="c1", evidence="other words"))
    score = score_gold(golds, [event(factuality=factuality, evidence=evidence)])
    assert score.forbidden_hits == hits
    assert score.per_doc["d1"].forbidden_hits == hits


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
    assert score.table().row_count == 2


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
