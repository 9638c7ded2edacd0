"""Store commands: `ingest`, `remerge`, `show`, `dyad`, `dyads`, `report`, `export`, `bench-store`."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..errors import DyadwatchError
from . import app
from .code import EXIT_CODES, exit_status

out = Console(highlight=False)
err = Console(stderr=True, highlight=False)

DbOption = Annotated[Path, typer.Option("--db", help="the DuckDB store")]
DEFAULT_DB = Path("dyadwatch.duckdb")
SPARK = "▁▂▃▄▅▆▇█"


def _day(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from exc


def _fail(exc: DyadwatchError) -> typer.Exit:
    err.print(f"error: {exc}", markup=False, soft_wrap=True)
    return typer.Exit(2)


@app.command("ingest", epilog=EXIT_CODES)
def ingest_command(
    inputs: Annotated[list[str] | None, typer.Argument(help="documents to code and store (JSONL, .txt, .html, directories); event JSONL is detected")] = None,
    events: Annotated[list[Path] | None, typer.Option("--events", help="`dyadwatch code` output to store as is; repeatable")] = None,
    db: DbOption = DEFAULT_DB,
    date: Annotated[str | None, typer.Option("--date", help="publication date (YYYY-MM-DD) for inputs without one")] = None,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="documents per transaction")] = 200,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="worker processes (default: the number of cores)")] = os.cpu_count() or 1,
    actors: Annotated[list[Path] | None, typer.Option("--actors", help="extra actor list (CSV, TSV or YAML); repeatable")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q")] = False,
) -> None:  # fmt: skip
    """Code documents and store them (or store coded events); re-ingesting is a no-op.

    The store is opened only to commit each batch, so `dyad` and `report` can read it while
    a long ingest codes the next batch.
    """
    from ..config import Config
    from ..store import IngestStats, from_event_records
    from ..store.connection import check_store_path
    from ..store.load import is_event_file, load_event_records
    from ..store.writer import ingest_released

    _day(date)
    event_files = list(events or [])
    docs = []
    for item in inputs or []:
        if is_event_file(Path(item)):
            event_files.append(Path(item))
        else:
            docs.append(item)
    if not event_files and not docs:
        raise typer.BadParameter("give documents to code or --events FILE")
    stats = IngestStats()
    try:
        check_store_path(db)
        for path in event_files:
            good = load_event_records(path, stats.errors)
            stats.add(ingest_released(db, from_event_records(good), batch_size))
        if docs:
            from ..pipeline import code_items
            from ..read import read_inputs

            config = Config(actors=list(actors or []))
            outcomes = code_items(read_inputs(docs, date=date, config=config), config,
                                  workers=workers)  # fmt: skip
            stats.add(ingest_released(db, outcomes, batch_size))
    except DyadwatchError as exc:
        raise _fail(exc) from exc
    for message in stats.errors:
        err.print(f"[yellow]skipped[/] {escape(message)}", soft_wrap=True)
    stored = stats.added + stats.replaced + stats.unchanged
    if not quiet:
        err.print(f"{stats.added} documents added, {stats.replaced} replaced, {stats.unchanged} "
                  f"unchanged, {len(stats.errors)} skipped; {stats.mentions} mentions; "
                  f"{stats.dyads} dyads re-merged", markup=False, soft_wrap=True)  # fmt: skip
    status = exit_status(stored, len(stats.errors))
    if status:
        raise typer.Exit(status)


@app.command("remerge")
def remerge_command(db: DbOption = DEFAULT_DB) -> None:
    """Re-merge every dyad's mentions into events (ingest already re-merges what it touches)."""
    from ..store import StoreWriter

    try:
        with StoreWriter(db) as writer:
            n = writer.remerge_all()
            writer.optimize()
    except DyadwatchError as exc:
        raise _fail(exc) from exc
    err.print(f"re-merged {n} dyads", markup=False)


@app.command("show")
def show_command(
    event_id: Annotated[str, typer.Argument(help="a merged event id or one of its mention ids")],
    db: DbOption = DEFAULT_DB,
    as_json: Annotated[bool, typer.Option("--json", help="print JSON")] = False,
) -> None:  # fmt: skip
    """Show a merged event, its sources and their evidence, and why they were merged."""
    from ..store import StoreReader

    try:
        with StoreReader(db) as reader:
            record = reader.event(event_id)
            mentions = reader.mentions_of(record["id"]) if record else []
    except DyadwatchError as exc:
        raise _fail(exc) from exc
    if record is None:
        err.print(f"error: no event {event_id!r} in {db}", markup=False)
        raise typer.Exit(1)
    if as_json:
        sys.stdout.write(json.dumps({"event": record, "mentions": mentions}, ensure_ascii=False, indent=2) + "\n")
        return
    actor, recipient = record.get("actor") or {}, record.get("recipient") or {}
    out.print(escape(f"{record['id']}  {record.get('date')} ({record.get('date_precision')})  "
                     f"{actor.get('code')} → {recipient.get('code')}  {record['event']} "
                     f"mode={record.get('mode')}  quad {record.get('quad_code')}  "
                     f"intensity {record.get('intensity')}"), style="bold")  # fmt: skip
    out.print(f"corroboration: {record.get('corroboration', 1)} documents; confidence {record.get('confidence')}", markup=False)
    for reason in record.get("stated_reasons") or []:
        out.print(f"stated reason ({reason['doc_id']}): {reason['text']}", markup=False)
    if record.get("in_response_to"):
        out.print("in response to: " + ", ".join(record["in_response_to"]), markup=False)
    for m in mentions:
        doc = m["document"]
        out.print(f"\n[bold]{escape(m['doc_id'])}[/] {escape(doc.get('outlet') or '')} "
                  f"{escape(doc.get('url') or '')}")  # fmt: skip
        out.print(f"  {m['event']} “{m['evidence']['text']}”", markup=False)
    if record.get("merge"):
        out.print("\n[bold]why merged[/]")
        for step in record["merge"]:
            checks = "; ".join(c["detail"] for c in step["checks"])
            out.print(f"  {step['mention']} ({step['doc_id']}) with {step['anchor']}: {checks}", markup=False)


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


@app.command("dyad")
def dyad_command(
    a: Annotated[str, typer.Argument(help="one side: country code (RUS) or finer code (RUSGOV)")],
    b: Annotated[str, typer.Argument(help="the other side")],
    db: DbOption = DEFAULT_DB,
    date_from: Annotated[str | None, typer.Option("--from", help="first day (YYYY-MM-DD)")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="last day (YYYY-MM-DD)")] = None,
    limit: Annotated[int, typer.Option("--limit", min=0, help="list the latest N events (0: all); series use all")] = 1000,
    as_json: Annotated[bool, typer.Option("--json", help="print the whole view as JSON")] = False,
) -> None:  # fmt: skip
    """Events between two actors both ways, their series, response links, reciprocity and alerts."""
    from ..analysis.dyad import dyad_view
    from ..store import StoreReader

    try:
        with StoreReader(db) as reader:
            view = dyad_view(reader, a, b, _day(date_from), _day(date_to), limit)
    except DyadwatchError as exc:
        raise _fail(exc) from exc
    if as_json:
        sys.stdout.write(json.dumps(view.to_dict(), ensure_ascii=False) + "\n")
        return
    table = Table(title=escape(f"{view.dyad[0]} and {view.dyad[1]}: {view.total_events} events"))
    for col, width in (("date", 10), ("direction", 9), ("event", 9), ("quad", 4),
                       ("intensity", 5), ("sources", 3)):  # fmt: skip
        table.add_column(col, no_wrap=True, min_width=width)
    table.add_column("evidence", no_wrap=True)
    room = max(20, out.size.width - 84)  # what the other columns and the borders leave
    for e in view.events[-50:]:
        direction = e["direction"] + (f" via {e['via']}" if e.get("via") else "")
        cells = (str(e.get("date")), direction, e["event"], str(e.get("quad_code")),
                 str(e.get("intensity")), str(e.get("corroboration", len(e.get("sources") or []))),
                 _clip(" ".join(((e.get("evidence") or {}).get("text") or "").split()), room))  # fmt: skip
        table.add_row(*(escape(c) for c in cells))
    out.print(table)
    for link in view.links[-20:]:
        out.print(f"{link.kind}: {link.source} responds to {link.target} ({link.evidence})", markup=False)
    for key, value in view.reciprocity.items():
        if isinstance(value, dict):
            out.print(f"reciprocity {key}: r={value['r']} slope={value['slope']} over {value['n_weeks']} weeks", markup=False)
    for alert in view.alerts[-10:]:
        out.print(f"[red]alert[/] {escape(str(alert['period']))} {escape(alert['direction'])}: "
                  f"conflict {alert['value']} "
                  f"(baseline {alert['baseline_mean']} ± {alert['baseline_std']})")  # fmt: skip


@app.command("dyads")
def dyads_command(
    db: DbOption = DEFAULT_DB,
    top: Annotated[int, typer.Option("--top", min=1, help="how many dyads")] = 10,
    weeks: Annotated[int, typer.Option("--weeks", min=2, help="weeks in the trend")] = 8,
) -> None:  # fmt: skip
    """The most active dyads in the store, with their weekly trend."""
    from ..store import StoreReader

    try:
        with StoreReader(db) as reader:
            rows = reader.top_dyads(top, weeks)
    except DyadwatchError as exc:
        raise _fail(exc) from exc
    last = rows[0]["last_week"] if rows else "-"
    table = Table(title=f"Most active dyads (weeks up to {last})")
    for col in ("dyad", "events", "intensity", f"last {weeks} weeks", "trend"):
        table.add_column(col)
    for row in rows:
        weekly = row["weekly"]
        peak = max(weekly) or 1
        spark = "".join(SPARK[min(7, v * 8 // (peak + 1))] for v in weekly)
        half = len(weekly) // 2
        early, late = sum(weekly[:half]), sum(weekly[half:])
        trend = "↑" if late > early else "↓" if late < early else "→"
        table.add_row(escape(" – ".join(row["dyad"])), str(row["events"]), f"{row['intensity']:.1f}", spark, trend)
    out.print(table)


@app.command("report")
def report_command(
    a: Annotated[str, typer.Argument(help="one side")],
    b: Annotated[str, typer.Argument(help="the other side")],
    output: Annotated[Path, typer.Option("-o", "--output", help="the HTML file to write")] = Path("report.html"),
    db: DbOption = DEFAULT_DB,
    date_from: Annotated[str | None, typer.Option("--from")] = None,
    date_to: Annotated[str | None, typer.Option("--to")] = None,
    limit: Annotated[int, typer.Option("--limit", min=0, help="events in the timeline and table (0: all)")] = 1000,
) -> None:  # fmt: skip
    """Write a self-contained HTML report of a dyad (opens offline)."""
    from ..analysis.dyad import dyad_view
    from ..outputs import check_output_file
    from ..report import write_report
    from ..store import StoreReader

    try:
        check_output_file(output)
        with StoreReader(db) as reader:
            view = dyad_view(reader, a, b, _day(date_from), _day(date_to), limit)
        write_report(view, output)
    except DyadwatchError as exc:
        raise _fail(exc) from exc
    except OSError as exc:
        raise _fail(DyadwatchError(f"{output}: cannot write ({exc.strerror or exc})")) from exc
    err.print(f"wrote {output} ({view.total_events} events)", markup=False)


@app.command("export")
def export_command(
    fmt: Annotated[str, typer.Option("--format", help="jsonl, csv, parquet or plover")] = "jsonl",
    output: Annotated[Path | None, typer.Option("-o", "--output", help="file to write (stdout if left out; parquet needs one)")] = None,
    db: DbOption = DEFAULT_DB,
) -> None:  # fmt: skip
    """Export the merged events."""
    from ..outputs import check_output_file
    from ..store import StoreReader
    from ..store.export import EXPORTERS

    if fmt not in EXPORTERS:
        raise typer.BadParameter(f"unknown format {fmt!r}; choose from {', '.join(EXPORTERS)}")
    if fmt == "parquet" and output is None:
        raise typer.BadParameter("parquet needs -o PATH")
    try:
        if output is not None:
            check_output_file(output)
        with StoreReader(db) as reader:
            if output is None:
                n = EXPORTERS[fmt](reader.iter_records(), sys.stdout.buffer)
                sys.stdout.buffer.flush()
            else:
                with output.open("wb") as fh:
                    n = EXPORTERS[fmt](reader.iter_records(), fh)
    except DyadwatchError as exc:
        raise _fail(exc) from exc
    except OSError as exc:
        raise _fail(DyadwatchError(f"{output}: cannot write ({exc.strerror or exc})")) from exc
    err.print(f"exported {n} events", markup=False)


@app.command("bench-store")
def bench_store_command(
    db: Annotated[Path, typer.Option("--db", help="synthetic store (built if absent)")] = Path("synthetic.duckdb"),
    events: Annotated[int, typer.Option("--events", min=1, help="events in a new synthetic store")] = 10_000_000,
    runs: Annotated[int, typer.Option("--runs", min=1)] = 5,
    record: Annotated[Path | None, typer.Option("--record", help="add the figures to this benchmarks.md")] = None,
) -> None:  # fmt: skip
    """Time `dyad` on a synthetic store of many events (seeded, built with DuckDB)."""
    from ..evaluate.benchdoc import record_run
    from ..store.bench import markdown, run_benchmark

    try:
        result = run_benchmark(db, events, runs=runs)
    except DyadwatchError as exc:
        raise _fail(exc) from exc
    body = markdown(result)
    out.print(body, markup=False)
    if record is not None:
        command = f"dyadwatch bench-store --db {db} --events {events} --runs {runs} --record {record}"
        record_run(record, "dyad-query", "Dyad query speed", command, body)
