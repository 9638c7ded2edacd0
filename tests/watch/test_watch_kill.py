"""kill -9 in the middle of a cycle, then a restart: nothing lost, nothing stored twice."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path

from watch_helpers import count, items, quick, rows, serve
from watch_site import Reply, Site, feed_reply, html_page, page_reply, rss

from dyadwatch.watch import run_cycle
from dyadwatch.watch.settings import Source

SRC = Path(__file__).resolve().parents[2] / "src"
WAIT = 180.0  # seconds allowed for the first run to load the coder and store two articles


def _kill_once_stored(cmd: list[str], wanted: int) -> tuple[bool, list[str]]:
    """Run ``cmd``, kill -9 it once it has committed ``wanted`` articles (or WAIT passed);
    returns whether it was still running then, and its stderr lines."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]))
    proc = subprocess.Popen(
        cmd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env
    )
    lines: list[str] = []
    done = threading.Event()

    def read() -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            lines.append(line)
            if sum(x.startswith("coded ") for x in lines) >= wanted:
                done.set()
        done.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    done.wait(WAIT)
    alive = proc.poll() is None
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)
    reader.join(10)
    assert proc.stderr is not None
    proc.stderr.close()
    return alive, lines


def test_kill_9_mid_cycle_then_restart_loses_and_repeats_nothing(
    tmp_path: Path, lazy, demo
) -> None:
    db, config = tmp_path / "w.duckdb", tmp_path / "watch.toml"
    chosen = demo[:6]
    with Site() as site:
        urls = serve(site, chosen)
        slow = demo[6]
        slow_page = page_reply(html_page(slow["title"], slow["date"], slow["text"]))
        site.routes["/slow.html"] = Reply(200, slow_page.body, slow_page.headers, delay=60.0)
        listed = items(chosen, urls) + [(slow["title"], site.url("/slow.html"), slow["date"])]
        site.routes["/feed.xml"] = feed_reply(rss(listed), '"1"')
        config.write_text(
            "[watch]\nbatch_size = 1\n[fetch]\ntimeout = 90.0\nper_host_delay = 0.0\n"
            f'[[source]]\nfeed = "{site.url("/feed.xml")}"\n', encoding="utf-8")  # fmt: skip
        cmd = [sys.executable, "-m", "dyadwatch", "watch", "--config", str(config), "--once",
               "--db", str(db), "--verbose"]  # fmt: skip
        alive, lines = _kill_once_stored(cmd, wanted=2)
        assert alive, "the first run ended before it could be killed:\n" + "".join(lines)
        before = {line.split()[1] for line in lines if line.startswith("coded ")}
        site.routes["/slow.html"] = slow_page
        report = run_cycle(db, quick([Source("feed", site.url("/feed.xml"))]), lazy, force=True)
    everything = set(urls) | {site.url("/slow.html")}
    assert 2 <= len(before) < len(everything)
    assert report.coded == len(everything - before)
    assert sorted(r[0] for r in rows(db, "SELECT doc_id FROM documents")) == sorted(everything)
    coded = Counter(r[0] for r in rows(db, "SELECT item FROM watch_log WHERE action = 'coded'"))
    assert set(coded) == everything and set(coded.values()) == {1}
    ((n, distinct),) = rows(db, "SELECT count(*), count(DISTINCT mention_id) FROM mentions")
    assert n == distinct > 0
    # what the killed run stored but had not merged into events is merged now
    assert rows(db, "SELECT count(*) FROM mentions WHERE event_id IS NULL") == [(0,)]
    assert count(db, "watch_unmerged") == 0
    assert rows(db, "SELECT count(*), count(DISTINCT key) FROM watch_items")[0] == (7, 7)
