"""`dyadwatch watch`: follow feeds, pages and folders; `dyadwatch watch-log`: what it did."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from ..errors import DyadwatchError
from .options import day_option
from .root import app

out = Console(highlight=False)
err = Console(stderr=True, highlight=False)


def _fail(exc: DyadwatchError) -> typer.Exit:
    err.print(f"error: {exc}", markup=False, soft_wrap=True)
    return typer.Exit(2)


def _print_alert(payload: dict[str, Any]) -> None:
    out.print(
        f"[red]alert[/] {payload['kind']} {'–'.join(payload['dyad'])}: {payload['summary']}",
        soft_wrap=True,
    )
    for event in payload["events"]:
        links = ", ".join(s["url"] or s["doc_id"] for s in event["sources"])
        out.print(
            f"  {event['date']} {event['event']} “{event['evidence']}” ({links})",
            markup=False,
            soft_wrap=True,
        )


def _print_log(entry: Any) -> None:
    detail = f"  ({entry.detail})" if entry.detail else ""
    err.print(f"{entry.action} {entry.item or entry.source}{detail}", markup=False, soft_wrap=True)


class _Progress:
    """A spinner with the running counts on a terminal; one line per cycle otherwise."""

    def __init__(self, quiet: bool):
        self.quiet = quiet
        self.bar: Any = None
        if not quiet and err.is_terminal:
            from rich.progress import Progress, SpinnerColumn, TextColumn

            self.bar = Progress(SpinnerColumn(), TextColumn("{task.description}"), console=err,
                                transient=True)  # fmt: skip
            self.bar.start()
            self.task = self.bar.add_task("watching")

    def __call__(self, report: Any, message: str | None) -> None:
        if message is not None:
            err.print(message, style="yellow", markup=False, soft_wrap=True)
        if self.bar is not None:
            self.bar.update(self.task, description=(
                f"fetched {report.fetched} · coded {report.coded} · unchanged {report.unchanged} · "
                f"skipped {len(report.skipped)} · failed {len(report.failed)}"))  # fmt: skip
        if report.seconds and not self.quiet:
            for line in report.skipped + report.failed:
                err.print(f"skipped {line}", markup=False, soft_wrap=True)
            err.print(f"{report.summary()} ({report.seconds:.1f} s)", markup=False, soft_wrap=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


@app.command("watch")
def watch_command(
    config: Annotated[Path | None, typer.Option("--config", "-c", help="watch configuration (TOML; see docs/watch.md)")] = None,
    feeds: Annotated[list[str] | None, typer.Option("--feed", help="an RSS or Atom feed URL; repeatable")] = None,
    pages: Annotated[list[str] | None, typer.Option("--page", help="an article page URL to re-check; repeatable")] = None,
    folders: Annotated[list[Path] | None, typer.Option("--folder", help="a folder files are dropped into; repeatable")] = None,
    db: Annotated[Path, typer.Option("--db", help="the DuckDB store (events and watch state)")] = Path("dyadwatch.duckdb"),
    once: Annotated[bool, typer.Option("--once", help="poll every source once, then exit")] = False,
    since: Annotated[str | None, typer.Option("--since", help="take items published on or after this day (YYYY-MM-DD), following a paged feed's archive back to it")] = None,
    interval: Annotated[float, typer.Option("--interval", min=1, help="seconds between polls of command-line sources")] = 900.0,
    alerts_jsonl: Annotated[Path | None, typer.Option("--alerts", help="append alerts to this JSON Lines file")] = None,
    webhook: Annotated[str | None, typer.Option("--webhook", help="POST each alert to this URL")] = None,
    dyads: Annotated[list[str] | None, typer.Option("--dyad", help="watch only this dyad (RUS-KAZ); repeatable")] = None,
    min_intensity: Annotated[float | None, typer.Option("--min-intensity", help="alert on events at least this intense")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="print each run-log line as it is committed")] = False,
) -> None:  # fmt: skip
    """Follow feeds, pages and folders: code new articles into the store, raise alerts."""
    from ..watch import LazyCoder, Source, WatchSettings, load_settings, run_cycle, watch_forever
    from ..watch.settings import settings_from_dict
    from ..watch.urls import is_web_url

    try:
        settings = load_settings(config) if config else WatchSettings()
        for url in list(feeds or []) + list(pages or []):
            if not is_web_url(url):
                raise typer.BadParameter(f"{url!r} is not an http(s) URL")
        settings.sources += [Source("feed", u, interval) for u in feeds or []]
        settings.sources += [Source("page", u, interval) for u in pages or []]
        settings.sources += [Source("folder", str(f.resolve()), interval) for f in folders or []]
        if not settings.sources:
            raise typer.BadParameter("nothing to watch: give --feed, --page, --folder or --config")
        if since is not None:
            settings.since = day_option(since)
        alerts = settings.alerts
        alerts.jsonl = alerts_jsonl or alerts.jsonl
        alerts.webhook = webhook or alerts.webhook
        if dyads:
            alerts.dyads = settings_from_dict({"alerts": {"dyads": dyads}}, "--dyad").alerts.dyads
        if min_intensity is not None:
            alerts.min_intensity = min_intensity
        progress = _Progress(quiet)
        coder = LazyCoder()
        on_log = _print_log if verbose else None
        try:
            if once:
                run_cycle(db, settings, coder, force=True, progress=progress, printer=_print_alert,
                          on_log=on_log)  # fmt: skip
            else:
                watch_forever(db, settings, coder, progress=progress, printer=_print_alert,
                              on_log=on_log)  # fmt: skip
        finally:
            progress.close()
    except DyadwatchError as exc:
        raise _fail(exc) from exc
    except KeyboardInterrupt:
        err.print("stopped; the next run resumes where this one left off", markup=False)


@app.command("watch-log")
def watch_log_command(
    db: Annotated[Path, typer.Option("--db", help="the DuckDB store")] = Path("dyadwatch.duckdb"),
    limit: Annotated[int, typer.Option("--limit", min=1, help="the latest N lines")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="one JSON object a line")] = False,
) -> None:  # fmt: skip
    """What the watcher fetched, coded, skipped and why (its run log)."""
    from ..store.watchstate import read_log

    try:
        lines = read_log(db, limit)
    except DyadwatchError as exc:
        raise _fail(exc) from exc
    for e in lines:
        if as_json:
            out.print(json.dumps({"cycle": e.cycle, "at": e.at.isoformat() if e.at else None,
                                  "source": e.source, "item": e.item, "action": e.action,
                                  "detail": e.detail}), markup=False, soft_wrap=True)  # fmt: skip
        else:
            out.print(f"{e.at:%Y-%m-%d %H:%M:%S} {e.action:<13} {e.item or e.source}"
                      + (f"  ({e.detail})" if e.detail else ""), markup=False, soft_wrap=True)  # fmt: skip
