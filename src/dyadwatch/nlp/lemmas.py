"""Verb lemmas the English lemmatizer gets wrong: "staged" is read as "stag", "waged" as
"wag", so "staged a protest" and "waged war" miss their lexicon rows.

A pipeline component placed after the lemmatizer gives the verb forms listed in
nlp/data/lemma_fixes.tsv their right lemma.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from spacy.language import Language
from spacy.tokens import Doc

NAME = "dyadwatch_lemma_fixes"
VERBAL = {"VERB", "AUX"}


@lru_cache(maxsize=1)
def lemma_fixes() -> dict[str, str]:
    """Lowercase verb form -> lemma, from nlp/data/lemma_fixes.tsv."""
    path = resources.files("dyadwatch.nlp") / "data" / "lemma_fixes.tsv"
    fixes = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if line.startswith("#") or len(cols) != 2 or cols[0] == "form":
            continue
        fixes[cols[0].strip()] = cols[1].strip()
    return fixes


@Language.component(NAME)
def fix_lemmas(doc: Doc) -> Doc:
    """Set the listed lemma on each verb whose form is in the list."""
    fixes = lemma_fixes()
    for token in doc:
        if token.pos_ in VERBAL and (lemma := fixes.get(token.lower_)) is not None:
            token.lemma_ = lemma
    return doc
