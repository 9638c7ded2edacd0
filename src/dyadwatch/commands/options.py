"""Option values shared by several commands."""

from __future__ import annotations

import datetime as dt

import typer


def day_option(value: str | None) -> dt.date | None:
    """A YYYY-MM-DD option as a date (None stays None); a bad one is a usage error."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from exc
