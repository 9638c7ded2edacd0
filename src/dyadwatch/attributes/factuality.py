"""How sure the text is that an event happened: asserted, reported, hedged, hypothetical,
negated, and whether it is an intent stated by someone.

The trigger and every clause above it up to the sentence root are read for negation,
modals, hedging adverbs, conditionals, hedging predicates ("it may be that", "it is possible
that"), speech verbs ("X reports that") and intent words ("plans to", "is willing to").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import ClassVar

from spacy.tokens import Token

from ..errors import DataError
from ..tables import fail, read_table, shown, split_list, words

WORD_LISTS = Path(__file__).parent / "data" / "words.tsv"
CUES_FILE = Path(__file__).parent / "data" / "cues.tsv"
CUE_COLUMNS = ("class", "words", "meaning")

CUE_CLASSES = ("speech", "hedge_adverb", "report_adverb", "hedge_modal", "hypothetical_modal",
               "future_modal", "conditional", "hedge_predicate", "intent", "negation", "reason",
               "reason_officially")  # fmt: skip
CONDITIONS = words(WORD_LISTS, "conditions")
SPEAKER_OWN = words(WORD_LISTS, "speaker_own")
# Degree words of a comparison clause: "just as", "much as"
COMPARISON_DEGREE = words(WORD_LISTS, "comparison_degree")
FAILING = words(WORD_LISTS, "failing")  # "failed to reach agreement": the act did not happen
DENYING = words(WORD_LISTS, "denying")  # "denied supporting the rebels": not so, says the teller


@lru_cache(maxsize=1)
def cues() -> dict[str, frozenset[str]]:
    """The cue word classes from attributes/data/cues.tsv."""
    out: dict[str, frozenset[str]] = {}
    path = CUES_FILE
    for n, row in read_table(path, required=("class", "words"), allowed=CUE_COLUMNS):
        if row["class"] not in CUE_CLASSES or not row["words"]:
            raise fail(path, n, f"expected a cue class and words, got {row['class']!r}")
        out[row["class"]] = frozenset(split_list(row["words"]))
    missing = set(CUE_CLASSES) - set(out)
    if missing:
        raise DataError(f"{shown(path)}: missing cue classes {sorted(missing)}")
    return out


@dataclass
class Factuality:
    label: str = "asserted"  # asserted reported hedged hypothetical negated
    cue: str = ""  # the words that decided it
    speaker: Token | None = None  # subject of the speech verb the event is reported under
    intent: bool = False  # a stated intent or warning, not an event that happened
    negated: bool = False
    conditional: bool = False  # inside an "if"/"unless" clause
    source: Token | None = None  # who "according to" names as telling it
    alleged: bool = False  # another party's plan as the teller tells it: the teller's charge
    denied: bool = False  # negated by a denial ("denied supporting"): no refusal of it either

    RANK: ClassVar[dict[str, int]] = {"asserted": 0, "reported": 1, "hedged": 2, "hypothetical": 3}

    def weaken(self, label: str, cue: str) -> None:
        if self.RANK[label] > self.RANK.get(self.label, 0):
            self.label, self.cue = label, cue


def factuality(trigger: Token) -> Factuality:
    """Read the trigger's clause and every clause above it up to the sentence root."""
    c = cues()
    result = Factuality()
    node = trigger
    first = True
    conditional = False
    negation = True  # whether a "not" on this clause covers the trigger
    apart = False  # past an adverbial clause with its own subject: no intent above is its
    while True:
        conditional = _read_clause(node, first, c, result, negation) or conditional
        if node.dep_ == "ROOT" or node.head.i == node.i:
            break
        negation = not _own_negation(node)
        conditional = _read_governor(node, conditional or apart, c, result) or conditional
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children)
        # "trying to cross before they were cut down": the trying is not the cutting's
        apart = apart or (node.dep_ == "advcl" and own_subject)
        if trigger.pos_ == "NOUN":
            # "sanctions will follow", "Finland will give a grant": the verb a noun hangs from
            # (as subject, object or through a preposition) carries the noun's modality
            first = first and node.pos_ not in ("VERB", "AUX")
        else:
            first = first and (
                node.dep_ in ("xcomp", "aux") or node.dep_ == "conj" and not own_subject
            )
        node = node.head
    result.conditional = conditional
    if result.negated and result.label == "asserted":
        result.label = "negated"
    return result


def _own_negation(conjunct: Token) -> bool:
    """Whether a "not" above ``conjunct`` is another verb's own: the verb it is coordinated
    with ("will not use force and commit to ...") is itself a later member of a series with
    its own auxiliary ("will give up its claims, will not use force and commit"), so its
    auxiliary and "not" are not shared; nor is a "not" shared with a conjunct that has its
    own auxiliary ("will not attack and will respect")."""
    if conjunct.dep_ != "conj":
        return False
    head = conjunct.head
    if any(c.dep_ in ("aux", "auxpass") for c in conjunct.children):
        return True
    return head.dep_ == "conj" and any(c.dep_ in ("aux", "auxpass") for c in head.children)


NONE_DEPS = ("nsubj", "nsubjpass", "dobj")
NONE_WORDS = words(WORD_LISTS, "none_words")  # "none of which", "nothing"
NO_LONGER = words(WORD_LISTS, "no_longer")  # "will no longer hold talks"


def _none_of_them(child: Token) -> bool:
    """ "no installations had been struck", "killed no one", "none of which it recognises": a
    subject or object that is none, or under "no", says the act did not happen."""
    if child.dep_ not in NONE_DEPS:
        return False
    return child.lower_ in NONE_WORDS or any(d.dep_ == "det" and d.lower_ == "no"
                                             for d in child.children)  # fmt: skip


def _no_longer(child: Token) -> bool:
    """ "would no longer hold talks": an adverb its own "no" negates negates the clause."""
    return (
        child.dep_ == "advmod"
        and child.lower_ in NO_LONGER
        and any(d.dep_ == "neg" and d.lower_ == "no" for d in child.children)
    )


def _read_clause(node: Token, first: bool, c: dict[str, frozenset[str]], result: Factuality,
                 negation: bool = True) -> bool:  # fmt: skip
    """Cues among ``node``'s own dependents (negation, where ``negation`` says it covers the
    trigger; modals, hedging and reporting adverbs, a conditional marker); returns whether
    the clause is a condition."""
    conditional = False
    if first and negation and node.dep_ == "relcl" and node.head.lower_ in NONE_WORDS:
        result.negated = True  # "Taiwan and Kosovo, none of which it recognises"
        result.cue = result.cue or node.head.text
    for child in node.children:
        lemma = child.lemma_.lower()
        lower = child.lower_
        if (
            (child.dep_ == "neg" or _none_of_them(child) or _no_longer(child))
            and first
            and negation
        ):
            result.negated = True
            result.cue = result.cue or child.text
        elif child.dep_ == "aux":
            if lower in c["hedge_modal"]:
                result.weaken("hedged", child.text)
            elif lower in c["hypothetical_modal"]:
                if lower == "would" and first and _under_speech(node):
                    result.intent = True
                    result.cue = result.cue or child.text
                else:
                    result.weaken("hypothetical", child.text)
            elif first and lower in c["future_modal"]:
                result.intent = True
                result.cue = result.cue or child.text
        elif child.dep_ == "advmod" and lemma in c["hedge_adverb"]:
            result.weaken("hedged", child.text)
        elif child.dep_ == "advmod" and lemma in c["report_adverb"]:
            result.weaken("reported", child.text)
        elif (
            child.dep_ == "mark"
            and lemma in c["conditional"]
            and (node.dep_ == "advcl" or lemma == "whether")
        ):
            result.weaken("hypothetical", child.text)
            conditional = True  # what the main clause intends is not this clause's intent
        elif child.dep_ == "prep" and lower == "according":
            result.weaken("reported", "according to")
            result.source = result.source or _according_to(child)
    return conditional


def _read_governor(node: Token, no_intent: bool, c: dict[str, frozenset[str]],
                   result: Factuality) -> bool:  # fmt: skip
    """What the verb above ``node`` says of it (a speech or hedging verb, a failure, an
    intent unless ``no_intent``, a condition); returns whether it makes ``node`` a
    condition."""
    head = node.head
    hlemma = head.lemma_.lower()
    if node.dep_ in ("acl", "ccomp") and (teller := _speech_around(node, c)) is not None:
        result.speaker = result.speaker or _subject(teller)  # "said in a statement that ..."
        if teller.lemma_.lower() not in SPEAKER_OWN:
            result.weaken("reported", teller.text)
    elif node.dep_ in ("ccomp", "csubj") or (node.dep_ == "advcl" and hlemma in c["speech"]):
        if hlemma in c["hedge_predicate"] or _is_hedge_copula(head):
            result.weaken("hedged", head.text)
        elif hlemma in c["speech"]:
            speaker = _subject(head)
            if result.speaker is None:
                result.speaker = speaker
            if hlemma not in SPEAKER_OWN:
                result.weaken("reported", head.text)
    elif node.dep_ == "xcomp" and hlemma in FAILING:
        result.negated = True  # "failed to reach agreement"
        result.cue = result.cue or head.text
    elif node.dep_ in ("xcomp", "ccomp", "pcomp") and hlemma in DENYING:
        result.negated = result.denied = True  # "has long denied supporting the M23"
        result.cue = result.cue or head.text
    elif node.dep_ == "xcomp" and hlemma in c["intent"] and not no_intent:
        result.intent = True
        result.cue = result.cue or head.text
    elif (node.dep_ == "pcomp" and head.dep_ == "prep" and not no_intent
          and head.head.lemma_.lower() in c["intent"]):  # fmt: skip
        result.intent = True
    elif node.dep_ in ("pobj", "pcomp") and head.lower_ in ("if", "unless"):
        result.weaken("hypothetical", head.text)
        return True
    return False


def _speech_around(clause: Token, c: dict[str, frozenset[str]]) -> Token | None:
    """The verb of saying a "that" clause of a noun is told under: "said in a statement that
    Lithuania had abandoned ...", the parse hanging the clause from the statement."""
    noun = clause.head
    if noun.pos_ != "NOUN" or not any(m.dep_ == "mark" and m.lower_ == "that"
                                      for m in clause.children):  # fmt: skip
        return None
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    return verb if verb.lemma_.lower() in c["speech"] else None


def in_condition(trigger: Token) -> bool:
    """Whether the act is the condition of another statement: "if Pakistan's citizens were
    targeted, India would pay", "will cut supplies unless Kyiv pays" (the clause after "if" or
    "unless" and everything inside it). Nobody says such an act happened or is planned."""
    node = trigger
    while node.dep_ != "ROOT" and node.head.i != node.i:
        if node.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in CONDITIONS for m in node.children
        ):
            return True
        if node.dep_ in ("pobj", "pcomp") and node.head.lower_ in CONDITIONS:
            return True
        node = node.head
    return False


def _according_to(according: Token) -> Token | None:
    """The one "according to" names: the object of its "to"."""
    for to in according.children:
        if to.dep_ == "prep" and to.lower_ == "to":
            return next((g for g in to.children if g.dep_ == "pobj"), None)
    return None


def comparison_clause(token: Token) -> Token | None:
    """The head of the comparison clause ``token`` lies in, if any: "will not recognise them,
    just as it does not recognise Kosovo", "much as it expelled envoys in 2019". The clause
    is marked "as" with a degree word and repeats the verb of the clause it measures against;
    what it tells is a yardstick, not an act of the story ("just as talks began" is a time)."""
    node = token
    while node.dep_ != "ROOT" and node.head.i != node.i:
        if node.dep_ == "advcl" and _compares(node):
            return node
        node = node.head
    return None


def _compares(clause: Token) -> bool:
    marked = any(m.dep_ == "mark" and m.lower_ == "as" for m in clause.children)
    degree = any(a.dep_ == "advmod" and a.lower_ in COMPARISON_DEGREE for a in clause.children)
    return marked and degree and clause.lemma_.lower() == clause.head.lemma_.lower()


def _subject(verb: Token) -> Token | None:
    """The subject of ``verb``; for a participle set after a clause ("rejected the statement,
    saying Egypt had ..."), the subject of that clause."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child
    if verb.tag_ == "VBG" and verb.dep_ == "advcl" and verb.i > verb.head.i:
        return _subject(verb.head)
    return None


def _under_speech(node: Token) -> bool:
    """Whether `node` sits in the complement of a speech verb ("said it would ...")."""
    c = cues()
    while node.dep_ != "ROOT" and node.head.i != node.i:
        if node.dep_ in ("ccomp", "advcl", "conj") and node.head.lemma_.lower() in c["speech"]:
            return True
        if node.dep_ not in ("conj", "ccomp", "xcomp", "advcl"):
            return False
        node = node.head
    return False


def _is_hedge_copula(head: Token) -> bool:
    """ "It may be that ...", "it is possible that ...": a copula with a hedge or hedged attribute."""
    c = cues()
    if head.lemma_.lower() != "be":
        return False
    for child in head.children:
        if child.dep_ == "aux" and child.lower_ in c["hedge_modal"] | c["hypothetical_modal"]:
            return True
        if child.dep_ in ("acomp", "attr") and child.lemma_.lower() in c["hedge_predicate"]:
            return True
    return False


def is_attribution(token: Token) -> bool:
    """Whether ``token`` names who reports rather than who acts: the subject of a speech verb
    ("AFP reported"), the one told ("told Reuters"), "according to the agency"."""
    speech = cues()["speech"]
    head = token.head
    if token.dep_ in ("nsubj", "dative", "dobj") and head.lemma_.lower() in speech | {"tell"}:
        return True
    return token.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according"
