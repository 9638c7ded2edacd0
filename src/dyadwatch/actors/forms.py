"""The knowledge base's names as token sequences, for finding them in a parsed document.

Every surface form is tokenised as documents are and matched on the tokens' exact text
(``nlp.phrases.PhraseIndex``). Tokenising some three thousand names with spaCy costs a third of
a second in a new process (each unseen word becomes a lexeme), so the token sequences are
kept in the cache folder under a key made of the names and the pipeline's version; later
processes read them at once.
"""

from __future__ import annotations

from collections.abc import Iterable

import spacy
from spacy.language import Language

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
