"""Store commands: `ingest`, `remerge`, `show`, `dyad`, `dyads`, `report`, `export`, `bench-store`."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..errors import DyadwatchError
from .code import EXIT_CODES, exit_status
from .options import day_option
from .root import app

if TYPE_CHECKING:
    from ..store import IngestStats

out = Console(highlight=False)
err = Console(stderr=True, highlight=False)

DbOption = Annotated[Path, typer.Option("--db", help="the DuckDB store")]
WidthOption = Annotated[
    int | None, typer.Option("--width", min=40, help="table width (default: the terminal's)")
]
DEFAULT_DB = Path("dyadwatch.duckdb")
SPARK = "▁▂▃▄▅▆▇█"


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
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="at most this many worker processes (default: one per core); small inputs are coded in this process")] = os.cpu_count() or 1,
    actors: Annotated[list[Path] | None, typer.Option("--actors", help="extra actor list (CSV, TSV or YAML); repeatable")] = None,
    triggers: Annotated[list[Path] | None, typer.Option("--triggers", help="extra trigger list (the triggers.tsv format, see docs/lexicons.md); repeatable")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q")] = False,
) -> None:  # fmt: skip
    """Code documents and store them (or store coded events); re-ingesting is a no-op.

    The store is opened only to commit each batch, so `dyad` and `report` can read it while
    a long ingest codes the next batch.
    """
    from ..store import IngestStats, from_event_records
    from ..store.connection import check_store_path
    from ..store.load import load_event_records
    from ..store.writer import ingest_released

    day_option(date)
    event_files, docs = _split_inputs(inputs or [], events or [])
    stats = IngestStats()
    try:
        check_store_path(db)
        for path in event_files:
            good = load_event_records(path, stats.errors)
            stats.add(ingest_released(db, from_event_records(good), batch_size))
        if docs:
            _ingest_documents(db, docs, stats, date=date, batch_size=batch_size, workers=workers,
                              actors=actors or [], triggers=triggers or [])  # fmt: skip
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


def _split_inputs(inputs: list[str], events: list[Path]) -> tuple[list[Path], list[str]]:
    """Event files (given with --events or detected among the inputs) and documents to code."""
    from ..store.load import is_event_file

    event_files = list(events)
    docs = []
    for item in inputs:
        if is_event_file(Path(item)):
            event_files.append(Path(item))
        else:
            docs.append(item)
    if not event_files and not docs:
        raise typer.BadParameter("give documents to code or --events FILE")
    return event_files, docs


def _ingest_documents(db: Path, docs: list[str], stats: IngestStats, *, date: str | None, batch_size: int,
                      workers: int, actors: list[Path], triggers: list[Path]) -> None:  # fmt: skip
    """Code the documents not stored unchanged and store them, counting into ``stats``."""
    from ..config import Config
    from ..pipeline import Unseen, code_items
    from ..read import read_inputs
    from ..store.writer import ingest_released, stored_hashes

    config = Config(actors=list(actors), triggers=list(triggers))
    known = stored_hashes(db)
    # unchanged documents are not coded again
    fresh = Unseen(lambda doc: known.get(doc.id) == doc.content_hash)
    outcomes = code_items(fresh(read_inputs(docs, date=date, config=config)), config,
                          workers=workers)  # fmt: skip
    stats.add(ingest_released(db, outcomes, batch_size))
    stats.unchanged += fresh.skipped


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
        sys.stdout.write(
            json.dumps({"event": record, "mentions": mentions}, ensure_ascii=False, indent=2) + "\n"
        )
        return
    actor, recipient = record.get("actor") or {}, record.get("recipient") or {}
    out.print(escape(f"{record['id']}  {record.get('date')} ({record.get('date_precision')})  "
                     f"{actor.get('code')} → {recipient.get('code')}  {record['event']} "
                     f"mode={record.get('mode')}  quad {record.get('quad_code')}  "
                     f"intensity {record.get('intensity')}"), style="bold")  # fmt: skip
    by_doc: dict[str, list[dict]] = {}
    for m in mentions:
        by_doc.setdefault(m["doc_id"], []).append(m)
    out.print(f"corroboration: {len(by_doc)} documents, {len(mentions)} mentions; "
              f"confidence {record.get('confidence')}", markup=False)  # fmt: skip
    for reason in record.get("stated_reasons") or []:
        out.print(f"stated reason ({reason['doc_id']}): {reason['text']}", markup=False)
    if record.get("in_response_to"):
        out.print("in response to: " + ", ".join(record["in_response_to"]), markup=False)
    for doc_id, group in by_doc.items():
        doc = group[0]["document"]
        out.print(f"\n[bold]{escape(doc_id)}[/] {escape(doc.get('outlet') or '')} "
                  f"{escape(doc.get('url') or '')}".rstrip())  # fmt: skip
        for m in group:
            out.print(f"  {m['event']} {quote(m['evidence']['text'])}", markup=False)
            if m.get("steps"):
                out.print("    coder steps: " + ", ".join(m["steps"]), markup=False)
    if record.get("merge"):
        out.print("\n[bold]why merged[/]")
        for step in record["merge"]:
            checks = "; ".join(c["detail"] for c in step["checks"])
            out.print(
                f"  {step['mention']} ({step['doc_id']}) with {step['anchor']}: {checks}",
                markup=False,
            )


def quote(text: str) -> str:
    """Evidence on one line between curly quotes, without a quote mark left open at an end."""
    text = " ".join(text.split())
    marks = '"\u201c\u201d'
    if sum(text.count(c) for c in marks) % 2 and text[:1] in marks:
        text = text[1:].lstrip()
    if sum(text.count(c) for c in marks) % 2 and text[-1:] in marks:
        text = text[:-1].rstrip()
    return f"\u201c{text}\u201d"


@app.command("dyad")
def dyad_command(
    a: Annotated[str, typer.Argument(help="one side: a country's name, demonym or code (Armenia, Armenian, ARM), a finer code (RUSGOV) or an organisation (NATO)")],
    b: Annotated[str, typer.Argument(help="the other side")],
    db: DbOption = DEFAULT_DB,
    date_from: Annotated[str | None, typer.Option("--from", help="first day (YYYY-MM-DD)")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="last day (YYYY-MM-DD)")] = None,
    limit: Annotated[int, typer.Option("--limit", min=0, help="list the latest N events (0: all); series use all")] = 1000,
    as_json: Annotated[bool, typer.Option("--json", help="print the whole view as JSON")] = False,
    width: WidthOption = None,
) -> None:  # fmt: skip
    """Events between two actors both ways, their series, response links, reciprocity and alerts."""
    from ..actors.names import resolve_side
    from ..analysis.dyad import dyad_view
    from ..analysis.timeline import span_words
    from ..store import StoreReader

    try:
        a, b = resolve_side(a), resolve_side(b)
        with StoreReader(db) as reader:
            view = dyad_view(reader, a, b, day_option(date_from), day_option(date_to), limit)
    except DyadwatchError as exc:
        raise _fail(exc) from exc
    if as_json:
        sys.stdout.write(json.dumps(view.to_dict(), ensure_ascii=False) + "\n")
        return
    console = Console(highlight=False, width=width) if width else out
    table = Table(title=escape(f"{view.dyad[0]} and {view.dyad[1]}: {view.total_events} events"),
                  expand=True, box=box.SIMPLE_HEAD, pad_edge=False)  # fmt: skip
    for col in ("date", "direction", "event", "quad", "intensity", "sources"):
        table.add_column(col, no_wrap=True, min_width=len(col))
    table.add_column("evidence", overflow="fold", ratio=1, min_width=12)
    for e in view.events[-50:]:
        direction = e["direction"] + (f"\nvia {e['via']}" if e.get("via") else "")
        table.add_row(f"{e.get('date')}\n{e.get('date_precision')}", direction, e["event"],
                      str(e.get("quad_code")), str(e.get("intensity")),
                      str(e.get("corroboration", len(e.get("sources") or []))),
                      " ".join(((e.get("evidence") or {}).get("text") or "").split()))  # fmt: skip
    console.print(table)
    when = {e["id"]: span_words(e.get("date"), e.get("date_precision")) for e in view.events}
    for link in view.links[-20:]:
        console.print(f"{link.kind}: {link.source} ({when.get(link.source)}) responds to "
                      f"{link.target} ({when.get(link.target)}): {link.evidence}", markup=False)  # fmt: skip
    for value in view.reciprocity.values():
        if isinstance(value, dict):
            console.print(f"reciprocity: {value['summary']}", markup=False)
    for alert in view.alerts[-10:]:
        console.print(f"[red]alert[/] {escape(alert['explanation'])}")


@app.command("dyads")
def dyads_command(
    db: DbOption = DEFAULT_DB,
    top: Annotated[int, typer.Option("--top", min=1, help="how many dyads")] = 10,
    weeks: Annotated[int, typer.Option("--weeks", min=2, help="weeks in the trend")] = 8,
    width: WidthOption = None,
) -> None:  # fmt: skip
    """The most active dyads in the store, with their weekly trend."""
    from ..store import StoreReader

    try:
        with StoreReader(db) as reader:
            rows = reader.top_dyads(top, weeks)
    except DyadwatchError as exc:
        raise _fail(exc) from exc
    last = rows[0]["last_week"] if rows else "-"
    table = Table(
        title=f"Most active dyads (weeks up to {last}; trend: events dated to the day or week)"
    )
    for col in ("dyad", "events", "intensity", f"last {weeks} weeks", "trend"):
        table.add_column(col)
    for row in rows:
        weekly = row["weekly"]
        peak = max(weekly) or 1
        spark = "".join(SPARK[min(7, v * 8 // (peak + 1))] for v in weekly)
        half = len(weekly) // 2
        early, late = sum(weekly[:half]), sum(weekly[half:])
        trend = "↑" if late > early else "↓" if late < early else "→"
        table.add_row(
            escape(" – ".join(row["dyad"])),
            str(row["events"]),
            f"{row['intensity']:.1f}",
            spark,
            trend,
        )
    (Console(highlight=False, width=width) if width else out).print(table)


@app.command("report")
def report_command(
    a: Annotated[str, typer.Argument(help="one side: a country's name, demonym or code, or a finer code")],
    b: Annotated[str, typer.Argument(help="the other side")],
    output: Annotated[Path, typer.Option("-o", "--output", help="the HTML file to write")] = Path("report.html"),
    db: DbOption = DEFAULT_DB,
    date_from: Annotated[str | None, typer.Option("--from")] = None,
    date_to: Annotated[str | None, typer.Option("--to")] = None,
    limit: Annotated[int, typer.Option("--limit", min=0, help="events in the timeline and table (0: all)")] = 1000,
) -> None:  # fmt: skip
    """Write a self-contained HTML report of a dyad (opens offline)."""
    from ..actors.names import resolve_side
    from ..analysis.dyad import dyad_view
    from ..outputs import check_output_file
    from ..report import write_report
    from ..store import StoreReader

    try:
        check_output_file(output)
        a, b = resolve_side(a), resolve_side(b)
        with StoreReader(db) as reader:
            view = dyad_view(reader, a, b, day_option(date_from), day_option(date_to), limit)
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
    from ..analysis.bench import markdown, run_benchmark
    from ..evaluate.benchdoc import record_run

    try:
        result = run_benchmark(db, events, runs=runs)
    except DyadwatchError as exc:
        raise _fail(exc) from exc
    body = markdown(result)
    out.print(body, markup=False)
    if record is not None:
        command = (
            f"dyadwatch bench-store --db {db} --events {events} --runs {runs} --record {record}"
        )
        record_run(record, "dyad-query", "Dyad query speed", command, body)
