"""`dyadwatch eval` (score predictions against gold) and `dyadwatch bench` (run the suites)."""

from __future__ import annotations

import json
import shlex
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from ..errors import DyadwatchError
from ..evaluate import benchdoc
from ..evaluate.suites import SUITES
from .root import app

BENCH_DOC = Path("docs/benchmarks.md")
BENCH_NAME = "accuracy"
BENCH_TITLE = "Accuracy on gold and external suites"

out = Console()
err = Console(stderr=True)


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print one error line to stderr and return the Exit to raise."""
    err.print(f"error: {message}", markup=False, highlight=False, soft_wrap=True)
    return typer.Exit(code)


@app.command("eval")
def eval_command(
    gold: Annotated[Path, typer.Argument(help="gold events, JSONL (the format of shared/gold)")],
    predictions: Annotated[
        Path, typer.Argument(help="predicted events, JSONL (the event contract)")
    ],
    as_json: bool = typer.Option(False, "--json", help="print the whole score as JSON"),
    show_errors: bool = typer.Option(
        False, "--show-errors", help="also list misses, false positives and forbidden hits"
    ),
) -> None:
    """Score predicted events against gold events: core recall, precision, forbidden hits."""
    from ..evaluate.gold import load_gold, load_predictions, score_gold
    from ..evaluate.tables import gold_error_tables, gold_table

    try:
        score = score_gold(load_gold(gold), load_predictions(predictions))
    except DyadwatchError as e:
        raise fail(str(e)) from e
    if as_json:
        data: dict[str, Any] = score.to_dict()
        if not show_errors:
            for key in ("matches", "misses", "false_positives", "forbidden"):
                data.pop(key)
        out.print_json(json.dumps(data, ensure_ascii=False))
        return
    out.print(gold_table(score))
    if show_errors:
        for table in gold_error_tables(score):
            out.print(table)


bench_app = typer.Typer(
    invoke_without_command=True,
    help="Run the accuracy suites (seed gold, PLOVER GSR, PETR-2 GSR) and record the figures.",
)
app.add_typer(bench_app, name="bench")


def build_coder() -> Any:
    """The coder the suites run with (the default configuration)."""
    from ..coder import Coder
    from ..config import Config

    return Coder(Config())


def typed_command(ctx: typer.Context) -> str:
    """The command line as typed, for the benchmark record."""
    program = Path(sys.argv[0])
    if program.stem == "dyadwatch" or (
        program.parent.name == "dyadwatch" and program.name in ("cli.py", "__main__.py")
    ):
        return shlex.join(["dyadwatch", *sys.argv[1:]])
    words = ["dyadwatch", "bench"]
    params = ctx.params
    if params.get("suite") not in (None, "all"):
        words += ["--suite", str(params["suite"])]
    if params.get("shared") is not None:
        words += ["--shared", str(params["shared"])]
    if params.get("record") is False:
        words.append("--no-record")
    return shlex.join(words)


@bench_app.callback()
def bench(
    ctx: typer.Context,
    suite: str = typer.Option(
        "all", "--suite", help=f"one of {', '.join(SUITES)}, or all that exist"
    ),
    shared: Annotated[
        Path | None,
        typer.Option(
            "--shared", help="the shared folder (default: ../shared, then beside the repo)"
        ),
    ] = None,
    record: bool = typer.Option(
        True, "--record/--no-record", help=f"record the figures in {BENCH_DOC}"
    ),
) -> None:
    """Run the suites when no subcommand is given."""
    if ctx.invoked_subcommand is not None:
        return
    from ..evaluate.run import (
        SUMMARY_COLUMNS,
        available_suites,
        find_shared,
        run_suites,
        summary_markdown,
        summary_rows,
    )  # fmt: skip
    from ..evaluate.tables import figures_table

    if suite != "all" and suite not in SUITES:
        raise fail(f"unknown suite {suite!r}; choose from {', '.join(SUITES)} or all", 2)
    folder = find_shared(shared)
    if folder is None:
        where = shared if shared is not None else "../shared"
        raise fail(f"no shared folder at {where}: the suites need its benchmark files", 2)
    present = available_suites(folder)
    names = present if suite == "all" else [suite]
    missing = [n for n in names if n not in present]
    if missing or not names:
        raise fail(f"suite files not found under {folder}: {', '.join(missing) or 'any suite'}")
    try:
        results = run_suites(build_coder(), folder, names)
    except DyadwatchError as e:
        raise fail(str(e)) from e
    for result in results:
        for table in result.tables:
            out.print(table)
    out.print(figures_table("Accuracy", summary_rows(results), SUMMARY_COLUMNS))
    for result in results:
        if result.notes:
            out.print(f"{result.title}: {result.notes}", markup=False, highlight=False)
    if record:
        benchdoc.record_run(
            BENCH_DOC, BENCH_NAME, BENCH_TITLE, typed_command(ctx), summary_markdown(results)
        )
        out.print(f"recorded in {BENCH_DOC}", markup=False, highlight=False)
