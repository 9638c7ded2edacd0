"""What a trigger word governs, as the lexicon's ``with`` column reads it: the lemmas of its
dependents and of its prepositions' objects, read through a measure ("700 kg of medicine")
and a gerund ("stopped clearing goods"), leaving out a date ("agreed on Friday")."""

from __future__ import annotations

from pathlib import Path

from spacy.tokens import Token

from ..tables import words
from .nonevents import naming_phrase
from .support import pursuit_nouns

WORD_LISTS = Path(__file__).parent / "data" / "words.tsv"
# Verbs whose dependents are the lemma of a phrasal particle or object, read one level down.
DEPENDENT_DEPS = {"prt", "dobj", "prep", "compound", "pobj", "amod", "advmod", "attr", "acomp",
                  "nsubjpass", "dative", "xcomp", "npadvmod", "nmod", "oprd"}  # fmt: skip
MEASURES = words(WORD_LISTS, "measures")
TIME_UNITS = words(WORD_LISTS, "time_units")  # "the border hours after": a misparse
# Prepositions whose object is the time or background of another event, not an event coded
# here, nor what a trigger governs: "since the start of the aggression", "after the talks".
BACKGROUND_PREPS = words(WORD_LISTS, "background_preps")


def dependents(token: Token) -> set[str]:
    """Lowercase lemmas of the token's dependents and of its prepositions' objects; through a
    measure ("700 kg of medicine", "a series of strikes") to what is measured."""
    found = set()
    for child in token.children:
        if _time_phrase(child) or _for_good(child) or _background_phrase(child):
            continue  # "agreed on Friday to ...": a date, not what was agreed on
        # "held Manila responsible": the predicate adjective of a small clause, parsed as the
        # verb's complement or as an adjective after its object
        if child.pos_ == "ADJ" and child.dep_ == "ccomp":
            found.add(child.lemma_.lower())
        elif _small_clause(child):
            # "declared the advisers persona non grata": the predicate and what it governs
            found.add(child.lemma_.lower())
            found.update(g.lemma_.lower() for g in child.children if g.dep_ in ("dobj", "attr"))
        elif child.dep_ == "dobj":
            found.update(a.lemma_.lower() for a in child.rights if a.pos_ == "ADJ")
            if child.pos_ == "PROPN":  # "received RSF commander Mohamed Dagalo": the title
                found.update(g.lemma_.lower() for g in child.children
                             if g.dep_ == "compound" and g.pos_ == "NOUN")  # fmt: skip
            # "ended mediation efforts": the mediation; "closed the border hours after ...",
            # parsed as "border hours": the border
            lemma = child.lemma_.lower()
            if lemma in pursuit_nouns() or lemma in TIME_UNITS:
                found.update(g.lemma_.lower() for g in child.children if g.dep_ == "compound")
        if child.dep_ == "xcomp" and child.tag_ == "VBG":
            # "stopped clearing Lithuanian goods": what the stopped activity handles
            found.update(g.lemma_.lower() for g in child.children if g.dep_ == "dobj")
        if child.dep_ in DEPENDENT_DEPS:
            lemma = child.lemma_.lower()
            found.add(lemma)
            if naming_phrase(child):  # "called them unilateral, irresponsible and unjust"
                found.update(g.lemma_.lower() for g in child.conjuncts)
                found.update(g.lemma_.lower() for g in child.children if g.dep_ == "amod")
                # "called it an act of aggression": what the act is one of
                found.update(g.lemma_.lower() for p in child.children
                             if p.dep_ == "prep" and p.lower_ == "of"
                             for g in p.children if g.dep_ == "pobj")  # fmt: skip
            if child.dep_ == "prep":
                found.update(g.lemma_.lower() for g in child.children if g.dep_ == "pobj")
                for inner in (g for g in child.children if g.dep_ == "prep"):
                    # "out of a meeting": a two-word preposition and its object
                    found.add(inner.lemma_.lower())
                    found.update(g.lemma_.lower() for g in inner.children if g.dep_ == "pobj")
            elif lemma in MEASURES or child.like_num:
                for prep in child.children:
                    if prep.dep_ == "prep" and prep.lower_ == "of":
                        found.update(g.lemma_.lower() for g in prep.children if g.dep_ == "pobj")
    return found


def _background_phrase(child: Token) -> bool:
    """ "launched an offensive not long after the talks": the time, not what was launched."""
    return child.dep_ == "prep" and child.lower_ in BACKGROUND_PREPS


def _for_good(child: Token) -> bool:
    """ "stop the violence for good": for ever, no goods."""
    return (
        child.dep_ == "prep"
        and child.lower_ == "for"
        and any(g.dep_ == "pobj" and g.lower_ == "good" for g in child.children)
    )


def _time_phrase(child: Token) -> bool:
    """A preposition whose objects are all dates or times ("on Friday", "in March")."""
    objects = [g for g in child.children if g.dep_ == "pobj"]
    return (
        child.dep_ == "prep"
        and bool(objects)
        and all(g.ent_type_ in ("DATE", "TIME") for g in objects)
    )


def _small_clause(child: Token) -> bool:
    """A complement clause with a subject but no "that", tense or auxiliary of its own, as the
    parser makes of "declared [the advisers] [persona non grata]"."""
    if child.dep_ != "ccomp" or child.tag_ in ("VBD", "VBZ", "MD"):
        return False
    kids = [g.dep_ for g in child.children]
    return "nsubj" in kids and not any(d in ("mark", "aux", "auxpass") for d in kids)
