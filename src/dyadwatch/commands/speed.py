"""`dyadwatch bench speed`: coding speed against the parse floor, recorded in the benchmarks."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from ..errors import DyadwatchError
from ..evaluate import benchdoc
from .evaluate import bench_app

BENCH_DOC = Path("docs/benchmarks.md")
BENCH_NAME = "speed"
BENCH_TITLE = "Coding speed against the parse floor"

out = Console()
err = Console(stderr=True)


@bench_app.command("speed")
def speed_command(
    docs: int = typer.Option(2000, "--docs", min=1, help="documents in the generated corpus"),
    workers: int = typer.Option(2, "--workers", min=2, help="worker processes for run (c)"),
    rounds: int = typer.Option(
        1, "--rounds", min=1, help="run (a), (b), (c) in turn this many times; medians reported"
    ),
    blocks: int = typer.Option(
        1,
        "--blocks",
        min=1,
        help="run (a), (b), (c) in turn on each of this many slices of the corpus",
    ),
    articles: Annotated[
        Path | None,
        typer.Option(
            "--articles", help="JSONL articles to draw sentences from (default: the demo's)"
        ),
    ] = None,
    record: bool = typer.Option(
        True, "--record/--no-record", help=f"record the figures in {BENCH_DOC}"
    ),
) -> None:
    """Time spaCy alone, the coder in one process and the worker pool on the same corpus."""
    from ..scale.bench import ARTICLES, build_corpus, run_speed

    try:
        corpus = build_corpus(docs, articles=articles or ARTICLES)
        out.print(f"{len(corpus)} documents built; timing (a) parse, (b) coder, (c) pool ...",
                  markup=False, highlight=False)  # fmt: skip
        report = run_speed(corpus, workers=workers, rounds=rounds, blocks=blocks)
    except DyadwatchError as e:
        err.print(f"error: {e}", markup=False, highlight=False)
        raise typer.Exit(1) from e
    body = report.markdown()
    out.print(body, markup=False, highlight=False)
    if record:
        words = ["dyadwatch", "bench", "speed", "--docs", str(docs), "--workers", str(workers)]
        words += ["--rounds", str(rounds)] if rounds > 1 else []
        words += ["--blocks", str(blocks)] if blocks > 1 else []
        benchdoc.record_run(BENCH_DOC, BENCH_NAME, BENCH_TITLE, shlex.join(words), body)
        out.print(f"recorded in {BENCH_DOC}", markup=False, highlight=False)
