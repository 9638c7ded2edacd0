"""Actors named by what they are to another: "the bloc", "the alliance", "the world body"
stand for the organisation of that kind the text named last (data/descriptors.tsv), a
spokesman or official speaks for the body after "for" ("a spokesman for the Kremlin"), a
role inside an organisation or group is that body ("EU officials", "the bloc's defence
chiefs"), and a body led by a state is that state's ("the Saudi-led coalition")."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

from ..tables import fail, read_table, split_list, words
from .mention import UNKNOWN_CODE, ActorMention, np_span

DATA = Path(__file__).parent / "data"
DESCRIPTORS_FILE = DATA / "descriptors.tsv"
# roles that speak for the body after "for": "a spokesman for the Kremlin"
SPEAKING_ROLES = words(DATA / "words.tsv", "speaking_roles")
WINDOW = 5  # sentences back to look for the organisation a descriptor stands for


@lru_cache(maxsize=1)
def descriptors(path: Path = DESCRIPTORS_FILE) -> dict[str, frozenset[str]]:
    """Descriptor noun -> the organisation codes it can stand for. Raises DataError."""
    found: dict[str, frozenset[str]] = {}
    for number, row in read_table(path, required=("noun", "codes")):
        codes = frozenset(split_list(row["codes"]))
        if not row["noun"] or not codes:
            raise fail(path, number, "expected a noun and organisation codes")
        found[row["noun"]] = codes
    return found


class DescriptorRules:
    """Mixed into DocActors: needs ``by_token``, ``for_np``, ``owner`` and ``_recent``."""

    def _described_body(self, head: Token) -> ActorMention | None:
        """ "The European Union ... the bloc": a definite descriptor is the organisation of
        its kind named last, within a few sentences; none when the text names none."""
        definite = any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
        if head.pos_ not in ("NOUN", "PROPN") or not head.is_lower or not definite:
            return None  # "the bloc", often tagged as a name
        lemma = head.lemma_.lower()
        before = next((c for c in head.children if c.dep_ in ("compound", "amod")
                       and c.i == head.i - 1), None)  # fmt: skip
        codes = descriptors().get(f"{before.lower_} {lemma}") if before is not None else None
        # "the news agency", "the trade union", "the ruling alliance": another kind of body
        counted = before is not None and any(c.like_num for c in before.children)  # "27-nation"
        other_kind = (before is not None and not counted
                      and (before.pos_ in ("NOUN", "PROPN") or before.tag_ == "VBG"))  # fmt: skip
        if codes is None and not other_kind:
            codes = descriptors().get(lemma)
        if codes is None:
            return None
        prior = self._recent(head, lambda m: m.code in codes, window=WINDOW)
        return prior.with_text(np_span(head), "role") if prior is not None else None

    def _led_by(self, head: Token) -> ActorMention | None:
        """ "The Saudi-led coalition", "a coalition led by Saudi Arabia": a body a state leads
        acts as that state."""
        for child in head.children:
            if child.lemma_.lower() != "lead" or child.tag_ != "VBN":
                continue
            if child.dep_ == "amod":  # "Saudi-led"
                leaders = [g for g in child.children if g.dep_ in ("npadvmod", "compound", "nmod")]
            elif child.dep_ == "acl":  # "led by Saudi Arabia"
                leaders = [p for a in child.children if a.dep_ == "agent"
                           for p in a.children if p.dep_ == "pobj"]  # fmt: skip
            else:
                continue
            for leader in leaders:
                found = self.by_token.get(leader.i) or self.for_np(leader)
                if found is not None and found.country and found.code != UNKNOWN_CODE:
                    return found.with_text(np_span(head), "modified")
        return None

    def _spoken_for(self, head: Token) -> ActorMention | None:
        """ "A spokesman for the Kremlin", "an official for the bloc's foreign service": the
        body the role speaks for, by name or inside its phrase."""
        if head.lemma_.lower() not in SPEAKING_ROLES:
            return None
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "for"):
            for pobj in (g for g in prep.children if g.dep_ == "pobj"):
                found = self.for_np(pobj) or self.owner(pobj)
                if found is not None and found.code != UNKNOWN_CODE:
                    return found.with_text(np_span(head), "role")
        return None

    def _role_org(self, head: Token) -> ActorMention | None:
        """ "EU officials", "NATO troops", "UN peacekeepers", "the Artsakh president", "Hamas
        fighters", "leaders of the Group of Seven": a role inside an organisation or a group."""
        of = [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
              for g in c.children if g.dep_ == "pobj"]  # fmt: skip
        for child in [*head.children, *of]:
            if child.dep_ in ("compound", "amod", "poss", "nmod", "pobj"):
                found = self.by_token.get(child.i)
                if found is None or found.form not in ("name", "alias"):
                    # "the bloc's defence chiefs": a possessor named by what it is
                    poss = child.dep_ == "poss" and child.pos_ != "PRON"
                    found = self.for_np(child) if poss else None
                if found is not None and (found.kind == "org" and found.country is None
                                          or found.kind == "group"):  # fmt: skip
                    return found
        return None
