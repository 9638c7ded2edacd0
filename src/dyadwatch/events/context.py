"""What the sentence and the events before a trigger supply when the parse leaves a role
empty: the other party of the sentence, the partner in a compound subject, the people of the
place where a state acts, and the earlier act that "this" or "the decision" refers to."""

from __future__ import annotations

from dataclasses import dataclass

from ..actors import ActorMention, KnowledgeBase
from ..model import Event
from ..nlp.sents import sentence_of
from .roles import RoleFinder, Roles

DEMONSTRATIVES = {"this", "that", "it", "which"}


def population(kb: KnowledgeBase, place, actor: ActorMention) -> ActorMention | None:
    """The people of the place where a state acts on its own ground (curfews, bans, raids)."""
    if not place.country or place.country != actor.country or actor.sector not in ("GOV", "MIL"):
        return None
    entry = kb.country(place.country)
    if entry is None:
        return None
    return ActorMention(0, 0, place.text, kb.code_for(entry.code, "CVL"), entry.country, "CVL",
                        entry.name, entry.wikidata, "role", "place", False, False)  # fmt: skip


def partner(roles: RoleFinder, tok, actor: ActorMention) -> ActorMention | None:
    """The other member of a compound subject: "Putin and Tokayev met", "Indian and Chinese
    commanders met"."""
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return None
    for tok2 in [*subj.conjuncts, *(c for c in subj.children if c.dep_ in ("amod", "compound"))]:
        for other in [tok2, *tok2.conjuncts]:
            found = roles.actors.for_np(other) or roles.actors.by_token.get(other.i)
            if found is not None and found.country and found.country != actor.country:
                return found
    return None
# Nouns that stand for an earlier act: "the decision was reversed", "the move was condemned".
EVENT_NOUNS = {"decision", "order", "ruling", "ban", "measure", "move", "step", "suspension",
               "restriction", "sanction", "verdict", "decree", "policy", "plan", "action"}


@dataclass
class Anaphor:
    actor_mention: ActorMention
    recipient_mention: ActorMention | None


def anaphoric_event(found: Roles, before: list[Event], tok) -> Anaphor | None:
    """The earlier event a pronoun or event noun in the trigger's patient refers to."""
    patient = found.patient
    if patient is None or not before:
        return None
    if patient.lower_ not in DEMONSTRATIVES and patient.lemma_.lower() not in EVENT_NOUNS:
        return None
    prev = before[-1]
    if sentence_of(tok).start_char - prev.evidence.start > 1200:
        return None
    actor = prev.actor
    mention = ActorMention(0, 0, actor.text, actor.code, actor.country, actor.sector, actor.name,
                           actor.wikidata, direct=False)  # fmt: skip
    rec = prev.recipient
    rmention = (ActorMention(0, 0, rec.text, rec.code, rec.country, rec.sector, rec.name,
                             rec.wikidata, direct=False) if rec else None)  # fmt: skip
    return Anaphor(mention, rmention)


def other_party(roles: RoleFinder, tok, actor: ActorMention) -> ActorMention | None:
    """The nearest other-country actor in the sentence, for a trigger with no recipient;
    never one listed with the actor ("The United States, France and Germany expressed")."""
    doc = tok.doc
    beside = set()
    if actor.end > actor.start:
        beside = {c.i for c in doc[actor.end - 1].conjuncts}
    best, dist = None, None
    sent = sentence_of(tok)
    for mention in roles.actors.mentions:
        if not (sent.start <= mention.start < sent.end):
            continue
        if any(i in beside for i in range(mention.start, mention.end)):
            continue
        if mention.country is None or mention.country == actor.country or mention.form == "adjective":
            continue
        d = abs(mention.start - tok.i)
        if dist is None or d < dist:
            best, dist = mention, d
    return best
