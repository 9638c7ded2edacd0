"""The sentence of a token, looked up instead of searched.

spaCy finds ``token.sent`` by walking the document's sentences on every call; the coder asks
for it for nearly every candidate, so the table is built once per document and kept in
``doc.user_data``.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

KEY = "dyadwatch.sentences"


def sentence_of(token: Token) -> Span:
    """The sentence span that contains ``token``."""
    doc = token.doc
    table = doc.user_data.get(KEY)
    if table is None:
        table = [None] * len(doc)
        for sent in doc.sents:
            for i in range(sent.start, sent.end):
                table[i] = sent
        doc.user_data[KEY] = table
    return table[token.i]
