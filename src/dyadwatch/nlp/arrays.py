"""The tokens of a document with a given part of speech, found without visiting the others.

A rule that looks only at nouns or proper names need not build a Python object for every
token: the tags are read once per document as one array (kept in ``doc.user_data``) and the
rule is handed the positions that can concern it.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.attrs import POS
from spacy.tokens import Doc, Token

POS_KEY = "dyadwatch.pos"


def with_pos(doc: Doc, tags: Iterable[str]) -> list[Token]:
    """The tokens of ``doc`` whose coarse part of speech is one of ``tags``, in order."""
    column = doc.user_data.get(POS_KEY)
    if column is None:
        column = doc.user_data[POS_KEY] = doc.to_array([POS]).ravel().tolist()
    wanted = {doc.vocab.strings[t] for t in tags}
    return [doc[i] for i, p in enumerate(column) if p in wanted]
