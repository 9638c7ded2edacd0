"""Store commands in-process: ingest --events, show, dyad --json, dyads, export round trips."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from handmade import make_event, port_closure_pair
from typer.testing import CliRunner

from dyadwatch.commands import app
from dyadwatch.model import Event

runner = CliRunner()


@pytest.fixture()
def store(tmp_path: Path) -> Path:
    first, second = port_closure_pair()
    text = "Kazakhstan recalled its ambassador from Moscow. The ministry said it was in response."
    recall = make_event("wire-c", text, "recalled", "SANCTION", "KAZGOV", "RUS", "2024-03-08")
    talks = make_event("wire-d", "Moscow and Astana held talks on transit.", "held talks", "CONSULT",
                       "RUS", "KAZ", "2024-02-20", quad=1, intensity=1.0)  # fmt: skip
    events = tmp_path / "events.jsonl"
    events.write_text(
        "".join(json.dumps(e.to_dict()) + "\n" for e in (first, second, recall, talks))
    )
    db = tmp_path / "s.duckdb"
    result = runner.invoke(app, ["ingest", str(events), "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output
    return db


def test_reingest_via_command_is_noop(store: Path, tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["ingest", "--events", str(tmp_path / "events.jsonl"), "--db", str(store)]
    )
    assert result.exit_code == 0
    assert "0 documents added, 0 replaced, 4 unchanged" in result.output


def test_dyad_json_shape_and_order(store: Path) -> None:
    result = runner.invoke(app, ["dyad", "RUS", "KAZ", "--db", str(store), "--json"])
    assert result.exit_code == 0, result.output
    view = json.loads(result.stdout)
    assert list(view) == [
        "dyad",
        "events",
        "total_events",
        "series",
        "links",
        "reciprocity",
        "alerts",
        "timeline",
    ]
    assert view["dyad"] == ["RUS", "KAZ"]
    assert [e["date"] for e in view["events"]] == ["2024-02-20", "2024-03-04", "2024-03-08"]
    assert [e["direction"] for e in view["events"]] == ["RUS>KAZ", "RUS>KAZ", "KAZ>RUS"]
    merged = view["events"][1]
    assert merged["corroboration"] == 2 and len(merged["sources"]) == 2
    assert [(x["kind"], x["lag_days"]) for x in view["links"]] == [("inferred", 4)]
    assert {s["unit"] for s in view["series"]} == {"week", "month"}


@pytest.mark.parametrize(
    ("a", "b", "n"),
    [("RUSGOV", "KAZ", 1), ("RUS", "KAZGOV", 1), ("RUSMIL", "KAZ", 0), ("RUS", "KAZ", 3)],
)
def test_finer_codes_match_their_sector(store: Path, a: str, b: str, n: int) -> None:
    result = runner.invoke(app, ["dyad", a, b, "--db", str(store), "--json"])
    assert json.loads(result.stdout)["total_events"] == n


def test_show_explains_the_merge(store: Path) -> None:
    first, _ = port_closure_pair()
    result = runner.invoke(app, ["show", first.id, "--db", str(store)])
    assert result.exit_code == 0, result.output
    for words in (
        "corroboration: 2",
        "wire-a",
        "paper-b",
        "why merged",
        "common alternates",
        "mines in the port's waters",
        "unexploded WWII munitions",
    ):
        assert words in result.output


def test_dyads_table(store: Path) -> None:
    result = runner.invoke(app, ["dyads", "--db", str(store), "--top", "3"])
    assert result.exit_code == 0 and "KAZ – RUS" in result.output


def test_missing_store_is_a_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["dyad", "RUS", "KAZ", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2 and "no store here" in result.output


def read_back(fmt: str, path: Path) -> list[dict[str, object]]:
    if fmt == "jsonl":
        return [Event.from_dict(json.loads(x)).to_dict() | {"id": json.loads(x)["id"]}
                for x in path.read_text().splitlines()]  # fmt: skip
    if fmt == "plover":
        return [json.loads(x) for x in path.read_text().splitlines()]
    if fmt == "csv":
        return list(csv.DictReader(io.StringIO(path.read_text())))
    return pq.read_table(path).to_pylist()


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet", "plover"])
def test_export_round_trip(store: Path, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"out.{fmt}"
    result = runner.invoke(app, ["export", "--format", fmt, "-o", str(target), "--db", str(store)])
    assert result.exit_code == 0, result.output
    rows = read_back(fmt, target)
    jsonl = tmp_path / "ref.jsonl"
    runner.invoke(app, ["export", "--format", "jsonl", "-o", str(jsonl), "--db", str(store)])
    ref = [json.loads(x) for x in jsonl.read_text().splitlines()]
    assert [r["id"] for r in rows] == [r["id"] for r in ref]
    if fmt in ("csv", "parquet"):
        assert [json.loads(str(r["record"])) for r in rows] == ref
    if fmt == "plover":
        assert [r["source"][0]["code"] for r in rows] == [r["actor"]["code"] for r in ref]
        assert all(r["eventText"] for r in rows)
    if fmt == "jsonl":
        assert [Event.from_dict(r).to_dict() for r in ref] == [
            {k: v for k, v in r.items() if k in rows[0]} for r in ref
        ]
