"""Rules for bodies many states have: "the National Security Committee", "the Investigative
Committee" and the like belong to the state the text ties them to, not to the one state (or
organisation) the knowledge base files the bare name under."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from pathlib import Path

from spacy.tokens import Token

from ..nlp.sents import sentence_of
from ..tables import words
from .mention import MODIFIER_DEPS, UNKNOWN_CODE, ActorMention, np_span
from .pronouns import THING_PRONOUNS

WORD_LISTS = Path(__file__).parent / "data" / "words.tsv"
# names of bodies that many states have, though the knowledge base files them under one
SHARED_BODY_NAMES = words(WORD_LISTS, "shared_body_names")


class BodyRules:
    """Mixed into DocActors: needs ``doc``, ``by_token``, ``mentions``, ``places``,
    ``_cache``, ``for_np``, ``_adjective`` and ``_pronoun``."""

    def settle_bodies(self) -> None:
        """Give each body named by a shared name the reading the rules give it, in the
        document's mentions too, so that rules reading them ("the other party in the
        sentence") see Pakistan's National Security Committee, not Kazakhstan's."""
        settled: dict[int, ActorMention] = {}
        for mention in self.mentions:
            if mention.kind in ("org", "group") and _shared_name(mention):
                found = self.for_np(self.doc[mention.start : mention.end].root)
                if found is not None and found is not mention:
                    settled[id(mention)] = found
        if not settled:
            return
        self.mentions = [settled.get(id(m), m) for m in self.mentions]
        self.by_token = {i: settled.get(id(m), m) for i, m in self.by_token.items()}
        self._cache.clear()

    def _national_body(self, head: Token, body: ActorMention) -> ActorMention | None:
        """ "the Armenian Security Council", "Pakistan's National Security Committee": a body
        name many states use belongs to the state its modifier names, else (for a name the
        knowledge base files under one state) the state of its sentence, unless the story is
        about the knowledge base's state."""
        shared = _shared_name(body)
        if not (body.sector == "IGO" or shared):
            return None  # "pro-Iranian Hezbollah": a group of its own, whatever modifies it
        owner = self._body_owner(head, body)
        if owner is not None:
            return None if owner == body.country else self._body_of(head, body, owner)
        national = body.start > 0 and head.doc[body.start - 1].text == "National"
        if not (national or shared):
            return None
        if shared and body.country and body.country in self._story_states():
            return None  # "the National Security Committee" in a story about Kazakhstan
        # "the National Security Council" is no UN body: a state's, the nearest named
        country = self._nearest_country(head)
        if country is not None:
            return self._body_of(head, body, country)
        return self._body_of_story_state(head, body)

    def _body_owner(self, head: Token, body: ActorMention) -> str | None:
        """The state a modifier outside the body's name names: "Pakistan's", "its",
        "Armenian"."""
        for child in head.children:
            if child.dep_ not in MODIFIER_DEPS or body.start <= child.i < body.end:
                continue
            found = self._adjective(child) or self.by_token.get(child.i)
            if found is None and child.lower_ in THING_PRONOUNS:
                found = self._pronoun(child)  # "its National Security Committee"
            if found is not None and found.kind == "country" and found.country:
                return found.country
        return None

    def _story_states(self) -> set[str]:
        """The states the story is about: the two it names most (more on a tie), not
        counting bodies named by a shared name."""
        counts = Counter(m.country for m in self.mentions if m.country and not _shared_name(m))
        ranked = counts.most_common()
        if len(ranked) <= 2:
            return set(counts)
        floor = ranked[1][1]
        return {country for country, n in ranked if n >= floor}

    def _body_of_story_state(self, head: Token, body: ActorMention) -> ActorMention:
        """A state's body named in a sentence that names no state: the state the story names
        most (a guess), else a body whose state is unknown."""
        counts = Counter(m.country for m in self.mentions if m.kind == "country" and m.country)
        top = counts.most_common(2)
        if top and (len(top) == 1 or top[0][1] > top[1][1]):
            return replace(self._body_of(head, body, top[0][0]), direct=False)
        span = np_span(head)
        return ActorMention(span.start, span.end, span.text, UNKNOWN_CODE, None, "GOV", None,
                            None, "role", "name", False, False)  # fmt: skip

    def _body_of(self, head: Token, body: ActorMention, country: str) -> ActorMention:
        sector = body.sector if body.sector not in (None, "IGO") else "GOV"
        span = np_span(head)
        return ActorMention(span.start, span.end, span.text, country + sector, country, sector,
                            None, None, "role", "name")  # fmt: skip

    def _nearest_country(self, head: Token) -> str | None:
        """The country of the state named nearest to ``head`` in its sentence, else of the
        nearest place it names, else of the nearest adjective ("the Ugandan raid" marks a
        thing, weaker than "met in Nairobi")."""
        sent = sentence_of(head)
        states = [m for m in self.mentions if sent.start <= m.start < sent.end
                  and m.kind == "country" and m.country]  # fmt: skip
        named = [m for m in states if m.form != "adjective"]
        nearest = min(named, key=lambda m: abs(m.start - head.i), default=None)
        if nearest is not None:
            return nearest.country
        at = self.places.at if self.places is not None else None  # "met in Islamabad"
        placed = [(abs(t.i - head.i), p.country) for t in sent
                  if at is not None and (p := at(t.i)) is not None and p.country]  # fmt: skip
        if placed:
            return min(placed)[1]
        nearest = min(states, key=lambda m: abs(m.start - head.i), default=None)
        return nearest.country if nearest is not None else None


def _shared_name(body: ActorMention) -> bool:
    """Whether the body is named by a name many states use ("National Security Committee"),
    not by one of its own ("KNB")."""
    return body.text.lower().removeprefix("the ") in SHARED_BODY_NAMES
