"""The two states of a story, and the phrases that name them together: "the two countries",
"both sides", "the two militaries" in a story about two states are those two states."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from spacy.tokens import Token

from ..nlp.sents import sentence_of
from ..tables import words
from .kb import KnowledgeBase
from .mention import UNKNOWN_CODE, ActorMention, np_span

WORD_LISTS = Path(__file__).parent / "data" / "words.tsv"

# Plural nouns that, counted as two ("the two countries", "both sides"), name two parties.
PAIR_NOUNS = words(WORD_LISTS, "pair_nouns")
# "on both sides of the border", "in both countries": where, not who
PAIR_PLACE_PREPS = words(WORD_LISTS, "pair_place_preps")
# verbs whose "on" names whom the act is aimed at: "called on both sides", "imposed on"
AIMING_VERBS = words(WORD_LISTS, "aiming_verbs")
STORY_SHARE = 0.6  # the two states must hold this share of the story's state mentions
PAIR_FORM = "pair"
PAIR_WINDOW = 3  # sentences back in which "Chile and Peru" names the pair "the two" continues


def story_pair(mentions: Iterable[ActorMention]) -> tuple[str, str] | None:
    """The two states a story is about: the two named most often, when they dominate it."""
    counts = Counter(m.country for m in mentions if m.country and m.code != UNKNOWN_CODE)
    top = counts.most_common(3)
    if len(top) < 2 or top[1][1] < 2:
        return None
    if (top[0][1] + top[1][1]) < STORY_SHARE * sum(counts.values()):
        return None
    if len(top) == 3 and top[2][1] * 2 > top[1][1]:
        return None  # a third state named about as often: no single counterpart
    return top[0][0], top[1][0]


def named_pair(mentions: Iterable[ActorMention], head: Token) -> tuple[str, str] | None:
    """The two states named last as a pair, and only two ("Chile and Peru met"), within the
    sentence of ``head`` and the PAIR_WINDOW sentences before it."""
    doc = head.doc
    lo = sentence_of(head).start
    for _ in range(PAIR_WINDOW):
        lo = sentence_of(doc[lo - 1]).start if lo > 0 else 0
    by_root = {doc[m.start : m.end].root.i: m for m in mentions
               if m.kind == "country" and m.country and m.end > m.start}  # fmt: skip
    found = None
    for i, second in sorted(by_root.items()):
        if not lo <= i < head.i or doc[i].dep_ != "conj":
            continue
        if len(doc[i].conjuncts) != 1:
            continue  # "Chile, Peru, Bolivia and Ecuador": which two, the text does not say
        first = by_root.get(doc[i].head.i)
        if first is not None and first.country != second.country:
            found = (first.country, second.country)
    return found


def counted_pair(head: Token) -> bool:
    """ "the two countries", "both sides", "the two militaries": a plural party noun counted
    as two (a count of three or more, or one, names no pair); "each side" takes each of the
    two in turn."""
    if head.lemma_.lower() not in PAIR_NOUNS:
        return False
    if head.tag_ == "NN":
        return any(c.dep_ == "det" and c.lower_ == "each" for c in head.children)
    if head.tag_ not in ("NNS", "NNPS"):
        return False
    if head.dep_ == "pobj" and head.head.lower_ in PAIR_PLACE_PREPS and not _aimed_at(head):
        return False
    return any(
        c.dep_ == "nummod"
        and c.lower_ in ("two", "2")
        or c.dep_ in ("det", "predet")
        and c.lower_ == "both"
        for c in head.children
    )


def _aimed_at(pobj: Token) -> bool:
    """ "Called on both sides to return to talks": the "on" of a verb that aims at someone
    names parties, not where ("troops on both sides")."""
    prep = pobj.head
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in pobj.children):
        return False  # "on both sides of the border": where
    return prep.lower_ in ("on", "upon") and prep.head.lemma_.lower() in AIMING_VERBS


def pair_mentions(
    kb: KnowledgeBase, head: Token, states: tuple[str, str], sector: str | None
) -> list[ActorMention]:
    """One mention per state of the pair, both spanning the phrase that names them."""
    span = np_span(head)
    found = []
    for country in states:
        entry = kb.country(country)
        if entry is None:
            return []
        code = kb.code_for(entry.code, sector) if sector else entry.code
        found.append(ActorMention(span.start, span.end, span.text, code, entry.country, sector,
                                  entry.name, entry.wikidata, "country", PAIR_FORM, False,
                                  False))  # fmt: skip
    return found


def pair_subject(pronoun: Token) -> Token | None:
    """ "The two countries reaffirmed their intent", "the two armies traded fire along the
    border between them": a group pronoun under a clause whose subject is a counted pair
    refers to that pair (the first subject above the pronoun decides)."""
    for node in pronoun.ancestors:
        subj = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.i != pronoun.i:
            return subj if counted_pair(subj) else None
    return None


def previous_pair_subject(pronoun: Token) -> Token | None:
    """ "The two governments agreed ... They said": a subject pronoun opening its clause
    continues a counted pair that was the main subject of the sentence before."""
    sent = sentence_of(pronoun)
    if sent.start == 0:
        return None
    before = sentence_of(pronoun.doc[sent.start - 1])
    subj = next((c for c in before.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj if subj is not None and counted_pair(subj) else None
