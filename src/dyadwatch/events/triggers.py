"""Find event triggers: verbs and nominalisations that the lexicon knows.

A token is a trigger when its lemma and part of speech are in the lexicon and every extra
word its entry asks for ("set" + "fire", "cut" + "tie") is among its dependents. Frame verbs
("refuse to", "threaten to", "urge ... to") absorb the event in their complement: the
complement gives them content (recipient, context) but is not coded a second time.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc, Token

from ..nlp.arrays import with_pos
from ..tables import words
from .clauses import (
    SAYING,
    SUBJECT_RELATIVES,
    as_well_as_partner,
    misplaced_predicate,
    tensed_after_infinitive,
    to_infinitive,
)
from .dependents import BACKGROUND_PREPS, TIME_UNITS, dependents
from .lexicon import Lexicon, Trigger
from .nonevents import (
    NAMING_VERBS,
    called_off,
    defends_own_act,
    endangers,
    is_non_event,
    judged_act,
    left_in_state,
    naming_phrase,
    purpose_adjunct,
)
from .support import stance_verbs, stative_use, support_verbs
from .verdicts import VERDICT, read_verdict

WORD_LISTS = Path(__file__).parent / "data" / "words.tsv"

TRIGGER_POS = {"VERB": "VERB", "NOUN": "NOUN", "PROPN": "NOUN", "ADJ": None, "AUX": None}
CANDIDATE_POS = tuple(tag for tag, pos in TRIGGER_POS.items() if pos is not None)
# Verbs that cause another's action: the causer acts on the causee ("ordered X to suspend").
CAUSATIVE = words(WORD_LISTS, "causative")


@dataclass
class Candidate:
    """A matched trigger token before arguments are attached."""

    token: Token
    trigger: Trigger
    absorbed: list[Candidate] = field(default_factory=list)  # complement events of a frame
    causer: bool = False  # the candidate is the complement of a causative verb
    frame_of: Candidate | None = None

    @property
    def i(self) -> int:
        return self.token.i


def _described(token: Token) -> bool:
    """A participle that describes a noun ("the towns occupied by troops"), not a clause the
    parser hung from a noun with a subject of its own ("a statement that Lithuania had
    abandoned the commitment"); or one that says what a speaker is doing ("the coalition
    fighting in Yemen said ...")."""
    if token.dep_ != "acl" or any(c.dep_ in ("nsubj", "aux") for c in token.children):
        return False
    head = token.head
    if misplaced_predicate(token):
        return False  # "Sudan, which lies downstream, called on ...": the sentence's own verb
    speaker = head.dep_ == "nsubj" and head.head.lemma_.lower() in SAYING
    return token.tag_ == "VBN" or speaker and token.lower_.endswith("ing")


def find_candidates(doc: Doc, lexicon: Lexicon) -> list[Candidate]:
    """Every trigger token in the document, with frame complements absorbed."""
    lemmas = lexicon.lemmas
    found: dict[int, Candidate] = {}
    # verbs of saying that make a demand or give a verdict on an act, not triggers
    demands: dict[int, Candidate] = {}
    idle: set[int] = set()
    for token in with_pos(doc, CANDIDATE_POS):
        pos = TRIGGER_POS[token.pos_]
        lemma = token.lemma_.lower()
        deps = dependents(token) if lemma in lemmas else None
        trig = lexicon.match(lemma, pos, deps) if deps is not None else None
        if trig is None or _described(token):
            # "the towns occupied by troops": a description, not a reported act
            if (spoken := _spoken(token, lemmas)) is not None:
                demands[token.i] = spoken
            continue
        if _idle(token, lemma, pos, deps) or _names_a_thing(token, trig):
            idle.add(token.i)  # "took part in": no act, though it may fill a frame's content
        found[token.i] = Candidate(token, trig)
    for i in [i for i, c in found.items() if c.trigger.pos == "NOUN" and _background(c.token)]:
        del found[i]
    found.update(demands)
    for i in [i for i, c in found.items() if _light(c, found)]:
        del found[i]
    for cand in sorted(found.values(), key=lambda c: c.i):
        if cand.frame_of is not None:
            continue
        for inner in _content(cand, found):
            if inner is not cand and inner.frame_of is None:
                inner.frame_of = cand
                cand.absorbed.append(inner)
    return [c for c in found.values() if c.frame_of is None and c.i not in idle]


def _idle(token: Token, lemma: str, pos: str, deps: set[str]) -> bool:
    """A trigger that states no act of its own, though it may fill a frame's content."""
    return (is_non_event(lemma, pos, deps) or called_off(token)
            or _no_act_of_its_own(token) or _state_in_singular(token, lemma))  # fmt: skip


def _state_in_singular(token: Token, lemma: str) -> bool:
    """ "hostilities" are fighting; "hostility" between two states is a state of their
    relations, not an act."""
    return lemma in PLURAL_ACTS and token.tag_ == "NN"


def _no_act_of_its_own(token: Token) -> bool:
    """ "defended the move" (its own act), "..., threatening a return to war" (a risk), a
    gerund listed among nouns ("protested against the harassment, ramming, blocking and other
    acts of ..."), a support verb's passive that tells what its subject was doing ("were
    engaged in fighting": the fighting is the act), a state things were left in ("leaving
    trucks stranded"), an act a speaker judges ("called the deal a failure")."""
    return (defends_own_act(token) or endangers(token) or _listed_among_nouns(token)
            or stative_use(token) or left_in_state(token) or judged_act(token)
            or purpose_adjunct(token))  # fmt: skip


def _names_a_thing(token: Token, trig: Trigger) -> bool:
    """ "in what it called strikes on camps": calling a thing by a name asks nothing of anyone,
    whatever preposition the parser hangs from the verb; only a name that condemns ("called
    the decision a provocation") makes an act, an accusation."""
    if token.lemma_.lower() not in NAMING_VERBS or trig.event == "ACCUSE":
        return False
    return any(c.dep_ == "oprd" for c in token.children)


GERUND_ARGUMENTS = {"dobj", "nsubj", "nsubjpass", "prep", "agent", "xcomp", "ccomp", "prt"}


def _listed_among_nouns(token: Token) -> bool:
    """A bare gerund (no subject, object or phrase of its own) coordinated with nouns is one
    more noun of a list, whatever the parser made of it (a clause it hangs after the list's
    end is not its own)."""
    if token.tag_ != "VBG" or not any(c.pos_ == "NOUN" for c in token.conjuncts):
        return False
    end = max(c.i for c in token.conjuncts)
    return not any(c.dep_ in GERUND_ARGUMENTS and c.i < end for c in token.children)


DEONTIC = words(WORD_LISTS, "deontic")
PLURAL_ACTS = words(WORD_LISTS, "plural_acts")  # nouns that name an act only in the plural
DEADLINE_VERBS = words(WORD_LISTS, "deadline_verbs")  # "gave them a week to leave"
RECEIVING = words(WORD_LISTS, "receiving_verbs")  # "accepted aid": the giver acts
DEMAND = Trigger(lemma="", pos="VERB", event="REQUEST", mode=None, context=(), cameo="10",
                 intensity=None, with_=(), frame="xcomp")  # fmt: skip


def _deontic_demand(token: Token) -> Trigger | None:
    """ "Russia said Sudan must return the helicopter": saying that another party must or
    should act is a demand on that party (the complement is its content)."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in SAYING:
        return None
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    for child in token.children:
        if child.dep_ != "ccomp":
            continue
        modal = any(g.dep_ == "aux" and g.lower_ in DEONTIC for g in child.children)
        inner = next((g for g in child.children if g.dep_ in ("nsubj", "nsubjpass")), None)
        if modal and inner is not None and subject is not None and inner.pos_ != "PRON":
            return DEMAND
    return None


def _spoken(token: Token, acts: Collection[str]) -> Candidate | None:
    """A speech verb that makes a demand, or gives a verdict on an act (shown with its word:
    "said ... violation"); ``acts``: the lemmas that name acts."""
    if (demand := _deontic_demand(token)) is not None:
        return Candidate(token, demand)
    found = read_verdict(token, acts)
    if found is None:
        return None
    cand = Candidate(token, VERDICT)
    cand.absorbed.append(Candidate(found.noun, VERDICT, frame_of=cand))
    return cand


def _light(cand: Candidate, found: dict[int, Candidate]) -> bool:
    """A support verb whose object noun names the event: "signed a deal", "launched an
    offensive", "undertook a mediation mission"; and a receiving verb whose object is a
    gift ("accepted humanitarian aid": the giver's act). The noun is coded, the verb is not."""
    lemma = cand.token.lemma_.lower()
    support = lemma in support_verbs()
    if cand.trigger.pos != "VERB" or not (support or lemma in RECEIVING):
        return False
    # a row for the verb with that very object ("seek help": a request), or with words of its
    # own that make the phrase the act ("put the talks on hold"), outranks the noun
    if cand.trigger.with_:
        return False
    objects = [found[c.i] for c in cand.token.children
               if c.dep_ in ("dobj", "obj") and c.i in found and found[c.i].trigger.pos == "NOUN"]  # fmt: skip
    if support:
        return bool(objects)
    return any(o.trigger.event == "AID" for o in objects)


def _content(cand: Candidate, found: dict[int, Candidate]) -> list[Candidate]:
    """Candidates that are the content of `cand`, not events of their own:
    the complement of a frame verb with everything under it ("threatened to take back Alaska
    if the US seized Russian assets"), what an accusation says was done ("accused them of
    launching attacks"), the charge an arrest or jailing is for ("jailed for spying"), and
    an object noun naming the same act ("expressed displeasure", "imposed sanctions")."""
    token, trig = cand.token, cand.trigger
    out = []
    for child in _arguments(token, trig):
        if trig.frame == "xcomp" and child.dep_ in ("xcomp", "ccomp"):
            out.extend(found[i] for i in _own_subtree(child) if i in found)
        elif trig.frame == "xcomp" and trig.event == "REQUEST" and _infinitive(child):
            # "appealed to Moscow, above all, to open talks": what a request asks for, though
            # the parser hangs the infinitive off as an adverbial clause (not a tensed verb
            # after it: "the request for troops to join and refused to recognise")
            out.extend(found[i] for i in _own_subtree(child, tensed=True) if i in found)
        elif trig.frame == "xcomp" and child.i not in found and child.lemma_.lower() in trig.with_:
            # "reserved the right to respond": the row's object carries the complement (not a
            # tensed verb after it: "the right to respond and recalled its ambassador")
            out.extend(found[i] for g in child.children if _noun_infinitive(g)
                       for i in _own_subtree(g, tensed=True) if i in found)  # fmt: skip
        elif trig.pos == "NOUN" and (
            _noun_infinitive(child)
            or child.dep_ in ("ccomp", "acl")
            and any(g.dep_ == "mark" and g.lower_ == "that" for g in child.children)
        ):
            # "the refusal to recognise", "its demand that Israel ease restrictions": content
            out.extend(found[t.i] for t in child.subtree if t.i in found)
        elif child.dep_ == "prep" and (
            trig.event == "ACCUSE"
            and child.lower_ in CHARGE_PREPS
            or trig.mode == "arrest"
            and child.lower_ == "for"  # "jailed him for spying"
        ):
            # not what another party says about the charge ("of laying mines, which Phnom
            # Penh denied": the denial is Cambodia's act)
            told = {t.i for r in child.subtree if _said_of(r) for t in r.subtree}
            out.extend(found[t.i] for t in child.subtree if t.i in found and t.i not in told)
        elif trig.event == "ACCUSE" and _naming_phrase(token, child):
            # "called the moves a direct threat": the name condemns, it is no threat made
            out.extend(found[t.i] for t in child.subtree if t.i in found)
        elif child.dep_ == "prep" and child.lower_ == "to" and token.lemma_ in stance_verbs():
            # "is opposed to French mediation": the stance is toward the act, not the act
            out.extend(found[g.i] for g in child.children if g.dep_ == "pobj" and g.i in found)
        elif child.dep_ in ("dobj", "obj", "nsubjpass") and child.i in found:
            inner = found[child.i]
            # "lifted the curfew", "Western sanctions would be respected": the noun names the
            # act this event is about. With a possessor it is another party's act of its own
            # ("rejected Russia's request"), coded separately; but what a sanction stops is
            # only stopped, whoever's it was ("halted its talks with Armenia").
            own = any(g.dep_ == "poss" for g in child.children)
            if (
                inner.trigger.event == trig.event
                or trig.frame == "xcomp"
                or (inner.trigger.pos == "NOUN" and (not own or trig.event == "SANCTION"))
            ):
                out.append(inner)
    return out


def _arguments(token: Token, trig: Trigger) -> list[Token]:
    """The trigger's dependents; for an accusation also the phrases of the predicate it
    gives ("would hold him responsible for any violence": the charge)."""
    kids = list(token.children)
    if trig.event == "ACCUSE":
        kids += [g for c in kids if c.pos_ == "ADJ" and c.dep_ in ("ccomp", "acomp", "oprd")
                 for g in c.children if g.dep_ == "prep"]  # fmt: skip
    return kids


def _said_of(verb: Token) -> bool:
    """A relative clause with a subject of its own: another party's word on the thing."""
    return verb.dep_ == "relcl" and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in SUBJECT_RELATIVES
        for c in verb.children
    )


def _naming_phrase(verb: Token, child: Token) -> bool:
    """The name a naming verb gives ("called the moves [a threat]")."""
    return verb.lemma_.lower() in NAMING_VERBS and naming_phrase(child)


def _noun_infinitive(child: Token) -> bool:
    """A "to" infinitive that completes a noun: "the refusal to recognise", "the right to
    respond"."""
    return child.dep_ in ("acl", "xcomp") and to_infinitive(child)


def _infinitive(child: Token) -> bool:
    """An adverbial clause that is a bare "to" infinitive."""
    return child.dep_ == "advcl" and to_infinitive(child)


def _own_subtree(top: Token, tensed: bool = False) -> list[int]:
    """The token indices under ``top``, less what is coordinated with a verb above it: an
    infinitive after "as well as" (``clauses.as_well_as_partner``), with ``tensed`` a tensed
    verb after an infinitive ("for troops to join the campaign and refused to recognise"),
    and everything under those."""
    apart = [t for t in top.subtree if t.i != top.i and (
        as_well_as_partner(t) is not None or tensed and tensed_after_infinitive(t))]  # fmt: skip
    skip = {d.i for t in apart for d in t.subtree}
    return [t.i for t in top.subtree if t.i not in skip]


# Nouns whose phrase is the time or background of another event (BACKGROUND_PREPS: "since
# the start of the aggression", "days after the explosion").
BACKGROUND_NOUNS = words(WORD_LISTS, "background_nouns")
CUE_NOUNS = words(WORD_LISTS, "cue_nouns")


# Nouns for documents rather than acts: an event only when signed, reached, concluded ...
DOCUMENT_NOUNS = words(WORD_LISTS, "document_nouns")
# "accused X of ...": what an accusation is of
CHARGE_PREPS = words(WORD_LISTS, "charge_preps")
COPULAS = words(WORD_LISTS, "copulas")


def _background(noun: Token) -> bool:
    """A nominal trigger that is background, a cue or a label rather than a reported act."""
    if noun.lemma_.lower() in DOCUMENT_NOUNS:
        head = noun.head
        governed = noun.dep_ in ("dobj", "obj") and head.lemma_.lower() in support_verbs()
        if not governed and noun.dep_ not in ("nsubjpass", "nsubj"):
            return True
    if noun.dep_ == "pobj" and noun.lemma_.lower() in CUE_NOUNS:
        return True  # "in retaliation", "in response"
    if _named_by_year(noun):
        return True
    if noun.dep_ in ("nsubj", "attr") and noun.head.lemma_.lower() in COPULAS:
        return True  # "sanctions are sanctions", "its menace may seem limited"
    node = noun
    while node.dep_ in ("pobj", "conj", "compound", "dobj", "appos") or node.pos_ in (
        "ADP",
        "SCONJ",
    ):
        if node.pos_ in ("ADP", "SCONJ") and node.lower_ in BACKGROUND_PREPS:
            return True
        if node.pos_ in ("NOUN", "PROPN") and node.lemma_.lower() in BACKGROUND_NOUNS:
            return True
        if node.i != noun.i and node.pos_ == "NOUN" and node.lemma_.lower() in CUE_NOUNS:
            return True  # "in retaliation for the restrictions": the act answered, told before
        if node.head.i == node.i:
            break
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            break
    return False


YEAR = re.compile(r"(1[89]|20)\d\d")


def _named_by_year(noun: Token) -> bool:
    """ "the 1994 genocide", "the 2008 war": a year before the noun names a past event as
    a thing the text refers to, not an act it reports."""
    return any(c.i < noun.i and c.dep_ in ("nummod", "compound", "amod") and YEAR.fullmatch(c.text)
               for c in noun.children)  # fmt: skip


def causer_of(token: Token) -> Token | None:
    """If `token` is the complement of a causative verb, that verb ("ordered X to suspend",
    "gave the envoy 72 hours to leave")."""
    head = token.head
    if token.dep_ in ("xcomp", "ccomp") and head.lemma_.lower() in CAUSATIVE:
        return head
    if token.dep_ == "relcl" and to_infinitive(token) and head.lemma_.lower() in TIME_UNITS:
        head = head.head  # "gave diplomats 24 hours to leave", parsed as the hours' clause
    elif token.dep_ != "advcl" or not to_infinitive(token):
        return None
    if head.lemma_.lower() in DEADLINE_VERBS and any(c.dep_ == "dative" for c in head.children):
        return head  # "gave the ambassador 72 hours to leave": a deadline is an order
    return None
