"""Alerts: raised once, with evidence and source links, on every channel, webhook included."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from watch_helpers import items, quick, serve
from watch_site import Reply, Site, feed_reply, html_page, page_reply, rss

from dyadwatch.watch import run_cycle
from dyadwatch.watch.settings import AlertSettings, Source

KAZAKH = [0, 1, 2, 3, 4]  # demo articles on Russia and Kazakhstan
BORDER = [8]  # Poland and Belarus


def alert_settings(site: Site, tmp_path: Path, **changes: object) -> AlertSettings:
    settings = AlertSettings(jsonl=tmp_path / "alerts.jsonl", webhook=site.url("/hook"),
                             dyads=(("RUS", "KAZ"), ("POL", "BLR")), min_intensity=7.0)  # fmt: skip
    for key, value in changes.items():
        setattr(settings, key, value)
    return settings


def jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


def test_each_alert_reaches_each_channel_once_with_its_evidence(tmp_path: Path, lazy,
                                                                demo) -> None:  # fmt: skip
    db = tmp_path / "w.duckdb"
    chosen = [demo[i] for i in KAZAKH + BORDER]
    printed: list[dict] = []
    with Site() as site:
        urls = serve(site, chosen)
        site.routes["/feed.xml"] = feed_reply(rss(items(chosen, urls)), '"1"')
        settings = quick(
            [Source("feed", site.url("/feed.xml"))], alerts=alert_settings(site, tmp_path)
        )
        first = run_cycle(db, settings, lazy, force=True, printer=printed.append)
        # a page edited without changing its events is stored again, and raises nothing new
        edited = dict(chosen[0], text=chosen[0]["text"] + "\n\nThis report was updated.")
        site.routes[f"/news/{edited['id']}.html"] = page_reply(
            html_page(edited["title"], edited["date"], edited["text"])
        )
        site.routes["/feed.xml"] = feed_reply(rss(items(chosen, urls)).replace(
            b"<pubDate>", b"<atom:updated>2022-06-19T10:00:00Z</atom:updated><pubDate>", 1), '"2"')  # fmt: skip
        second = run_cycle(db, settings, lazy, force=True, printer=printed.append)
        posts = list(site.posts)
    assert second.replaced == 1 and second.alerts == []
    kinds = Counter(a["kind"] for a in first.alerts)
    assert kinds["response"] >= 1 and kinds["intensity"] >= 1
    sent = [json.loads(p.body) for p in posts]  # every POST, however it was answered
    ids = sorted(a["id"] for a in first.alerts)
    assert len(set(ids)) == len(ids)
    for channel in (sent, printed, jsonl(tmp_path / "alerts.jsonl")):
        assert sorted(a["id"] for a in channel) == ids
    assert sorted(p.headers["Idempotency-Key"] for p in posts) == ids
    for alert in sent:
        assert tuple(alert["dyad"]) in {
            ("RUS", "KAZ"),
            ("KAZ", "RUS"),
            ("POL", "BLR"),
            ("BLR", "POL"),
        }
        for event in alert["events"]:
            assert event["evidence"]
            assert event["sources"] and all(s["url"] in urls for s in event["sources"])


def test_intensity_alerts_keep_to_watched_dyads_and_the_threshold(tmp_path: Path, lazy,
                                                                  demo) -> None:  # fmt: skip
    db = tmp_path / "w.duckdb"
    chosen = [demo[i] for i in KAZAKH + BORDER]
    with Site() as site:
        urls = serve(site, chosen)
        site.routes["/feed.xml"] = feed_reply(rss(items(chosen, urls)))
        alerts = alert_settings(site, tmp_path, dyads=(("POL", "BLR"),), escalation=False,
                                responses=False, webhook=None)  # fmt: skip
        report = run_cycle(db, quick([Source("feed", site.url("/feed.xml"))], alerts=alerts), lazy)
    assert report.alerts and all(a["kind"] == "intensity" for a in report.alerts)
    for alert in report.alerts:
        assert set(alert["dyad"]) == {"POL", "BLR"}
        assert all(abs(e["intensity"]) >= 7.0 for e in alert["events"])


@pytest.mark.parametrize(("down", "copies"), [
    (Reply(500), 1),  # refused: sent again later, received once
    (Reply(200, delay=2.0), 2),  # received, but the answer came too late: sent again with the
])  # same Idempotency-Key, so the receiver can drop the copy   # fmt: skip
def test_a_webhook_that_is_down_gets_the_alerts_later_once(tmp_path: Path, lazy, demo,
                                                           down: Reply, copies: int) -> None:  # fmt: skip
    db = tmp_path / "w.duckdb"
    chosen = [demo[i] for i in BORDER]
    with Site() as site, Site() as hook:
        urls = serve(site, chosen)
        site.routes["/feed.xml"] = feed_reply(rss(items(chosen, urls)))
        alerts = alert_settings(hook, tmp_path, webhook_timeout=0.3)
        settings = quick([Source("feed", site.url("/feed.xml"))], alerts=alerts)
        hook.post_reply = down
        first = run_cycle(db, settings, lazy, force=True)
        hook.post_reply = Reply(200)
        second = run_cycle(db, settings, lazy, force=True)
        third = run_cycle(db, settings, lazy, force=True)
        delivered = [p for p in hook.posts if p.answered < 300]
    assert first.alerts and len(first.delivery_errors) == len(first.alerts)
    assert second.alerts == third.alerts == [] and second.delivery_errors == []
    ids = sorted(a["id"] for a in first.alerts)
    keys = Counter(p.headers["Idempotency-Key"] for p in delivered)
    assert sorted(keys) == ids and set(keys.values()) == {copies}
    assert all(json.loads(p.body)["id"] == p.headers["Idempotency-Key"] for p in delivered)
    assert sorted(a["id"] for a in jsonl(tmp_path / "alerts.jsonl")) == ids
