"""Time the web API (dyads overview and dyad page) on a synthetic store of 10 million events.

    PYTHONPATH=src .venv/bin/python benchmarks/web_pages.py [--db PATH] [--events N] [--runs N]

Builds the store when PATH does not exist (as benchmarks/dyad_query.py does), then asks the
app in-process and adds the figures to docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from dyadwatch.evaluate.benchdoc import record_run
from dyadwatch.web.bench import markdown, run_benchmark

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("synthetic.duckdb"))
    parser.add_argument("--events", type=int, default=10_000_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    body = markdown(run_benchmark(args.db, args.events, args.runs))
    command = (
        f"python benchmarks/web_pages.py --db {args.db} --events {args.events} --runs {args.runs}"
    )
    record_run(ROOT / "docs" / "benchmarks.md", "web", "Web API speed", command, body)
    print(body)


if __name__ == "__main__":
    main()
