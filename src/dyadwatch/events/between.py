"""The parties between whom an act is told: "clashes between Indian and Pakistani troops",
"talks between Armenia and Azerbaijan", "talks were held between Iran and Saudi Arabia".

A noun act that names no doer of its own but two parties after "between" is the act of each
toward the other: the first is the actor, the second the recipient, and the coder codes it
both ways (``actor_how`` is ``between``). With a doer ("Qatar's mediation between Israel and
Hamas") the parties are only the recipients, which the parse already reads.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Protocol, TypeVar

from spacy.tokens import Token

from ..actors.mention import UNKNOWN_CODE, ActorMention
from .clauses import is_passive
from .lists import disjunctive, list_members
from .triggers import Candidate


class NounReader(Protocol):
    """What the step needs of the role finder (events.roles, which runs this step)."""

    def np_actor(self, tok: Token | None, owner: bool = False) -> ActorMention | None: ...

    def named_at(self, tok: Token) -> ActorMention | None: ...


class FoundRoles(Protocol):
    """What the step reads of the roles found so far (events.roles.Roles)."""

    actor: ActorMention | None
    recipient: ActorMention | None


R = TypeVar("R", bound=FoundRoles)
BETWEEN = "between"
NOMINAL_DEPS = ("nsubj", "nsubjpass", "dobj", "pobj")
MODIFIERS = ("amod", "nmod", "compound")  # "Thai" is often parsed as a noun modifier


def between_parties(finder: NounReader, cand: Candidate, roles: R) -> R | None:
    """ "Clashes between Indian and Pakistani troops erupted": India's troops act on
    Pakistan's, and (coded both ways) Pakistan's on India's."""
    tok = cand.token
    nominal = cand.trigger.pos == "NOUN" or (tok.tag_ == "VBG" and tok.dep_ in NOMINAL_DEPS)
    # "fighting between ...", parsed as a gerund; "talks were held between ...": a passive
    if not (nominal or is_passive(tok)) or roles.actor is not None:
        return None
    parties = next((_parties(finder, c) for c in tok.children
                    if c.dep_ == "prep" and c.lower_ == BETWEEN), [])  # fmt: skip
    if len(parties) != 2:
        return None
    return replace(roles, actor=parties[0], recipient=parties[1], actor_how=BETWEEN,
                   recipient_how=BETWEEN)  # fmt: skip


def _parties(finder: NounReader, prep: Token) -> list[ActorMention]:
    """The named parties of a between-phrase: its object and the object's conjuncts, or the
    coordinated state adjectives of one noun ("Indian and Pakistani troops")."""
    head = next((g for g in prep.children if g.dep_ == "pobj"), None)
    if head is None:
        return []
    members = list_members(head)
    if members:
        found = [finder.np_actor(t) for t in (head, *members)]
    else:
        found = adjective_parties(finder, head)
    named = [f for f in found if f is not None and f.code != UNKNOWN_CODE and f.country]
    # one party a country: "between Iran's top security official, Ali Shamkhani, and ..."
    return [f for n, f in enumerate(named) if all(f.country != g.country for g in named[:n])]


def adjective_parties(finder: NounReader, head: Token) -> list[ActorMention | None]:
    """ "Indian and Pakistani troops": one party for each state adjective, each with the
    sector the noun gives the first ("troops": the military)."""
    first = finder.np_actor(head)
    adjective = next((c for c in head.children if c.dep_ in MODIFIERS and c.conjuncts), None)
    if first is None or adjective is None or disjunctive([adjective, *adjective.conjuncts]):
        return []  # "Chilean or Bolivian troops": one party, as any list joined by "or"
    found: list[ActorMention | None] = [first]
    for other in adjective.conjuncts:
        state = finder.named_at(other) or finder.np_actor(other)
        if state is None or not state.country:
            continue
        code = state.country + (first.sector or "")
        found.append(replace(state, code=code, sector=first.sector))
    return found
