"""Explicit response links inside one document: "In retaliation, Russia restricted ...".

When the text says an event answers another ("in retaliation", "in response", "retaliated
by", "X was angered ... because the next day Y"), the event is linked to the most recent
earlier event in the document by the other side of the dyad.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Span, Token

from ..tables import fail, read_table, words

WORD_LISTS = Path(__file__).parent / "data" / "words.tsv"
CUES_FILE = Path(__file__).parent / "data" / "cues.tsv"

KINDS = ("before", "verb")
ANGERING = words(WORD_LISTS, "angering")  # "X was angered ... because Y": verbs of causing anger


@dataclass(frozen=True)
class LinkCues:
    phrases: tuple[tuple[str, ...], ...]  # token sequences that mark a response
    verbs: frozenset[str]  # lemmas of verbs of responding


@lru_cache(maxsize=1)
def link_cues() -> LinkCues:
    phrases, verbs = [], set()
    for n, row in read_table(CUES_FILE, required=("kind", "phrase"), allowed=("kind", "phrase")):
        if row["kind"] not in KINDS or not row["phrase"]:
            raise fail(CUES_FILE, n, f"expected 'kind<TAB>phrase', got {list(row.values())}")
        words = tuple(row["phrase"].lower().split())
        if row["kind"] == "before":
            phrases.append(words)
        else:
            verbs.add(row["phrase"].lower())
    return LinkCues(tuple(phrases), frozenset(verbs))


def response_cue(trigger: Token, sent: Span) -> str | None:
    """The cue in the trigger's sentence that presents its event as a response, if any."""
    cues = link_cues()
    lowers = [t.lower_ for t in sent]
    for phrase in cues.phrases:
        n = len(phrase)
        for k in range(len(lowers) - n + 1):
            if tuple(lowers[k : k + n]) == phrase:
                return " ".join(phrase)
    # "... retaliated by halting", "responded with sanctions": the trigger hangs off the verb
    node = trigger
    for _ in range(3):
        if node.lemma_.lower() in cues.verbs and node.i != trigger.i:
            return node.text
        if node.dep_ == "ROOT":
            break
        node = node.head
    # "X was angered by Y's words because the next day Z ...": the reaction is caused by Z
    for anc in [trigger, *trigger.ancestors]:
        if anc.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "because"
                                       for c in anc.children):  # fmt: skip
            head = anc.head
            if any(c.dep_ == "agent" for c in head.children) or head.lemma_.lower() in ANGERING:
                return "because"
    return None
