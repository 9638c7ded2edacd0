"""Where an event happened: place names found in the parse, resolved against the gazetteer.

Place names are the tagger's GPE, LOC and FAC entities, the project's own place names
(data/places.tsv) wherever they occur, and proper names after a locative preposition or a
kind of place ("in Cizre", "the town of Samarra") when they name a well-known place. Names
are resolved in the light of the countries the document is about: the countries it names,
and those its caller passes (the countries of its actors). See gazetteer.py for the rule.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from ..model import Place
from ..nlp.arrays import with_pos
from ..nlp.phrases import PhraseIndex
from ..nlp.sents import sentence_of
from ..tables import words
from .dates import clause_tokens
from .gazetteer import Gazetteer, default_gazetteer, name_key

WORD_LISTS = Path(__file__).parent / "data" / "words.tsv"

__all__ = ["DocumentPlaces", "Gazetteer", "PlaceMention", "default_gazetteer", "name_key"]

PLACE_LABELS = ("GPE", "LOC", "FAC")
LOCATIVE = words(WORD_LISTS, "locative")
# "near the town of Samarra": a place named through the kind of place it is
PLACE_NOUNS = words(WORD_LISTS, "place_nouns")
HOLDING_PARTICIPLES = words(WORD_LISTS, "holding_participles")  # "Pakistan-administered"


@dataclass(frozen=True)
class PlaceMention:
    """A place name in the text (token and character offsets) and the place it names."""

    start: int
    end: int
    start_char: int
    end_char: int
    place: Place


@lru_cache(maxsize=4)
def _own_index(names: frozenset[str]) -> PhraseIndex:
    """The places.tsv names as word sequences, indexed once per set of names."""
    return PhraseIndex({name: name.split() for name in names})


def _own_spans(doc: Doc, names: frozenset[str], covered: set[int]) -> list[Span]:
    """Spans whose words are exactly a places.tsv name, outside the tagged entities: at each
    token not yet covered, the longest such name."""
    spans = []
    for start, end, _ in _own_index(names)(doc):
        if start not in covered:
            spans.append(doc[start:end])
            covered.update(range(start, end))
    return spans


def _untagged_spans(doc: Doc, covered: set[int]) -> list[Span]:
    """Proper names after a locative preposition ("in Cizre") or a kind of place ("the town of
    Samarra") that the tagger did not call places."""
    spans = []
    for token in with_pos(doc, ("PROPN",)):
        if token.i in covered or token.dep_ not in ("pobj", "conj"):
            continue
        head = token.head
        while head.dep_ == "conj" and token.dep_ == "conj":
            head = head.head
        named_kind = head.lower_ == "of" and head.head.lemma_.lower() in PLACE_NOUNS
        if (head.lower_ not in LOCATIVE and not named_kind
                and not (token.dep_ == "conj" and head.dep_ == "pobj")):  # fmt: skip
            continue
        start = token.left_edge.i if token.left_edge.dep_ == "compound" else token.i
        if any(i in covered for i in range(start, token.i + 1)):
            continue
        spans.append(doc[start : token.i + 1])
        covered.update(range(start, token.i + 1))
    return spans


def _holder(doc: Doc, start: int, holders: Mapping[int, str]) -> str | None:
    """The state a place name's hyphened modifier says holds it: "Pakistan-administered
    Kashmir", "Indian-controlled Kashmir", "Russian-occupied Melitopol"."""
    if start < 3 or doc[start - 1].lower_ not in HOLDING_PARTICIPLES or doc[start - 2].text != "-":
        return None
    return holders.get(start - 3)


class DocumentPlaces:
    """The resolved place names of one document, and the place of an event."""

    def __init__(self, doc: Doc, gazetteer: Gazetteer | None = None, countries: Iterable[str] = (),
                 holders: Mapping[int, str] | None = None):  # fmt: skip
        """Find and resolve the place names of ``doc`` (parsed).

        `countries` (alpha-3 codes, e.g. of the document's actors) and the countries the
        document names are the context in which a name shared by several places is read.
        `holders` maps the tokens that name a state to its code, so that "Pakistan-administered
        Kashmir" is read as held by that state.
        """
        self.doc = doc
        gazetteer = gazetteer or default_gazetteer()
        spans = [e for e in doc.ents if e.label_ in PLACE_LABELS]
        covered = {t.i for s in spans for t in s}
        spans += _own_spans(doc, gazetteer.own_names, covered)
        tagged = len(spans)
        spans += _untagged_spans(doc, covered)
        spans = [s[1:] if s[0].lower_ == "the" else s for s in spans]
        names = {s.text for s in spans[:tagged]} | {e.text for e in doc.ents}
        named = {gazetteer.country_named(n) for n in names if n}
        self.countries = frozenset(c for c in (*countries, *named) if c)
        self.mentions: list[PlaceMention] = []
        self._by_root: dict[int, int] = {}
        self._by_token: dict[int, int] = {}
        order = sorted(range(len(spans)), key=lambda k: spans[k].start)
        for k in order:
            span = spans[k]
            if not span.text:
                continue
            if k < tagged:
                place = gazetteer.lookup(span.text, self.countries)
            else:
                place = gazetteer.lookup_known(span.text, countries=self.countries)
            if place is None:
                continue
            if (holder := _holder(doc, span.start, holders or {})) is not None:
                place = replace(place, country=holder)
            self._by_root[span.root.i] = len(self.mentions)
            for i in range(span.start, span.end):
                self._by_token[i] = len(self.mentions)
            self.mentions.append(PlaceMention(span.start, span.end, span.start_char,
                                              span.end_char, place))  # fmt: skip

    def at(self, i: int) -> Place | None:
        """The place whose name covers token ``i``, or None."""
        k = self._by_token.get(i)
        return None if k is None else self.mentions[k].place

    def for_token(self, token: Token) -> Place | None:
        """The place of an event triggered at ``token``, or None.

        A place counts when it is the object of a locative preposition (in, at, near ...)
        attached to the trigger, to a word of its subtree (its object, "shipments from the
        CPC in Novorossiysk"), or to a word of its clause (its subject noun phrase). Places
        that are the actor or recipient themselves are never objects of such prepositions.
        Of several, the one attached closest to the trigger wins.
        """
        if not self._by_root:
            return None
        sent = sentence_of(token)
        candidates = [(self.doc[i], k) for i, k in self._by_root.items()
                      if sent.start <= i < sent.end]  # fmt: skip
        if not candidates:
            return None
        clause = clause_tokens(token)
        subtree = {t.i for t in token.subtree} & clause
        best: tuple[int, int, int] | None = None
        for root, k in candidates:
            prep = root.head
            if (root.dep_ == "pobj" and prep.lower_ == "of" and prep.head.dep_ == "pobj"
                    and prep.head.lemma_.lower() in PLACE_NOUNS):  # fmt: skip
                root, prep = prep.head, prep.head.head
            while root.dep_ == "conj" and prep.dep_ in ("pobj", "conj"):
                root, prep = prep, prep.head  # "in Moscow and Kazan"
            if root.dep_ != "pobj" or prep.lower_ not in LOCATIVE:
                continue
            while prep.dep_ == "conj" and prep.head.pos_ == "ADP":
                prep = prep.head  # "in the Donbas and near Kharkiv"
            attach = prep.head.i
            if attach not in clause:
                continue
            level = 0 if attach == token.i else 1 if attach in subtree else 2
            score = (level, abs(attach - token.i), k)
            best = score if best is None or score < best else best
        return self.mentions[best[2]].place if best else None
