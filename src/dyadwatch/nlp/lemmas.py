"""Verb lemmas the English lemmatizer gets wrong: "staged" is read as "stag", "waged" as
"wag", so "staged a protest" and "waged war" miss their lexicon rows.

A pipeline component placed after the lemmatizer gives the verb forms listed in
nlp/data/lemma_fixes.tsv their right lemma.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from ..tables import fail, read_table

NAME = "dyadwatch_lemma_fixes"
VERBAL = {"VERB", "AUX"}
FIXES_FILE = Path(__file__).parent / "data" / "lemma_fixes.tsv"
COLUMNS = ("form", "lemma")


@lru_cache(maxsize=1)
def lemma_fixes(path: Path = FIXES_FILE) -> dict[str, str]:
    """Lowercase verb form -> lemma, from nlp/data/lemma_fixes.tsv."""
    fixes = {}
    for number, row in read_table(path, required=COLUMNS, allowed=COLUMNS):
        if not row["form"] or not row["lemma"] or row["form"] != row["form"].lower():
            raise fail(path, number, "expected a lowercase form and its lemma")
        fixes[row["form"]] = row["lemma"]
    return fixes


@Language.component(NAME)
def fix_lemmas(doc: Doc) -> Doc:
    """Set the listed lemma on each verb whose form is in the list."""
    fixes = lemma_fixes()
    for token in doc:
        if token.pos_ in VERBAL and (lemma := fixes.get(token.lower_)) is not None:
            token.lemma_ = lemma
    return doc
