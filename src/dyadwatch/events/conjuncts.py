"""One event per party when the text coordinates parties: "welcomed by Russia, the EU and
Turkey" is three welcomes; "condemned Peru and Bolivia" two condemnations; "Armenia and
Azerbaijan accused each other" an accusation each way."""

from __future__ import annotations

from pathlib import Path

from spacy.tokens import Doc

from ..actors import ActorMention
from ..actors.mention import UNKNOWN_CODE
from ..tables import words
from .between import adjective_parties
from .lists import disjunctive, list_members, of_members
from .roles import RoleFinder

WORD_LISTS = Path(__file__).parent / "data" / "words.tsv"

RECIPROCAL_PRONOUNS = {tuple(p.split()) for p in words(WORD_LISTS, "reciprocal_pronouns")}


PHRASE_DEPS = ("dobj", "pobj", "compound")


def _in_clause(head, token) -> bool:
    """Whether ``head`` is an argument in the trigger's own clause (not a party borrowed from
    another sentence or clause)."""
    # "its strikes on X" as an object; "a mediation effort between X and Y": the phrase
    governor = token.head if token.pos_ == "NOUN" and token.dep_ in PHRASE_DEPS else token
    return any(node.left_edge.i <= head.i <= node.right_edge.i for node in (token, governor))


def conjoined(
    roles: RoleFinder, doc: Doc, mention: ActorMention | None, token=None
) -> list[ActorMention]:
    """The other named parties coordinated with ``mention`` ("Russia, the EU and Turkey"),
    when the mention is an argument of the trigger ``token``'s clause."""
    if mention is None or mention.end <= mention.start:
        return []
    head = doc[mention.start : mention.end].root
    if token is not None and not _in_clause(head, token):
        return []
    other_state = roles.actors.pair_partner(mention)  # "the two countries"
    if other_state is not None:
        return [other_state]
    found: list[ActorMention] = []
    members = list_members(head) or of_members(head)
    if disjunctive([head, *members]):
        return []  # "Chile, Peru, or Bolivia": one act about the class
    others = [roles.actors.for_np(conj) for conj in members]
    if not members and head.pos_ == "NOUN":  # "his Russian and Ukrainian counterparts"
        others = adjective_parties(roles, head)[1:]
    for other in others:
        if other is None or other.code in (UNKNOWN_CODE, mention.code) or not other.direct:
            continue  # "Iranian missiles and drones": a guessed country is no party of its own
        if other.country and other.country == mention.country:
            continue  # "Putin and Lavrov": one state, one event
        if all(other.code != f.code for f in found):
            found.append(other)
    return found


def _among(mention: ActorMention, others: list[ActorMention]) -> bool:
    """Whether ``mention`` is one of the coordinated parties (the partner drawn from them)."""
    return any(o is mention or o.start == mention.start and o.code == mention.code
               for o in others)  # fmt: skip


def says_each_other(token) -> bool:
    """Whether the trigger's object is "each other" or "one another"."""
    for child in token.subtree:
        nxt = child.nbor(1) if child.i + 1 < len(child.doc) else None
        if nxt is not None and (child.lower_, nxt.lower_) in RECIPROCAL_PRONOUNS:
            return True
    return False


def party_pairs(
    roles: RoleFinder,
    token,
    actor: ActorMention,
    recipient: ActorMention | None,
    mutual: bool = False,
) -> list[tuple[ActorMention, ActorMention | None]]:
    """Every (actor, recipient) pair the coordination gives, the parsed pair first.

    Needs the trigger token and the pair the roles stage found. A coordinated actor takes the
    recipient, or the first actor when that recipient is its own side (the partner of a
    reciprocal act); a coordinated recipient takes the actor; "each other" pairs every actor
    with every other, and so does a reciprocal act whose partner is one of three or more
    coordinated actors ("Chile, Peru and Bolivia met": each met each); a mutual act ("traded
    fire") is also the recipient's toward the actor."""
    doc = token.doc
    actors = [actor, *conjoined(roles, doc, actor, token)]
    pairs: list[tuple[ActorMention, ActorMention | None]] = [(actor, recipient)]
    if len(actors) > 1 and recipient is None and (mutual or says_each_other(token)):
        return [(a, b) for a in actors for b in actors if a is not b]
    if len(actors) > 2 and recipient is not None and _among(recipient, actors[1:]):
        return pairs + [(a, b) for a in actors for b in actors
                        if a is not b and (a, b) != (actor, recipient)]  # fmt: skip
    for other in actors[1:]:
        target = recipient
        if target is not None and target.country and target.country == other.country:
            target = actor
        pairs.append((other, target))
    for other in conjoined(roles, doc, recipient, token):
        pairs.append((actor, other))
    if (
        mutual
        and recipient is not None
        and not any(
            a.country == recipient.country and r is not None and r.country == actor.country
            for a, r in pairs
        )
    ):  # "the two armies traded fire": each way once
        pairs.append((recipient, actor))
    return [(a, r) for a, r in pairs if r is None or not a.country or a.country != r.country
            or a is actor and r is recipient]  # fmt: skip
