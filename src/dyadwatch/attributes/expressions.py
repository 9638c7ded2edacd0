"""What a date expression says, before it is anchored in a document: calendar dates,
offsets ("two days earlier", "six months ago"), weekdays and publication-relative words, and
the word tables (months, weekdays, time units, number words) they are read with.

Rules are the project's own; the rare numeric forms ("7/6/2022") go to dateparser, cached.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from pathlib import Path

from ..tables import fail, read_table, words

DATA = Path(__file__).parent / "data"
WORD_LISTS = DATA / "words.tsv"
WORD_VALUE_COLUMNS = ("word", "kind", "value")  # date_words.tsv and numbers.tsv
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
FORWARD = words(WORD_LISTS, "forward")
BACKWARD = words(WORD_LISTS, "backward")
VAGUE_COUNT = 3  # "days later", "a few weeks earlier": a count of about three
WORD_RE = re.compile(r"[a-z]+|\d+(?:[.,]\d+)*")
ISO_RE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
NUMERIC_RE = re.compile(r"\b\d{1,2}[/.]\d{1,2}[/.]\d{4}\b")
# "the past two weeks", "this month": counted from publication
NEAR_PUBLICATION = words(WORD_LISTS, "near_publication")
THIS_WEEK = words(WORD_LISTS, "this_week")  # "this week", "the past week": up to publication
# "the next day": a day counted from another
NEXT_OR_PREVIOUS = words(WORD_LISTS, "next_or_previous")
PARTS_OF_MONTH = words(WORD_LISTS, "parts_of_month")  # "early June": a part of a month, not a day
WEEK_OPENERS = words(WORD_LISTS, "week_openers")  # "the following week" is no day
DAY_PARTS = words(WORD_LISTS, "day_parts")  # "this morning"


@cache
def date_words() -> dict[str, tuple[str, int]]:
    """Month, weekday and time-unit words from data/date_words.tsv: word -> (kind, value)."""
    path = DATA / "date_words.tsv"
    words: dict[str, tuple[str, int]] = {}
    for number, row in read_table(path, required=WORD_VALUE_COLUMNS, allowed=WORD_VALUE_COLUMNS):
        word, kind, value = (row[c] for c in WORD_VALUE_COLUMNS)
        if not word or kind not in ("month", "weekday", "unit", "part") or not value.isdigit():
            raise fail(path, number, f"bad kind {kind!r} or value {value!r}")
        words[word.lower()] = (kind, int(value))
    return words


@cache
def number_words() -> dict[str, tuple[str, float]]:
    """Number words from data/numbers.tsv: word -> (kind, value), kind number|scale|range."""
    path = DATA / "numbers.tsv"
    words: dict[str, tuple[str, float]] = {}
    for number, row in read_table(path, required=WORD_VALUE_COLUMNS, allowed=WORD_VALUE_COLUMNS):
        word, kind, value = (row[c] for c in WORD_VALUE_COLUMNS)
        if not word or kind not in ("number", "scale", "range"):
            raise fail(path, number, f"bad kind {kind!r}")
        try:
            words[word.lower()] = (kind, float(value))
        except ValueError as e:
            raise fail(path, number, f"bad value {value!r}") from e
    return words


@dataclass(frozen=True)
class Expr:
    """What a date expression says, before anchoring: see ``parse_expression``."""

    kind: str  # calendar | offset | pub | pubweek | pubmonth | pubyear | weekday
    year: int | None = None
    month: int | None = None
    day: int | None = None
    precision: str = "day"
    amount: int = 0  # days for offset/pub, weeks for pubweek, months for pubmonth, years ...
    base: str = "anchor"  # offset only: anchor | pub


def coarsest(*precisions: str) -> str:
    return max(precisions, key=PRECISION_RANK.__getitem__)


def _count(words: list[str], at: int) -> tuple[int, bool]:
    """The count before the unit word at ``at``: (count, exact); a bare plural is vague."""
    numbers = number_words()
    if at > 0:
        before = words[at - 1]
        if before.isdigit():
            return int(before), True
        if before in numbers and numbers[before][0] == "number":
            exact = before not in ("several", "few")
            return int(numbers[before][1]), exact
    if words[at].endswith("s"):
        return VAGUE_COUNT, False
    return 1, True


def offset_expression(words: list[str]) -> Expr | None:
    """'two days earlier', 'the next day', 'six months ago', 'last week', 'recent weeks'."""
    units = [(i, date_words()[w][1]) for i, w in enumerate(words)
             if date_words().get(w, ("", 0))[0] == "unit"]  # fmt: skip
    if not units:
        return None
    at, length = units[-1]
    rest = set(words)
    if rest & NEAR_PUBLICATION and not rest & {"ago"}:
        plural_past = bool(rest & {"past", "recent"}) and words[at].endswith("s")
        if plural_past and length == 1:
            return Expr("pubweek", amount=0, precision="week")  # "in recent days"
        if length == 7 and not plural_past:
            # "this week", "last week", "next week": the calendar week, as a week
            ahead = "coming" in rest or bool(rest & FORWARD)
            amount = 0 if rest & THIS_WEEK else 1 if ahead else -1
            return Expr("pubweek", amount=amount, precision="week")
        if plural_past or rest & {"this", "current"}:
            return Expr("pubmonth", precision="year" if length == 365 else "month")
        if length == 365:
            return Expr("pubyear", amount=-1, precision="year")
        if length == 30:
            return Expr("pubmonth", amount=-1, precision="month")
        return Expr("pub", amount=-length, precision="month")
    if "same" in rest or "that" in rest and length == 1:
        return Expr("offset", amount=0, precision="day")
    direction = 1 if rest & FORWARD else -1 if rest & BACKWARD else 0
    if direction == 0:
        return None  # a duration ("for 30 days"), not a date
    count, exact = _count(words, at)
    if words[0] in NEXT_OR_PREVIOUS or (
        words[0] == "the" and len(words) > 1 and words[1] in FORWARD | BACKWARD
    ):
        count, exact = 1, True
    if words[at - 1 if at else 0] == "the" and words[-1] in ("before", "after"):
        count, exact = 1, True  # "the day before", "the week after"
    precision = "day" if length < 30 else "month" if length == 30 else "year"
    if length == 7 and count == 1 and words[0] in WEEK_OPENERS:
        precision = "month"  # "the following week": the week is not a day
    if not exact:
        precision = coarsest(precision, "month")
    if "ago" in rest:
        if length == 30:
            return Expr("pubmonth", amount=-count, precision="month")
        if length == 365:
            return Expr("pubyear", amount=-count, precision="year")
        return Expr("offset", amount=-count * length, precision=precision, base="pub")
    return Expr("offset", amount=direction * count * length, precision=precision)


@lru_cache(maxsize=4096)
def _dateparser(text: str) -> date | None:
    """An explicit numeric calendar date read by dateparser (cached: one call per string;
    imported here, as most documents have no numeric date and its import is slow)."""
    import dateparser

    found = dateparser.parse(text, languages=["en"],
                             settings={"REQUIRE_PARTS": ["day", "month", "year"]})  # fmt: skip
    return found.date() if found else None


@lru_cache(maxsize=4096)
def parse_expression(text: str) -> Expr | None:
    """What the date expression ``text`` says, or None when it is not a date.

    Needs the text of one expression ("on July 6", "two days earlier", "in early 2022").
    Returns an Expr: ``calendar`` (year may be None: taken later from the anchor), ``offset``
    from the anchor or the publication date, ``pub``/``pubmonth``/``pubyear`` offsets from
    the publication date, or ``weekday`` (day = 0 for Monday; amount 1 for "next").
    """
    iso = ISO_RE.search(text)
    if iso:
        return Expr("calendar", int(iso[1]), int(iso[2]), int(iso[3]))
    numeric = NUMERIC_RE.search(text)
    if numeric:
        found = _dateparser(numeric[0])
        return Expr("calendar", found.year, found.month, found.day) if found else None
    words = WORD_RE.findall(text.lower())
    if not words or re.search(r"\d{4}s\b|\bdecades?\b|\bcentur", text.lower()):
        return None
    single = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}
    for word in words:
        if word in single:
            return Expr("pub", amount=single[word])
    if "this" in words and set(words) & DAY_PARTS:
        return Expr("pub")
    kinds = date_words()
    months = [kinds[w][1] for w in words if kinds.get(w, ("", 0))[0] == "month"]
    years = [int(w) for w in words if len(w) == 4 and w.isdigit() and 1800 <= int(w) <= 2100]
    if not months and not years:
        weekdays = [kinds[w][1] for w in words if kinds.get(w, ("", 0))[0] == "weekday"]
        if weekdays:
            return Expr("weekday", day=weekdays[0], amount=1 if "next" in words else 0)
        return offset_expression(words)
    if set(words) & (FORWARD | BACKWARD | {"ago"}) and any(kinds.get(w, ("", 0))[0] == "unit"
                                                          for w in words):  # fmt: skip
        return offset_expression(words)
    year = years[0] if years else None
    if not months:
        return Expr("calendar", year, precision="year")
    days = [int(w) for w in words if w.isdigit() and len(w) <= 2 and 1 <= int(w) <= 31]
    vague = set(words) & PARTS_OF_MONTH
    if days and not vague:
        return Expr("calendar", year, months[0], days[0])
    return Expr("calendar", year, months[0], precision="month")
