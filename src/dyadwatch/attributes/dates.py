"""When an event happened: date expressions found once per document and resolved in reading
order (what each expression says is read in ``expressions.py``).

Explicit calendar dates ("July 6", "17 June 2022", "2022-07-06") are read directly. Offsets such
as "two days earlier" or "the next day" count from the anchor (the last full date, weekday,
"yesterday" or "today" before them in the document, else the publication date: "expelled on
Wednesday. A day earlier" is Tuesday); "yesterday", "last week", "six months ago" and
weekday names count from the publication date. Which date an event takes is decided by the
named steps of ``eventdates.py``.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from ..errors import InputError
from ..nlp.sents import sentences, text_of, words_of
from ..tables import words
from .expressions import (
    WORD_RE,
    Expr,
    coarsest,
    date_words,
    offset_expression,
    parse_expression,
)

WORD_LISTS = Path(__file__).parent / "data" / "words.tsv"

CURRENT = timedelta(days=31)  # a named day this close to publication belongs to the story
LATE_MARGIN = timedelta(days=62)  # a bare "June 17" may not lie further after publication
EMBEDDING_DEPS = {"relcl", "acl", "appos"}  # a clause or apposition about another thing
SPAN_PREPOSITIONS = words(WORD_LISTS, "span_prepositions")  # "since 2020" times a state, not an act
NON_TEMPORAL_DEPS = {"compound", "nummod", "amod"}  # "the 1995 agreement": a name, not a date
# "the end of May", "the summer of 2022": a stretch of time, not a thing the date names
TIME_SPAN_NOUNS = words(WORD_LISTS, "time_span_nouns")
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"}
CLAUSE_DEPS = {"ccomp", "advcl", "relcl", "conj", "parataxis", "acl"}
# "the next day": a day counted from another
NEXT_OR_PREVIOUS = words(WORD_LISTS, "next_or_previous")
DEICTIC_DAYS = words(WORD_LISTS, "deictic_days")
OFFSET_ADVERBS = words(WORD_LISTS, "offset_adverbs")  # "two days later"


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
            precision = coarsest(precision, anchor.precision)
        return DateValue.of(start + timedelta(days=expr.amount), precision)
    if pub is None:
        return None
    if expr.kind == "pub":
        return DateValue.of(pub + timedelta(days=expr.amount), expr.precision)
    if expr.kind == "pubweek":
        # this (or the past) week: the days to publication; another: the seven to its Sunday
        if expr.amount == 0:
            return DateValue.of(pub, "week")
        monday = pub - timedelta(days=pub.weekday())
        return DateValue.of(monday + timedelta(days=7 * (expr.amount + 1) - 1), "week")
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
    for i, word in enumerate(words_of(doc)):
        lower = word.lower()
        if i in covered or not (lower in kinds or lower in DEICTIC_DAYS or lower in OFFSET_ADVERBS):
            continue
        token = doc[i]
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
        elif lower in DEICTIC_DAYS:
            pass
        elif kind == "unit" and any(c.dep_ == "prep" and c.lower_ in ("after", "before")
                                    for c in token.children):  # fmt: skip
            start = token.left_edge.i  # "(two) days after the explosion"
        elif kind == "unit" and start > 0 and doc[start - 1].lower_ in NEXT_OR_PREVIOUS:
            # "The next day" the tagger missed (often at the start of a paragraph)
            start -= 1
            if start > 0 and doc[start - 1].lower_ == "the":
                start -= 1
        elif lower in OFFSET_ADVERBS:
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
    """The noun a date modifies ("a July 6 explosion", "the 1995 agreement", "the attack of
    April 22"), else None; "the end of May" and "the morning of July 6" are times."""
    root = span.root
    if root.dep_ in NON_TEMPORAL_DEPS | {"nmod", "poss"} and root.head.i not in range(
        span.start, span.end
    ):
        return root.head
    of = root.head
    if root.dep_ == "pobj" and of.lower_ == "of" and of.dep_ == "prep":
        noun = of.head
        lemma = noun.lemma_.lower()
        kind = date_words().get(lemma, ("", 0))[0]
        if (
            noun.pos_ == "NOUN"
            and lemma not in TIME_SPAN_NOUNS
            and not kind
            and not _is_time_noun(noun)
        ):
            return noun
    return None


def is_aside(root: Token) -> bool:
    """Whether a date hangs in a relative clause or apposition, or opens a span: an aside to
    the sentence's own time ("Norway, which joined in 1994, ...", "since 2020")."""
    if root.dep_ == "pobj" and root.head.lower_ in SPAN_PREPOSITIONS:
        return True
    return any(node.dep_ in EMBEDDING_DEPS for node in [root, *root.ancestors])


def _is_time_noun(noun: Token) -> bool:
    """ "the morning of July 6", "a day": nouns that are themselves times."""
    return date_words().get(noun.lower_, ("", 0))[0] in ("unit", "part")


def _is_temporal(span: Span, expr: Expr) -> bool:
    """False for a year or month that modifies a noun ("the 1995 agreement", "last year's
    war": a name); a day before a noun dates it ("the June 17 remarks", "Monday's raid")."""
    noun = _modified_noun(span)
    if noun is None or date_words().get(noun.lower_, ("", 0))[0] == "unit":
        return True
    return expr.kind in ("weekday", "pub") or expr.kind == "calendar" and expr.day is not None


def _event_offset(span: Span, noun_dates: dict[str, DateValue]) -> DateValue | None:
    """ "Days after the explosion": an offset from the date the text gave that event before."""
    root = span.root
    # "days after the explosion" (the prep under the unit) or "two weeks before it" (above it)
    for prep in [*root.children, root.head]:
        if prep.dep_ != "prep" or prep.lower_ not in ("after", "before"):
            continue
        for obj in prep.children:
            base = noun_dates.get(obj.lemma_.lower()) if obj.dep_ == "pobj" else None
            expr = offset_expression(WORD_RE.findall(f"{span.text} {prep.lower_}".lower()))
            if base is None or expr is None or expr.kind != "offset":
                continue
            day = base.first_day() + timedelta(days=expr.amount)
            return DateValue.of(day, coarsest(expr.precision, base.precision))
    return None


def governing_verb(token: Token) -> Token:
    """The verb a trigger is or hangs from (a noun's nearest verb ancestor), else its root."""
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return verb


def clause_tokens(token: Token) -> set[int]:
    """Token indices of the clause of an event triggered at ``token``.

    The trigger's subtree and its verb head's subtree within the sentence, without the
    clauses below (ccomp, advcl, relcl, conj ...) that have their own subject.
    """
    verb = governing_verb(token)
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
            own_clause = (
                child.dep_ in CLAUSE_DEPS
                and any(c.dep_ in SUBJECT_DEPS for c in child.children)
                or own_tense(child)
            )
            if own_clause and child.i not in path:
                continue
            stack.append(child)
    return seen


def own_tense(child: Token) -> bool:
    """A verb coordinated with an auxiliary of its own ("supported Guyana and would conduct
    flights on Thursday"): another time than the verb it follows."""
    return (
        child.dep_ == "conj"
        and child.pos_ == "VERB"
        and any(c.dep_ == "aux" and c.tag_ == "MD" for c in child.children)
    )


class DocumentDates:
    """Every date expression of a document, resolved in reading order, and per-event lookup."""

    def __init__(self, doc: Doc, publication_date: str | None):
        """Find and resolve the dates of ``doc`` (parsed); raises InputError for a bad date."""
        self.doc = doc
        self.publication = _parse_publication(publication_date)
        self.mentions: list[DateMention] = []
        self._roots: list[int] = []
        self._by_sentence: dict[int, list[int]] = {}
        self._sent_starts = [s.start for s in sentences(doc)]
        breaks = [m.start() for m in re.finditer(r"\n", text_of(doc))]
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
            named_day = expr is not None and expr.kind == "pub" and expr.precision == "day"
            relative = expr is None or expr.kind not in ("calendar", "weekday") and not named_day
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
