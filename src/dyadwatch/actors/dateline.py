"""Datelines: "BELGRADE, Sept 24 (AFP) -" opens a story with the place it was filed from.

The place there names no actor: "Belgrade" in a dateline is not the Serbian government.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

# what ends a dateline: a dash, or a full stop and a dash ("(EFE).-")
DASHES = ("-", "\u2013", "\u2014")
AGENCY_WIDTH = 6  # tokens an agency's name in brackets may take


def is_dateline(span: Span) -> bool:
    """Whether ``span`` is the place that opens a line as its dateline: followed by a dash
    ("Kampala -"), an agency in brackets and a dash ("NAIROBI (Reuters) -"), or a comma and
    a date ("MOSCOW, March 3")."""
    doc = span.doc
    if span.start > 0 and "\n" not in doc[span.start - 1].text:
        return False
    if span.end + 1 >= len(doc):
        return False
    nxt = doc[span.end]
    if _dash(nxt) and span[-1].whitespace_:
        return True  # "Kampala - ...", never a word joined by a hyphen ("Vietnamese-led")
    if nxt.text == "(":
        return _agency(doc, span.end + 1)
    return nxt.text == "," and any(_dated(t) for t in doc[span.end + 1 : span.end + 3])


def _agency(doc, start: int) -> bool:
    """A bracket closed soon and followed by a dash: "(Reuters) -", "(EFE).-"."""
    for tok in doc[start : start + AGENCY_WIDTH]:
        if ")" in tok.text:
            after = tok.text.split(")", 1)[1].lstrip(".")
            return _dash_text(after) or (tok.i + 1 < len(doc) and _dash(doc[tok.i + 1]))
    return False


def _dash(tok: Token) -> bool:
    return _dash_text(tok.text)


def _dash_text(text: str) -> bool:
    return text.startswith(DASHES)


def _dated(tok: Token) -> bool:
    """A date right after the dateline's comma: "Sep 24", "24 September", "Monday"."""
    return tok.ent_type_ == "DATE" or tok.like_num
