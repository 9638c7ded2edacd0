"""Helpers of the watch tests: quick settings, serving articles, reading the store."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import pytest
from watch_site import Site, html_page, page_reply

from dyadwatch.watch.settings import FetchSettings, Source, WatchSettings

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "seeds.jsonl"


def quick(sources: list[Source], **changes: Any) -> WatchSettings:
    """Settings for tests: no per-host delay, short timeouts, tiny backoff, retry at once."""
    fetch = FetchSettings(timeout=1.5, retries=1, backoff=0.01, max_backoff=2.0,
                          per_host_delay=0.0, max_bytes=1_000_000)  # fmt: skip
    settings = WatchSettings(sources=sources, fetch=fetch, settle=0.0, retry_base=0.0)
    for key, value in changes.items():
        setattr(settings, key, value)
    return settings


def serve(site: Site, articles: list[dict[str, Any]], prefix: str = "/news") -> list[str]:
    """Put each article on its own page; returns the page URLs."""
    urls = []
    for a in articles:
        path = f"{prefix}/{a['id']}.html"
        site.routes[path] = page_reply(html_page(a["title"], a["date"], a["text"]), f'"{a["id"]}"')
        urls.append(site.url(path))
    return urls


def items(articles: list[dict[str, Any]], urls: list[str]) -> list[tuple[str, str, str]]:
    return [(a["title"], u, a["date"]) for a, u in zip(articles, urls, strict=True)]


def rows(db: Path, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def count(db: Path, table: str) -> int:
    return rows(db, f"SELECT count(*) FROM {table}")[0][0]


def seeds_path() -> Path:
    """The shared seed articles; skips the test when ../shared is absent."""
    if not SEEDS.is_file():
        pytest.skip(f"{SEEDS} is not available")
    return SEEDS
