"""The role steps: what the role finder does after reading the parse, in order.

Each step reads the act and the roles found so far and returns them as it changes them, or
None when it does not apply: a receiving verb's giver ("received aid from Japan"), the
parties of a between-phrase ("clashes between Indian and Pakistani troops"), a causer
acting on its causee ("a court ordered the consortium to suspend"), a threat's condition, a
request's addressee, the doer of an act a verdict judges, a complement's recipient, and a
recipient on the actor's own side dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Protocol

from spacy.tokens import Token

from ..actors.mention import UNKNOWN_CODE, ActorMention
from ..tables import words
from .between import between_parties
from .clauses import SUBJECT_DEPS, WORD_LISTS, Roles, clause_subject, same_side
from .instruments import instrument_dropped
from .nonevents import naming_phrase
from .receiving import received
from .triggers import Candidate, causer_of
from .verdicts import VERDICT, read_verdict

CONDITIONS = words(WORD_LISTS, "conditions")
# Courts and forums a charge is brought before ("a complaint with the WTO"), by actor code,
# and the prepositions that bring it there
FORUMS = words(WORD_LISTS, "forums")
FORUM_PREPS = words(WORD_LISTS, "forum_preps")
GRIEVANCE_PREPS = words(WORD_LISTS, "grievance_preps")  # "a complaint over the raids"


class Finder(Protocol):
    """What the steps need of the role finder (events.roles.RoleFinder)."""

    def np_actor(self, tok: Token | None, owner: bool = False) -> ActorMention | None: ...

    def named_at(self, tok: Token) -> ActorMention | None: ...

    def noun_doer(self, noun: Token) -> ActorMention | None: ...

    def __call__(self, cand: Candidate) -> Roles: ...


def causer(finder: Finder, cand: Candidate, roles: Roles) -> Roles | None:
    """ "A court ordered the consortium to suspend operations": the court acts on it."""
    verb = causer_of(cand.token)
    actor = finder.np_actor(clause_subject(verb)) if verb is not None else None
    if actor is None:
        return None
    causee = next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None)
    recipient = finder.np_actor(causee, owner=True) or roles.recipient
    return Roles(actor, recipient, "causer", "causee", causee)


def condition(finder: Finder, cand: Candidate, roles: Roles) -> Roles | None:
    """ "Threatened to stop talks if the United States goes ahead": a threat is aimed at the
    one who must comply."""
    if cand.trigger.event != "THREATEN":
        return None
    cond = next((t for t in cand.token.subtree if t.dep_ == "advcl"
                 and any(m.dep_ == "mark" and m.lower_ in CONDITIONS for m in t.children)),
                None)  # fmt: skip
    subj = next((c for c in cond.children if c.dep_ in SUBJECT_DEPS), None) if cond else None
    found = finder.np_actor(subj, owner=True)
    if found is None or (roles.actor is not None and same_side(found, roles.actor)):
        return None
    return replace(roles, recipient=found, recipient_how="condition")


def addressee(finder: Finder, cand: Candidate, roles: Roles) -> Roles | None:
    """ "Demanded that the US cancel ...": a request with no recipient is addressed to the
    one asked to act (the last such clause's subject)."""
    tok = cand.token
    if roles.recipient is not None or cand.trigger.event != "REQUEST":
        return None
    changed = None
    for child in tok.children:
        if child.dep_ == "ccomp" or child.dep_ == "acl" and tok.pos_ == "NOUN":
            subj = next((g for g in child.children if g.dep_ in SUBJECT_DEPS), None)
            found = finder.np_actor(subj, owner=True)
            if found is not None and (roles.actor is None or not same_side(found, roles.actor)):
                changed = replace(roles, recipient=found, recipient_how="addressee")
    return changed


def granter(finder: Finder, cand: Candidate, roles: Roles) -> Roles | None:
    """ "The Security Council met at Moscow's request": a request told as the reason another
    party acted is addressed to that party, the subject of the clause it hangs from."""
    tok = cand.token
    if roles.recipient is not None or cand.trigger.event != "REQUEST" or tok.pos_ != "NOUN":
        return None
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != "at":
        return None
    verb = prep.head  # "met in an emergency session at Moscow's request": through the session
    while verb.dep_ in ("pobj", "prep") and verb.pos_ not in ("VERB", "AUX"):
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    found = finder.np_actor(clause_subject(verb))
    if found is None or (roles.actor is not None and same_side(found, roles.actor)):
        return None
    return replace(roles, recipient=found, recipient_how="granter")


def judged(finder: Finder, cand: Candidate, roles: Roles) -> Roles | None:
    """ "Said the Polish deployment was a provocation": a verdict on an act is aimed at the
    act's doer."""
    verdict = read_verdict(cand.token) if cand.trigger is VERDICT else None
    if verdict is None:
        return None
    found = finder.np_actor(verdict.subject, owner=True) or finder.noun_doer(verdict.subject)
    actor = roles.actor
    own = (
        found is not None
        and actor is not None
        and (found.code == actor.code or bool(found.country) and found.country == actor.country)
    )
    if own:
        found = None  # "the balloon's presence in U.S. airspace": where, not whose
    if found is None or found.code == UNKNOWN_CODE:
        return replace(roles, recipient=None, recipient_how="")  # the fallbacks look on
    return replace(roles, recipient=found, recipient_how="judged")


def complement(finder: Finder, cand: Candidate, roles: Roles) -> Roles | None:
    """ "Threatened to take back Alaska": an act with no recipient takes its complement's,
    the direct complement first."""
    tok = cand.token
    if roles.recipient is None:
        order = sorted(cand.absorbed,
                       key=lambda c: (c.token.head.i != tok.i or c.token.dep_ != "xcomp", c.i))  # fmt: skip
        # not the name an act is called by: "a violation of Greek sovereignty" names who
        # was wronged, not who is accused (nor, for the same reason, a verdict's word)
        for inner in order:
            if _names_the_act(inner.token) or inner.trigger is VERDICT:
                continue
            found = finder(inner).recipient
            if found is not None:
                return replace(roles, recipient=found, recipient_how="complement")
    return None


def _names_the_act(tok: Token) -> bool:
    """The name a naming verb gives the act, or the object of its "as" ("as a violation")."""
    return naming_phrase(tok) or tok.dep_ == "pobj" and naming_phrase(tok.head)


def forum_dropped(finder: Finder, cand: Candidate, roles: Roles) -> Roles | None:
    """ "Filed a complaint with the World Trade Organization": a court or forum a charge is
    brought before is not the one charged; the fallbacks look for that party."""
    found = roles.recipient
    if found is None or cand.trigger.event != "ACCUSE" or found.code.lower() not in FORUMS:
        return None
    if found.end <= found.start:
        return None
    root = cand.token.doc[found.start : found.end].root
    if root.dep_ != "pobj" or root.head.lower_ not in FORUM_PREPS:
        return None
    # "complained to the United Nations over two Israeli air raids": the doer of what it is over
    charged = _grievance_doer(finder, cand.token)
    if charged is not None and roles.actor is not None and same_side(charged, roles.actor):
        charged = None
    return replace(roles, recipient=charged, recipient_how="grievance" if charged else "")


def _grievance_doer(finder: Finder, tok: Token) -> ActorMention | None:
    """The party named in what a charge is over ("over Israeli air raids", "against Russia's
    ban"), by name or as the doer of the act named."""
    holders = [tok, *(c for c in tok.children if c.dep_ in ("dobj", "obj"))]
    for prep in (c for h in holders for c in h.children if c.dep_ == "prep"):
        if prep.lower_ not in GRIEVANCE_PREPS:
            continue
        for pobj in (g for g in prep.children if g.dep_ == "pobj"):
            found = finder.np_actor(pobj, owner=True) or finder.noun_doer(pobj)
            if found is not None and found.code != UNKNOWN_CODE:
                return found
    return None


def own_side_dropped(finder: Finder, cand: Candidate, roles: Roles) -> Roles | None:
    """A recipient with no country, or on the actor's own side, is no recipient."""
    found = roles.recipient
    if found is not None and (found.code == UNKNOWN_CODE
                              or (roles.actor is not None and same_side(found, roles.actor))):  # fmt: skip
        return replace(roles, recipient=None)
    return None


RoleStep = Callable[[Finder, Candidate, Roles], "Roles | None"]
# In order; each sees the roles the steps before it left.
ROLE_STEPS: tuple[RoleStep, ...] = (received, instrument_dropped, between_parties, causer,
                                    condition, addressee, granter, judged, complement,
                                    forum_dropped, own_side_dropped)  # fmt: skip
