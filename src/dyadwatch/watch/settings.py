"""What `dyadwatch watch` follows and how: sources, fetching manners, alerts.

Settings come from a TOML file (see docs/watch.md) and from the command line. Every field
has a default and a help text; an unknown key or a value of the wrong kind is an
InputError naming the file and the key.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from .. import __version__
from ..errors import InputError
from .urls import is_web_url

KINDS = ("feed", "page", "folder")
USER_AGENT = f"dyadwatch/{__version__} (event data from news; honours robots.txt)"


def _opt(default: object, help: str) -> object:
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class Source:
    """One thing to poll: an RSS/Atom feed, an article page, or a folder files are dropped in."""

    kind: str
    location: str
    interval: float = 900.0
    language: str | None = None
    outlet: str | None = None

    @property
    def name(self) -> str:
        """The key the source's state is kept under: ``kind:location``."""
        return f"{self.kind}:{self.location}"


@dataclass
class FetchSettings:
    """Manners and limits of the HTTP client."""

    user_agent: str = _opt(USER_AGENT, "User-Agent sent with every request and read in robots.txt")
    timeout: float = _opt(20.0, "seconds to wait for a connection or for data")
    retries: int = _opt(3, "retries after a timeout, a connection error, a 5xx or a 429")
    backoff: float = _opt(1.0, "first retry delay in seconds; doubled each retry, with jitter")
    max_backoff: float = _opt(60.0, "longest delay between retries, Retry-After included")
    per_host_delay: float = _opt(1.0, "seconds between two requests to the same host")
    max_bytes: int = _opt(
        5_000_000, "a page or feed larger than this is refused (read stops there)"
    )
    max_redirects: int = _opt(5, "redirects followed before a fetch fails")
    concurrency: int = _opt(16, "requests in flight at once, over all hosts")
    robots: bool = _opt(True, "honour robots.txt (Disallow and Crawl-delay)")


@dataclass
class AlertSettings:
    """Where alerts go and which ones fire."""

    jsonl: Path | None = field(
        default=None, metadata={"help": "append each alert to this JSON Lines file"}
    )
    webhook: str | None = _opt(None, "POST each alert as JSON to this URL")
    webhook_timeout: float = _opt(10.0, "seconds to wait for the webhook's answer")
    dyads: tuple[tuple[str, str], ...] = _opt((), "watched dyads; none means every dyad")
    min_intensity: float | None = _opt(
        None, "alert on an event at least this intense (|intensity|)"
    )
    escalation: bool = _opt(True, "alert when a dyad's escalation test flags a week")
    responses: bool = _opt(True, "alert when a new explicit response link appears")
    since: dt.date | None = field(
        default=None,
        metadata={"help": "no escalation or intensity alert for events before this day"},
    )


@dataclass
class WatchSettings:
    """Everything one watch run needs besides the store."""

    sources: list[Source] = field(default_factory=list)
    fetch: FetchSettings = field(default_factory=FetchSettings)
    alerts: AlertSettings = field(default_factory=AlertSettings)
    since: dt.date | None = field(
        default=None,
        metadata={"help": "take only items published (files changed) on or after this day"},
    )
    batch_size: int = _opt(32, "documents coded and stored per transaction")
    merge_every: float = _opt(
        60.0,
        "seconds between merges of new mentions into events "
        "within one long cycle (a cycle always merges at its end)",
    )
    settle: float = _opt(2.0, "seconds a dropped file must stay unchanged before it is read")
    max_pages: int = _opt(20, "archive pages of a paged feed followed when backfilling")
    max_item_failures: int = _opt(5, "failed fetches of one article before it is given up")
    retry_base: float = _opt(
        30.0,
        "seconds before a failed source or article is tried again; "
        "doubled each failure in a row, at most the poll interval",
    )


def load_settings(path: Path) -> WatchSettings:
    """Read a watch configuration file (TOML); raises InputError naming the file and key."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise InputError(f"cannot read the configuration ({e.strerror or e})", doc=str(path)) from e
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise InputError(f"not valid TOML ({e})", doc=str(path)) from e
    return settings_from_dict(data, str(path), base=path.parent)


def settings_from_dict(data: dict[str, Any], where: str, base: Path = Path(".")) -> WatchSettings:
    """Build settings from the parsed TOML tables ``watch``, ``fetch``, ``alerts``, ``source``."""
    _known(data, {"watch", "fetch", "alerts", "source"}, where, "top level")
    settings = WatchSettings(**_fields(WatchSettings, data.get("watch", {}), where, "watch"))
    settings.fetch = FetchSettings(**_fields(FetchSettings, data.get("fetch", {}), where, "fetch"))
    alerts = _fields(AlertSettings, data.get("alerts", {}), where, "alerts")
    if alerts.get("jsonl") is not None:
        alerts["jsonl"] = base / alerts["jsonl"]
    settings.alerts = AlertSettings(**alerts)
    raw_sources = data.get("source", [])
    if not isinstance(raw_sources, list):
        raise InputError("[[source]] must be an array of tables", doc=where)
    settings.sources = [source_from_dict(s, where, base, n) for n, s in enumerate(raw_sources, 1)]
    return settings


def source_from_dict(raw: Any, where: str, base: Path, n: int) -> Source:
    """One ``[[source]]`` table: exactly one of ``feed``, ``page`` or ``folder``."""
    label = f"source {n}"
    if not isinstance(raw, dict):
        raise InputError(f"{label} must be a table", doc=where)
    _known(raw, {*KINDS, "interval", "language", "outlet"}, where, label)
    kinds = [k for k in KINDS if k in raw]
    if len(kinds) != 1:
        raise InputError(f"{label} needs exactly one of feed, page or folder", doc=where)
    kind = kinds[0]
    location = raw[kind]
    if not isinstance(location, str) or not location.strip():
        raise InputError(f"{label}: {kind} must be a non-empty string", doc=where)
    if kind == "folder":
        location = str((base / location).resolve())
    elif not is_web_url(location):
        raise InputError(f"{label}: {location!r} is not an http(s) URL", doc=where)
    interval = _number(raw.get("interval", 900.0), where, f"{label}.interval")
    if interval <= 0:
        raise InputError(f"{label}.interval must be positive", doc=where)
    extra = {k: raw.get(k) for k in ("language", "outlet")}
    for key, value in extra.items():
        if value is not None and not isinstance(value, str):
            raise InputError(f"{label}.{key} must be a string", doc=where)
    return Source(kind, location.strip(), interval, extra["language"], extra["outlet"])


def _known(table: Any, allowed: set[str], where: str, label: str) -> None:
    if not isinstance(table, dict):
        raise InputError(f"{label} must be a table", doc=where)
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise InputError(f"unknown key {unknown[0]!r} in {label} "
                         f"(known: {', '.join(sorted(allowed))})", doc=where)  # fmt: skip


def _number(value: Any, where: str, key: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InputError(f"{key} must be a number", doc=where)
    return float(value)


def _fields(cls: type, table: Any, where: str, label: str) -> dict[str, Any]:
    """Check a settings table against the dataclass ``cls`` and convert its values."""
    kinds = {f.name: f for f in fields(cls) if "help" in f.metadata}
    _known(table, set(kinds), where, f"[{label}]")
    out: dict[str, Any] = {}
    for key, value in table.items():
        default = kinds[key].default
        name = f"{label}.{key}"
        if key in ("since",):
            out[key] = _day(value, where, name)
        elif key == "dyads":
            out[key] = _dyads(value, where, name)
        elif key in ("jsonl",):
            out[key] = Path(_string(value, where, name))
        elif isinstance(default, bool):
            if not isinstance(value, bool):
                raise InputError(f"{name} must be true or false", doc=where)
            out[key] = value
        elif isinstance(default, int):
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise InputError(f"{name} must be a whole number, 0 or more", doc=where)
            out[key] = value
        elif isinstance(default, float) or key == "min_intensity":
            out[key] = _number(value, where, name)
        else:
            out[key] = _string(value, where, name)
    return out


def _string(value: Any, where: str, key: str) -> str:
    if not isinstance(value, str):
        raise InputError(f"{key} must be a string", doc=where)
    return value


def _day(value: Any, where: str, key: str) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    try:
        return dt.date.fromisoformat(_string(value, where, key))
    except ValueError as e:
        raise InputError(f"{key}: {value!r} is not a date YYYY-MM-DD", doc=where) from e


def _dyads(value: Any, where: str, key: str) -> tuple[tuple[str, str], ...]:
    """``[["RUS", "KAZ"], ...]`` or ``["RUS-KAZ", ...]``."""
    if not isinstance(value, list):
        raise InputError(f"{key} must be a list of pairs", doc=where)
    out = []
    for item in value:
        pair = item.split("-") if isinstance(item, str) else item
        if (not isinstance(pair, list) or len(pair) != 2
                or not all(isinstance(p, str) and p.strip() for p in pair)):  # fmt: skip
            raise InputError(f'{key}: {item!r} is not a pair like ["RUS", "KAZ"]', doc=where)
        out.append((pair[0].strip().upper(), pair[1].strip().upper()))
    return tuple(out)


def help_table() -> list[tuple[str, str, str]]:
    """(table.key, default, help) for every setting, for the docs and ``--help``."""
    rows = []
    for label, cls in (
        ("watch", WatchSettings),
        ("fetch", FetchSettings),
        ("alerts", AlertSettings),
    ):
        for f in fields(cls):
            if "help" in f.metadata:
                rows.append((f"{label}.{f.name}", repr(f.default), f.metadata["help"]))
    return rows
