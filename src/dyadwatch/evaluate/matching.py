"""The rule that says a predicted event matches a gold event (shared/gold/README.md).

A prediction matches a gold event of the same document when:

- its PLOVER type is the gold type or one of its alternatives;
- its actor matches the gold source, and its recipient the gold target (any recipient
  where the gold names no target), by code or by country: the gold codes and their first
  three letters against the actor's code and country and their first three letters; a gold
  target longer than three letters may also be named inside the recipient's code, country
  or name ("Caspian Pipeline Consortium");
- its date is close and specific: the predicted span (a day; a month, a week or a year
  when its precision says so) must overlap the gold span widened by ``date_tol`` days, and
  a span of more than a month (a year) or no date never matches a gold event with a date.
"""

from __future__ import annotations

import datetime as dt

from ..model import Actor, Event
from .goldfile import GoldEvent
from .spans import date_span

COUNTED_FACTUALITY = ("asserted", "reported")
# A predicted span may cover a whole month (31 days) but no more.
MAX_SPAN_DAYS = 31


def gold_keys(codes: list[str]) -> set[str]:
    """Every gold code in upper case, and its first three letters (its country)."""
    keys: set[str] = set()
    for code in codes:
        if code:
            keys.update((code.upper(), code.upper()[:3]))
    return keys


def actor_keys(actor: Actor | None) -> set[str]:
    """What a predicted actor can match on: code and country (whole and first three
    letters), and its name (or, without one, its text) in upper case."""
    if actor is None:
        return set()
    keys: set[str] = set()
    for value in (actor.code, actor.country):
        if value:
            keys.update((value.upper(), value.upper()[:3]))
    name = (actor.name or actor.text or "").upper()
    if name:
        keys.add(name)
    return keys


def source_matches(event: Event, gold: GoldEvent) -> bool:
    """Whether the prediction's actor matches the gold source or one of its alternatives."""
    return bool(gold_keys(gold.sources) & actor_keys(event.actor))


def target_matches(event: Event, gold: GoldEvent) -> bool:
    """Whether the prediction's recipient matches the gold target (always, without one)."""
    wanted = gold_keys(gold.targets)
    if not wanted:
        return True
    have = actor_keys(event.recipient)
    if wanted & have:
        return True
    names = [w for w in wanted if len(w) > 3]
    return any(name in key for name in names for key in have)


def date_matches(event: Event, gold: GoldEvent) -> bool:
    """Whether the prediction's date is close to and as specific as the gold one needs."""
    gold_span = date_span(gold.date)
    if gold_span is None:
        return True
    span = date_span(event.date, event.date_precision)
    if span is None or (span[1] - span[0]).days > MAX_SPAN_DAYS:
        return False
    tolerance = dt.timedelta(days=gold.date_tol)
    return span[0] <= gold_span[1] + tolerance and span[1] >= gold_span[0] - tolerance


def matches(event: Event, gold: GoldEvent, dates: bool = True) -> bool:
    """Whether `event` matches `gold` by the rule above (`dates` False: dates ignored)."""
    return (
        event.doc_id == gold.doc
        and event.event in gold.types
        and source_matches(event, gold)
        and target_matches(event, gold)
        and (not dates or date_matches(event, gold))
    )


def is_forbidden_hit(event: Event, gold: GoldEvent) -> bool:
    """Whether `event` states a forbidden gold event as fact (asserted or reported), dates
    ignored: a hedged act must not come out as a fact on any day."""
    return (
        gold.status == "forbidden"
        and event.factuality in COUNTED_FACTUALITY
        and matches(event, gold, dates=False)
    )
