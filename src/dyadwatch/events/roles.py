"""Who acted and at whom: read actor and recipient off the dependency parse.

Verbs take their actor from the subject (the "by" agent in a passive), climbing through
conjunctions, control and relative clauses when the clause has no subject of its own. Nouns
take it from a possessor, a "by" phrase, an actor adjective ("Western sanctions"), or the
subject of the verb that governs them ("Russia announced the suspension of ...").
Recipients come from the object, the passive subject, and prepositional phrases.
"""

from __future__ import annotations

from pathlib import Path

from spacy.tokens import Token

from ..actors.mention import UNKNOWN_CODE
from ..actors.resolve import ActorMention, DocActors
from ..tables import words
from .clauses import (
    Roles,
    clause_subject,
    comitative,
    is_passive,
    participle_agent,
    passive_patient,
    same_side,
    teller_of_conjunct,
)
from .nonevents import RELATIVE
from .rolesteps import ROLE_STEPS
from .support import (
    agentless_subject,
    pursued_phrase,
    stance_verbs,
    stative_use,
    support_verbs,
)
from .triggers import Candidate

WORD_LISTS = Path(__file__).parent / "data" / "words.tsv"

VERB_RECIPIENT_PREPS = words(WORD_LISTS, "verb_recipient_preps")
NOUN_RECIPIENT_PREPS = words(WORD_LISTS, "noun_recipient_preps")
# "with": "went into overdrive with threats"; "of": "a series of threats".
GOVERNING_PREPS = words(WORD_LISTS, "governing_preps")
RESPONSE_VERBS = words(WORD_LISTS, "response_verbs")
STATES = words(WORD_LISTS, "state_verbs")
# "imposed sanctions on Russia": the object's recipient
OBJECT_PREPS = words(WORD_LISTS, "object_preps")
# "sanctions will follow on our economy": what a measure falls on
BURDEN_PREPS = words(WORD_LISTS, "burden_preps")


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

    def noun_doer(self, noun: Token) -> ActorMention | None:
        """The doer an event noun names ("Israeli" in "two Israeli air raids")."""
        return self._noun(noun).actor

    def named_at(self, tok: Token) -> ActorMention | None:
        """The actor a word itself names ("Chadian" in "Sudanese and Chadian troops")."""
        return self.actors.by_token.get(tok.i)

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
        if (stance := _stance(verb, passive)) is not None:
            actor_tok, patient = stance  # "Israel is opposed to French mediation"
        elif passive:
            # "were rammed and boarded by the coast guard": the conjuncts share the agent
            shared = [v for v in verb.conjuncts if not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in v.children)]  # fmt: skip
            agent = next((c for v in (verb, *shared) for c in v.children
                          if c.dep_ == "agent"), None)  # fmt: skip
            if agent is not None:
                actor_tok = next((g for g in agent.children if g.dep_ == "pobj"), None)
                how = "agent"
            patient = passive_patient(verb)
        else:
            actor_tok = clause_subject(verb)
            patient = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
            if patient is None:  # "stopped clearing Lithuanian goods": what the activity handles
                patient = next((g for c in verb.children if c.dep_ == "xcomp" and c.tag_ == "VBG"
                                for g in c.children if g.dep_ == "dobj"), None)  # fmt: skip
            if patient is not None and patient.lower_ in RELATIVE and verb.dep_ == "relcl":
                patient = verb.head  # "politicians, whom he accused of ..."
            if patient is None and verb.dep_ in ("relcl", "acl") and verb.tag_ == "VBN":
                patient = verb.head
        actor = self.np_actor(actor_tok)
        if actor is None and (teller := teller_of_conjunct(verb)) is not None:
            actor = self.np_actor(teller)  # "... had violated airspace and accused Athens"
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
        phrase = pursued_phrase(noun)  # "launched a mediation effort between Sudan and Egypt"
        if actor is None or how == "of-agent":
            # "ordered the closure of two Ethiopian consulates": who ordered it closed them
            governing, ghow = self._governing_subject(phrase)
            if governing is not None or actor is None:
                actor, how = governing, ghow
        recipient, rhow = self._recipient(phrase, None, NOUN_RECIPIENT_PREPS, actor)
        responder = self._responder(noun)
        if (responder is not None and (recipient is None or not recipient.direct)
                and (actor is None or not same_side(responder, actor))):  # fmt: skip
            recipient, rhow = responder, "responder"
        if recipient is None and how == "governing" and phrase.dep_ in ("dobj", "obj"):
            # "expressed solidarity with Britain", the phrase hanging from the support verb
            recipient, rhow = self._recipient(phrase.head, None, NOUN_RECIPIENT_PREPS, actor)
        if recipient is None and noun.dep_ == "nsubj":
            # "sanctions from the West will follow on our economy"
            recipient, rhow = self._recipient(noun.head, None, BURDEN_PREPS, actor)
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
        state = tok.dep_ == "pobj" and tok.head.lower_ == "on"
        if state and tok.head.head.lemma_ in STATES:
            verb = tok.head.head  # "troops remained on alert", "put its forces on alert"
        elif tok.dep_ in ("dobj", "attr", "obj", "oprd"):
            verb = tok.head
        elif tok.dep_ == "pobj" and tok.head.lower_ in GOVERNING_PREPS:
            verb = tok.head.head
            while verb.pos_ == "NOUN" and verb.dep_ == "pobj":  # "a series of threats"
                verb = verb.head.head
            if verb.pos_ in ("NOUN", "PROPN") and verb.dep_ in ("dobj", "attr"):
                verb = verb.head
        else:
            return None, ""
        supports = verb.lemma_.lower() in support_verbs() or state
        if verb.pos_ not in ("VERB", "AUX") or not supports:
            return None, ""
        subj = clause_subject(verb)
        if subj is None and (stative_use(verb) or state and is_passive(verb)):
            subj = agentless_subject(verb)  # "were engaged in ...", "had been put on alert"
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
                if child.dep_ == "prep" and child.lower_ in OBJECT_PREPS and not comitative(child):
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
            if child.dep_ == "prep" and child.lower_ in preps and not comitative(child):
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


def _stance(verb: Token, passive: bool) -> tuple[Token | None, Token | None] | None:
    """ "Israel is opposed to French mediation", parsed as a passive or as the complement of
    "is": the subject holds the stance, toward what follows "to"; None for another verb."""
    if verb.lemma_.lower() not in stance_verbs():
        return None
    if passive and not any(c.dep_ == "agent" for c in verb.children):
        subject = agentless_subject(verb)
    elif verb.dep_ == "acomp":
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    else:
        return None
    to = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"), None)
    return subject, next((g for g in to.children if g.dep_ == "pobj"), None) if to else None
