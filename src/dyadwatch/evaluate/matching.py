"""The rule that says a predicted event matches a gold event.

A prediction matches a gold event of the same document when its PLOVER type is the gold
type or an alternative, its actor and recipient match the gold source and target (by whole
code or by country), and its date interval comes within ``date_tol`` days of the gold one.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ..model import Event
from .codes import any_code_matches

if TYPE_CHECKING:
    from .goldfile import GoldEvent

COUNTED_FACTUALITY = ("asserted", "reported")


def date_interval(date: str | None, precision: str | None) -> tuple[dt.date, dt.date] | None:
    """First and last day that `date` covers (a day, its whole month, or its whole year).

    Needs ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; `precision` (day, month, year) widens a
    fuller date to its month or year. Returns None for no date; ValueError for a bad one.
    """
    if not date:
        return None
    parts = date.split("-")
    if len(parts) not in (1, 2, 3) or not all(p.isdigit() for p in parts):
        raise ValueError(f"date {date!r} is not YYYY-MM-DD, YYYY-MM or YYYY")
    year = int(parts[0])
    if precision == "year" or len(parts) == 1:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    month = int(parts[1])
    if precision == "month" or len(parts) == 2:
        first = dt.date(year, month, 1)
        following = dt.date(year + month // 12, month % 12 + 1, 1)
        return first, following - dt.timedelta(days=1)
    day = dt.date(year, month, int(parts[2]))
    return day, day


def interval_gap(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> int:
    """Days between two intervals; 0 when they overlap."""
    if a[1] < b[0]:
        return (b[0] - a[1]).days
    if b[1] < a[0]:
        return (a[0] - b[1]).days
    return 0


def date_gap(event: Event, gold: GoldEvent) -> int | None:
    """Days between the prediction's date interval and the gold one; None without a date."""
    try:
        predicted = date_interval(event.date, event.date_precision)
    except ValueError:
        return None
    if predicted is None:
        return None
    gold_span = date_interval(gold.date, None)
    return interval_gap(predicted, gold_span) if gold_span else None


def match_score(event: Event, gold: GoldEvent) -> float | None:
    """How well `event` matches `gold`: None for no match, higher for a closer one.

    A match needs the same document, the type (or an alternative), the actor on a source
    code, the recipient on a target code (any recipient where the gold has no target) and
    the date within tolerance. Exact primary type, exact codes and a closer date score more.
    """
    if event.doc_id != gold.doc or event.event not in gold.types:
        return None
    if not any_code_matches(event.actor, gold.sources):
        return None
    if gold.targets and not any_code_matches(event.recipient, gold.targets):
        return None
    gap = date_gap(event, gold)
    if gap is None or gap > gold.date_tol:
        return None
    score = 1.0
    score += 0.5 if event.event == gold.type else 0.0
    score += 0.25 if event.actor and event.actor.code == gold.source else 0.0
    score += 0.25 if event.recipient and event.recipient.code == gold.target else 0.0
    return score - gap / (10.0 * (gold.date_tol + 1))


def is_forbidden_hit(event: Event, gold: GoldEvent) -> bool:
    """Whether `event` states a forbidden gold event as fact (asserted or reported)."""
    return (
        gold.status == "forbidden"
        and event.factuality in COUNTED_FACTUALITY
        and match_score(event, gold) is not None
    )
