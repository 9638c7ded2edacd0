"""Dyad sides are values, never SQL: hostile codes match nothing and raise nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from handmade import make_event

from dyadwatch.store import StoreReader, StoreWriter, from_event_records

HOSTILE = [
    "RUS' OR 1=1 --",
    "KAZ' UNION ALL SELECT read_text('/etc/hostname') --",
    "RUS'); DROP TABLE events; --",
    "R'U'S",
    'RUS" OR "1"="1',
    "RUS>KAZ",
]


@pytest.fixture()
def store(tmp_path: Path) -> Path:
    events = [
        make_event("a", "Moscow halted Kazakh grain at the border.", "halted", "COERCE",
                   "RUSGOV", "KAZ", "2024-03-10"),
        make_event("b", "Kazakhstan expelled a Russian diplomat.", "expelled", "SANCTION",
                   "KAZGOV", "RUSGOV", "2024-03-20"),
    ]  # fmt: skip
    db = tmp_path / "s.duckdb"
    with StoreWriter(db) as w:
        w.ingest(from_event_records(events))
    return db


@pytest.mark.parametrize("side", HOSTILE)
@pytest.mark.parametrize("first", [True, False])
def test_hostile_dyad_side_matches_nothing(store: Path, side: str, first: bool) -> None:
    a, b = (side, "KAZ") if first else ("RUS", side)
    with StoreReader(store) as r:
        events, total = r.dyad_events(a, b)
        assert (events, total) == ([], 0)
        assert r.dyad_periods(a, b) == []
        assert r.counts()["events"] == 2


def test_plain_dyad_still_answers_with_labels(store: Path) -> None:
    with StoreReader(store) as r:
        events, total = r.dyad_events("rus", "KAZ", limit=1)
        assert total == 2 and [e["direction"] for e in events] == ["KAZ>RUS"]
        periods = r.dyad_periods("RUS", "KAZ")
    # (week, month, direction, quad, count, ...): labels come from Python, values are bound
    assert sorted((str(p[1]), p[2], p[4]) for p in periods) == [
        ("2024-03-01", "KAZ>RUS", 1), ("2024-03-01", "RUS>KAZ", 1)
    ]  # fmt: skip
