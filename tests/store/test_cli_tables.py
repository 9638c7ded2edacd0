"""The command-line tables fit the width asked for and wrap evidence instead of cutting it;
`show` counts documents and mentions as it lists them and quotes evidence cleanly."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from handmade import make_event
from typer.testing import CliRunner

from dyadwatch.commands import app
from dyadwatch.commands.store import quote

runner = CliRunner()
LONG = ("Kazakhstan's energy ministry said on Tuesday that it had halted every oil shipment bound "
        "for Russian refineries until the dispute over transit fees and pipeline access was settled.")  # fmt: skip
SAME = "The ministry halted the oil shipments bound for Russian refineries, officials said."


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("tables")
    events = [make_event("long-1", LONG, "halted", "SANCTION", "KAZGOV", "RUS", "2024-05-14"),
              make_event("long-2", SAME, "halted", "SANCTION", "KAZGOV", "RUS", "2024-05-14")]  # fmt: skip
    path = tmp / "e.jsonl"
    path.write_text("".join(json.dumps(e.to_dict()) + "\n" for e in events))
    db = tmp / "s.duckdb"
    assert runner.invoke(app, ["ingest", str(path), "--db", str(db), "-q"]).exit_code == 0
    return db


@pytest.mark.parametrize("width", [80, 100, 160])
def test_dyad_table_fits_and_wraps(store: Path, width: int) -> None:
    result = runner.invoke(app, ["dyad", "Kazakhstan", "Russian", "--db", str(store),
                                 "--width", str(width)])  # fmt: skip
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert max(len(line) for line in lines) <= width
    header = next(line for line in lines if "evidence" in line)
    for column in ("date", "direction", "event", "quad", "intensity", "sources"):
        assert re.search(rf"\b{column}\b", header), column
    flat = " ".join(" ".join(lines).split())
    assert "until the dispute over transit fees and pipeline access was settled." in flat


def test_show_counts_what_it_lists(store: Path) -> None:
    view = json.loads(
        runner.invoke(app, ["dyad", "KAZ", "RUS", "--db", str(store), "--json"]).stdout
    )
    merged = next(e for e in view["events"] if e["corroboration"] == 2)
    result = runner.invoke(app, ["show", merged["id"], "--db", str(store)])
    out = result.output
    listed = len(re.findall(r"^(long-1|long-2)\b", out, flags=re.MULTILINE))
    quotes = out.count("\u201c")
    assert f"corroboration: {listed} documents, {quotes} mentions" in out
    assert "\n\n\n" not in out


@pytest.mark.parametrize(
    ("text", "quoted"),
    [('"We will respond," he said.', '\u201c"We will respond," he said.\u201d'),
     ('We will respond."', "\u201cWe will respond.\u201d"),
     ("He left.\n\n  Then", "\u201cHe left. Then\u201d"),
     ('"  The talks failed.', "\u201cThe talks failed.\u201d")],
)  # fmt: skip
def test_quote_leaves_no_stray_marks(text: str, quoted: str) -> None:
    assert quote(text) == quoted
