"""Phrases whose head is a trigger word but which name no event ("took part in",
"declined to comment", "resupply trips"), read from events/data/non_events.tsv; acts
the text says were called off ("put off the trip", "the postponed talks"); a party
defending its own act ("defended the move"); an act said to put a state of affairs at
risk ("..., threatening a return to war"); a state an act left things in ("leaving
hundreds of trucks stranded"); and an act a speaker passes judgement on ("called the deal a
failure")."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

from ..tables import fail, read_table, words

COLUMNS = ("lemma", "pos", "with", "note")
NON_EVENTS_FILE = Path(__file__).parent / "data" / "non_events.tsv"
WORD_LISTS = Path(__file__).parent / "data" / "words.tsv"
# Verbs (with their particles) and nouns that call an act off: "put off", "postponement".
CALLING_OFF = words(WORD_LISTS, "calling_off")
# Verbs of defending or justifying, and nouns for a party's act or course: "defended the move".
JUSTIFYING = words(WORD_LISTS, "justifying")
OWN_ACTS = words(WORD_LISTS, "own_acts")
# Verbs of putting at risk, and the states of affairs they endanger: "threatening the truce".
ENDANGERING = words(WORD_LISTS, "endangering")
ENDANGERED = words(WORD_LISTS, "endangered")
# States an act leaves people or things in: "leaving hundreds of trucks stranded".
LEFT_STATES = words(WORD_LISTS, "left_states")
# Verbs that give a thing a name of the speaker's choosing: "what it called killings".
NAMING_VERBS = words(WORD_LISTS, "naming_verbs")
# "that", "which": a relative pronoun as object
RELATIVE = words(WORD_LISTS, "relative")
# "in support of", "in protest": the purpose of another act
PURPOSE_NOUNS = words(WORD_LISTS, "purpose_nouns")
# What tells a noun's own doer: "Indian strikes", "Russia's request", "strikes by India"
DOER_DEPS = ("poss", "amod", "compound", "nmod")


@lru_cache(maxsize=1)
def non_events(path: Path = NON_EVENTS_FILE) -> dict[tuple[str, str], tuple[frozenset[str], ...]]:
    """(lemma, pos) -> the dependent sets that make the head no event. Raises DataError."""
    found: dict[tuple[str, str], list[frozenset[str]]] = {}
    for number, row in read_table(path, required=COLUMNS[:3], allowed=COLUMNS):
        if not row["lemma"] or row["pos"] not in ("VERB", "NOUN") or not row["with"].split():
            raise fail(path, number, "expected lemma, VERB or NOUN, with lemmas")
        found.setdefault((row["lemma"], row["pos"]), []).append(frozenset(row["with"].split()))
    return {key: tuple(sets) for key, sets in found.items()}


def is_non_event(lemma: str, pos: str, dependents: set[str]) -> bool:
    """Whether a trigger head with these dependent lemmas names no event."""
    return any(words <= dependents for words in non_events().get((lemma, pos), ()))


def called_off(noun: Token) -> bool:
    """Whether a nominal act is one the text says was put off or cancelled, and so did not
    take place: the object of such a verb ("put off the trip", "the meeting was postponed"),
    described by its participle ("the cancelled summit") or named by such a noun ("the
    postponement of the talks")."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return False
    head = noun.head
    if noun.dep_ in ("dobj", "obj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        return _calls_off(head)
    if any(c.dep_ == "amod" and c.lemma_.lower() in CALLING_OFF for c in noun.children):
        return True
    return (noun.dep_ == "pobj" and head.lower_ == "of"
            and head.head.lemma_.lower() in CALLING_OFF)  # fmt: skip


def _calls_off(verb: Token) -> bool:
    """Whether a verb, with its particles, is one of calling an act off."""
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    lemma = verb.lemma_.lower()
    return any(lemma == w.split()[0] and all(p in particles for p in w.split()[1:])
               for w in CALLING_OFF)  # fmt: skip


def defends_own_act(verb: Token) -> bool:
    """ "Azerbaijan defended the move", "Beijing defended its decision": justifying an act of
    one's own (or one the text does not give to another party) backs no one. With another
    party's name as possessor ("defended Israel's decision") it is support of that party."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in JUSTIFYING:
        return False
    for obj in (c for c in verb.children if c.dep_ in ("dobj", "obj")):
        owner = [c for c in obj.children if c.dep_ == "poss"]
        if obj.lemma_.lower() in OWN_ACTS and all(c.pos_ == "PRON" for c in owner):
            return True
    return False


def purpose_adjunct(noun: Token) -> bool:
    """ "Thousands rallied in support of the junta", "recalled its envoy in protest": the
    purpose of another act, told with it, is no act of its own."""
    head = noun.head
    bare = noun.tag_ == "NN" and not any(
        c.dep_ in ("det", "amod", "nummod", "poss") for c in noun.children
    )  # the idiom, not "killed in protests against the junta"
    return (bare and noun.dep_ == "pobj" and head.lower_ == "in"
            and head.head.pos_ in ("VERB", "AUX") and noun.lemma_.lower() in PURPOSE_NOUNS)  # fmt: skip


def judged_act(noun: Token) -> bool:
    """ "Lapid called the deal a failure": an act a speaker names by a judgement of it is one
    the text has told already, not an act of the speaker's. With a doer of its own ("called
    the Indian strikes an act of war") it stays that doer's act."""
    head = noun.head
    if noun.pos_ != "NOUN" or noun.dep_ not in ("dobj", "obj") or head.pos_ != "VERB":
        return False
    if head.lemma_.lower() not in NAMING_VERBS or not any(naming_phrase(c) for c in head.children):
        return False
    return not any(c.dep_ in DOER_DEPS or c.dep_ == "prep" and c.lower_ == "by"
                   for c in noun.children)  # fmt: skip


def naming_phrase(child: Token) -> bool:
    """The name a naming verb gives: "called the moves [a threat]", "described the vote [as
    a threat]", "a clash that Kyiv called [an act of aggression]" (parsed as a second
    object, after the relative pronoun)."""
    if child.dep_ == "oprd" or (child.dep_ == "prep" and child.lower_ == "as"):
        return True
    return child.dep_ == "dobj" and any(
        s.dep_ == "dobj" and s.lower_ in RELATIVE and s.i < child.i for s in child.head.children
    )


def endangers(verb: Token) -> bool:
    """ "Azerbaijan began an offensive, threatening a return to war": a participle after a
    clause, with no subject of its own, says what that act puts at risk (a truce, peace, a
    return to war); it is no threat one party makes to another."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in ENDANGERING:
        return False
    if verb.tag_ != "VBG" or verb.dep_ != "advcl" or verb.i < verb.head.i:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in verb.children):
        return False
    return any(c.dep_ in ("dobj", "obj") and c.lemma_.lower() in ENDANGERED
               for c in verb.children)  # fmt: skip


def left_in_state(token: Token) -> bool:
    """ "closed the crossings, leaving hundreds of trucks stranded": a state it left things in,
    no departure."""
    if token.lemma_.lower() != "leave":
        return False
    objects = [c for c in token.children if c.dep_ in ("dobj", "obj")]
    # the object, or what a count measures ("hundreds of trucks"), then its state
    objects += [g for o in objects for p in o.children if p.dep_ == "prep" and p.lower_ == "of"
                for g in p.children if g.dep_ == "pobj"]  # fmt: skip
    return any(g.i > o.i and g.lemma_.lower() in LEFT_STATES
               for o in objects for g in o.children) or any(
        c.dep_ in ("oprd", "ccomp") and c.lemma_.lower() in LEFT_STATES for c in token.children
    )  # fmt: skip
