"""`dyadwatch watch --feed URL --once` twice on the two seed articles served as pages.

Skipped when ../shared is absent. The first cycle must store what `dyadwatch ingest` of the
seeds stores (the same events of RUS and KAZ, with both pages among their sources); the
second must add nothing.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from typer.testing import CliRunner
from watch_helpers import count, rows, seeds_path
from watch_site import Site, feed_reply, html_page, page_reply, rss

from dyadwatch.commands import app
from dyadwatch.read import read_inputs
from dyadwatch.store import StoreWriter

runner = CliRunner()


def dyad(db: Path) -> list[dict]:
    result = runner.invoke(app, ["dyad", "RUS", "KAZ", "--db", str(db), "--json", "--limit", "0"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["events"]


def mentions(db: Path) -> Counter:
    """What the coder found, whatever the documents are called: type, parties, date, words."""
    out: Counter = Counter()
    for (record,) in rows(db, "SELECT record FROM mentions"):
        m = json.loads(record)
        out[(m["event"], m["date"], m["factuality"], m["actor"]["code"],
             (m["recipient"] or {}).get("code"), " ".join(m["evidence"]["text"].split()))] += 1  # fmt: skip
    return out


def position(events: list[dict], test) -> int:
    return next(i for i, e in enumerate(events) if test(e))


def test_watching_the_seed_pages_twice(tmp_path: Path, lazy) -> None:
    seeds = [
        json.loads(line) for line in seeds_path().read_text("utf-8").splitlines() if line.strip()
    ]
    reference = tmp_path / "ref.duckdb"
    with StoreWriter(reference) as writer:
        writer.ingest_outcomes(lazy().code_many(read_inputs(seeds_path())))
    db = tmp_path / "watch.duckdb"
    with Site() as site:
        pages = []
        for n, seed in enumerate(seeds):
            path = f"/story/{n}.html"
            site.routes[path] = page_reply(
                html_page(seed["title"], seed["date"], seed["text"]), f'"{n}"'
            )
            pages.append(site.url(path))
        site.routes["/feed.xml"] = feed_reply(
            rss([(s["title"], u, s["date"]) for s, u in zip(seeds, pages, strict=True)]), '"f"'
        )
        cmd = ["watch", "--feed", site.url("/feed.xml"), "--once", "--db", str(db)]
        first = runner.invoke(app, cmd)
        assert first.exit_code == 0, first.output
        events = dyad(db)
        counts = {t: count(db, t) for t in ("documents", "mentions", "events")}
        second = runner.invoke(app, cmd)
        assert second.exit_code == 0, second.output
    assert "2 coded (2 added" in first.output and "0 coded (0 added" in second.output
    assert counts == {t: count(db, t) for t in ("documents", "mentions", "events")}
    assert counts["documents"] == 2
    assert rows(db, "SELECT count(*) FROM watch_log WHERE action = 'coded'") == [(2,)]
    # the pages give the coder the seeds' texts (paragraphs spaced differently), so the same
    # mentions
    assert mentions(db) == mentions(reference)
    # and the dyad lists the episode in order, both pages among the sources
    assert {s["url"] for e in events for s in e["sources"]} == set(pages)
    refusal = position(events, lambda e: e["event"] == "REJECT" and e["direction"] == "KAZ>RUS"
                    and any("recogni" in s["evidence"] for s in e["sources"]))  # fmt: skip
    suspension = position(
        events, lambda e: e["direction"] == "RUS>KAZ" and e["date"] == "2022-06-18"
    )
    court = position(events, lambda e: e["date"] == "2022-07-06" and e["actor"]["code"] == "RUSJUD")
    reversal = position(events, lambda e: e["date"] == "2022-07-11")
    withdrawal = position(events, lambda e: e.get("via") == "CIS" and e.get("mode") == "withdraw")
    assert refusal < suspension < court < reversal < withdrawal
    for i in (refusal, suspension):
        assert {s["url"] for s in events[i]["sources"]} == set(pages)
    assert events[refusal]["id"] in events[suspension]["in_response_to"]
