"""The dyad report page: inline charts, the event table, and (with Chromium) that it renders."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dyadwatch.commands import app
from dyadwatch.model import Actor, Event, Evidence, Source, event_id

runner = CliRunner()
ROWS = [  # doc, sentence, trigger, type, actor, recipient, date, quad, intensity
    ("r1", "Warsaw closed two border crossings to Belarusian trucks.", "closed", "COERCE", "POLGOV", "BLR", "2024-06-03", 4, -6.0),
    ("r2", "Minsk accused Warsaw of staging provocations at the border.", "accused", "ACCUSE", "BLRGOV", "POL", "2024-06-06", 3, -3.0),
    ("r3", "Belarus halted rail freight bound for Poland.", "halted", "SANCTION", "BLR", "POLGOV", "2024-06-10", 4, -5.0),
    ("r4", "Polish and Belarusian officials met to discuss the crossings.", "met", "CONSULT", "POLGOV", "BLRGOV", "2024-07-02", 1, 1.5),
]  # fmt: skip


def events() -> list[Event]:
    out = []
    for doc, text, trigger, kind, a, r, date, quad, intensity in ROWS:
        start = text.index(trigger)
        out.append(Event(
            id=event_id(doc, start, start + len(trigger), kind), doc_id=doc, event=kind,
            actor=Actor(a[:3], a, a[:3], a[3:] or None), recipient=Actor(r[:3], r, r[:3], r[3:] or None),
            event_text=trigger, evidence=Evidence(text, 0, len(text), 0), date=date,
            date_precision="day", quad_code=quad, intensity=intensity,
            sources=[Source(doc, f"https://news.example/{doc}", "Example Wire", text)],
        ))  # fmt: skip
    return out


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("report")
    data = tmp / "events.jsonl"
    data.write_text("".join(json.dumps(e.to_dict()) + "\n" for e in events()))
    db, page = tmp / "s.duckdb", tmp / "report.html"
    assert (
        runner.invoke(app, ["ingest", "--events", str(data), "--db", str(db), "-q"]).exit_code == 0
    )
    result = runner.invoke(app, ["report", "POL", "BLR", "-o", str(page), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return page


@pytest.mark.parametrize(
    "needle",
    ["vegaEmbed('#timeline'", "vegaEmbed('#intensity'", "vegaEmbed('#tops'", '<table id="events">',
     "Warsaw closed two border crossings to Belarusian trucks.", 'href="https://news.example/r3"',
     "inferred response links"],
)  # fmt: skip
def test_page_holds_charts_and_table(report: Path, needle: str) -> None:
    assert needle in report.read_text(encoding="utf-8")


def test_vega_bundle_is_inlined(report: Path) -> None:
    scripts = re.findall(
        r"<script[^>]*>(.*?)</script>", report.read_text(encoding="utf-8"), re.DOTALL
    )
    assert len(scripts) == 2 and len(scripts[0]) > 300_000 and "vegaEmbed" in scripts[0]


def test_page_loads_no_external_script(report: Path) -> None:
    page = report.read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]*\bsrc=", page)
    assert not re.search(r"<link[^>]*\bhref=\"?https?:", page)


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--virtual-time-budget=8000",
    "--window-size=1200,1800",
]


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
def test_page_renders_in_headless_chromium(report: Path, tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    subprocess.run([CHROMIUM, *FLAGS, f"--screenshot={shot}", report.as_uri()],  # type: ignore[list-item]
                   check=True, capture_output=True, timeout=180)  # fmt: skip
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
    dom = subprocess.run([CHROMIUM, *FLAGS, "--dump-dom", report.as_uri()],  # type: ignore[list-item]
                         check=True, capture_output=True, timeout=180, text=True).stdout  # fmt: skip
    assert dom.count('class="marks"') >= 3  # each vegaEmbed call drew its chart
