"""Fixtures of the watch tests: one loaded coder, the demo articles, quick fetch settings."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import pytest

from dyadwatch.watch import LazyCoder
from dyadwatch.watch.settings import FetchSettings, Source, WatchSettings


@pytest.fixture(scope="session")
def lazy(coder) -> LazyCoder:
    """The session's coder, as the watcher takes it."""
    return LazyCoder(coder.config, coder)


@pytest.fixture(scope="session")
def demo() -> list[dict[str, Any]]:
    """The project's demo articles (id, date, title, text ...)."""
    text = resources.files("dyadwatch.demo").joinpath("articles.jsonl").read_text("utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def quick(sources: list[Source], **changes: Any) -> WatchSettings:
    """Settings for tests: no per-host delay, short timeouts, tiny backoff, retry at once."""
    fetch = FetchSettings(timeout=0.5, retries=1, backoff=0.01, max_backoff=2.0,
                          per_host_delay=0.0, max_bytes=1_000_000)  # fmt: skip
    settings = WatchSettings(sources=sources, fetch=fetch, settle=0.0, retry_base=0.0)
    for key, value in changes.items():
        setattr(settings, key, value)
    return settings
