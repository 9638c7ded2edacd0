"""Reciprocity, escalation alerts and series filling on synthetic series."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from dyadwatch.analysis.alerts import escalation_alerts
from dyadwatch.analysis.reciprocity import lagged_regression, reciprocity
from dyadwatch.analysis.series import build_series


def answered_series(weight: float, weeks: int = 60) -> tuple[list[float], list[float]]:
    rng = random.Random(42)
    x = [rng.uniform(0, 20) for _ in range(weeks)]
    y = [rng.uniform(0, 2)] + [weight * x[t - 1] + rng.uniform(0, 2) for t in range(1, weeks)]
    return x, y


@pytest.mark.parametrize(("weight", "r_min", "r_max"), [(0.8, 0.9, 1.0), (0.0, -0.4, 0.4)])
def test_lagged_regression_finds_answers(weight: float, r_min: float, r_max: float) -> None:
    x, y = answered_series(weight)
    result = lagged_regression(x, y, lag=1)
    assert result["n_weeks"] == 59
    assert r_min <= result["r"] <= r_max
    assert abs(result["slope"] - weight) < 0.15


@pytest.mark.parametrize(("x", "y"), [([1.0] * 10, [2.0] * 10), ([1.0, 2.0], [2.0, 1.0])])
def test_degenerate_series_give_no_estimate(x: list[float], y: list[float]) -> None:
    assert lagged_regression(x, y)["r"] is None


def test_reciprocity_names_both_directions() -> None:
    x, y = answered_series(0.8)
    result = reciprocity(x, y, ("RUS", "UKR"))
    assert result["UKR_answers_RUS"]["r"] > result["RUS_answers_UKR"]["r"]


@pytest.mark.parametrize(
    ("values", "flagged"),
    [
        ([1, 2, 1, 2, 1, 2, 1, 20, 2], [7]),
        ([5] * 9, []),
        ([0, 0, 0, 0, 0.5], []),
        ([0, 0, 0, 0, 4], [4]),
    ],
)
def test_escalation_alerts(values: list[float], flagged: list[int]) -> None:
    weeks = [dt.date(2024, 1, 1) + dt.timedelta(weeks=i) for i in range(len(values))]
    alerts = escalation_alerts(weeks, [float(v) for v in values], "A>B")
    assert [weeks.index(dt.date.fromisoformat(a["period"])) for a in alerts] == flagged


def test_series_fill_empty_weeks() -> None:
    w1, w3 = dt.date(2024, 1, 1), dt.date(2024, 1, 15)
    rows = [(w1, "A>B", 4, 2, -10.0, 10.0), (w3, "B>A", 1, 1, 3.0, 0.0)]
    points = build_series(rows, "week", ("A>B", "B>A"))
    assert [(p.period.day, p.direction, p.count) for p in points] == [
        (1, "A>B", 2),
        (1, "B>A", 0),
        (8, "A>B", 0),
        (8, "B>A", 0),
        (15, "A>B", 0),
        (15, "B>A", 1),
    ]


@pytest.mark.parametrize(
    ("values", "words"),
    [([1, 2, 1, 2, 1, 2, 1, 20, 2], ["week starting 2024-02-19", "intensity of 20",
                                     "over the 7 weeks before", "A's conflictual acts toward B"]),
     ([0, 0, 0, 0, 4], ["average of 0 (spread 1, the least counted)"])],
)  # fmt: skip
def test_alerts_say_what_they_compare(values: list[float], words: list[str]) -> None:
    weeks = [dt.date(2024, 1, 1) + dt.timedelta(weeks=i) for i in range(len(values))]
    (alert,) = escalation_alerts(weeks, [float(v) for v in values], "A>B")
    for w in words:
        assert w in alert["explanation"]


@pytest.mark.parametrize(
    ("weight", "words"),
    [(0.8, "UKR shows a strong tendency to answer RUS's conflict in kind"), (0.0, "Over 59 weeks")],
)
def test_reciprocity_is_a_sentence(weight: float, words: str) -> None:
    x, y = answered_series(weight)
    assert words in reciprocity(x, y, ("RUS", "UKR"))["UKR_answers_RUS"]["summary"]


def test_too_few_active_weeks_say_so() -> None:
    x = [0.0] * 20
    x[5] = 3.0
    result = reciprocity(x, [1.0] * 20, ("RUS", "UKR"))["UKR_answers_RUS"]
    assert result["summary"].startswith("Too little to say whether UKR answers RUS: 1 of 19 weeks")


def test_month_only_rows_count_monthly_only() -> None:
    from dyadwatch.analysis.series import split_periods

    june, week = dt.date(2024, 6, 1), dt.date(2024, 6, 3)
    rows = [(week, june, "A>B", 4, 2, -8.0, 8.0), (None, june, "A>B", 4, 1, -5.0, 5.0)]
    weekly, monthly = split_periods(rows)
    assert weekly == [(week, "A>B", 4, 2, -8.0, 8.0)]
    assert monthly == [(june, "A>B", 4, 3, -13.0, 13.0)]
