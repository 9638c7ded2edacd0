"""The sentences of a document and the sentence of a token, looked up instead of searched.

spaCy finds ``doc.sents`` and ``token.sent`` by walking the document's tokens on every
call; the coder asks for them for nearly every candidate, so both are built once per
document and kept in ``doc.user_data``. So are the entity each token stands in and the
document's text.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

KEY = "dyadwatch.sentences"
SENTS_KEY = "dyadwatch.sentence-list"
ENTITIES_KEY = "dyadwatch.entities"
TEXT_KEY = "dyadwatch.text"
WORDS_KEY = "dyadwatch.words"


def text_of(doc: Doc) -> str:
    """The document's text (spaCy joins it from the tokens on every ``doc.text``)."""
    found = doc.user_data.get(TEXT_KEY)
    if found is None:
        found = doc.user_data[TEXT_KEY] = doc.text
    return found


def sentences(doc: Doc) -> list[Span]:
    """The sentence spans of ``doc``, in order."""
    found = doc.user_data.get(SENTS_KEY)
    if found is None:
        found = doc.user_data[SENTS_KEY] = list(doc.sents)
    return found


def remember_text(doc: Doc, text: str) -> None:
    """Keep ``text``, the very string ``doc`` was parsed from, as the document's text."""
    doc.user_data[TEXT_KEY] = text


def words_of(doc: Doc) -> list[str]:
    """The text of every token of ``doc``, in order."""
    found = doc.user_data.get(WORDS_KEY)
    if found is None:
        found = doc.user_data[WORDS_KEY] = [t.text for t in doc]
    return found


def sentence_of(token: Token) -> Span:
    """The sentence span that contains ``token``."""
    doc = token.doc
    table = doc.user_data.get(KEY)
    if table is None:
        table = [None] * len(doc)
        for sent in sentences(doc):
            for i in range(sent.start, sent.end):
                table[i] = sent
        doc.user_data[KEY] = table
    return table[token.i]


def entity_at(doc: Doc, i: int) -> Span | None:
    """The named entity that token ``i`` of ``doc`` belongs to, or None."""
    table = doc.user_data.get(ENTITIES_KEY)
    if table is None:
        table = {t: e for e in doc.ents for t in range(e.start, e.end)}
        doc.user_data[ENTITIES_KEY] = table
    return table.get(i)
