"""What the parse says of a clause: its subject (climbing where English leaves it unsaid),
a passive and its patient, a noun's subject, and whether two parties are on one side.

The pieces every role reader shares; ``Roles`` is what they find for one act.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Token

from ..actors.mention import ActorMention
from ..nlp.sents import sentence_of
from ..tables import words
from .support import support_verbs

WORD_LISTS = Path(__file__).parent / "data" / "words.tsv"

SUBJECT_DEPS = ("nsubj", "csubj")
FINITE_TAGS = ("VBD", "VBZ", "VBP")  # verbs that carry tense
# "ramming carried out by the coast guard": participles whose "by" agent did the act named
PERPETRATING = words(WORD_LISTS, "perpetrating")
# Nouns of a policy a participle may spell out: "the decision taken by India, suspending ...".
DECISION_NOUNS = words(WORD_LISTS, "decision_nouns")
MESSAGE_NOUNS = words(WORD_LISTS, "message_nouns")
ADDITIVE_PHRASES = words(WORD_LISTS, "additive_phrases")  # "as well as": three words each
OBJECT_CONTROL = words(WORD_LISTS, "object_control")
# "the envoy, who protested": relative pronouns that stand for the noun they hang from
SUBJECT_RELATIVES = words(WORD_LISTS, "subject_relatives")
COMITATIVE = words(WORD_LISTS, "comitative")  # "together with": a companion, not a recipient
SAYING = words(WORD_LISTS, "saying")  # verbs of saying: "said", "declared", "stressed"
# "after", "before", "because": words that open a clause the parser may misplace
CLAUSE_OPENERS = words(WORD_LISTS, "clause_openers")
PARTY_ENTITIES = ("GPE", "NORP", "ORG", "PERSON")  # entity labels that name a party


@dataclass
class Roles:
    actor: ActorMention | None
    recipient: ActorMention | None
    actor_how: str = ""
    recipient_how: str = ""
    patient: Token | None = None  # the object or passive subject, actor or not


def comitative(prep: Token) -> bool:
    """ "together with its militia", "along with allies": company in the act, not its
    recipient."""
    before = prep.doc[prep.i - 1] if prep.i > 0 else None
    return prep.lower_ == "with" and (
        any(c.lower_ in COMITATIVE for c in prep.children)
        or (before is not None and before.lower_ in COMITATIVE)
    )


def in_company(token: Token) -> bool:
    """Whether ``token`` is named as company in the act ("together with Bolivian rebels")."""
    node = token
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    return node.dep_ == "pobj" and comitative(node.head)


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass", "csubjpass") for c in verb.children)


def clause_subject(verb: Token, depth: int = 0) -> Token | None:
    """The token that is the (active) subject of `verb`'s clause, climbing where English
    leaves it unsaid: shared subjects of conjoined verbs, control verbs, relative clauses."""
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            if child.lower_ in SUBJECT_RELATIVES and verb.dep_ == "relcl":
                return verb.head
            return child
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    if depth > 4 or verb.dep_ == "ROOT":
        return None
    if (partner := as_well_as_partner(verb)) is not None:
        return clause_subject(partner, depth + 1)
    head = verb.head
    if (interrupted := interrupted_subject(verb)) is not None:
        return interrupted
    if verb.dep_ == "conj":
        return clause_subject(_coordinated_with(verb), depth + 1)
    if verb.dep_ == "xcomp":
        if head.lemma_.lower() in OBJECT_CONTROL:
            obj = next((c for c in head.children if c.dep_ in ("dobj", "dative")), None)
            if obj is not None:
                return obj
        return clause_subject(head, depth + 1)
    if verb.dep_ == "relcl" and not is_passive(verb):
        return head
    if verb.dep_ == "acl" and (verb.tag_ == "VBG" or misplaced_predicate(verb)):
        if head.lemma_.lower() in MESSAGE_NOUNS:  # "issued a declaration demanding ..."
            return noun_subject(head) or head
        return head
    if verb.dep_ == "advcl" and (maker := decision_maker(verb)) is not None:
        return maker
    if verb.dep_ == "advcl" and verb.tag_ in ("VBG", "VB", "VBN"):
        return clause_subject(head, depth + 1)
    if verb.dep_ == "pcomp":  # "by halting ...", "after launching ..."
        return clause_subject(head.head, depth + 1)
    if verb.dep_ in ("xcomp", "acl") and head.pos_ == "NOUN":
        return noun_subject(head)  # "Tokayev made statements about plans to increase ..."
    return None


def misplaced_predicate(verb: Token) -> bool:
    """ "Sudan, which lies downstream, called on both sides": the parser, finding no verb for
    the subject after the aside, hangs the sentence's verb from the subject as a participle.
    After such an aside (a relative clause or an apposition) the verb is the predicate, and
    the noun its subject; a participle right after the noun describes it ("Peruvian
    trawlers, detained in Chilean waters")."""
    head = verb.head
    if verb.dep_ != "acl" or head.dep_ != "ROOT" or verb.i < 2 or verb.doc[verb.i - 1].text != ",":
        return False
    if verb.tag_ not in ("VBD", "VBN"):
        return False
    return any(c.dep_ in ("relcl", "appos") and c.right_edge.i == verb.i - 2
               for c in head.children)  # fmt: skip


def as_well_as_partner(verb: Token) -> Token | None:
    """ "decided to request that Russia invoke ..., as well as to seek help from the UN": an
    infinitive after "as well as" is coordinated with the infinitive before it that its
    governor controls, wherever the parser hangs it."""
    i = verb.i
    doc = verb.doc
    if i < 4 or doc[i - 1].lower_ != "to" or doc[i - 1].head.i != i:
        return None
    if " ".join(t.lower_ for t in doc[i - 4 : i - 1]) not in ADDITIVE_PHRASES:
        return None
    start = sentence_of(verb).start
    for t in reversed(doc[start : i - 4]):
        if t.dep_ == "xcomp" and to_infinitive(t):
            return t
    return None


def to_infinitive(verb: Token) -> bool:
    """Whether ``verb`` carries its own "to": "to seek", "to protest"."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def tensed_after_infinitive(verb: Token) -> bool:
    """A tensed verb coordinated after an infinitive ("for troops to join the campaign and
    refused to recognise ..."): the parser's conjunct, but no part of the infinitive's clause."""
    return verb.dep_ == "conj" and verb.tag_ in FINITE_TAGS and verb.head.tag_ == "VB"


def teller_of_conjunct(verb: Token) -> Token | None:
    """The subject of the clause above, for a simple past coordinated after a perfect or a
    copula in a reported clause ("denied that its planes had violated Greek airspace and
    accused Athens of ...", "said the decision was regrettable and lodged a protest"): the
    parse puts it in the reported clause, but the tense says it may not share the "had" or
    the "was". Used only when the reported clause's subject names no actor (planes)."""
    head = verb.head
    if verb.dep_ != "conj" or verb.tag_ != "VBD" or head.dep_ != "ccomp":
        return None
    if any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None  # "said the situation was calm and a rocket struck a market"
    perfect = head.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have"
                                         for c in head.children)  # fmt: skip
    return clause_subject(head.head) if perfect or head.lemma_ == "be" else None


def interrupted_subject(verb: Token) -> Token | None:
    """The subject of a tensed verb after a participle set off by commas, in a clause that
    "after", "before", "since" or "until" opens: "came after a Russian court, citing
    violations, banned offloading". The parser takes "a Russian court" for the object of
    "after" and "banned" for a conjunct or an adverbial clause of "citing" or "came"; the
    tense and the commas say "banned" is the verb of the clause "after" opens, and the noun
    phrase before the participle, when it names a party, its subject ("after the vote,
    citing fraud, seized computers" is a series of the main subject's acts)."""
    doc, i = verb.doc, verb.i
    if verb.dep_ not in ("conj", "advcl") or doc[max(i - 1, 0)].text != ",":
        return None
    if any(c.dep_.startswith("aux") or c.dep_ == "mark" for c in verb.children):
        return None
    if verb.tag_ != "VBD" and not (verb.tag_ == "VBN" and _has_object(verb)):
        return None  # a participle with no object may be passive ("angered by the closure")
    participle = doc[max(i - 2, 0)]
    while participle.dep_ != "advcl" and participle.head.i < participle.i:
        participle = participle.head
    start = participle.left_edge.i
    if participle.tag_ != "VBG" or participle.dep_ != "advcl" or start < 2:
        return None
    if doc[start - 1].text != ",":
        return None
    noun = doc[start - 2]
    while noun.dep_ != "pobj" and noun.head.i != noun.i and noun.head.i < start:
        noun = noun.head
    if noun.dep_ != "pobj" or noun.right_edge.i != start - 2:
        return None
    return noun if noun.head.lower_ in CLAUSE_OPENERS and names_party(noun) else None


def names_party(token: Token) -> bool:
    """Whether the phrase of ``token`` names a party: a state, a people, a body or a person
    ("a Russian court", "Chilean warships"), not a thing or an event ("the vote")."""
    return any(t.ent_type_ in PARTY_ENTITIES for t in token.subtree)


def _after_subordinate(verb: Token) -> bool:
    """ "Poland deployed troops after migrants tried to cross, and accused Minsk": a verb
    joined by a comma and "and" to a clause that "after", "before", "because" or "when" opens,
    with no subject of its own, is coordinated with the verb that clause hangs from, when
    that verb's subject names a party and the clause's own subject does not ("after Chilean
    warships entered Peruvian waters, and fired on a boat": the warships fired)."""
    head = verb.head
    if verb.dep_ != "conj" or head.dep_ != "advcl" or verb.tag_ not in FINITE_TAGS:
        return False
    if not any(c.dep_ == "mark" and c.lower_ in CLAUSE_OPENERS for c in head.children):
        return False
    if any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return False
    cc = next((c for c in verb.children if c.dep_ == "cc"), None)
    cc = cc or next((c for c in head.children if c.dep_ == "cc" and c.i < verb.i), None)
    if cc is None or cc.i == 0 or verb.doc[cc.i - 1].text != ",":
        return False
    inner, outer = _own_subject(head), _own_subject(head.head)
    return outer is not None and names_party(outer) and not (inner and names_party(inner))


def _own_subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)


def _has_object(verb: Token) -> bool:
    return any(c.dep_ in ("dobj", "xcomp", "ccomp") for c in verb.children)


def _coordinated_with(verb: Token) -> Token:
    """The verb a conjunct is coordinated with. A tensed verb is not coordinated with an
    infinitive: in "rejected the request for troops to join the campaign and refused to
    recognise ...", "refused" shares the subject of "rejected", not of "join", whatever
    the parse says."""
    head = verb.head
    if _after_subordinate(verb):
        return head.head
    if tensed_after_infinitive(verb):
        host = next((a for a in head.ancestors if a.tag_ in FINITE_TAGS), None)
        if host is not None:
            return host
    return head


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


def decision_maker(verb: Token) -> Token | None:
    """ "responded to the decision taken by India on Wednesday, suspending the treaty": a
    participle after a comma that closes a phrase about a decision spells the decision out,
    whatever clause the parser hangs it from; it is the act of whoever took the decision (the
    possessor, or the "by" agent of the participle on the noun)."""
    if verb.tag_ != "VBG" or verb.i < 2 or verb.doc[verb.i - 1].text != ",":
        return None
    node = verb.doc[verb.i - 2]
    for _ in range(6):
        if node.pos_ == "NOUN" and node.lemma_.lower() in DECISION_NOUNS:
            break
        if node.head.i == node.i or node.i == verb.head.i:
            return None
        node = node.head
    else:
        return None
    for child in node.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "acl" and child.tag_ == "VBN":
            agent = next((c for c in child.children if c.dep_ == "agent"), None)
            pobj = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent else None
            if pobj is not None:
                return pobj
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
    """Whether ``a`` (a would-be recipient) is on the side of ``b`` (the actor): same country
    and same (or unstated) sector, so that a domestic dyad ("the army accused separatists")
    stays two parties. A role whose country was only guessed from context ("Poland deployed
    soldiers") is the actor's own."""
    if a.country is None or b.country is None:
        return a.code == b.code
    if a.country != b.country:
        return False
    state_sides = {a.sector, b.sector} <= {"GOV", "MIL", None}
    if not a.direct and a.form == "role" and state_sides:
        return True  # "Azerbaijani guns struck military targets": a guessed target is its own
    if (a.form == "modified") != (b.form == "modified") and a.sector != b.sector:
        return False  # "Croatia is investigating Croatian extremists": a group of its people
    if (not a.direct or not b.direct) and state_sides:
        return True  # "Poland deployed soldiers": its own forces, their country only guessed
    if (
        a.sector in ("GOV", "MIL", None)
        and b.sector in ("GOV", "MIL", None)
        and (a.kind != "role" or b.kind != "role")
    ):
        return True  # a state and its own forces or government
    return (a.sector or "GOV") == (b.sector or "GOV")
