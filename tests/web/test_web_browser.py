"""The web app in a real browser: Playwright drives the system Chromium (never a downloaded
one) through dyads overview -> dyad -> event -> source document, and saves a screenshot of
each page (into $DYADWATCH_SCREENSHOTS when set, else the test's temporary folder).

Skipped, with the reason, when Playwright or /usr/bin/chromium is missing
(`apt-get install chromium`).
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import webdata

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip

playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
if not (Path(CHROMIUM).exists() or shutil.which("chromium")):
    pytest.skip(
        "no Chromium at /usr/bin/chromium (apt-get install chromium)", allow_module_level=True
    )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    from dyadwatch.web import create_app

    store = webdata.build_store(tmp_path_factory.mktemp("browser") / "w.duckdb")
    port = _free_port()
    config = uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="error")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(100):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = os.environ.get("DYADWATCH_SCREENSHOTS")
    path = Path(folder) if folder else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="module")
def page(server: str) -> Iterator[Any]:
    path = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=path, args=ARGS)
        tab = browser.new_page(viewport={"width": 1200, "height": 900})
        outside: list[str] = []
        tab.on("request", lambda r: None if r.url.startswith(server) else outside.append(r.url))
        tab.outside = outside
        yield tab
        browser.close()


def _shot(page: Any, shots: Path, name: str) -> None:
    page.screenshot(path=str(shots / f"{name}.png"), full_page=True)
    assert (shots / f"{name}.png").stat().st_size > 10_000


def test_click_through_overview_dyad_event_document(server: str, page: Any, shots: Path) -> None:
    expect = playwright_api.expect
    page.goto(server + "/")
    expect(page.locator("#dyads")).to_contain_text("BLR – POL")
    _shot(page, shots, "web-overview")

    page.click("a.dyad >> text=BLR – POL")
    expect(page.locator("#dyad-title")).to_have_text("BLR and POL")
    expect(page.locator("svg.timeline circle.dot")).to_have_count(4)
    expect(page.locator("svg.timeline rect.bar")).to_have_count(2)
    expect(page.locator("#not-drawn")).to_contain_text("the year 2024 (year only)")
    expect(page.locator("#reciprocity li").first).to_be_visible()
    _shot(page, shots, "web-dyad")

    page.click("#events a.event >> text=COERCE")
    expect(page.locator("#event-title")).to_contain_text("POLGOV → BLR: COERCE")
    expect(page.locator("#counts")).to_have_text("2 documents, 2 mentions")
    expect(page.locator(".source mark")).to_have_count(2)
    expect(page.locator("#conflicts")).to_contain_text("factuality")
    _shot(page, shots, "web-event")

    page.click("a.document >> text=Warsaw shuts two crossings")
    expect(page.locator("#doc-title")).to_have_text("Warsaw shuts two crossings")
    expect(page.locator("#article mark")).to_have_count(3)
    _shot(page, shots, "web-document")
    page.click("#article mark >> nth=0")
    expect(page.locator("#event-title")).to_contain_text("COERCE")
    assert page.outside == []  # nothing was fetched from another host
