"""The synthetic store used by the dyad query benchmark."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyadwatch.analysis.dyad import dyad_view
from dyadwatch.errors import StoreError
from dyadwatch.store import StoreReader
from dyadwatch.store.synth import build_synthetic_store


def test_synthetic_store_answers_dyad_queries(tmp_path: Path) -> None:
    db = tmp_path / "syn.duckdb"
    assert build_synthetic_store(db, 20_000, chunk=7_000) == 20_000
    with StoreReader(db) as reader:
        view = dyad_view(reader, "USA", "RUS", limit=50)
    data = json.loads(json.dumps(view.to_dict()))
    assert data["total_events"] > 50 and len(data["events"]) == 50
    dates = [e["date"] for e in data["events"]]
    assert dates == sorted(dates)
    assert data["reciprocity"]["RUS_answers_USA"]["n_weeks"] > 100
    with pytest.raises(StoreError):
        build_synthetic_store(db, 10)
