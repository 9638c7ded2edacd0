"""Dates as spans of days: the one reading of a contract date that merging, the store, the
analysis and the evaluation share.

A date covers a span: ``YYYY-MM-DD`` one day, ``YYYY-MM`` its month, ``YYYY`` its year. A
precision widens a fuller date: ``month`` to its month, ``year`` to its year, and ``week`` to
the seven days that end on the date (a "last week" known only to the week).
"""

from __future__ import annotations

import datetime as dt

Span = tuple[dt.date, dt.date]


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
