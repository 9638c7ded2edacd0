"""What a phrase is about is not where it happens: "comments he had made about Kazakhstan",
"a dispute over Kashmir" name a topic, and a state named there places no one."""

from __future__ import annotations

from pathlib import Path

from spacy.tokens import Token

from ..tables import words

WORD_LISTS = Path(__file__).parent / "data" / "words.tsv"
TOPIC_PREPS = words(WORD_LISTS, "topic_preps")
NOUN_PHRASE_DEPS = ("compound", "amod", "poss", "nmod", "pobj", "appos", "conj")


def in_topic_phrase(tok: Token) -> bool:
    """Whether ``tok`` lies in the object of a topic preposition ("about Kazakhstan")."""
    node = tok
    while node.dep_ in NOUN_PHRASE_DEPS and node.head.i != node.i:
        if node.dep_ == "pobj":
            return node.head.lower_ in TOPIC_PREPS
        node = node.head
    return False
