"""Present-tense statements of a state or a norm, which are not acts.

A report tells what happened in the past or the perfect; in its body text the simple present
with a word of generalisation says how things are or usually go: "most of the oil leaves
the country mainly through this port" (a norm: "mainly", "usually", "traditionally"), "the
town is known to host a base of the group" (common knowledge: "is known to", "is believed
to"). Such a clause is coded only when the text gives it a time of its own ("on Tuesday").
A pattern of acts the report is about ("ships often harass fishing boats") is coded, and so
is a present stance ("Russia objects to the plan"). Left alone: a headline (a line of its
own without a final stop, which uses the present for news), a clause reported under a
saying verb or inside a quote, and saying verbs themselves ("the ministry says").
"""

from __future__ import annotations

from pathlib import Path

from spacy.tokens import Token

from ..nlp.sents import sentence_of, text_of
from ..tables import words

WORD_LISTS = Path(__file__).parent / "data" / "words.tsv"
SAYING = words(WORD_LISTS, "saying")
# Adverbs that state a norm or a proportion, not a time: "mainly", "usually".
GENERALISING_ADVERBS = words(WORD_LISTS, "generalising_adverbs")
# Passive verbs that lend a present infinitive to common knowledge: "is known to host".
RAISING_PASSIVES = words(WORD_LISTS, "raising_passives")
PRESENT_TAGS = {"VBZ", "VBP"}
PRESENT_BE = {"is", "are", "am", "'s", "'re"}
# Relations that keep a word inside the clause of the verb above it: an infinitive or a
# coordinated verb without a subject of its own, a gerund after a preposition, an object.
SAME_CLAUSE = {"xcomp", "conj", "pcomp", "pobj", "prep", "dobj", "dative", "acomp"}
SUBJECTS = {"nsubj", "nsubjpass", "csubj", "expl"}
FINAL_STOPS = (".", "!", "?", '"', "”", "’", "'", ")")


def is_generic(token: Token, own_time: bool) -> bool:
    """Whether a verb trigger states a present state or habit, not an act (``own_time``:
    the text dates the act itself)."""
    if own_time or token.pos_ != "VERB":
        return False
    verb = finite_verb(token)
    if verb is None or not _simple_present(verb) or verb.lemma_.lower() in SAYING:
        return False
    if verb.dep_ == "ccomp" or _headline(verb) or _quoted(token):
        return False
    return _common_knowledge(verb) or _generalised(verb, token)


def _common_knowledge(verb: Token) -> bool:
    """ "is known to host", "are believed to supply": a passive that raises the infinitive."""
    return (verb.tag_ == "VBN" and verb.lemma_.lower() in RAISING_PASSIVES
            and any(c.dep_ == "xcomp" for c in verb.children))  # fmt: skip


def _generalised(verb: Token, token: Token) -> bool:
    """ "leaves the country mainly through this port": an adverb of norm on the clause (or
    on one of its prepositions)."""
    heads = [verb, token, *(c for t in (verb, token) for c in t.children if c.dep_ == "prep")]
    return any(c.dep_ == "advmod" and c.lower_ in GENERALISING_ADVERBS
               for t in heads for c in t.children)  # fmt: skip


def finite_verb(token: Token) -> Token | None:
    """The verb that carries the tense of the trigger's clause, climbing through infinitives,
    coordinated verbs, gerunds after prepositions and objects; None at a clause of its own
    that has no tensed verb."""
    node = token
    while node.tag_ not in PRESENT_TAGS | {"VBD", "MD"} and not _has_aux(node):
        if node.dep_ not in SAME_CLAUSE or node.head.i == node.i:
            return None
        if node.dep_ == "conj" and any(c.dep_ in SUBJECTS for c in node.children):
            return None
        node = node.head
    return node


def _has_aux(verb: Token) -> bool:
    """A tensed auxiliary ("has", "will", "is"), not the infinitive's "to"."""
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ != "TO" for c in verb.children)


def _simple_present(verb: Token) -> bool:
    """ "leaves", "trip"; the present passive "is known" too; not "has left", "will leave"."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.tag_ != "TO"]
    if verb.tag_ in PRESENT_TAGS:
        return not auxes
    return (verb.tag_ == "VBN" and len(auxes) == 1 and auxes[0].dep_ == "auxpass"
            and auxes[0].lower_ in PRESENT_BE)  # fmt: skip


def _headline(verb: Token) -> bool:
    """A line of its own that does not end with a stop: a headline or a standfirst."""
    text = text_of(verb.doc)
    start = text.rfind("\n", 0, verb.idx) + 1
    end = text.find("\n", verb.idx)
    line = text[start : end if end >= 0 else len(text)].rstrip()
    return not line.endswith(FINAL_STOPS)


def _quoted(token: Token) -> bool:
    """Whether the word stands inside a quotation opened earlier in its sentence."""
    sent = sentence_of(token)
    before = text_of(token.doc)[sent.start_char : token.idx]
    straight = before.count('"') % 2 == 1
    return straight or before.rfind("“") > before.rfind("”")
