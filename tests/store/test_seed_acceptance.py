"""The store on the two seed articles (skipped without ../shared): what `dyad RUS KAZ` must show."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dyadwatch.commands import app

runner = CliRunner()
SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "seeds.jsonl"


def _first(events: list[dict], test) -> int:
    return next(i for i, e in enumerate(events) if test(e))


def test_seed_dyad_lists_the_episode_in_order(tmp_path: Path) -> None:
    if not SEEDS.is_file():
        pytest.skip(f"{SEEDS} is not available")
    seeds = SEEDS
    db = tmp_path / "s.duckdb"
    assert runner.invoke(app, ["ingest", str(seeds), "--db", str(db), "-q"]).exit_code == 0
    result = runner.invoke(app, ["dyad", "RUS", "KAZ", "--db", str(db), "--json"])
    events = json.loads(result.stdout)["events"]

    def text(e: dict) -> str:
        return " ".join(s["evidence"] for s in e["sources"]).lower()

    refusal = _first(events, lambda e: e["event"] == "REJECT" and "recogni" in text(e)
                     and e["direction"] == "KAZ>RUS")  # fmt: skip
    suspension = _first(events, lambda e: e["direction"] == "RUS>KAZ" and e["date"] == "2022-06-18")
    court = _first(events, lambda e: e["date"] == "2022-07-06" and e["actor"]["code"] == "RUSJUD")
    reversal = _first(events, lambda e: e["date"] == "2022-07-11")
    withdrawal = _first(events, lambda e: e.get("via") == "CIS" and e.get("mode") == "withdraw")
    assert refusal < suspension < court < reversal < withdrawal
    # both articles report the refusal and the suspension, and the suspension answers the refusal
    for i in (refusal, suspension):
        assert len({s["doc_id"] for s in events[i]["sources"]}) == 2
    assert events[refusal]["id"] in events[suspension]["in_response_to"]
    assert events[reversal]["factuality"] == "hedged"
    # the explosion the text only calls possibly deliberate is not an asserted Russian attack
    assert not any(e["event"] == "ASSAULT" and e["factuality"] == "asserted" for e in events)
