"""Timing of the dyad query on a (synthetic) store, for docs/benchmarks.md."""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path
from typing import Any

from ..store.reader import StoreReader
from ..store.synth import build_synthetic_store
from .dyad import dyad_view


def time_dyad_query(db: Path, a: str, b: str, runs: int = 5) -> dict[str, Any]:
    """Open the store read-only and build the full dyad view ``runs`` times; seconds per run."""
    times, total = [], 0
    for _ in range(runs):
        t0 = time.perf_counter()
        with StoreReader(db) as reader:
            view = dyad_view(reader, a, b)
            json.dumps(view.to_dict())
        times.append(time.perf_counter() - t0)
        total = view.total_events
    return {"dyad": [a, b], "dyad_events": total, "runs": runs, "median_s": statistics.median(times),
            "max_s": max(times), "first_s": times[0]}  # fmt: skip


def run_benchmark(db: Path, n_events: int, a: str = "USA", b: str = "RUS", runs: int = 5
                  ) -> dict[str, Any]:  # fmt: skip
    """Build the synthetic store if ``db`` is absent, then time the dyad query on it."""
    build_s = None
    if not db.exists():
        t0 = time.perf_counter()
        build_synthetic_store(db, n_events)
        build_s = time.perf_counter() - t0
    with StoreReader(db) as reader:
        stored = reader.counts()["events"]
    result = time_dyad_query(db, a, b, runs)
    result.update({"store_events": stored, "build_s": build_s})
    return result


def markdown(result: dict[str, Any]) -> str:
    """The figures as a small markdown table."""
    build = (
        f"{result['build_s']:.1f} s" if result.get("build_s") is not None else "(existing store)"
    )
    return (
        "| store events | dyad | dyad events | build | first run | median of "
        f"{result['runs']} | max |\n|---|---|---|---|---|---|---|\n"
        f"| {result['store_events']:,} | {'–'.join(result['dyad'])} | {result['dyad_events']:,} | "
        f"{build} | {result['first_s']:.3f} s | {result['median_s']:.3f} s | {result['max_s']:.3f} s |\n\n"
        "Each run opens the store read-only and builds the whole `dyadwatch dyad --json` view "
        "and serialises it to JSON: the latest 1,000 events, weekly and monthly series over all of the dyad's events, "
        "explicit and inferred links, reciprocity and alerts."
    )
