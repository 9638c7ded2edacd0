"""The web app in-process (httpx over ASGI): pages, the JSON API, limits and safety."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import httpx
import pytest
import webdata

from dyadwatch.web import create_app
from dyadwatch.web.render import safe_url


def fetch(app: object, url: str, **kwargs: object) -> httpx.Response:
    async def go() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
            return await client.request(kwargs.pop("method", "GET"), url, **kwargs)  # type: ignore[arg-type]

    return asyncio.run(go())


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return webdata.build_store(tmp_path_factory.mktemp("web") / "w.duckdb")


@pytest.fixture(scope="module")
def app(store: Path) -> object:
    return create_app(store)


def _ids(app: object) -> dict[str, str]:
    events = fetch(app, "/api/dyads/POL/BLR?limit=50").json()["events"]
    return {f"{e['event']}:{e['date']}": e["id"] for e in events}


@pytest.mark.parametrize(
    ("url", "needles"),
    [("/", ["BLR – POL", "<svg class=\"spark\""]),
     ("/dyad/Poland/Belarus", ["POL and BLR", "Does one side answer the other?", "Timeline",
                               "Weekly intensity", "Monthly intensity", "May 2024 (month only)"]),
     ("/dyad/POL/BLR?quad=1", ["CONSULT"]),
     ("/search?q=rail+freight", ["halted rail freight", "/document/border-2"]),
     ("/document/border-1", ["Warsaw shuts two crossings", "<mark", "/event/"])],
)  # fmt: skip
def test_pages_show_what_they_should(app: object, url: str, needles: list[str]) -> None:
    response = fetch(app, url)
    assert response.status_code == 200
    for needle in needles:
        assert needle in response.text


def test_dyad_filters_apply_to_the_listed_events(app: object) -> None:
    page = fetch(app, "/api/dyads/POL/BLR?quad=4&factuality=asserted").json()
    assert page["events"] and all(e["quad_code"] == 4 for e in page["events"])
    assert page["total_events"] > page["shown_events"]
    dated = fetch(app, "/api/dyads/POL/BLR?from=2024-06-05&to=2024-06-20").json()
    assert [e["event"] for e in dated["events"]] == ["SANCTION"]


def test_timeline_draws_dots_for_days_and_bars_for_spans(app: object) -> None:
    page = fetch(app, "/api/dyads/POL/BLR").json()
    html = fetch(app, "/dyad/POL/BLR").text
    precisions = [e["date_precision"] for e in page["events"]]
    assert html.count('class="mark dot"') == precisions.count("day")
    assert html.count('class="mark bar"') == precisions.count("week") + precisions.count("month")
    assert html.count('class="link"') == sum(1 for k in page["timeline"]["links"] if k["drawn"])


def test_event_page_shows_every_source_in_its_text(app: object) -> None:
    closure = _ids(app)["COERCE:2024-06-03"]
    page = fetch(app, f"/api/events/{closure}").json()
    assert page["n_documents"] == 2 and page["n_mentions"] == 2
    assert all(m["context"]["match"].startswith("Poland closed") for d in page["documents"]
               for m in d["mentions"])  # fmt: skip
    assert [r["detail"] for r in page["conflicts"]["rows"]] == ["factuality"]
    html = fetch(app, f"/event/{closure}").text
    assert "Where the sources differ" in html and "Why these mentions are one event" in html
    assert html.count("<mark>") == 2


def test_only_http_links_leave_the_site(app: object) -> None:
    closure = _ids(app)["COERCE:2024-06-03"]
    html = fetch(app, f"/event/{closure}").text
    assert 'href="https://courier.example/border-1"' in html
    assert "javascript:" not in html
    hrefs = re.findall(r'href="([^"]+)"', html)
    assert all(h.startswith(("/", "https://", "http://")) for h in hrefs)


@pytest.mark.parametrize(
    ("url", "ok"),
    [("https://a.example/x", True), ("http://a.example", True), ("javascript:alert(1)", False),
     ("data:text/html,hi", False), ("//a.example/x", False), ("https://", False), (None, False)],
)  # fmt: skip
def test_safe_url(url: str | None, ok: bool) -> None:
    assert (safe_url(url) is not None) == ok


@pytest.mark.parametrize(
    ("url", "status", "words"),
    [("/api/dyads/KOS/SRB", 404, "Kosovo (XKX)"), ("/dyad/Atlantis/POL", 404, "no country"),
     ("/api/events/ev-nothing", 404, "no event"), ("/api/documents/none", 404, "no document"),
     ("/api/dyads/POL/BLR?quad=7", 422, "quad"), ("/api/dyads/POL/BLR?from=June", 422, "from"),
     ("/api/resolve?name=Armenian", 200, "ARM")],
)  # fmt: skip
def test_errors_are_clear(app: object, url: str, status: int, words: str) -> None:
    response = fetch(app, url)
    assert response.status_code == status and words in response.text


def test_dyad_form_redirects_to_codes(app: object) -> None:
    response = fetch(app, "/dyad?a=Polish&b=Belarusians")
    assert response.status_code == 303 and response.headers["location"] == "/dyad/POL/BLR"


def test_pages_load_nothing_from_elsewhere(app: object) -> None:
    for url in ("/", "/dyad/POL/BLR", "/document/border-1"):
        html = fetch(app, url).text
        assert not re.search(r"<(script|link|img)[^>]*(src|href)=\"?(https?:)?//", html)


@pytest.mark.parametrize(
    ("request_kwargs", "status"),
    [({"url": "/api/search?q=" + "a" * 3000}, 414),
     ({"url": "/api/search", "method": "POST", "content": b"x" * 20_000}, 413)],
)  # fmt: skip
def test_oversized_requests_are_refused(app: object, request_kwargs: dict, status: int) -> None:
    url = request_kwargs.pop("url")
    assert fetch(app, url, **request_kwargs).status_code == status


def test_rate_limit(store: Path) -> None:
    strict = create_app(store, rate=0.1, burst=3)
    codes = [fetch(strict, "/api/resolve?name=POL").status_code for _ in range(5)]
    assert codes == [200, 200, 200, 429, 429]


def test_store_is_opened_read_only(app: object) -> None:
    reader = app.state.site.reader  # type: ignore[attr-defined]
    with pytest.raises(Exception, match="read-only"):
        reader.con.execute("CREATE TABLE x (a INTEGER)")


def test_serve_is_a_command_on_localhost() -> None:
    from typer.testing import CliRunner

    from dyadwatch.commands import app as cli

    result = CliRunner().invoke(cli, ["serve", "--help"], terminal_width=200)
    assert result.exit_code == 0 and "127.0.0.1" in result.output and "--db" in result.output


def test_serve_refuses_a_missing_store(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from dyadwatch.commands import app as cli

    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2 and "no store here" in result.output


def test_store_without_texts_still_shows_documents(tmp_path: Path) -> None:
    import duckdb

    db = webdata.build_store(tmp_path / "old.duckdb")
    with duckdb.connect(str(db)) as con:
        con.execute("DROP TABLE document_texts")
    old = create_app(db)
    page = fetch(old, "/document/border-1")
    assert page.status_code == 200 and "holds no text" in page.text
    closure = _ids(old)["COERCE:2024-06-03"]
    assert fetch(old, f"/event/{closure}").text.count("<mark>") == 2
