"""Time one `dyadwatch watch` cycle over 50 local feeds of 20 articles each, and record it.

    PYTHONPATH=src .venv/bin/python benchmarks/watch_cycle.py [--feeds 50] [--items 20]
        [--per-host-delay 1.0] [--no-record]

Each feed is served by its own small HTTP server on its own loopback address (127.0.0.2,
127.0.0.3, ...), so the per-host delay applies as it would to 50 outlets. The articles are
the project's demo articles (src/dyadwatch/demo/articles.jsonl) with their paragraphs
shuffled by a seeded random generator and a numbered last line, so each is a distinct text.
The coder is loaded before the clock starts; the figures are one cycle's wall time, the part
of it spent in the coder, the time until every feed and page had been read, and the peak
resident memory of the process. With ../shared present the script also runs the seed
acceptance (`dyadwatch watch --feed URL --once` twice, then `dyadwatch dyad RUS KAZ`) and
records its counts.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from importlib import resources
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "watch"))

from watch_site import Site, feed_reply, html_page, page_reply, rss

from dyadwatch.config import Config
from dyadwatch.evaluate.benchdoc import record_run
from dyadwatch.watch import LazyCoder, run_cycle
from dyadwatch.watch.fetchrun import DONE, FetchPlan, start_fetching
from dyadwatch.watch.settings import FetchSettings, Source, WatchSettings

SEEDS = ROOT.parent / "shared" / "corpus" / "seeds.jsonl"


def demo_articles() -> list[dict[str, Any]]:
    text = resources.files("dyadwatch.demo").joinpath("articles.jsonl").read_text("utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def articles(n: int, seed: int = 42) -> list[dict[str, Any]]:
    """``n`` distinct articles made from the demo articles' paragraphs."""
    demo = demo_articles()
    rng = random.Random(seed)
    out = []
    for k in range(n):
        base = demo[k % len(demo)]
        paras = [p for p in base["text"].split("\n\n") if p.strip()]
        rng.shuffle(paras)
        paras.append(f"Wire copy {k + 1} of {n}.")
        out.append({"title": base["title"], "date": base["date"], "text": "\n\n".join(paras)})
    return out


def rss_kib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def serve(stack: ExitStack, docs: list[dict[str, Any]], feeds: int, per_feed: int, delay: float,
          first_host: int = 2) -> WatchSettings:  # fmt: skip
    """Serve the articles as ``feeds`` feeds, each on its own loopback address."""
    sources = []
    for f in range(feeds):
        site = stack.enter_context(Site(host=f"127.0.0.{f + first_host}"))
        listed = []
        for i in range(per_feed):
            doc = docs[f * per_feed + i]
            path = f"/story/{i}.html"
            site.routes[path] = page_reply(html_page(doc["title"], doc["date"], doc["text"]))
            listed.append((doc["title"], site.url(path), doc["date"]))
        site.routes["/feed.xml"] = feed_reply(rss(listed))
        sources.append(Source("feed", site.url("/feed.xml")))
    return WatchSettings(sources=sources, fetch=FetchSettings(per_host_delay=delay))


def fetch_alone(settings: WatchSettings) -> float:
    """Seconds to read every feed and page with nothing else running (nothing coded)."""
    t0 = time.perf_counter()
    plan = FetchPlan(settings, Config(), settings.sources, {}, {}, [])
    q, thread = start_fetching(plan)
    while q.get() is not DONE:
        pass
    thread.join()
    return time.perf_counter() - t0


def cycle(feeds: int, per_feed: int, delay: float) -> dict[str, Any]:
    docs = articles(feeds * per_feed)
    t0 = time.perf_counter()
    from dyadwatch.coder import Coder

    coder = LazyCoder(coder=Coder())
    load = time.perf_counter() - t0
    rss_loaded = rss_kib()
    with ExitStack() as stack, tempfile.TemporaryDirectory() as tmp:
        settings = serve(stack, docs, feeds, per_feed, delay)
        report = run_cycle(Path(tmp) / "bench.duckdb", settings, coder, force=True)
        fetching = fetch_alone(serve(stack, docs, feeds, per_feed, delay, first_host=feeds + 2))
    return {"report": report, "fetch_alone": fetching, "load": load, "rss_loaded": rss_loaded,
            "rss_peak": rss_kib(), "feeds": feeds, "per_feed": per_feed, "delay": delay}  # fmt: skip


def acceptance() -> str:
    """The seed acceptance run through the command line; a markdown paragraph."""
    seeds = [json.loads(line) for line in SEEDS.read_text("utf-8").splitlines() if line.strip()]
    cli = [sys.executable, "-m", "dyadwatch"]
    with Site() as site, tempfile.TemporaryDirectory() as tmp:
        urls = []
        for n, seed in enumerate(seeds):
            site.routes[f"/story/{n}.html"] = page_reply(
                html_page(seed["title"], seed["date"], seed["text"])
            )
            urls.append(site.url(f"/story/{n}.html"))
        site.routes["/feed.xml"] = feed_reply(
            rss([(s["title"], u, s["date"]) for s, u in zip(seeds, urls, strict=True)])
        )
        db = str(Path(tmp) / "seeds.duckdb")
        watch = [*cli, "watch", "--feed", site.url("/feed.xml"), "--once", "--db", db]
        runs = [
            subprocess.run(watch, capture_output=True, text=True, check=True).stderr.strip()
            for _ in range(2)
        ]
        view = json.loads(subprocess.run([*cli, "dyad", "RUS", "KAZ", "--db", db, "--json", "--limit", "0"],
                                         capture_output=True, text=True, check=True).stdout)  # fmt: skip
    events = view["events"]
    both = sum(1 for e in events if len({s["url"] for s in e["sources"]}) == 2)
    return (
        "Seed acceptance (`dyadwatch watch --feed http://127.0.0.1:PORT/feed.xml --once --db "
        "seeds.duckdb`, twice, the two seed articles served as pages):\n\n"
        f"- first cycle: {runs[0].splitlines()[-1]}\n- second cycle: {runs[1].splitlines()[-1]}\n"
        f"- `dyadwatch dyad RUS KAZ`: {len(events)} events, {both} of them reported by both pages; "
        f"sources: {', '.join(sorted({s['url'].rsplit('/', 2)[-2] + '/' + s['url'].rsplit('/', 1)[-1] for e in events for s in e['sources']}))}"
    )


def markdown(r: dict[str, Any]) -> str:
    rep = r["report"]
    n = r["feeds"] * r["per_feed"]

    def part(seconds: float) -> str:
        return f"{seconds:.1f} s ({seconds / rep.seconds:.0%})"

    busy = rep.coder_seconds + rep.store_seconds + rep.alert_seconds

    return (
        "| feeds × items | articles coded | mentions | cycle | in the coder | storing and "
        "merging | alerts | fetching done after | articles/s | peak RSS |\n"
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
        f"| {r['feeds']} × {r['per_feed']} | {rep.coded:,} of {n:,} | {rep.mentions:,} | "
        f"{rep.seconds:.1f} s | {part(rep.coder_seconds)} | {part(rep.store_seconds)} | "
        f"{part(rep.alert_seconds)} | {rep.fetch_seconds:.1f} s | {rep.coded / rep.seconds:.1f} | "
        f"{r['rss_peak']:.0f} MiB |\n\n"
        f"One cycle: {rep.requests:,} HTTP requests (robots.txt, feeds, pages) to {r['feeds']} "
        f"hosts, {r['delay']:g} s apart on each host; pages fetched concurrently on the fetch "
        "thread while the coder codes what has arrived in batches of 32, each batch committed "
        "with its watch state, the dyads they touch merged into events every 60 s (`merge_every`) "
        "and at the end of the cycle. The coder was loaded "
        f"before the clock started ({r['load']:.1f} s; {r['rss_loaded']:.0f} MiB resident "
        f"after loading). Failed: {len(rep.failed)}, skipped: {len(rep.skipped)}, alerts raised: "
        f"{len(rep.alerts)}.\n\n"
        f"The same feeds and pages read with nothing else running take {r['fetch_alone']:.1f} s "
        "(the floor set by the per-host delay). In the cycle the fetch thread shares the "
        "interpreter with the coder and finishes later; the main thread is busy coding, "
        f"storing or alerting for {part(busy)} of the cycle. The {n:,} articles are shuffled "
        f"copies of {len(demo_articles())} demo articles, so the same events have many mentions "
        "and the merge at the end of the cycle is larger than in ordinary news."
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=50)
    parser.add_argument("--items", type=int, default=20)
    parser.add_argument("--per-host-delay", type=float, default=1.0)
    parser.add_argument("--no-record", action="store_true")
    args = parser.parse_args()
    body = markdown(cycle(args.feeds, args.items, args.per_host_delay))
    if SEEDS.is_file():
        body += "\n\n" + acceptance()
    print(body)
    if not args.no_record:
        command = (f"python benchmarks/watch_cycle.py --feeds {args.feeds} --items {args.items} "
                   f"--per-host-delay {args.per_host_delay:g}")  # fmt: skip
        record_run(ROOT / "docs" / "benchmarks.md", "watch", "Watch cycle", command, body)


if __name__ == "__main__":
    main()
