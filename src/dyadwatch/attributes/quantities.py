"""Counted things in a clause or sentence: "1,700 railcars", "$5 billion", "hundreds of protesters".

Pure token logic over the parse. A quantity is a number phrase (digits, number words, scale
words such as "billion" or "bn", range words such as "hundreds") with the head noun it counts.
The unit is that noun as written (plural kept), "USD"/"EUR"/... for money and "percent" for
percentages. ``text`` runs from the first word of the phrase, modifiers such as "more than"
included, to the counted noun, so it keeps the words between them: "more than 50 previously
unknown unexploded munitions". Dates, years, ordinals, ages and numbers inside names are left
out; a duration ("for 30 days") is a quantity.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from spacy.tokens import Span, Token

from ..model import Quantity
from ..nlp.sents import entity_at
from ..tables import fail, read_table, words
from .expressions import date_words, number_words

DATA = Path(__file__).parent / "data"
WORD_LISTS = DATA / "words.tsv"
NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "LAW", "PRODUCT",
               "WORK_OF_ART", "LANGUAGE", "ORDINAL"}  # fmt: skip
MODIFIER_DEPS = {"quantmod", "amod", "advmod"}
DURATION_WORDS = words(WORD_LISTS, "duration_words")
PERCENT = words(WORD_LISTS, "percent")
LOOSE_COUNTS = words(WORD_LISTS, "loose_counts")  # "a few", "several": no count of their own
NUMERAL_RE = re.compile(r"^(\d+(?:,\d{3})*(?:\.\d+)?|\.\d+)([a-z]*)$")
YEAR_RE = re.compile(r"^(1[89]|20)\d\d$")
ORDINAL_RE = re.compile(r"^\d+(st|nd|rd|th)$", re.IGNORECASE)


@cache
def currencies() -> dict[str, str]:
    """Currency symbols and words from data/currencies.tsv: written form -> ISO 4217 code."""
    path = DATA / "currencies.tsv"
    found = {}
    for number, row in read_table(path, required=("form", "code"), allowed=("form", "code")):
        if not row["form"] or not row["code"]:
            raise fail(path, number, "expected a written form and a currency code")
        found[row["form"].lower()] = row["code"]
    return found


def _word_value(token: Token) -> tuple[str, float] | None:
    """(kind, value) of a number token: kind number|scale|range; None for other words."""
    lower = token.lower_
    numeral = NUMERAL_RE.match(lower)
    if numeral:
        scale = number_words().get(numeral[2]) if numeral[2] else ("scale", 1.0)
        if scale is None or scale[0] != "scale":
            return None
        return "number", float(numeral[1].replace(",", "")) * scale[1]
    if "-" in lower:  # "twenty-five"
        parts = [number_words().get(p) for p in lower.split("-")]
        if all(p and p[0] == "number" for p in parts):
            return "number", sum(p[1] for p in parts if p)
        return None
    return number_words().get(lower)


def _is_duration(ent: Span) -> bool:
    """A DATE entity that only measures time ("30 days"), not one that places it."""
    for token in ent:
        lower = token.lower_
        if _word_value(token) or lower in DURATION_WORDS:
            continue
        if date_words().get(lower, ("", 0))[0] != "unit":
            return False
    return True


def _phrase_end(tokens: Span, i: int) -> int:
    """Index after the number words starting at ``tokens`` position ``i``."""
    j = i
    while j < len(tokens):
        found = _word_value(tokens[j])
        if tokens[j].text == "-" and j > i and j + 1 < len(tokens) and _word_value(tokens[j + 1]):
            j += 1  # "twenty-five" as three tokens
            continue
        if found is None or (j > i and found[0] == "range"):
            break
        if found[0] == "number" and j > i and tokens[j].lower_ in ("a", "an"):
            break
        j += 1
    return j


def _value(words: list[Token]) -> tuple[float, bool]:
    """The number the words say, and whether it came from a range or scale word alone."""
    total = 0.0
    current = 0.0
    vague = False
    for token in words:
        kind, value = _word_value(token) or ("number", 0.0)
        if kind == "number":
            current += value
        elif kind == "scale":
            current = (current or 1.0) * value
            if value >= 1000:
                total, current = total + current, 0.0
            vague = vague or value == 12
        else:
            current, vague = value, True
    return total + current, vague


def _unit(last: Token, span: Span) -> Token | None:
    """The noun the number phrase ending at ``last`` counts, if it is in ``span``."""
    if last.lower_ in number_words() and number_words()[last.lower_][0] == "range":
        for child in last.rights:
            if child.lower_ == "of":
                objects = [c for c in child.rights if c.dep_ == "pobj"]
                if objects and objects[0].i < span.end:
                    return objects[0]
        return None
    head = last
    while head.dep_ in ("compound", "quantmod", "nummod", "conj") and head.head.i > head.i:
        head = head.head
        if head.pos_ in ("NOUN", "PROPN", "SYM") and _word_value(head) is None:
            return head if head.i < span.end else None
    return None


def _starts_count(span: Span, first: int, ent: Span | None) -> bool:
    """Whether the number word at ``span[first]`` opens a count (not a date, name or rank)."""
    token = span[first]
    kind = _word_value(token)
    if kind is None or ORDINAL_RE.match(token.text):
        return False
    if kind[0] == "number" and token.lower_ in LOOSE_COUNTS:
        following = _word_value(span[first + 1]) if first + 1 < len(span) else None
        if following is None or following[0] == "number":
            return False  # "a" counts only before "dozen", "hundred" ...
    if ent is not None and ent.label_ in NAME_LABELS:
        return False
    return ent is None or ent.label_ not in ("DATE", "TIME") or _is_duration(ent)


def _counted(span: Span, first: int, end: int, vague: bool) -> tuple[str, Token] | None:
    """(unit, last token of the quantity) for the number words ``span[first:end]``.

    None when the number is not a count: a year naming something ("the 1995 agreement"),
    an age ("a 62-year-old") or a bare number with no noun.
    """
    last = span[end - 1]
    after = span[end] if end < len(span) else None
    if after is not None and after.lower_ in PERCENT:
        return "percent", after
    noun = _unit(last, span)
    if noun is None:
        return ("", last) if vague else None
    if noun.lower_ in currencies():
        return currencies()[noun.lower_], noun
    if YEAR_RE.match(span[first].text) and end == first + 1 and not noun.text.endswith("s"):
        return None
    if noun.lower_ in ("year", "years") and span.doc[noun.i : noun.i + 3].text.endswith("old"):
        return None
    return noun.text, noun


def _first_modifier(start: Token, last: Token, floor: int) -> Token:
    """The first word of the modifiers before a number ("more than", "at least", "about")."""
    doc = start.doc
    while start.i > floor:
        before = doc[start.i - 1]
        if (
            before.dep_ not in MODIFIER_DEPS
            or not start.i <= before.head.i <= last.i
            or before.pos_ in ("NOUN", "PROPN", "VERB")
        ):
            break
        start = before
    return start


def find_quantities(span: Span) -> list[Quantity]:
    """The quantities counted in ``span`` (a clause or sentence of a parsed Doc), in order.

    Returns Quantity(value, unit, text) with ``text`` an exact substring of the document.
    """
    doc = span.doc
    found: list[Quantity] = []
    i = 0
    while i < len(span):
        token = span[i]
        money = currencies().get(token.lower_) if not token.is_alpha else None
        first = i + 1 if money and i + 1 < len(span) else i
        if not _starts_count(span, first, entity_at(doc, span.start + first)):
            i += 1
            continue
        end = _phrase_end(span, first)
        value, vague = _value(list(span[first:end]))
        counted = (money, span[end - 1]) if money else _counted(span, first, end, vague)
        if counted is None:
            i = end
            continue
        unit, stop = counted
        begin = _first_modifier(span[i], span[end - 1], span.start)
        text = doc[begin.i : stop.i + 1].text  # the exact words, without copying the document
        found.append(Quantity(value=value, unit=unit, text=text))
        i = max(end, stop.i - span.start + 1)
    return found
