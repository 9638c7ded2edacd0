"""Explicit response links inside one document: "In retaliation, Russia restricted ...".

When the text says an event answers another ("in retaliation", "in response", "retaliated
by", "hit back by", "X was angered ... because the next day Y did Z"), the event is linked to
the most recent earlier event in the document by the other side of the dyad.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Span, Token

from ..attributes.because import because_mark, says_later
from ..tables import fail, read_table

CUES_FILE = Path(__file__).parent / "data" / "cues.tsv"

ANSWERED_DEPS = ("dobj", "nsubjpass")  # "rejected the accusations", "the offer was accepted"


@dataclass(frozen=True)
class LinkCues:
    phrases: tuple[tuple[str, ...], ...]  # token sequences that mark a response
    verbs: frozenset[str]  # verbs of responding: a lemma, then any particles ("hit back")
    answered: frozenset[str]  # nouns naming the act answered: "rejected the accusations"


@lru_cache(maxsize=1)
def link_cues() -> LinkCues:
    phrases, verbs, answered = [], set(), set()
    kinds = {"verb": verbs, "answered": answered}  # a set of words each; "before": phrases
    for n, row in read_table(CUES_FILE, required=("kind", "phrase"), allowed=("kind", "phrase")):
        kind, phrase = row["kind"], row["phrase"].lower()
        if not phrase or kind != "before" and kind not in kinds:
            raise fail(CUES_FILE, n, f"expected 'kind<TAB>phrase', got {list(row.values())}")
        if kind == "before":
            phrases.append(tuple(phrase.split()))
        else:
            kinds[kind].add(phrase)
    return LinkCues(tuple(phrases), frozenset(verbs), frozenset(answered))


def answered_noun(trigger: Token) -> Token | None:
    """ "Belarus rejected the accusations": the noun, object of the trigger, that names the
    other side's act the event answers; None when there is none."""
    nouns = link_cues().answered
    return next((c for c in trigger.children
                 if c.dep_ in ANSWERED_DEPS and c.lemma_.lower() in nouns), None)  # fmt: skip


def response_cue(trigger: Token, sent: Span) -> str | None:
    """The cue in the trigger's sentence that presents its event as a response, if any."""
    cues = link_cues()
    lowers = [t.lower_ for t in sent]
    for phrase in cues.phrases:
        n = len(phrase)
        for k in range(len(lowers) - n + 1):
            if tuple(lowers[k : k + n]) == phrase:
                return " ".join(phrase)
    return _verb_cue(trigger, cues.verbs) or _later_because(trigger)


def _verb_cue(trigger: Token, verbs: frozenset[str]) -> str | None:
    """ "... retaliated by halting", "hit back with sanctions": the trigger hangs off a verb of
    responding (its lemma and particles), which is not the trigger itself."""
    node = trigger
    for _ in range(3):
        if node.i != trigger.i:
            particles = [c.lower_ for c in node.children if c.dep_ in ("prt", "advmod")]
            for verb in verbs:
                lemma, *rest = verb.split()
                if node.lemma_.lower() == lemma and all(p in particles for p in rest):
                    return " ".join([node.text, *rest])
        if node.dep_ == "ROOT":
            break
        node = node.head
    return None


def _later_because(trigger: Token) -> str | None:
    """ "X was angered by Y's words, because the next day X cut ...": a because-clause that says
    it came later is the evidence of the main clause, and its act the reaction. Any other
    because-clause gives a cause, which came before its effect: no response."""
    for anc in [trigger, *trigger.ancestors]:
        if because_mark(anc) is not None:
            return "because" if says_later(anc) else None
    return None
