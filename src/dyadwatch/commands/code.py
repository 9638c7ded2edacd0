"""`dyadwatch code`: read documents, code them, write one event per line."""

from __future__ import annotations

import json
import sys
from contextlib import ExitStack
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from ..config import Config
from ..errors import DyadwatchError
from . import app

err = Console(stderr=True, highlight=False)


def parse_date(value: str | None) -> str | None:
    """Check a --date option: YYYY-MM-DD and a real date."""
    if value is None:
        return None
    import datetime as dt

    try:
        dt.date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from exc
    return value


@app.command("code")
def code_command(
    inputs: Annotated[list[str], typer.Argument(help="JSONL, .txt or .html files, directories, or - for stdin")],
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="write events here (JSONL) instead of stdout")] = None,
    date: Annotated[Optional[str], typer.Option("--date", callback=parse_date, help="publication date (YYYY-MM-DD) for inputs without one")] = None,
    actors: Annotated[Optional[list[Path]], typer.Option("--actors", help="extra actor list (CSV, TSV or YAML); repeatable")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="no progress bar or summary")] = False,
) -> None:  # fmt: skip
    """Code news articles into PLOVER events (one JSON object per line)."""
    from ..pipeline import code_items
    from ..read import read_inputs

    config = Config(actors=list(actors or []))
    coded = skipped = n_events = 0
    try:
        with ExitStack() as stack:
            out = stack.enter_context(output.open("w", encoding="utf-8")) if output else sys.stdout
            progress = None
            if not quiet and err.is_terminal:
                from rich.progress import Progress, SpinnerColumn, TextColumn

                progress = stack.enter_context(Progress(SpinnerColumn(), TextColumn("{task.description}"),
                                                        console=err, transient=True))  # fmt: skip
                task = progress.add_task("coding")
            for outcome in code_items(read_inputs(inputs, date=date, config=config), config):
                if outcome.error is not None:
                    skipped += 1
                    err.print(f"[yellow]skipped[/] {outcome.error}", markup=True, soft_wrap=True)
                    continue
                coded += 1
                for event in outcome.events:
                    out.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
                    n_events += 1
                if progress is not None:
                    progress.update(task, description=f"coded {coded} documents, {n_events} events")
    except DyadwatchError as exc:
        err.print(f"error: {exc}", markup=False)
        raise typer.Exit(2) from exc
    if not quiet:
        err.print(f"coded {coded} documents, skipped {skipped}; {n_events} events", markup=False)
    if coded == 0 and skipped > 0:
        raise typer.Exit(1)
