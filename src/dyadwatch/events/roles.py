"""Who acted and at whom: read actor and recipient off the dependency parse.

Verbs take their actor from the subject (the "by" agent in a passive), climbing through
conjunctions, control and relative clauses when the clause has no subject of its own. Nouns
take it from a possessor, a "by" phrase, an actor adjective ("Western sanctions"), or the
subject of the verb that governs them ("Russia announced the suspension of ...").
Recipients come from the object, the passive subject, and prepositional phrases.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from spacy.tokens import Token

from ..actors.mention import UNKNOWN_CODE
from ..actors.resolve import ActorMention, DocActors
from ..tables import words
from .instruments import instrument_dropped
from .receiving import received
from .support import support_verbs
from .triggers import Candidate, causer_of

WORD_LISTS = Path(__file__).parent / "data" / "words.tsv"

VERB_RECIPIENT_PREPS = words(WORD_LISTS, "verb_recipient_preps")
NOUN_RECIPIENT_PREPS = words(WORD_LISTS, "noun_recipient_preps")
SUBJECT_DEPS = ("nsubj", "csubj")
# "with": "went into overdrive with threats"; "of": "a series of threats".
GOVERNING_PREPS = words(WORD_LISTS, "governing_preps")
RELATIVE = words(WORD_LISTS, "relative")
RESPONSE_VERBS = words(WORD_LISTS, "response_verbs")
# "ramming carried out by the coast guard": participles whose "by" agent did the act named
PERPETRATING = words(WORD_LISTS, "perpetrating")
OBJECT_CONTROL = words(WORD_LISTS, "object_control")
# "imposed sanctions on Russia": the object's recipient
OBJECT_PREPS = words(WORD_LISTS, "object_preps")


@dataclass
class Roles:
    actor: ActorMention | None
    recipient: ActorMention | None
    actor_how: str = ""
    recipient_how: str = ""
    patient: Token | None = None  # the object or passive subject, actor or not


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass", "csubjpass") for c in verb.children)


def clause_subject(verb: Token, depth: int = 0) -> Token | None:
    """The token that is the (active) subject of `verb`'s clause, climbing where English
    leaves it unsaid: shared subjects of conjoined verbs, control verbs, relative clauses."""
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            if child.lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
                return verb.head
            return child
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    if depth > 4 or verb.dep_ == "ROOT":
        return None
    head = verb.head
    if verb.dep_ == "conj":
        return clause_subject(head, depth + 1)
    if verb.dep_ == "xcomp":
        if head.lemma_.lower() in OBJECT_CONTROL:
            obj = next((c for c in head.children if c.dep_ in ("dobj", "dative")), None)
            if obj is not None:
                return obj
        return clause_subject(head, depth + 1)
    if verb.dep_ == "relcl" and not is_passive(verb):
        return head
    if verb.dep_ == "acl" and verb.tag_ in ("VBG",):
        return head
    if verb.dep_ == "advcl" and verb.tag_ in ("VBG", "VB", "VBN"):
        return clause_subject(head, depth + 1)
    if verb.dep_ == "pcomp":  # "by halting ...", "after launching ..."
        return clause_subject(head.head, depth + 1)
    if verb.dep_ in ("xcomp", "acl") and head.pos_ == "NOUN":
        return noun_subject(head)  # "Tokayev made statements about plans to increase ..."
    return None


def noun_subject(noun: Token) -> Token | None:
    """The one whose act a noun names: its possessor, or the subject of the support verb
    it hangs from ("Tokayev made a series of statements about plans")."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    tok = noun
    for _ in range(6):
        if tok.dep_ in ("pobj", "dobj", "conj", "attr", "appos") or tok.pos_ == "ADP":
            tok = tok.head
        else:
            return None
        if tok.pos_ in ("VERB", "AUX"):
            if tok.lemma_.lower() in support_verbs():
                return clause_subject(tok)
            return None
        for child in tok.children:
            if tok.pos_ == "NOUN" and child.dep_ == "poss":
                return child
    return None


def participle_agent(noun: Token) -> Token | None:
    """The "by" agent of a participle that says who did the act a noun names ("killings
    carried out by the police", "strikes launched by India"); a broker or an approver of a
    deal ("a deal brokered by Moscow") is not its party, so only doing-verbs count."""
    for child in noun.children:
        if child.dep_ != "acl" or child.tag_ != "VBN" or child.lemma_.lower() not in PERPETRATING:
            continue
        agent = next((c for c in child.children if c.dep_ == "agent"), None)
        if agent is not None:
            return next((g for g in agent.children if g.dep_ == "pobj"), None)
    return None


def passive_patient(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("nsubjpass", "csubjpass"):
            return child
    if verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBN":
        return verb.head
    return None


def same_side(a: ActorMention, b: ActorMention) -> bool:
    """Whether two mentions are the same party: same country and same (or unstated) sector,
    so that a domestic dyad ("the army accused separatists") stays two parties. A role whose
    country was only guessed from context ("Poland deployed soldiers") is the actor's own."""
    if a.country is None or b.country is None:
        return a.code == b.code
    if a.country != b.country:
        return False
    if (a.form == "modified") != (b.form == "modified") and a.sector != b.sector:
        return False  # "Croatia is investigating Croatian extremists": a group of its people
    if (not a.direct or not b.direct) and {a.sector, b.sector} <= {"GOV", "MIL", None}:
        return True  # "Poland deployed soldiers": its own forces, their country only guessed
    if (
        a.sector in ("GOV", "MIL", None)
        and b.sector in ("GOV", "MIL", None)
        and (a.kind != "role" or b.kind != "role")
    ):
        return True  # a state and its own forces or government
    return (a.sector or "GOV") == (b.sector or "GOV")


class RoleFinder:
    """Attach actor and recipient mentions to a trigger candidate."""

    def __init__(self, actors: DocActors):
        self.actors = actors

    def np_actor(self, tok: Token | None, owner: bool = False) -> ActorMention | None:
        if tok is None:
            return None
        found = self.actors.for_np(tok)
        if found is None:
            for conj in tok.conjuncts:
                found = self.actors.for_np(conj)
                if found is not None:
                    break
        if found is None and owner:
            found = self.actors.owner(tok)
        return found

    def __call__(self, cand: Candidate) -> Roles:
        """The act's roles as the parse gives them, then as each role step changes them."""
        tok = cand.token
        roles = self._verb(tok) if cand.trigger.pos == "VERB" else self._noun(tok)
        for step in ROLE_STEPS:
            roles = step(self, cand, roles) or roles
        return roles

    def _verb(self, verb: Token) -> Roles:
        passive = is_passive(verb)
        actor_tok = None
        how = "subject"
        if passive:
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            if agent is not None:
                actor_tok = next((g for g in agent.children if g.dep_ == "pobj"), None)
                how = "agent"
            patient = passive_patient(verb)
        else:
            actor_tok = clause_subject(verb)
            patient = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
            if patient is not None and patient.lower_ in RELATIVE and verb.dep_ == "relcl":
                patient = verb.head  # "politicians, whom he accused of ..."
            if patient is None and verb.dep_ in ("relcl", "acl") and verb.tag_ == "VBN":
                patient = verb.head
        actor = self.np_actor(actor_tok)
        if actor is None and actor_tok is not None and actor_tok.dep_ == "poss":
            actor = None
        recipient, rhow = self._recipient(verb, patient, VERB_RECIPIENT_PREPS, actor)
        return Roles(actor, recipient, how if actor else "", rhow, patient)

    def _noun(self, noun: Token) -> Roles:
        actor, how = None, ""
        for child in sorted(noun.children, key=lambda c: c.lower_ != "by"):  # "by" first
            if child.dep_ == "poss":
                actor, how = self.np_actor(child), "possessor"
            elif child.dep_ == "prep" and child.lower_ in ("by", "from") and actor is None:
                # "intervention by the Russian army", "sanctions from the West"
                pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                actor, how = self.np_actor(pobj), "agent"
            elif child.dep_ == "prep" and child.lower_ == "of" and actor is None:
                # "the visit of the foreign minister", "the withdrawal of Chinese troops":
                # a person or a body of people in the of-phrase is the one acting
                pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                found = self.np_actor(pobj) if pobj is not None else None
                if found is not None and (found.person or found.kind in ("role", "group")):
                    actor, how = found, "of-agent"
            elif child.dep_ in ("amod", "compound") and child.i < noun.i:
                found = self.actors.by_token.get(child.i)
                if found is not None and actor is None:
                    actor, how = found, "modifier"
            if actor is not None and how in ("possessor", "agent"):
                break
        if how not in ("possessor", "agent") and (done_by := participle_agent(noun)) is not None:
            found = self.np_actor(done_by)
            actor, how = (found, "agent") if found is not None else (actor, how)
        if actor is None:
            actor, how = self._governing_subject(noun)
        recipient, rhow = self._recipient(noun, None, NOUN_RECIPIENT_PREPS, actor)
        responder = self._responder(noun)
        if (responder is not None and (recipient is None or not recipient.direct)
                and (actor is None or not same_side(responder, actor))):  # fmt: skip
            recipient, rhow = responder, "responder"
        if recipient is None and how == "governing" and noun.dep_ in ("dobj", "obj"):
            # "expressed solidarity with Britain", the phrase hanging from the support verb
            recipient, rhow = self._recipient(noun.head, None, NOUN_RECIPIENT_PREPS, actor)
        if recipient is None and noun.dep_ == "nsubj":
            # "sanctions from the West will follow on our economy"
            recipient, rhow = self._recipient(noun.head, None, ("on", "against", "upon"), actor)
        if recipient is None:
            # "threats aimed at Kazakhstan": a participle that carries the target
            for child in noun.children:
                if child.dep_ == "acl":
                    recipient, rhow = self._recipient(child, None, VERB_RECIPIENT_PREPS, actor)
                    if recipient is not None:
                        break
        return Roles(actor, recipient, how, rhow, None)

    def _responder(self, noun: Token) -> ActorMention | None:
        """ "Kazakhstan rejected Russia's request": a request or offer is addressed to whoever
        answers it."""
        head = noun.head
        if noun.dep_ not in ("dobj", "nsubjpass") or head.lemma_.lower() not in RESPONSE_VERBS:
            return None
        subj = clause_subject(head) if noun.dep_ == "dobj" else None
        if subj is None and noun.dep_ == "nsubjpass":
            agent = next((c for c in head.children if c.dep_ == "agent"), None)
            subj = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent else None
        return self.np_actor(subj)

    def _governing_subject(self, noun: Token) -> tuple[ActorMention | None, str]:
        """The subject of the verb whose object (or with-/of-phrase) the noun is."""
        tok = noun
        while tok.dep_ == "conj":
            tok = tok.head
        if tok.dep_ in ("dobj", "attr", "obj", "oprd"):
            verb = tok.head
        elif tok.dep_ == "pobj" and tok.head.lower_ in GOVERNING_PREPS:
            verb = tok.head.head
            while verb.pos_ == "NOUN" and verb.dep_ == "pobj":  # "a series of threats"
                verb = verb.head.head
            if verb.pos_ in ("NOUN", "PROPN") and verb.dep_ in ("dobj", "attr"):
                verb = verb.head
        else:
            return None, ""
        if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in support_verbs():
            return None, ""
        subj = clause_subject(verb)
        if subj is None and is_passive(verb):
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            if agent is not None:
                subj = next((g for g in agent.children if g.dep_ == "pobj"), None)
        return self.np_actor(subj), "governing"

    def _recipient(self, head: Token, patient: Token | None, preps: tuple[str, ...],
                   actor: ActorMention | None) -> tuple[ActorMention | None, str]:  # fmt: skip
        def differs(found: ActorMention | None) -> bool:
            if found is None or found.code == UNKNOWN_CODE:
                return False  # a recipient is only worth naming with its country
            return actor is None or not same_side(found, actor)

        if patient is not None:
            found = self.np_actor(patient, owner=True)
            if differs(found):
                return found, "object"
            # "granted asylum to the officers", "imposed sanctions on Russia"
            for child in patient.children:
                if child.dep_ == "prep" and child.lower_ in OBJECT_PREPS:
                    for pobj in child.children:
                        found = self.np_actor(pobj, owner=True) if pobj.dep_ == "pobj" else None
                        if differs(found):
                            return found, "object-prep:" + child.lower_
        for child in head.children:
            if child.dep_ in ("dative", "iobj"):
                found = self.np_actor(child, owner=True)
                if differs(found):
                    return found, "dative"
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in preps:
                for pobj in child.children:
                    if pobj.dep_ != "pobj":
                        continue
                    found = self.np_actor(pobj, owner=True)
                    if differs(found):
                        return found, "prep:" + child.lower_
        # "take back Alaska", "formations in the Donbas": the country a named place is in
        for tok in ([patient] if patient is not None else []) + [
            g for c in head.children if c.dep_ == "prep" and c.lower_ in preps
            for g in c.children if g.dep_ == "pobj"
        ]:  # fmt: skip
            found = self.actors.place_owner(tok)
            if differs(found):
                return found, "place"
        return None, ""


# -- role steps: each reads the act and the roles so far and returns them changed, or None --


def causer(finder: RoleFinder, cand: Candidate, roles: Roles) -> Roles | None:
    """ "A court ordered the consortium to suspend operations": the court acts on it."""
    verb = causer_of(cand.token)
    actor = finder.np_actor(clause_subject(verb)) if verb is not None else None
    if actor is None:
        return None
    causee = next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None)
    recipient = finder.np_actor(causee, owner=True) or roles.recipient
    return Roles(actor, recipient, "causer", "causee", causee)


def condition(finder: RoleFinder, cand: Candidate, roles: Roles) -> Roles | None:
    """ "Threatened to stop talks if the United States goes ahead": a threat is aimed at the
    one who must comply."""
    if cand.trigger.event != "THREATEN":
        return None
    cond = next((t for t in cand.token.subtree if t.dep_ == "advcl"
                 and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in t.children)),
                None)  # fmt: skip
    subj = next((c for c in cond.children if c.dep_ in SUBJECT_DEPS), None) if cond else None
    found = finder.np_actor(subj, owner=True)
    if found is None or (roles.actor is not None and same_side(found, roles.actor)):
        return None
    return replace(roles, recipient=found, recipient_how="condition")


def addressee(finder: RoleFinder, cand: Candidate, roles: Roles) -> Roles | None:
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


def complement(finder: RoleFinder, cand: Candidate, roles: Roles) -> Roles | None:
    """ "Threatened to take back Alaska": an act with no recipient takes its complement's,
    the direct complement first."""
    tok = cand.token
    if roles.recipient is None:
        order = sorted(cand.absorbed,
                       key=lambda c: (c.token.head.i != tok.i or c.token.dep_ != "xcomp", c.i))  # fmt: skip
        for inner in order:
            found = finder(inner).recipient
            if found is not None:
                return replace(roles, recipient=found, recipient_how="complement")
    return None


def own_side_dropped(finder: RoleFinder, cand: Candidate, roles: Roles) -> Roles | None:
    """A recipient with no country, or on the actor's own side, is no recipient."""
    found = roles.recipient
    if found is not None and (found.code == UNKNOWN_CODE
                              or (roles.actor is not None and same_side(found, roles.actor))):  # fmt: skip
        return replace(roles, recipient=None)
    return None


RoleStep = Callable[[RoleFinder, Candidate, Roles], "Roles | None"]
# In order; each sees the roles the steps before it left.
ROLE_STEPS: tuple[RoleStep, ...] = (received, instrument_dropped, causer, condition, addressee,
                                    complement, own_side_dropped)  # fmt: skip
