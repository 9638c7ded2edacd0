"""An act named again by a definite noun.

"India launched missiles into Pakistan ... India said its strikes were aimed at terror
camps": a noun with "the", "this" or a possessor names an act the reader already knows,
which the report told before in other words; "another attack", "the second strike" name a
new one.
"""

from __future__ import annotations

from pathlib import Path

from spacy.tokens import Token

from ..tables import words

WORD_LISTS = Path(__file__).parent / "data" / "words.tsv"
DEFINITE = words(WORD_LISTS, "definite_determiners")
NEW_ACT = words(WORD_LISTS, "new_act_modifiers")  # "the latest attack": not the one told


def refers_back(token: Token) -> bool:
    """Whether the trigger is a definite noun that names an act told before."""
    if token.pos_ != "NOUN":
        return False
    definite = any(
        (c.dep_ == "det" and c.lower_ in DEFINITE) or c.dep_ == "poss" for c in token.children
    )
    fresh = any(c.lower_ in NEW_ACT or c.like_num for c in token.children)
    return definite and not fresh
