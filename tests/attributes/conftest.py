"""Fixtures shared by the attribute tests: one parsed pipeline per module."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Token

from dyadwatch.nlp import load_pipeline


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def _token_of(doc: Doc, word: str) -> Token:
    for token in doc:
        if token.text == word:
            return token
    raise LookupError(word)


@pytest.fixture(scope="session")
def token_of() -> Callable[[Doc, str], Token]:
    """Finds the first token of a Doc whose text is the given word."""
    return _token_of
