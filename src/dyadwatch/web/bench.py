"""Timing the web API on a (synthetic) store, for docs/benchmarks.md.

Requests go through the whole app in-process (routing, limits, the queries, response
validation and JSON), over httpx's ASGI transport; the store stays open between requests
as it does in `dyadwatch serve`.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import time
from pathlib import Path
from typing import Any

from ..store.synth import build_synthetic_store
from .app import create_app

DYADS = (("USA", "RUS"), ("CHN", "UKR"), ("GBR", "FRA"), ("IRN", "ISR"), ("KAZ", "JPN"))


async def _time(client: Any, url: str) -> tuple[float, int]:
    t0 = time.perf_counter()
    response = await client.get(url)
    return time.perf_counter() - t0, response.status_code


async def _run(db: Path, runs: int) -> dict[str, Any]:
    import httpx  # a development dependency, like the benchmarks

    app = create_app(db, rate=1e6, burst=1_000_000)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
        out: dict[str, Any] = {}
        for name, urls in (
            ("overview", ["/api/dyads"] * runs),
            ("dyad, five pairs, each asked once", [f"/api/dyads/{a}/{b}" for a, b in DYADS]),
            (
                "dyad, busiest pair, same filters",
                [f"/api/dyads/{DYADS[0][0]}/{DYADS[0][1]}"] * runs,
            ),
            (
                "dyad, busiest pair, a new date range each time",
                [
                    f"/api/dyads/{DYADS[0][0]}/{DYADS[0][1]}?from={2015 + i % 3}-01-0{1 + i // 3}"
                    for i in range(runs)
                ],
            ),
        ):
            times = []
            for url in urls:
                seconds, status = await _time(client, url)
                if status != 200:
                    raise RuntimeError(f"{url} answered {status}")
                times.append(seconds)
            out[name] = {"runs": len(times), "first_s": times[0],
                         "median_s": statistics.median(times), "max_s": max(times)}  # fmt: skip
        dyad = (await client.get(f"/api/dyads/{DYADS[0][0]}/{DYADS[0][1]}")).json()
        out["busiest_events"] = dyad["total_events"]
        out["load"] = os.getloadavg()[0]
    return out


def run_benchmark(db: Path, n_events: int = 10_000_000, runs: int = 7) -> dict[str, Any]:
    """Build the synthetic store if ``db`` is absent, then time the API pages on it."""
    if not db.exists():
        build_synthetic_store(db, n_events)
    return asyncio.run(_run(db, runs))


def markdown(result: dict[str, Any]) -> str:
    """The figures as a markdown table."""
    rows = "".join(
        f"| {name} | {r['runs']} | {r['first_s']:.3f} s | {r['median_s']:.3f} s | {r['max_s']:.3f} s |\n"
        for name, r in result.items() if isinstance(r, dict)
    )  # fmt: skip
    return (
        "| request | runs | first | median | max |\n|---|---|---|---|---|\n" + rows + "\n"
        f"`/api/dyads` is the dyads overview (20 most active pairs with their monthly trend); "
        f"`/api/dyads/A/B` the dyad page (latest 300 events, weekly and monthly series, links, "
        f"reciprocity, alerts, timeline); the busiest pair has {result['busiest_events']:,} events. "
        "The five pairs are USA–RUS, CHN–UKR, GBR–FRA, IRN–ISR and KAZ–JPN. The app keeps "
        "the last 32 pages it built (the store is read-only while served), so a page asked "
        "again with the same filters is served from memory: the overview's first run and the "
        "rows with pairs or date ranges not asked before are built from the store. "
        f"The machine's load average (other work sharing its cores) was {result['load']:.1f} "
        "at the end of the run.\n\n" + _targets(result)
    )


def _targets(result: dict[str, Any]) -> str:
    """Whether this run met the targets: dyad page under 0.3 s median, overview under 1 s."""
    cold = [k for k in result if isinstance(result[k], dict) and k.startswith("dyad")
            and "same filters" not in k]  # fmt: skip
    first = result["overview"]["first_s"]
    verdict = "met" if first < 1 else "missed"
    lines = [f"- overview built from the store (first run): {first:.3f} s, target < 1 s: {verdict}"]
    for key in cold:
        median = result[key]["median_s"]
        lines.append(f"- {key}, median {median:.3f} s, target < 0.3 s: "
                     f"{'met' if median < 0.3 else 'missed'}")  # fmt: skip
    return "\n".join(lines)
