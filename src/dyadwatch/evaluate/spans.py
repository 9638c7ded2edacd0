"""Dates as spans of days, the way the gold rule reads them.

A date covers a span: ``YYYY-MM-DD`` one day, ``YYYY-MM`` its month, ``YYYY`` its year. A
precision widens a fuller date: ``month`` to its month, ``year`` to its year, and ``week`` to
the seven days that end on the date (a "last week" known only to the week).
"""

from __future__ import annotations

import datetime as dt
import re

Span = tuple[dt.date, dt.date]

_GOLD_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def date_span(date: str | None, precision: str | None = None) -> Span | None:
    """First and last day that `date` covers at `precision`; None for no date or a bad one."""
    if not date:
        return None
    text = str(date)
    try:
        year = int(text[:4])
        if len(text) == 4 or precision == "year":
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        month = int(text[5:7])
        first = dt.date(year, month, 1)
        last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
        if len(text) == 7 or precision == "month":
            return first, last
        day = dt.date.fromisoformat(text[:10])
    except ValueError:
        return None
    if precision == "week":
        return day - dt.timedelta(days=6), day
    return day, day


def check_gold_date(date: str) -> Span:
    """The span of a gold date (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``); ValueError if bad."""
    found = date_span(date) if _GOLD_DATE.fullmatch(date) else None
    if found is None:
        raise ValueError(f"date {date!r} is not YYYY-MM-DD, YYYY-MM or YYYY")
    return found


def span_days(span: Span) -> int:
    """How many days `span` covers."""
    return (span[1] - span[0]).days + 1
