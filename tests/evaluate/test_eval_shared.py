"""The loaders on the real benchmark files in the shared folder (skipped when it is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyadwatch.evaluate.gold import load_gold
from dyadwatch.evaluate.petr_gsr import load_petr_gsr
from dyadwatch.evaluate.plover_gsr import load_plover_gsr
from dyadwatch.evaluate.run import SUITE_FILES, available_suites
from dyadwatch.model import PLOVER_TYPES

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


def _need(relative: str) -> Path:
    path = SHARED / relative
    if not path.is_file():
        pytest.skip(f"{relative} is not in the shared folder")
    return path


def test_plover_gsr_file_loads():
    records = load_plover_gsr(_need(SUITE_FILES["plover"][0]))
    assert len(records) > 300
    assert all(r.event in PLOVER_TYPES and r.text for r in records)
    assert any(r.reciprocal for r in records)


def test_petr_gsr_file_loads():
    data = load_petr_gsr(_need(SUITE_FILES["petr2"][0]))
    assert len(data.records) > 70
    assert data.skipped == []  # the record with an empty <Text> is read from its parse
    assert sum(len(r.codings) for r in data.records) == 80
    assert any(not r.codings for r in data.records)
    assert all(len(c.eventcode) >= 3 for r in data.records for c in r.codings)


def test_seed_gold_loads_and_suites_are_found():
    golds = load_gold(_need(SUITE_FILES["seeds"][1]))
    assert {g.status for g in golds} == {"core", "optional", "forbidden"}
    assert available_suites(SHARED) == ["seeds", "news-dev", "plover", "petr2"]
