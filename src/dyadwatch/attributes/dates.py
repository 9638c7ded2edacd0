"""When an event happened: date expressions found once per document, then looked up per event.

Rules are the project's own. Explicit calendar dates ("July 6", "17 June 2022", "2022-07-06")
are read directly; the rare numeric forms ("7/6/2022") go to dateparser, cached. Offsets such
as "two days earlier" or "the next day" count from the anchor (the last explicit date before
them in the document, else the publication date); "yesterday", "last week", "six months ago"
and weekday names count from the publication date.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, lru_cache
from pathlib import Path

import dateparser
from spacy.tokens import Doc, Span, Token

from ..errors import DataError, InputError

DATA = Path(__file__).parent / "data"
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
FORWARD = {"later", "after", "afterwards", "afterward", "next", "following", "subsequent"}
BACKWARD = {"earlier", "before", "prior", "previous", "preceding", "ago"}
VAGUE_COUNT = 3  # "days later", "a few weeks earlier": a count of about three
CURRENT = timedelta(days=31)  # a named day this close to publication belongs to the story
LATE_MARGIN = timedelta(days=62)  # a bare "June 17" may not lie further after publication
EMBEDDING_DEPS = {"relcl", "acl", "appos"}  # a clause or apposition about another thing
SPAN_PREPOSITIONS = {"since", "until", "till"}  # "since 2020" times a state, not an act
NON_TEMPORAL_DEPS = {"compound", "nummod", "amod"}  # "the 1995 agreement": a name, not a date
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"}
CLAUSE_DEPS = {"ccomp", "advcl", "relcl", "conj", "parataxis", "acl"}
WORD_RE = re.compile(r"[a-z]+|\d+(?:[.,]\d+)*")
ISO_RE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
NUMERIC_RE = re.compile(r"\b\d{1,2}[/.]\d{1,2}[/.]\d{4}\b")


def read_tsv(path: Path, columns: int) -> Iterator[tuple[int, list[str]]]:
    """Yield (line number, fields) for each data line of a tab-separated file.

    Needs a file of ``columns`` tab-separated fields per line; ``#`` lines and blank lines are
    skipped. Raises DataError naming the file and line for a missing file or a bad line.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise DataError(f"{path}: cannot read: {e}") from e
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != columns or not fields[0].strip():
            raise DataError(f"{path}, line {number}: expected {columns} tab-separated fields")
        yield number, [f.strip() for f in fields]


@cache
def date_words() -> dict[str, tuple[str, int]]:
    """Month, weekday and time-unit words from data/date_words.tsv: word -> (kind, value)."""
    path = DATA / "date_words.tsv"
    words: dict[str, tuple[str, int]] = {}
    for number, (word, kind, value) in read_tsv(path, 3):
        if kind not in ("month", "weekday", "unit", "part") or not value.isdigit():
            raise DataError(f"{path}, line {number}: bad kind {kind!r} or value {value!r}")
        words[word.lower()] = (kind, int(value))
    return words


@cache
def number_words() -> dict[str, tuple[str, float]]:
    """Number words from data/numbers.tsv: word -> (kind, value), kind number|scale|range."""
    path = DATA / "numbers.tsv"
    words: dict[str, tuple[str, float]] = {}
    for number, (word, kind, value) in read_tsv(path, 3):
        if kind not in ("number", "scale", "range"):
            raise DataError(f"{path}, line {number}: bad kind {kind!r}")
        try:
            words[word.lower()] = (kind, float(value))
        except ValueError as e:
            raise DataError(f"{path}, line {number}: bad value {value!r}") from e
    return words


@dataclass(frozen=True)
class DateValue:
    """A date at some precision: ``date`` is YYYY-MM-DD, YYYY-MM or YYYY."""

    date: str
    precision: str

    @classmethod
    def of(cls, day: date, precision: str) -> DateValue:
        """The value of ``day`` cut to ``precision`` (day, month or year; a week is named by
        its last day)."""
        text = {"day": day.isoformat(), "week": day.isoformat(), "month": day.isoformat()[:7],
                "year": str(day.year)}  # fmt: skip
        return cls(text[precision], precision)

    def first_day(self) -> date:
        """The first day the value covers."""
        parts = [int(p) for p in self.date.split("-")] + [1, 1]
        return date(parts[0], parts[1], parts[2])


@dataclass(frozen=True)
class DateMention:
    """A date expression in the text (token and character offsets) and what it resolves to."""

    start: int
    end: int
    start_char: int
    end_char: int
    value: DateValue
    relative: bool
    text: str
    noun: int | None = None  # the noun a date before it names ("the June 17 remarks")
    aside: bool = False  # in a relative clause or apposition, or opening a span ("since 2020")


@dataclass(frozen=True)
class Expr:
    """What a date expression says, before anchoring: see ``parse_expression``."""

    kind: str  # calendar | offset | pub | pubmonth | pubyear | weekday
    year: int | None = None
    month: int | None = None
    day: int | None = None
    precision: str = "day"
    amount: int = 0  # days for offset/pub, months for pubmonth, years for pubyear
    base: str = "anchor"  # offset only: anchor | pub


def _coarsest(*precisions: str) -> str:
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


def _offset(words: list[str]) -> Expr | None:
    """'two days earlier', 'the next day', 'six months ago', 'last week', 'recent weeks'."""
    units = [(i, date_words()[w][1]) for i, w in enumerate(words)
             if date_words().get(w, ("", 0))[0] == "unit"]  # fmt: skip
    if not units:
        return None
    at, length = units[-1]
    rest = set(words)
    if rest & {"past", "recent", "last", "this", "coming", "current"} and not rest & {"ago"}:
        plural_past = bool(rest & {"past", "recent"}) and words[at].endswith("s")
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
    if words[0] in ("next", "following", "previous", "prior", "preceding") or (
        words[0] == "the" and len(words) > 1 and words[1] in FORWARD | BACKWARD
    ):
        count, exact = 1, True
    if words[at - 1 if at else 0] == "the" and words[-1] in ("before", "after"):
        count, exact = 1, True  # "the day before", "the week after"
    precision = "day" if length < 30 else "month" if length == 30 else "year"
    if length == 7 and count == 1 and words[0] in ("next", "following", "the"):
        precision = "month"  # "the following week": the week is not a day
    if not exact:
        precision = _coarsest(precision, "month")
    if "ago" in rest:
        if length == 30:
            return Expr("pubmonth", amount=-count, precision="month")
        if length == 365:
            return Expr("pubyear", amount=-count, precision="year")
        return Expr("offset", amount=-count * length, precision=precision, base="pub")
    return Expr("offset", amount=direction * count * length, precision=precision)


@lru_cache(maxsize=4096)
def _dateparser(text: str) -> date | None:
    """An explicit numeric calendar date read by dateparser (cached: one call per string)."""
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
    if "this" in words and set(words) & {"morning", "afternoon", "evening"}:
        return Expr("pub")
    kinds = date_words()
    months = [kinds[w][1] for w in words if kinds.get(w, ("", 0))[0] == "month"]
    years = [int(w) for w in words if len(w) == 4 and w.isdigit() and 1800 <= int(w) <= 2100]
    if not months and not years:
        weekdays = [kinds[w][1] for w in words if kinds.get(w, ("", 0))[0] == "weekday"]
        if weekdays:
            return Expr("weekday", day=weekdays[0], amount=1 if "next" in words else 0)
        return _offset(words)
    if set(words) & (FORWARD | BACKWARD | {"ago"}) and any(kinds.get(w, ("", 0))[0] == "unit"
                                                          for w in words):  # fmt: skip
        return _offset(words)
    year = years[0] if years else None
    if not months:
        return Expr("calendar", year, precision="year")
    days = [int(w) for w in words if w.isdigit() and len(w) <= 2 and 1 <= int(w) <= 31]
    vague = set(words) & {"early", "late", "mid", "end", "beginning", "start", "middle"}
    if days and not vague:
        return Expr("calendar", year, months[0], days[0])
    return Expr("calendar", year, months[0], precision="month")


def _resolve(expr: Expr, anchor: DateValue | None, pub: date | None) -> DateValue | None:
    """The value of ``expr`` given the anchor and publication date (None when it has no base)."""
    base_day = anchor.first_day() if anchor else pub
    if expr.kind == "calendar":
        year = expr.year
        if year is None:
            # "On July 21": the year of the last full date, else of publication ("in 1999"
            # alone does not make a later "July 21" one of 1999)
            if anchor is not None and anchor.precision == "year" and pub is not None:
                base_day = pub
            if base_day is None:
                return None
            year = base_day.year
            probe = date(year, expr.month or 1, 1)
            if pub and probe - LATE_MARGIN > pub:
                year -= 1
        if expr.month is None:
            return DateValue(str(year), "year")
        if expr.day is None:
            return DateValue(f"{year:04d}-{expr.month:02d}", "month")
        last = calendar.monthrange(year, expr.month)[1]
        return DateValue.of(date(year, expr.month, min(expr.day, last)), "day")
    if expr.kind == "offset":
        start = pub if expr.base == "pub" else base_day
        if start is None:
            return None
        precision = expr.precision
        if expr.base == "anchor" and anchor:
            precision = _coarsest(precision, anchor.precision)
        return DateValue.of(start + timedelta(days=expr.amount), precision)
    if pub is None:
        return None
    if expr.kind == "pub":
        return DateValue.of(pub + timedelta(days=expr.amount), expr.precision)
    if expr.kind == "pubmonth":
        months = pub.year * 12 + pub.month - 1 + expr.amount
        return DateValue.of(date(months // 12, months % 12 + 1, 1), expr.precision)
    if expr.kind == "pubyear":
        return DateValue(str(pub.year + expr.amount), "year")
    if expr.kind == "weekday":
        back = (pub.weekday() - (expr.day or 0)) % 7
        if expr.amount:
            return DateValue.of(pub + timedelta(days=(7 - back) % 7 or 7), "day")
        return DateValue.of(pub - timedelta(days=back), "day")
    return None


def _parse_publication(publication_date: str | None) -> date | None:
    if not publication_date:
        return None
    try:
        return date.fromisoformat(publication_date[:10])
    except ValueError as e:
        raise InputError(f"publication date {publication_date!r} is not YYYY-MM-DD") from e


def _candidates(doc: Doc) -> list[Span]:
    """DATE and TIME entities, plus month, weekday and offset words the tagger left out."""
    spans = [e for e in doc.ents if e.label_ in ("DATE", "TIME")]
    covered = {t.i for s in spans for t in s}
    kinds = date_words()
    for token in doc:
        if token.i in covered:
            continue
        lower = token.lower_
        kind = kinds.get(lower, ("", 0))[0]
        start = end = token.i
        if kind in ("month", "weekday") and token.text[:1].isupper() and len(lower) > 3:
            if kind == "month":
                if start > 0 and doc[start - 1].like_num and len(doc[start - 1]) <= 2:
                    start -= 1
                if end + 1 < len(doc) and doc[end + 1].like_num and len(doc[end + 1]) <= 2:
                    end += 1
                if end + 2 < len(doc) and doc[end + 1].text == "," and len(doc[end + 2]) == 4:
                    end += 2
                elif end + 1 < len(doc) and doc[end + 1].is_digit and len(doc[end + 1]) == 4:
                    end += 1
        elif lower in ("yesterday", "today", "tomorrow"):
            pass
        elif kind == "unit" and any(c.dep_ == "prep" and c.lower_ in ("after", "before")
                                    for c in token.children):  # fmt: skip
            start = token.left_edge.i  # "(two) days after the explosion"
        elif kind == "unit" and start > 0 and doc[start - 1].lower_ in (
            "next", "following", "previous", "preceding", "prior"
        ):
            # "The next day" the tagger missed (often at the start of a paragraph)
            start -= 1
            if start > 0 and doc[start - 1].lower_ == "the":
                start -= 1
        elif lower in ("later", "earlier", "ago"):
            units = [c for c in token.lefts if kinds.get(c.lower_, ("", 0))[0] == "unit"]
            if not units:
                continue
            start = units[0].left_edge.i
        else:
            continue
        if any(i in covered for i in range(start, end + 1)):
            continue
        covered.update(range(start, end + 1))
        spans.append(doc[start : end + 1])
    return sorted(spans, key=lambda s: s.start)


def _modified_noun(span: Span) -> Token | None:
    """The noun a date modifies ("a July 6 explosion", "the 1995 agreement"), else None."""
    root = span.root
    if root.dep_ in NON_TEMPORAL_DEPS | {"nmod", "poss"} and root.head.i not in range(span.start, span.end):
        return root.head
    return None


def is_aside(root: Token) -> bool:
    """Whether a date hangs in a relative clause or apposition, or opens a span: an aside to
    the sentence's own time ("Norway, which joined in 1994, ...", "since 2020")."""
    if root.dep_ == "pobj" and root.head.lower_ in SPAN_PREPOSITIONS:
        return True
    return any(node.dep_ in EMBEDDING_DEPS for node in [root, *root.ancestors])


def _is_time_noun(noun: Token) -> bool:
    """"the morning of July 6", "a day": nouns that are themselves times."""
    return date_words().get(noun.lower_, ("", 0))[0] in ("unit", "part")


def _is_temporal(span: Span, expr: Expr) -> bool:
    """False for a year or month that modifies a noun ("the 1995 agreement", "last year's
    war": a name); a day before a noun dates it ("the June 17 remarks", "Monday's raid")."""
    noun = _modified_noun(span)
    if noun is None or date_words().get(noun.lower_, ("", 0))[0] == "unit":
        return True
    return expr.kind in ("weekday", "pub") or expr.kind == "calendar" and expr.day is not None


def _event_offset(span: Span, noun_dates: dict[str, DateValue]) -> DateValue | None:
    """"Days after the explosion": an offset from the date the text gave that event before."""
    root = span.root
    # "days after the explosion" (the prep under the unit) or "two weeks before it" (above it)
    for prep in [*root.children, root.head]:
        if prep.dep_ != "prep" or prep.lower_ not in ("after", "before"):
            continue
        for obj in prep.children:
            base = noun_dates.get(obj.lemma_.lower()) if obj.dep_ == "pobj" else None
            expr = _offset(WORD_RE.findall(f"{span.text} {prep.lower_}".lower()))
            if base is None or expr is None or expr.kind != "offset":
                continue
            day = base.first_day() + timedelta(days=expr.amount)
            return DateValue.of(day, _coarsest(expr.precision, base.precision))
    return None


def clause_tokens(token: Token) -> set[int]:
    """Token indices of the clause of an event triggered at ``token``.

    The trigger's subtree and its verb head's subtree within the sentence, without the
    clauses below (ccomp, advcl, relcl, conj ...) that have their own subject.
    """
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    roots = [token, verb]
    if verb.dep_ in ("xcomp", "conj") and not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        roots.append(verb.head)
    path = {t.i for t in token.ancestors} | {token.i}
    seen: set[int] = set()
    stack = list(roots)
    while stack:
        node = stack.pop()
        if node.i in seen:
            continue
        seen.add(node.i)
        for child in node.children:
            own_clause = child.dep_ in CLAUSE_DEPS and any(
                c.dep_ in SUBJECT_DEPS for c in child.children
            )
            if own_clause and child.i not in path:
                continue
            stack.append(child)
    return seen


class DocumentDates:
    """Every date expression of a document, resolved in reading order, and per-event lookup."""

    def __init__(self, doc: Doc, publication_date: str | None):
        """Find and resolve the dates of ``doc`` (parsed); raises InputError for a bad date."""
        self.doc = doc
        self.publication = _parse_publication(publication_date)
        self.mentions: list[DateMention] = []
        self._roots: list[int] = []
        self._by_sentence: dict[int, list[int]] = {}
        self._sent_starts = [s.start for s in doc.sents]
        breaks = [m.start() for m in re.finditer(r"\n", doc.text)]
        self._paragraph = [bisect_right(breaks, doc[s].idx) for s in self._sent_starts]
        anchor: DateValue | None = None
        noun_dates: dict[str, DateValue] = {}  # event nouns the text dated: "explosion"
        for span in _candidates(doc):
            value, expr = _event_offset(span, noun_dates), None
            if value is None:
                expr = parse_expression(span.text)
                if expr is None or not _is_temporal(span, expr):
                    continue
                value = _resolve(expr, anchor, self.publication)
            if value is None:
                continue
            noun = _modified_noun(span)
            if noun is not None and noun.pos_ in ("NOUN", "VERB"):
                noun_dates[noun.lemma_.lower()] = value
            named = noun if noun is not None and not _is_time_noun(noun) else None
            relative = expr is None or expr.kind != "calendar"
            aside = is_aside(span.root)
            if not relative and not aside and (named is None or self._current(value)):
                # an aside sets no narrative time, nor does a date that names an old thing
                # ("the November 9, 2020 statement"); "a July 6 explosion" of the current
                # episode does ("two days earlier" counts from it)
                anchor = value
            self.mentions.append(DateMention(
                span.start, span.end, span.start_char, span.end_char, value, relative, span.text,
                named.i if named is not None else None, aside,
            ))  # fmt: skip
            self._roots.append(span.root.i)
            sentence = self.sentence_index(span.start)
            self._by_sentence.setdefault(sentence, []).append(len(self.mentions) - 1)

    def _current(self, value: DateValue) -> bool:
        """Whether a day lies in the current episode: within CURRENT days before publication."""
        if self.publication is None or value.precision != "day":
            return False
        return self.publication - CURRENT <= value.first_day() <= self.publication

    def sentence_index(self, i: int) -> int:
        """The number of the sentence that holds token ``i``."""
        return bisect_right(self._sent_starts, i) - 1

    def sentence_mentions(self, token: Token) -> list[int]:
        """Indices (into ``mentions``) of the date mentions in the sentence of ``token``."""
        return self._by_sentence.get(self.sentence_index(token.i), [])

    def root(self, k: int) -> Token:
        """The syntactic head token of mention ``k``."""
        return self.doc[self._roots[k]]

    def paragraph(self, i: int) -> int:
        """The paragraph number of the sentence that holds token ``i``."""
        return self._paragraph[self.sentence_index(i)]

    def latest_before(self, token: Token) -> int | None:
        """The last mention before ``token`` that sets the narrative's time, or None."""
        for k in range(len(self.mentions) - 1, -1, -1):
            mention = self.mentions[k]
            if mention.start < token.i and mention.noun is None and not mention.aside:
                return k
        return None
