"""Line breaks end sentences: a headline, a dateline, a photo caption or a byline stands on
its own line and is never glued to the paragraph after it; nor is a dateline that opens a
paragraph ("NEW DELHI, April 24 (Reuters): ...", "WARSAW - ...") glued to its first sentence.

A pipeline component placed before the parser marks the first word after a line break, and
after such a dateline, as a sentence start; the parser keeps boundaries set before it.
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from ..tables import words

NAME = "dyadwatch_line_breaks"
WORD_LISTS = Path(__file__).parent / "data" / "words.tsv"
MONTHS = words(WORD_LISTS, "dateline_months")
ENDS = words(WORD_LISTS, "dateline_ends")  # what closes a dateline: a dash or a colon
MAX_PLACE_WORDS = 4
MAX_AGENCY_WORDS = 4
MAX_HEADLINE_WORDS = 30
SENTENCE_ENDS = ".!?:;"  # how a line of the body ends; a headline ends in a word
CLOSERS = "\"'”’)"  # quotes and brackets that may close a line after its last word


@Language.component(NAME)
def line_breaks(doc: Doc) -> Doc:
    """Mark each token that follows a line break as the start of a sentence; keep a dateline,
    and a line that does not end as a sentence does (a headline), in one piece."""
    after_break = False
    for token in doc:
        if token.is_space:
            after_break = after_break or "\n" in token.text
            continue
        if after_break or token.i == 0:
            if after_break:
                token.is_sent_start = True
            end = dateline_end(doc, token.i)
            if end is not None and end + 1 < len(doc):
                _one_piece(doc, token.i, end + 1)
                doc[end + 1].is_sent_start = True
            else:
                _keep_headline(doc, token.i)
        after_break = False
    return doc


def _one_piece(doc: Doc, start: int, end: int) -> None:
    for k in range(start + 1, end):
        doc[k].is_sent_start = False


def _keep_headline(doc: Doc, start: int) -> None:
    """A short line whose last word ends no sentence ("North Korea blows up roads linking it
    to the South") is one unit, however the parser would cut it."""
    end = start
    while end < len(doc) and not (doc[end].is_space and "\n" in doc[end].text):
        end += 1
    words = [t for t in doc[start:end] if not t.is_space]
    # "... over 'hostile actions'": a closing quote does not end a sentence, a stop does
    bare = "".join(t.text_with_ws for t in words).rstrip().rstrip(CLOSERS)
    if words and len(words) <= MAX_HEADLINE_WORDS and bare and bare[-1] not in SENTENCE_ENDS:
        _one_piece(doc, start, end)


def dateline_end(doc: Doc, start: int) -> int | None:
    """The index of the dash or colon that closes a dateline opening a line at ``start``:
    a place in capitals ("WARSAW", "New Delhi"), then maybe a comma and a date ("April 24",
    "24 April") and an agency in brackets ("(Reuters)"), then the dash or colon."""
    i = start
    while i < len(doc) and i - start < MAX_PLACE_WORDS and doc[i].text[:1].isupper():
        i += 1
    if i == start or i >= len(doc):
        return None
    if doc[i].text == ",":
        # "April 24", or the state or region of the place: "SEOUL, South Korea (AP) -"
        i = _after_date(doc, i + 1) or _after_capitals(doc, i + 1)
        if i is None:
            return None
    if i < len(doc) and doc[i].text == "(":
        close = next((k for k in range(i + 1, min(i + 2 + MAX_AGENCY_WORDS, len(doc)))
                      if doc[k].text.startswith(")")), None)  # fmt: skip
        if close is None:
            return None
        if doc[close].text[1:] in ENDS:  # "(Alliance News):" as the tokenizer cuts it
            return close if close + 1 < len(doc) and doc[close + 1].text[:1].isupper() else None
        i = close + 1
    if (
        i >= len(doc)
        or doc[i].text not in ENDS
        or not doc[i - 1].whitespace_
        and doc[i].text != ":"
    ):
        return None  # "Vietnamese-led": a hyphen inside a word closes nothing
    if i + 1 >= len(doc) or not doc[i + 1].text[:1].isupper():
        return None
    return i


def _after_capitals(doc: Doc, i: int) -> int | None:
    """The index after up to MAX_PLACE_WORDS capitalised words that an agency in brackets or
    the closing dash follows; None if none."""
    k = i
    while k < len(doc) and k - i < MAX_PLACE_WORDS and doc[k].text[:1].isupper():
        k += 1
    return k if i < k < len(doc) and (doc[k].text == "(" or doc[k].text in ENDS) else None


def _after_date(doc: Doc, i: int) -> int | None:
    """The index after a date of a month name and a day, in either order; None if none."""
    pair = [t.lower_.rstrip(".") for t in doc[i : i + 2]]
    if len(pair) < 2:
        return None
    month_first = pair[0] in MONTHS and pair[1].isdigit()
    day_first = pair[0].isdigit() and pair[1] in MONTHS
    return i + 2 if month_first or day_first else None
