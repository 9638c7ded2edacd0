"""Finding known token sequences in a parsed document, by the tokens' exact text.

One index serves the knowledge base's actor names (tokenised as documents are) and the
project's own place names: every sequence is filed under its first token, longest first.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc

from .sents import words_of


class PhraseIndex:
    """All occurrences of a set of token sequences in a document, by exact token text."""

    def __init__(self, sequences: dict[str, list[str]]):
        """``sequences``: each phrase's text and its tokens; an empty one is left out."""
        self._by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for text in sorted(sequences, key=lambda t: (-len(sequences[t]), t)):
            tokens = tuple(sequences[text])
            if tokens:
                self._by_first.setdefault(tokens[0], []).append((tokens, text))

    def __call__(self, doc: Doc) -> Iterator[tuple[int, int, str]]:
        """Yield ``(start, end, phrase text)`` for every match, overlapping ones included, in
        order of start and, at one start, the longest first."""
        words = words_of(doc)
        for i, word in enumerate(words):
            for tokens, text in self._by_first.get(word, ()):
                end = i + len(tokens)
                if end <= len(words) and tuple(words[i + 1 : end]) == tokens[1:]:
                    yield i, end, text
