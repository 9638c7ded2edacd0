"""Fixtures of the watch tests: one loaded coder, the demo articles."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import pytest

from dyadwatch.watch import LazyCoder


@pytest.fixture(scope="session")
def lazy(coder) -> LazyCoder:
    """The session's coder, as the watcher takes it."""
    return LazyCoder(coder.config, coder)


@pytest.fixture(scope="session")
def demo() -> list[dict[str, Any]]:
    """The project's demo articles (id, date, title, text ...)."""
    text = resources.files("dyadwatch.demo").joinpath("articles.jsonl").read_text("utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]
