"""Watch cycles against a local site: exactly once, faults, changed pages, retries, folders."""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner
from watch_helpers import count, items, quick, rows, serve
from watch_site import Reply, Site, feed_reply, html_page, page_reply, rss

from dyadwatch.commands import app
from dyadwatch.watch import run_cycle, watch_forever
from dyadwatch.watch.settings import Source


def test_items_are_stored_once_across_feeds_and_repeats(tmp_path: Path, lazy, demo) -> None:
    db = tmp_path / "w.duckdb"
    with Site() as site:
        urls = serve(site, demo[:3])
        listed = items(demo[:3], urls)
        site.routes["/a.xml"] = feed_reply(rss(listed + listed[:2]), '"a1"')  # repeats two items
        site.routes["/b.xml"] = feed_reply(rss(listed[1:]), '"b1"')  # lists two of them again
        settings = quick([Source("feed", site.url("/a.xml")), Source("feed", site.url("/b.xml"))])
        first = run_cycle(db, settings, lazy, force=True)
        again = run_cycle(db, settings, lazy, force=True)
        hits = dict(site.hits)
    assert (first.coded, first.added, first.failed_sources) == (3, 3, [])
    assert sorted(r[0] for r in rows(db, "SELECT doc_id FROM documents")) == sorted(urls)
    assert all(hits[u.split(str(site.server.server_address[1]))[1]] == 1 for u in urls)
    assert (again.coded, again.fetched, again.requests) == (0, 0, 3)  # robots.txt and two 304s
    assert count(db, "mentions") == first.mentions
    assert rows(db, "SELECT count(*), count(DISTINCT mention_id) FROM mentions")[0] == (
        first.mentions,
        first.mentions,
    )


FAULTS = {
    "server error": Reply(500),
    "timeout": Reply(200, b"<rss/>", delay=3.0),
    "rate limited": Reply(429, headers={"Retry-After": "3600"}),
    "malformed XML": Reply(200, b"<rss><channel><item><title>half", {"Content-Type": "application/rss+xml"}),
    "huge": Reply(200, headers={"Content-Length": str(50 << 20)}, chunks=iter([b"x" * 65536] * 800)),
    "redirect loop": Reply(302, headers={"Location": "/bad.xml"}),
    "not found": Reply(404),
}  # fmt: skip


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_a_failing_source_is_reported_and_the_others_go_on(tmp_path: Path, lazy, demo,
                                                           fault: str) -> None:  # fmt: skip
    db = tmp_path / "w.duckdb"
    with Site() as site:
        urls = serve(site, demo[:1])
        site.routes["/good.xml"] = feed_reply(rss(items(demo[:1], urls)))
        site.routes["/bad.xml"] = FAULTS[fault]
        bad = Source("feed", site.url("/bad.xml"), interval=600)
        report = run_cycle(db, quick([bad, Source("feed", site.url("/good.xml"))]), lazy)
    assert report.added == 1
    assert len(report.failed_sources) == 1 and report.failed_sources[0].startswith(bad.name)
    (failures, error, wait), = rows(db, "SELECT failures, last_error, epoch(next_poll - polled_at) "
                                        "FROM watch_sources WHERE source = ?", [bad.name])  # fmt: skip
    assert failures == 1 and error and 0 <= wait <= 3600


def test_a_page_that_changes_replaces_its_events(tmp_path: Path, lazy, demo) -> None:
    db = tmp_path / "w.duckdb"
    old, new = demo[0], demo[5]
    with Site() as site:
        site.routes["/story.html"] = page_reply(
            html_page(old["title"], old["date"], old["text"]), '"1"'
        )
        settings = quick([Source("page", site.url("/story.html"))])
        first = run_cycle(db, settings, lazy, force=True)
        same = run_cycle(db, settings, lazy, force=True)
        site.routes["/story.html"] = page_reply(
            html_page(new["title"], new["date"], new["text"]), '"2"'
        )
        changed = run_cycle(db, settings, lazy, force=True)
    assert (first.added, same.not_modified, same.coded) == (1, 1, 0)
    assert (changed.replaced, changed.added) == (1, 0)
    assert count(db, "documents") == 1
    evidence = [
        json.loads(r)["evidence"]["text"] for (r,) in rows(db, "SELECT record FROM mentions")
    ]
    assert evidence and all(e in new["text"] for e in evidence)
    assert count(db, "mentions") == changed.mentions


def test_the_same_text_at_two_addresses_is_stored_once(tmp_path: Path, lazy, demo) -> None:
    db = tmp_path / "w.duckdb"
    a = demo[2]
    with Site() as site:
        body = html_page(a["title"], a["date"], a["text"])
        site.routes["/one.html"] = page_reply(body)
        site.routes["/two.html?utm_source=feed"] = page_reply(body)
        site.routes["/feed.xml"] = feed_reply(rss([("1", site.url("/one.html"), a["date"]),
                                                   ("2", site.url("/two.html?utm_source=feed"), a["date"])]))  # fmt: skip
        report = run_cycle(db, quick([Source("feed", site.url("/feed.xml"))]), lazy)
    assert (report.added, report.duplicates) == (1, 1)
    # whichever page arrived first is stored; the other names it
    (stored,) = rows(db, "SELECT doc_id FROM documents")
    states = rows(db, "SELECT status, reason FROM watch_items ORDER BY status")
    assert states == [("duplicate", f"same text as {stored[0]}"), ("stored", None)]


def test_a_failed_article_is_tried_again_even_when_its_feed_is_unchanged(tmp_path: Path, lazy,
                                                                         demo) -> None:  # fmt: skip
    db = tmp_path / "w.duckdb"
    with Site() as site:
        urls = serve(site, demo[:2])
        good = site.routes[f"/news/{demo[1]['id']}.html"]
        site.routes[f"/news/{demo[1]['id']}.html"] = Reply(503)
        site.routes["/feed.xml"] = feed_reply(rss(items(demo[:2], urls)), '"f"')
        settings = quick([Source("feed", site.url("/feed.xml"))])
        first = run_cycle(db, settings, lazy, force=True)
        site.routes[f"/news/{demo[1]['id']}.html"] = good
        second = run_cycle(db, settings, lazy, force=True)
    assert (first.added, len(first.failed)) == (1, 1) and "HTTP 503" in first.failed[0]
    assert second.added == 1 and second.failed == []
    assert sorted(r[0] for r in rows(db, "SELECT doc_id FROM documents")) == sorted(urls)


def test_an_article_that_keeps_failing_is_given_up(tmp_path: Path, lazy, demo) -> None:
    db = tmp_path / "w.duckdb"
    with Site() as site:
        site.routes["/gone.html"] = Reply(500)
        site.routes["/feed.xml"] = feed_reply(rss([("x", site.url("/gone.html"), "2022-06-01")]))
        settings = quick([Source("feed", site.url("/feed.xml"))], max_item_failures=2)
        for _ in range(4):
            run_cycle(db, settings, lazy, force=True)
        hits = site.hits["/gone.html"]
    assert rows(db, "SELECT status, failures FROM watch_items") == [("given-up", 2)]
    assert hits == 2 * (settings.fetch.retries + 1)


def test_since_takes_newer_items_and_follows_the_archive(tmp_path: Path, lazy, demo) -> None:
    db = tmp_path / "w.duckdb"
    a, b, c = demo[0], demo[5], demo[11]  # 2022-06, 2022-06, 2018-03
    with Site() as site:
        urls = serve(site, [a, b, c])
        site.routes["/feed.xml"] = feed_reply(rss(
            [(a["title"], urls[0], "2022-07-01")],
            extra=f'<atom:link rel="next" href="{site.url("/feed-2.xml")}"/>'))  # fmt: skip
        site.routes["/feed-2.xml"] = feed_reply(rss([(b["title"], urls[1], "2022-06-20"),
                                                     (c["title"], urls[2], "2018-03-15")]))  # fmt: skip
        source = Source("feed", site.url("/feed.xml"))
        plain = run_cycle(tmp_path / "plain.duckdb", quick([source]), lazy)
        backfill = run_cycle(
            db, quick([source], since=__import__("datetime").date(2022, 1, 1)), lazy
        )
    assert plain.added == 1
    assert backfill.added == 2
    assert sorted(r[0] for r in rows(db, "SELECT doc_id FROM documents")) == sorted(urls[:2])


def test_a_folder_gives_each_dropped_file_once(tmp_path: Path, lazy, demo) -> None:
    db, drop = tmp_path / "w.duckdb", tmp_path / "drop"
    drop.mkdir()
    (drop / "story.txt").write_text(demo[3]["text"], encoding="utf-8")
    lines = [json.dumps({k: d[k] for k in ("id", "date", "text", "url")}) for d in demo[6:8]]
    (drop / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (drop / ".partial.jsonl").write_text("{", encoding="utf-8")
    (drop / "notes.md").write_text("not an input", encoding="utf-8")
    settings = quick([Source("folder", str(drop))])
    first = run_cycle(db, settings, lazy)
    again = run_cycle(db, settings, lazy, force=True)
    (drop / "story.txt").write_text(demo[4]["text"], encoding="utf-8")
    os.utime(drop / "story.txt", (time.time() - 5, time.time() - 5))
    changed = run_cycle(db, settings, lazy, force=True)
    assert (first.added, again.fetched, changed.replaced) == (3, 0, 1)
    ids = sorted(r[0] for r in rows(db, "SELECT doc_id FROM documents"))
    assert ids == sorted(["story", "https://example.org/demo/007", "https://example.org/demo/008"])


def test_the_run_log_says_what_happened(tmp_path: Path, lazy, demo) -> None:
    db = tmp_path / "w.duckdb"
    with Site() as site:
        urls = serve(site, demo[:1])
        site.routes["/fr.html"] = page_reply(b'<html lang="fr"><body><p>Bonjour</p></body></html>')
        site.routes["/feed.xml"] = feed_reply(
            rss(items(demo[:1], urls) + [("fr", site.url("/fr.html"), "2022-06-01")])
        )
        run_cycle(db, quick([Source("feed", site.url("/feed.xml"))]), lazy)
    log = {
        (item, action): detail
        for item, action, detail in rows(db, "SELECT item, action, detail FROM watch_log")
    }
    assert log[(urls[0], "coded")].endswith("events")
    assert "not English" in log[(site.url("/fr.html"), "skipped")]
    assert any(action == "polled" for _, action in log)
    shown = CliRunner().invoke(app, ["watch-log", "--db", str(db), "--json", "--limit", "100"])
    lines = [json.loads(line) for line in shown.stdout.splitlines()]
    assert shown.exit_code == 0 and len(lines) == count(db, "watch_log")
    assert {(x["item"] or x["source"], x["action"]) for x in lines} >= {(urls[0], "coded")}
    missing = CliRunner().invoke(app, ["watch-log", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 2 and "no store here" in missing.output


def test_watching_runs_cycles_until_stopped(tmp_path: Path, lazy, demo) -> None:
    db = tmp_path / "w.duckdb"
    stop = threading.Event()
    reports: list = []

    def progress(report, message) -> None:
        if report.seconds:  # the end of a cycle
            reports.append(report)
            if len(reports) == 2:
                stop.set()

    with Site() as site:
        urls = serve(site, demo[:1])
        site.routes["/feed.xml"] = feed_reply(rss(items(demo[:1], urls)), '"1"')
        settings = quick([Source("feed", site.url("/feed.xml"), interval=1.0)])
        cycles = watch_forever(db, settings, lazy, progress=progress, stop=stop)
    assert cycles == 2 and [r.added for r in reports] == [1, 0]
    assert reports[1].requests == 2  # robots.txt and a 304
