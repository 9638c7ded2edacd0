"""`dyadwatch code`: read documents, code them, write one event per line."""

from __future__ import annotations

import os
import sys
from contextlib import ExitStack
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from ..config import Config
from ..errors import DyadwatchError
from .options import day_option
from .root import app

err = Console(stderr=True, highlight=False)

EXIT_CODES = (
    "Exit codes: 0 every document was coded; 1 some documents were skipped (each is named "
    "and counted); 2 nothing usable was given, or a usage or output error."
)


def exit_status(usable: int, skipped: int) -> int:
    """The exit code of a run that coded or stored ``usable`` documents and skipped
    ``skipped``: 0 all well, 1 some skipped, 2 nothing usable."""
    if usable == 0:
        return 2
    return 1 if skipped else 0


def parse_date(value: str | None) -> str | None:
    """Check a --date option: YYYY-MM-DD and a real date."""
    day_option(value)
    return value


class Progress:
    """A spinner with running counts on a terminal; silent when piped or quiet."""

    def __init__(self, stack: ExitStack, quiet: bool, explain: bool = False):
        self.coded = self.skipped = self.events = 0
        self.explain = explain
        self.bar = None
        if not quiet and err.is_terminal:
            from rich.progress import Progress as Bar
            from rich.progress import SpinnerColumn, TextColumn

            self.bar = stack.enter_context(Bar(SpinnerColumn(), TextColumn("{task.description}"),
                                               console=err, transient=True))  # fmt: skip
            self.task = self.bar.add_task("coding")

    def __call__(self, outcome) -> None:
        if outcome.error is not None:
            self.skipped += 1
            err.print(f"skipped {outcome.error}", markup=False, soft_wrap=True)
        else:
            self.coded += 1
            self.events += len(outcome.events)
            if self.explain:
                for event in outcome.events:
                    err.print(explanation(event), markup=False, soft_wrap=True)
        if self.bar is not None:
            self.bar.update(self.task, description=f"coded {self.coded} documents, "
                                                   f"{self.events} events")  # fmt: skip


def explanation(event) -> str:
    """One line on an event and the coder's named steps that decided it."""
    recipient = event.recipient.code if event.recipient else "-"
    return (f"{event.doc_id}: {event.event} {event.actor.code}>{recipient} "
            f"[{event.event_text}] {event.date} ({event.date_precision}): "
            + ", ".join(event.steps))  # fmt: skip


@app.command("code", epilog=EXIT_CODES)
def code_command(
    inputs: Annotated[list[str], typer.Argument(help="JSONL, .txt or .html files, directories, or - for stdin")],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="write events here (JSONL; a directory of Parquet with --engine dask) instead of stdout")] = None,
    date: Annotated[str | None, typer.Option("--date", callback=parse_date, help="publication date (YYYY-MM-DD) for inputs without one")] = None,
    actors: Annotated[list[Path] | None, typer.Option("--actors", help="extra actor list (CSV, TSV or YAML); repeatable")] = None,
    triggers: Annotated[list[Path] | None, typer.Option("--triggers", help="extra trigger list (the triggers.tsv format, see docs/lexicons.md); repeatable")] = None,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="at most this many worker processes (default: one per core); small inputs are coded in this process")] = os.cpu_count() or 1,
    resume: Annotated[bool, typer.Option("--resume", help="skip documents an earlier, interrupted run already wrote to --output")] = False,
    engine: Annotated[str, typer.Option("--engine", help="local (worker processes) or dask (Parquet partitions by event month)")] = "local",
    scheduler: Annotated[str | None, typer.Option("--scheduler", help="Dask scheduler address, e.g. tcp://host:8786 (with --engine dask)")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="no progress or summary")] = False,
    explain: Annotated[bool, typer.Option("--explain", help="print each event with the coder's steps that decided it (stderr)")] = False,
    keep_unrealised: Annotated[bool, typer.Option("--keep-unrealised", help="also write acts the text denies or only calls possible (factuality negated or hypothetical)")] = False,
) -> None:  # fmt: skip
    """Code news articles into PLOVER events (one JSON object per line)."""
    from ..outputs import check_output_file
    from ..read import read_inputs
    from ..scale import code_stream, run_jsonl
    from ..scale.runs import event_lines

    config = Config(actors=list(actors or []), triggers=list(triggers or []),
                    keep_unrealised=keep_unrealised)  # fmt: skip
    if engine not in ("local", "dask"):
        raise typer.BadParameter(f"unknown engine {engine!r}: use local or dask")
    if (resume or engine == "dask") and output is None:
        raise typer.BadParameter("--resume and --engine dask need --output")
    try:
        if engine == "dask":
            status = _code_dask(inputs, output, date, scheduler, config, workers, resume, quiet)
            if status:
                raise typer.Exit(status)
            return
        if output is not None:
            check_output_file(output, make_parents=True)
        with ExitStack() as stack:
            progress = Progress(stack, quiet, explain)
            items = read_inputs(inputs, date=date, config=config)
            if output is not None:
                summary = run_jsonl(items, output, config=config, workers=workers,
                                    resume=resume, on_outcome=progress)  # fmt: skip
                already = summary.skipped
            else:
                already = 0
                for outcome in code_stream(items, config, workers=workers):
                    outcome, lines = event_lines(outcome)
                    progress(outcome)
                    sys.stdout.buffer.write(lines)
                    sys.stdout.buffer.flush()
    except DyadwatchError as exc:
        err.print(f"error: {exc}", markup=False, soft_wrap=True)
        raise typer.Exit(2) from exc
    if not quiet:
        done = f", {already} already coded" if already else ""
        err.print(f"coded {progress.coded} documents, skipped {progress.skipped}{done}; "
                  f"{progress.events} events", markup=False, soft_wrap=True)  # fmt: skip
    status = exit_status(progress.coded + already, progress.skipped)
    if status:
        raise typer.Exit(status)


def _code_dask(inputs: list[str], output: Path, date: str | None, scheduler: str | None,
               config: Config, workers: int, resume: bool, quiet: bool) -> int:  # fmt: skip
    """Run the Dask engine; returns the exit status."""
    from ..scale.dask_run import run_dask

    summary = run_dask(inputs, output, scheduler=scheduler, config=config, workers=workers,
                       resume=resume, date=date)  # fmt: skip
    for line in summary.errors:
        err.print(f"skipped {line}", markup=False, soft_wrap=True)
    if not quiet:
        done = f", {summary.done_before} already coded" if summary.done_before else ""
        err.print(f"coded {summary.documents} documents, skipped {summary.error_count}{done}; "
                  f"{summary.events} events in {summary.partitions} partitions under {output}",
                  markup=False, soft_wrap=True)  # fmt: skip
    return exit_status(summary.documents + summary.done_before, summary.error_count)
