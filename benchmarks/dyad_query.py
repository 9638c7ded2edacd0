"""Time `dyadwatch dyad` on a synthetic store of 10 million events and record the figure.

    PYTHONPATH=src .venv/bin/python benchmarks/dyad_query.py [--db PATH] [--events N] [--runs N]

Builds the store (seeded, numpy + DuckDB, no per-row Python) when PATH does not exist, then
times the full dyad view on its busiest dyad and adds the result to docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from dyadwatch.evaluate.benchdoc import record_run
from dyadwatch.analysis.bench import markdown, run_benchmark

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("synthetic.duckdb"))
    parser.add_argument("--events", type=int, default=10_000_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    result = run_benchmark(args.db, args.events, runs=args.runs)
    body = markdown(result)
    command = f"python benchmarks/dyad_query.py --db {args.db} --events {args.events} --runs {args.runs}"
    record_run(ROOT / "docs" / "benchmarks.md", "dyad-query", "Dyad query speed", command, body)
    print(body)


if __name__ == "__main__":
    main()
