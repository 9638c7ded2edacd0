"""Gold dates as spans of days (see dyadwatch/datespan.py), checked the way the gold rule
reads them."""

from __future__ import annotations

import re

from ..datespan import Span, date_span

_GOLD_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def check_gold_date(date: str) -> Span:
    """The span of a gold date (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``); ValueError if bad."""
    found = date_span(date) if _GOLD_DATE.fullmatch(date) else None
    if found is None:
        raise ValueError(f"date {date!r} is not YYYY-MM-DD, YYYY-MM or YYYY")
    return found


def span_days(span: Span) -> int:
    """How many days `span` covers."""
    return (span[1] - span[0]).days + 1
