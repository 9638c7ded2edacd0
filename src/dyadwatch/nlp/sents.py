"""The sentences of a document and the sentence of a token, looked up instead of searched.

spaCy finds ``doc.sents`` and ``token.sent`` by walking the document's tokens on every
call; the coder asks for them for nearly every candidate, so both are built once per
document and kept in ``doc.user_data``. So are the entity each token stands in and the
document's text.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from spacy.tokens import Doc, Span, Token

T = TypeVar("T")

KEY = "dyadwatch.sentences"
SENTS_KEY = "dyadwatch.sentence-list"
ENTITIES_KEY = "dyadwatch.entities"
TEXT_KEY = "dyadwatch.text"
WORDS_KEY = "dyadwatch.words"


def kept(doc: Doc, key: str, build: Callable[[Doc], T]) -> T:
    """``build(doc)``, built on the first call for ``doc`` and kept in its ``user_data``."""
    found = doc.user_data.get(key)
    if found is None:
        found = doc.user_data[key] = build(doc)
    return found


def text_of(doc: Doc) -> str:
    """The document's text (spaCy joins it from the tokens on every ``doc.text``)."""
    return kept(doc, TEXT_KEY, lambda d: d.text)


def sentences(doc: Doc) -> list[Span]:
    """The sentence spans of ``doc``, in order."""
    return kept(doc, SENTS_KEY, lambda d: list(d.sents))


def remember_text(doc: Doc, text: str) -> None:
    """Keep ``text``, the very string ``doc`` was parsed from, as the document's text."""
    doc.user_data[TEXT_KEY] = text


def words_of(doc: Doc) -> list[str]:
    """The text of every token of ``doc``, in order."""
    return kept(doc, WORDS_KEY, lambda d: [t.text for t in d])


def sentence_of(token: Token) -> Span:
    """The sentence span that contains ``token``."""
    return kept(token.doc, KEY, _sentence_table)[token.i]


def _sentence_table(doc: Doc) -> list[Span]:
    return [sent for sent in sentences(doc) for _ in range(sent.start, sent.end)]


def entity_at(doc: Doc, i: int) -> Span | None:
    """The named entity that token ``i`` of ``doc`` belongs to, or None."""
    return kept(doc, ENTITIES_KEY, _entity_table).get(i)


def _entity_table(doc: Doc) -> dict[int, Span]:
    return {t: e for e in doc.ents for t in range(e.start, e.end)}
