"""A verdict a speaker gives on an act: "Pakistan said the strike was a violation of its
airspace", "Beijing said the move constituted interference". Saying that an act is a word
of condemnation is an accusation against whoever did the act, made by the speaker, as
"called the strike a violation" is.

The speech verb is the trigger (the copula states no act of its own); the role step
``judged`` gives the accusation the doer of the act judged. A verdict under a modal ("would
be a violation", "may have been a provocation") or a negation is none, and so is one on a
thing that is no act ("the only option left was war").
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Token

from ..tables import words
from .clauses import SAYING
from .lexicon import Trigger

WORD_LISTS = Path(__file__).parent / "data" / "words.tsv"
VERDICT_NOUNS = words(WORD_LISTS, "verdict_nouns")  # "a violation", "a provocation"
VERDICT_KINDS = words(WORD_LISTS, "verdict_kinds")  # "an act of [war]"
JUDGING_VERBS = words(WORD_LISTS, "judging_verbs")  # "was", "constituted", "amounted to"
JUDGED_ACTS = words(WORD_LISTS, "judged_acts")  # "the move", "the decision", "the visit"
VERDICT = Trigger(lemma="", pos="VERB", event="ACCUSE", mode="disapprove", context=(),
                  cameo="111", intensity=None, with_=(), frame=None)  # fmt: skip


@dataclass(frozen=True)
class Verdict:
    subject: Token  # the act judged: "the strike"
    noun: Token  # the word of condemnation: "violation"


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
    """A word of condemnation, or an act "of" one ("an act of aggression", "of war")."""
    if noun.lemma_.lower() in VERDICT_NOUNS:
        return True
    return any(g.dep_ == "pobj" and g.lemma_.lower() in VERDICT_NOUNS | VERDICT_KINDS
               for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
               for g in c.children)  # fmt: skip


def _plain(clause: Token) -> bool:
    """A judgement stated outright: no negation, no modal ("would be", "may have been")."""
    return not any(c.dep_ == "neg" or c.dep_ == "aux" and c.tag_ == "MD" for c in clause.children)


def read_verdict(token: Token, acts: Collection[str] | None = None) -> Verdict | None:
    """The verdict a speech verb reports on an act, if it gives one. ``acts``: the lemmas
    that name acts (the lexicon's triggers); None to skip that check."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in SAYING:
        return None
    for child in token.children:
        if child.dep_ != "ccomp" or child.lemma_.lower() not in JUDGING_VERBS or not _plain(child):
            continue
        subject = next((g for g in child.children if g.dep_ == "nsubj"), None)
        noun = _predicate(child)
        if subject is None or noun is None or not _condemns(noun) or subject.pos_ != "NOUN":
            continue
        lemma = subject.lemma_.lower()
        if acts is None or lemma in acts or lemma in JUDGED_ACTS:
            return Verdict(subject, noun)
    return None
