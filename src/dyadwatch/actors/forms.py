"""Finding the knowledge base's names in a parsed document.

Every surface form is tokenised as documents are and matched on the tokens' exact text, the
longest first at each token. Tokenising some three thousand names with spaCy costs a third of
a second in a new process (each unseen word becomes a lexeme), so the token sequences are
kept in the cache folder under a key made of the names and the pipeline's version; later
processes read them at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..diskcache import cached_json, digest


def tokenise_forms(nlp: Language, texts: list[str]) -> dict[str, list[str]]:
    """Each text's tokens as the pipeline's tokenizer splits it."""
    return {text: [t.text for t in doc] for text, doc in zip(texts, nlp.tokenizer.pipe(texts))}


def cached_tokens(nlp: Language, forms: Iterable[str]) -> dict[str, list[str]]:
    """``tokenise_forms`` of ``forms``, from the cache folder when it was done before."""
    texts = sorted(set(forms))
    meta = nlp.meta
    key = digest([spacy.__version__, str(meta.get("name")), str(meta.get("version")), *texts])
    return cached_json("actor-forms", key, lambda: tokenise_forms(nlp, texts))


class FormMatcher:
    """All occurrences of a set of token sequences in a document, by exact token text."""

    def __init__(self, sequences: dict[str, list[str]]):
        self._by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for text in sorted(sequences):
            tokens = tuple(sequences[text])
            if tokens:
                self._by_first.setdefault(tokens[0], []).append((tokens, text))

    def __call__(self, doc: Doc) -> Iterator[tuple[int, int, str]]:
        """Yield ``(start, end, form text)`` for every match, overlapping ones included."""
        words = [t.text for t in doc]
        for i, word in enumerate(words):
            for tokens, text in self._by_first.get(word, ()):
                end = i + len(tokens)
                if end <= len(words) and tuple(words[i + 1 : end]) == tokens[1:]:
                    yield i, end, text
