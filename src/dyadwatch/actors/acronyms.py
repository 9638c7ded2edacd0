"""Acronyms a document defines: "the National Security Committee (NSC)" makes a later "the
NSC" name the same body, whatever the knowledge base files the letters under."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..nlp.sents import kept

MIN_LETTERS, MAX_LETTERS = 2, 8
ACRONYMS_KEY = "dyadwatch.acronyms"


def defined_acronyms(doc: Doc) -> dict[str, int]:
    """Acronym -> index of the head of the phrase that spells it out, for each acronym the
    document defines in parentheses after the phrase (the first definition wins)."""
    return kept(doc, ACRONYMS_KEY, _find)


def _find(doc: Doc) -> dict[str, int]:
    found: dict[str, int] = {}
    for tok in doc:
        if tok.text != "(" or tok.i < 1 or tok.i + 2 >= len(doc) or doc[tok.i + 2].text != ")":
            continue
        letters = doc[tok.i + 1].text
        if not (letters.isupper() and letters.isalpha()
                and MIN_LETTERS <= len(letters) <= MAX_LETTERS):  # fmt: skip
            continue
        head = doc[tok.i - 1]
        if letters not in found and _spells(head, letters):
            found[letters] = head.i
    return found


def _spells(head: Token, letters: str) -> bool:
    """Whether the capitalised words of the phrase ending at ``head`` begin with the letters
    of the acronym, in order ("National Security Committee" for NSC)."""
    words = [t for t in head.doc[max(0, head.i - len(letters) - 3) : head.i + 1]
             if t.text[:1].isupper()]  # fmt: skip
    initials = "".join(t.text[0] for t in words)
    return initials.endswith(letters)
