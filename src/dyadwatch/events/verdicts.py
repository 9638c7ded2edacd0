"""A verdict a speaker gives on an act: "Pakistan said the strike was a violation of its
airspace", "Beijing said the move constituted interference". Saying that an act is a word
of condemnation is an accusation against whoever did the act, made by the speaker, as
"called the strike a violation" is.

The speech verb is the trigger (the copula states no act of its own); the role step
``judged`` gives the accusation the doer of the act judged.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..tables import words
from .clauses import WORD_LISTS
from .lexicon import Trigger

VERDICT_NOUNS = words(WORD_LISTS, "verdict_nouns")  # "a violation", "a provocation"
JUDGING_VERBS = words(WORD_LISTS, "judging_verbs")  # "was", "constituted", "amounted to"
SAYING = words(WORD_LISTS, "saying")
VERDICT = Trigger(lemma="", pos="VERB", event="ACCUSE", mode="disapprove", context=(),
                  cameo="111", intensity=None, with_=(), frame="")  # fmt: skip


def _predicate(verb: Token) -> Token | None:
    """The noun a judging verb says its subject is: "was [a violation]", "constituted
    [interference]", "amounted to [aggression]"."""
    for child in verb.children:
        if child.dep_ in ("attr", "dobj"):
            return child
        if child.dep_ == "prep" and child.lower_ == "to":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def _condemns(noun: Token) -> bool:
    """A word of condemnation, or an act "of" one ("an act of aggression")."""
    if noun.lemma_.lower() in VERDICT_NOUNS:
        return True
    return any(g.dep_ == "pobj" and g.lemma_.lower() in VERDICT_NOUNS
               for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
               for g in c.children)  # fmt: skip


def judged_clause(token: Token) -> Token | None:
    """The clause a speech verb reports that gives a verdict on an act, not negated: the
    judging verb ("said the strike [was] a violation"), else None."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in SAYING:
        return None
    for child in token.children:
        if child.dep_ != "ccomp" or child.lemma_.lower() not in JUDGING_VERBS:
            continue
        if any(g.dep_ == "neg" for g in child.children):
            continue  # "said the decision was not a provocation"
        subject = next((g for g in child.children if g.dep_ == "nsubj"), None)
        noun = _predicate(child)
        if subject is not None and noun is not None and _condemns(noun):
            return child
    return None


def verdict(token: Token) -> Trigger | None:
    """The accusation a speech verb makes by its verdict on an act, if it gives one."""
    return VERDICT if judged_clause(token) is not None else None


def verdict_noun(token: Token) -> Token | None:
    """The word of condemnation a speech verb's verdict uses ("a [violation]")."""
    clause = judged_clause(token)
    return _predicate(clause) if clause is not None else None


def judged_subject(token: Token) -> Token | None:
    """The subject of the verdict's clause: the act judged ("the strike")."""
    clause = judged_clause(token)
    if clause is None:
        return None
    return next((g for g in clause.children if g.dep_ == "nsubj"), None)
