"""A dyad view that runs through a bloc: Kazakhstan leaving a CIS scheme counts toward KAZ–RUS."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from handmade import make_event
from typer.testing import CliRunner

from dyadwatch.actors.blocs import blocs_of, load_blocs
from dyadwatch.commands import app
from dyadwatch.errors import DataError

runner = CliRunner()


@pytest.fixture()
def store(tmp_path: Path) -> Path:
    events = [
        make_event("a", "Moscow halted Kazakh grain at the border.", "halted", "COERCE",
                   "RUSGOV", "KAZ", "2024-03-10"),
        make_event("b", "Astana left the CIS currency pact in March.", "left", "SANCTION",
                   "KAZGOV", "CIS", "2024-03", "month", mode="withdraw"),
        make_event("c", "Kazakhstan expelled a Russian diplomat.", "expelled", "SANCTION",
                   "KAZGOV", "RUSGOV", "2024-03-20"),
        make_event("d", "Kazakhstan criticised the UN over the vote.", "criticised", "ACCUSE",
                   "KAZGOV", "UN", "2024-03-12", quad=3, intensity=-2.0),
    ]  # fmt: skip
    path = tmp_path / "events.jsonl"
    path.write_text("".join(json.dumps(e.to_dict()) + "\n" for e in events))
    db = tmp_path / "s.duckdb"
    assert runner.invoke(app, ["ingest", str(path), "--db", str(db), "-q"]).exit_code == 0
    return db


def _view(store: Path, a: str, b: str) -> dict:
    result = runner.invoke(app, ["dyad", a, b, "--db", str(store), "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_acts_toward_a_bloc_count_for_its_members_in_time_order(store: Path) -> None:
    view = _view(store, "RUS", "KAZ")
    rows = [(e["date"], e["direction"], e.get("via")) for e in view["events"]]
    # a month-dated event sits mid-month: after March 10, before March 20
    assert rows == [("2024-03-10", "RUS>KAZ", None), ("2024-03", "KAZ>RUS", "CIS"),
                    ("2024-03-20", "KAZ>RUS", None)]  # fmt: skip
    assert view["total_events"] == 3


def test_a_bloc_the_other_side_is_not_in_or_a_large_body_does_not_count(store: Path) -> None:
    assert _view(store, "KAZ", "USA")["total_events"] == 0  # the US is not in the CIS
    assert _view(store, "KAZ", "ARM")["events"][0]["via"] == "CIS"  # Armenia is
    assert "UN" not in blocs_of("RUS")


def test_finer_codes_do_not_go_through_blocs(store: Path) -> None:
    assert _view(store, "RUSGOV", "KAZ")["total_events"] == 2


def test_bad_bloc_row_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "blocs.tsv"
    path.write_text("code\tmembers\nCIS\tRUS|Kazakhstan\n")
    with pytest.raises(DataError, match=r"blocs.tsv:2"):
        load_blocs(path)
