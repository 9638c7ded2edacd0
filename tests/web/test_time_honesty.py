"""Time honesty: weekly series, alerts and timeline points take only events dated to the day
or week; month-dated events count monthly only; year-dated ones are listed, never drawn.

Checked on the hand-made store and (when ../shared is present) on the seeds and the
development corpus ingested together.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path

import pytest
import webdata
from typer.testing import CliRunner

from dyadwatch.commands import app
from dyadwatch.datespan import date_span
from dyadwatch.store import StoreReader
from dyadwatch.store.queries import WebQueries

runner = CliRunner()
SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
WEEKLY, MONTHLY = ("day", "week"), ("day", "week", "month")


def _middle(e: dict) -> dt.date:
    start, end = date_span(e["date"], e["date_precision"])  # type: ignore[misc]
    return start + (end - start) / 2


def check_view(view: dict) -> None:
    """Every time-honesty rule on a `dyad --json --limit 0` view."""
    events = {e["id"]: e for e in view["events"]}
    assert len(events) == view["total_events"], "the view must list every event (--limit 0)"
    for unit, allowed in (("week", WEEKLY), ("month", MONTHLY)):
        counted = Counter(p["direction"] for p in view["series"] if p["unit"] == unit
                          for _ in range(p["count"]))  # fmt: skip
        expected = Counter(e["direction"] for e in events.values()
                           if e["date_precision"] in allowed)  # fmt: skip
        assert counted == expected, unit
    for alert in view["alerts"]:
        week = dt.date.fromisoformat(alert["period"])
        assert any(e["direction"] == alert["direction"] and e["date_precision"] in WEEKLY
                   and week <= _middle(e) < week + dt.timedelta(days=7)
                   for e in events.values()), alert  # fmt: skip
        assert "dated to the day or week" in alert["explanation"]
    timeline = view["timeline"]
    for mark in timeline["marks"]:
        e = events[mark["id"]]
        assert e["date_precision"] in MONTHLY
        assert (mark["shape"] == "dot") == (e["date_precision"] == "day")
        span = date_span(e["date"], e["date_precision"])
        assert (mark["start"], mark["end"]) == (span[0].isoformat(), span[1].isoformat())  # type: ignore[index]
    unmarked = set(events) - {m["id"] for m in timeline["marks"]}
    assert unmarked == set(timeline["listed"])
    assert all(events[i]["date_precision"] not in MONTHLY for i in timeline["listed"])
    for link in timeline["links"]:
        ends = (events[link["source"]], events[link["target"]])
        assert link["drawn"] == all(e["date_precision"] in WEEKLY for e in ends), link


@pytest.fixture(scope="module")
def handmade(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return webdata.build_store(tmp_path_factory.mktemp("th") / "w.duckdb")


def _view(db: Path, a: str, b: str) -> dict:
    result = runner.invoke(app, ["dyad", a, b, "--db", str(db), "--json", "--limit", "0"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_handmade_view_is_honest_about_time(handmade: Path) -> None:
    view = _view(handmade, "Poland", "Belarusian")
    assert {e["date_precision"] for e in view["events"]} == {"day", "week", "month", "year"}
    check_view(view)


@pytest.mark.parametrize(
    ("precision", "unit", "counted"),
    [("day", "week", True), ("week", "week", True), ("month", "week", False),
     ("year", "week", False), ("month", "month", True), ("year", "month", False)],
)  # fmt: skip
def test_each_precision_counts_where_it_may(handmade: Path, precision: str, unit: str,
                                            counted: bool) -> None:  # fmt: skip
    view = _view(handmade, "POL", "BLR")
    ids = {e["id"] for e in view["events"] if e["date_precision"] == precision}
    in_series = sum(p["count"] for p in view["series"] if p["unit"] == unit)
    finer = sum(1 for e in view["events"] if e["date_precision"] in
                (WEEKLY if unit == "week" else MONTHLY) and e["id"] not in ids)  # fmt: skip
    assert (in_series == finer + len(ids)) == counted or not ids


def test_link_from_a_month_dated_cause_is_listed_with_its_span(handmade: Path) -> None:
    view = _view(handmade, "POL", "BLR")
    undrawn = [k for k in view["timeline"]["links"] if not k["drawn"]]
    assert [k["target_when"] for k in undrawn] == ["May 2024 (month only)"]
    assert any(k["drawn"] and k["kind"] == "explicit" for k in view["timeline"]["links"])


def test_report_lists_what_it_does_not_draw(handmade: Path, tmp_path: Path) -> None:
    page = tmp_path / "r.html"
    result = runner.invoke(app, ["report", "POL", "BLR", "--db", str(handmade), "-o", str(page)])
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    for words in ("Not drawn: dated too coarsely", "the year 2024 (year only)",
                  "May 2024 (month only)", "dated to the day or week"):  # fmt: skip
        assert words in html


@pytest.fixture(scope="module")
def dev_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    files = [SHARED / "seeds.jsonl", SHARED / "news-dev.jsonl"]
    if not all(f.is_file() for f in files):
        pytest.skip(f"{SHARED} is not available")
    db = tmp_path_factory.mktemp("dev") / "dev.duckdb"
    result = runner.invoke(app, ["ingest", *map(str, files), "--db", str(db), "-q", "-w", "1"])
    assert result.exit_code == 0, result.output
    return db


def test_seeds_and_dev_corpus_are_honest_about_time(dev_store: Path) -> None:
    with StoreReader(dev_store) as reader:
        dyads = WebQueries(reader).active_dyads(100)["dyads"]
    assert dyads
    precisions = Counter()
    for d in dyads:
        view = _view(dev_store, d["a"], d["b"])
        precisions.update(e["date_precision"] for e in view["events"])
        check_view(view)
    assert precisions["year"] and precisions["day"]  # both kinds were put to the test
