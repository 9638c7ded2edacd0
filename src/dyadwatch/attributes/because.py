"""A "because" clause: the cause of the clause it hangs from, unless it says it came later.

"Spain closed the border because Morocco had expelled its diplomats": the expulsion came
first and caused the closure. "Moscow was irritated by the remarks, because two days later it
cut gas deliveries": the cut came after and is the evidence of the irritation, not its cause.
"""

from __future__ import annotations

from pathlib import Path

from spacy.tokens import Token

from ..tables import words

WORD_LISTS = Path(__file__).parent / "data" / "words.tsv"
POSTERIOR = words(WORD_LISTS, "posterior")  # "later", "the next day": after the main clause
TIME_DEPS = ("advmod", "npadvmod", "prep")  # how a time adjunct hangs


def because_mark(clause: Token) -> Token | None:
    """The word "because" that introduces `clause` (an adverbial clause), if it does."""
    if clause.dep_ != "advcl":
        return None
    return next((c for c in clause.children if c.dep_ == "mark" and c.lower_ == "because"), None)


def says_later(clause: Token) -> bool:
    """The clause's own time adjunct places it after the clause it hangs from: "a week later",
    "the following morning", "soon afterwards". "following the talks" is after the talks."""
    for adjunct in clause.children:
        if adjunct.dep_ not in TIME_DEPS:
            continue
        for tok in adjunct.subtree:
            has_object = any(c.dep_ in ("pobj", "dobj") for c in tok.children)
            if tok.lower_ in POSTERIOR and not has_object:
                return True
    return False
