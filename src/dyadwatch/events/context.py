"""What the sentence and the events before a trigger supply when the parse leaves a role
empty: the other party of the sentence, the partner in a compound subject, the people of the
place where a state acts, and the earlier act that "this" or "the decision" refers to."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Token

from ..actors import ActorMention, KnowledgeBase
from ..actors.mention import UNKNOWN_CODE
from ..actors.pairs import story_pair
from ..attributes.factuality import comparison_clause, is_attribution
from ..model import Event
from ..nlp.sents import sentence_of
from ..tables import words
from .clauses import in_company
from .instruments import instrument_phrase, within
from .lists import list_members, of_members
from .roles import RoleFinder, Roles

WORD_LISTS = Path(__file__).parent / "data" / "words.tsv"

DEMONSTRATIVES = words(WORD_LISTS, "demonstratives")
# What is offered or asked, so that accepting or refusing it answers the one who made it.
PROPOSALS = words(WORD_LISTS, "proposals")
HOME_CONTEXT_SENTENCES = 2  # earlier sentences that must name no other state either
# What citizens, parties and rebels do at home is addressed to their government.
STATE_FORMS = {"name", "alias", "capital", "metonym"}  # the state itself, not its people
ADDRESSED_TO_GOVERNMENT = {"PROTEST", "REQUEST", "ACCUSE", "THREATEN", "REJECT"}


def population(kb: KnowledgeBase, place, actor: ActorMention) -> ActorMention | None:
    """The people of the place where a state acts on its own ground (curfews, bans, raids)."""
    if not place.country or place.country != actor.country or actor.sector not in ("GOV", "MIL"):
        return None
    entry = kb.country(place.country)
    if entry is None:
        return None
    return ActorMention(0, 0, place.text, kb.code_for(entry.code, "CVL"), entry.country, "CVL",
                        entry.name, entry.wikidata, "role", "place", False, False)  # fmt: skip


# Acts aimed across a border in a story about two states (protests and mobilising are home
# affairs; coercion at a named place at home goes to its people first, see coder.py).
ACROSS = {
    "ASSAULT",
    "ACCUSE",
    "THREATEN",
    "SANCTION",
    "COERCE",
    "REQUEST",
    "REJECT",
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "COOPERATE",
    "AID",
    "RETREAT",
    "CONCEDE",
}


# Acts a state does with another party, never with its own country: meetings and talks.
WITH_ANOTHER = {"CONSULT"}
SESSION_VERBS = words(WORD_LISTS, "session_verbs")
SESSION_NOUNS = words(WORD_LISTS, "session_nouns")
PARTNER_PREPS = words(WORD_LISTS, "partner_preps")  # "met with", "talks between"
SESSION_PARTNER_PREPS = PARTNER_PREPS | {"of"}  # "the meeting of the CSTO"
VENUE_PREPS = words(WORD_LISTS, "venue_preps")
# people a state evacuates or brings home: "evacuated staff", "flew citizens home"
PEOPLE_NOUNS = words(WORD_LISTS, "evacuated_people")


def is_session(tok: Token) -> bool:
    """Whether ``tok`` names a meeting held somewhere ("met", "convened", "the meeting"), not
    a visit to a host."""
    lemma = tok.lemma_.lower()
    return lemma in (SESSION_NOUNS if tok.pos_ == "NOUN" else SESSION_VERBS)


def at_venue(tok: Token, how: str) -> bool:
    """Whether the recipient the parse found for a meeting is only where or on what it met
    ("met in Washington", "a summit in Samarkand", "met on the sidelines of an SCO summit"),
    no partner; a visit's place is its host."""
    venue = how == "place" or how.startswith("prep:") and how[5:] in VENUE_PREPS
    return venue and is_session(tok)


def own_session(tok: Token) -> bool:
    """ "The National Security Committee met on Thursday", "an all-party meeting was convened":
    a meeting that names no one met, with or besides, is the actor's own session, held with
    no other state, whatever state the story is about."""
    if tok.pos_ == "NOUN":
        return _own_session_noun(tok)
    if tok.lemma_.lower() not in SESSION_VERBS:
        return False
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in PARTNER_PREPS:
            return False
        if child.dep_ in ("dobj", "dative") and child.lemma_.lower() not in SESSION_NOUNS:
            return False
    return True


def _own_session_noun(tok: Token) -> bool:
    """ "took part in the meeting in Kathmandu": a meeting whose phrase, and the verb that
    holds it, name no one it was with or of."""
    if tok.lemma_.lower() not in SESSION_NOUNS:
        return False
    holders = [tok, tok.head, tok.head.head] if tok.dep_ == "pobj" else [tok, tok.head]
    # not the preposition that holds the meeting itself ("on the sidelines of a summit")
    return not any(c.dep_ == "prep" and c.lower_ in SESSION_PARTNER_PREPS and c.i != tok.head.i
                   for h in holders for c in h.children)  # fmt: skip


def story_states(roles: RoleFinder) -> tuple[str, str] | None:
    """The two states a story is about: the two named most often, when they dominate it."""
    return story_pair(roles.actors.mentions)


def counterpart(
    kb: KnowledgeBase, roles: RoleFinder, actor: ActorMention, event: str
) -> ActorMention | None:
    """In a story about two states, an act across borders that names no recipient is aimed at
    the other one ("Azerbaijani forces opened fire" in a story about Armenia and Azerbaijan)."""
    states = story_states(roles) if event in ACROSS else None
    if states is None or actor.country not in states:
        return None
    other = states[1] if actor.country == states[0] else states[0]
    entry = kb.country(other)
    if entry is None:
        return None
    return ActorMention(0, 0, entry.name, entry.code, entry.country, None, entry.name,
                        entry.wikidata, "country", "story", False, False)  # fmt: skip


def own_side_patient(roles: RoleFinder, patient, actor: ActorMention) -> bool:
    """Whether the act's object is the actor's own side ("Peru said two of its soldiers had
    been killed", "Peru expelled two diplomats" with their country guessed as Peru's): the
    act was done to that side or to a foreign one, never by the state to its own country."""
    if patient is None:
        return False
    found = roles.np_actor(patient, owner=True)
    return found is not None and found.country == actor.country


def own_people(roles: RoleFinder, patient, actor: ActorMention) -> bool:
    """Whether the act's object is the actor's own people: by its own possessive ("evacuated
    its remaining staff", "flew its citizens home"), or people the text gives no other state
    ("Baku evacuates staff"; not "evacuated 200 Indian nationals")."""
    if patient is None:
        return False
    owner = next((c for c in patient.children if c.dep_ == "poss"), None)
    found = roles.np_actor(owner) if owner is not None else roles.actors.owner(patient)
    if owner is None and found is None:
        return patient.pos_ == "NOUN" and patient.lemma_.lower() in PEOPLE_NOUNS
    return found is not None and found.country == actor.country


def home_ground(
    kb: KnowledgeBase, roles: RoleFinder, places, tok, actor: ActorMention, event: str,
    patient=None,
) -> ActorMention | None:  # fmt: skip
    """The actor's own country, for an act whose sentence (and the two before it) names no
    one and nowhere else:
    "thousands rallied in Lagos", "the government lifted the state of emergency". Protesters
    and claimants address their government; a state acting at home acts on its people.
    Never when the act's object (``patient``) is the actor's own side."""
    if not actor.country or actor.code == UNKNOWN_CODE:
        return None
    if own_side_patient(roles, patient, actor):
        return None
    if event in ADDRESSED_TO_GOVERNMENT and (actor.sector == "GOV" or actor.form in STATE_FORMS):
        return None  # a government does not address itself
    if event in WITH_ANOTHER and (actor.sector in ("GOV", "MIL") or actor.form in STATE_FORMS):
        return None  # nor meets itself: "Pakistan held talks on Monday"
    # the sentence and the two before it: in a story about two states the other one is
    # usually named a sentence earlier ("... Belarus rejected the accusations.")
    sent = sentence_of(tok)
    start = sent.start
    for _ in range(HOME_CONTEXT_SENTENCES):
        if start == 0:
            break
        start = sentence_of(tok.doc[start - 1]).start
    for mention in roles.actors.mentions:
        inside = actor.start <= mention.start < actor.end  # "the Albanians of Serbia"
        if start <= mention.start < sent.end and mention.country != actor.country and not inside:
            return None  # another country, or a body with none (the UN), takes part
    for place in places.mentions:
        if start <= place.start < sent.end and place.place.country not in (None, actor.country):
            return None
    entry = kb.country(actor.country)
    if entry is None:
        return None
    sector = "GOV" if event in ADDRESSED_TO_GOVERNMENT and actor.sector != "GOV" else None
    code = kb.code_for(entry.code, sector) if sector else entry.code
    return ActorMention(0, 0, entry.name, code, entry.country, sector, entry.name,
                        entry.wikidata, "country", "home", False, False)  # fmt: skip


def proposer(roles: RoleFinder, tok, patient, actor: ActorMention) -> ActorMention | None:
    """Who made the offer, demand or invitation that is accepted or turned down: "rejected a
    demand from the US President", "refused to respond to a demand from ...", "accepted
    Moscow's invitation"."""
    nouns = [patient] if patient is not None else []
    for verb in [tok, *(c for c in tok.children if c.dep_ == "xcomp")]:
        for child in verb.children:
            if child.dep_ in ("dobj", "obj"):
                nouns.append(child)
            elif child.dep_ == "prep":
                nouns.extend(g for g in child.children if g.dep_ == "pobj")
    for noun in nouns:
        if noun.lemma_.lower() not in PROPOSALS:
            continue
        found = roles.actors.owner(noun, depth=1)
        if found is not None and found.code != UNKNOWN_CODE and found.country != actor.country:
            return found
    return None


def unattributed(place) -> ActorMention | None:
    """Unidentified attackers, placed in the country where the attack happened."""
    if place is None or not place.country:
        return None
    return ActorMention(0, 0, place.text, place.country, place.country, None,
                        f"unidentified attackers ({place.name})", None, "group", "place",
                        False, False)  # fmt: skip


def partner(roles: RoleFinder, tok, actor: ActorMention) -> ActorMention | None:
    """The other member of a compound subject: "Putin and Tokayev met", "Indian and Chinese
    commanders met", "Greece and Turkey reached an arrangement" (a noun's verb's subject), "the
    two countries agreed" (the story's other state)."""
    other_state = roles.actors.pair_partner(actor)
    if other_state is not None:
        return other_state
    verb = tok.head if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "pobj", "attr") else tok
    subj = _series_subject(verb)
    if subj is None:
        return None
    words = [
        *list_members(subj),
        *of_members(subj),  # "the foreign ministers of Armenia and Azerbaijan met"
        *(c for c in subj.children if c.dep_ in ("amod", "compound")),
    ]
    return _other_state(roles, words, actor)


def co_actor(roles: RoleFinder, actor: ActorMention) -> ActorMention | None:
    """Another state named in the actor's own phrase: "French and Egyptian warships",
    "Russia and Belarus"."""
    if actor.end <= actor.start:
        return None
    root = roles.actors.doc[actor.start : actor.end].root
    words = [
        *list_members(root),
        *(c for c in root.children if c.dep_ in ("amod", "compound", "nmod")),
    ]
    return _other_state(roles, words, actor)


def _other_state(roles: RoleFinder, words: list[Token], actor: ActorMention
                 ) -> ActorMention | None:  # fmt: skip
    """The first of ``words`` or their conjuncts that names a state other than the actor's."""
    for word in words:
        for other in [word, *word.conjuncts]:
            found = roles.actors.for_np(other) or roles.actors.by_token.get(other.i)
            if found is not None and found.country and found.country != actor.country:
                return found
    return None


def _yardstick(word: Token, tok: Token) -> bool:
    """Whether ``word`` lies in a comparison clause that ``tok`` lies outside of."""
    clause = comparison_clause(word)
    return clause is not None and comparison_clause(tok) is not clause


def _series_subject(verb: Token) -> Token | None:
    """The subject of a verb, or of the first verb of the series it is coordinated in ("Quito
    and Lima will drop their claims and commit to ..."), or of the clause a participle
    follows ("Quito and Lima signed the text, pledging to ...")."""
    while True:
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is not None or verb.head.pos_ not in ("VERB", "AUX"):
            return subj
        if verb.dep_ != "conj" and not (verb.dep_ == "advcl" and verb.tag_ == "VBG"):
            return subj
        verb = verb.head  # "..., pledging to ...": the participle's subject is the clause's


# Nouns that stand for an earlier act: "the decision was reversed", "the move was condemned".
EVENT_NOUNS = words(WORD_LISTS, "event_nouns")
DEFINITE = words(WORD_LISTS, "definite_determiners")


@dataclass
class Anaphor:
    actor_mention: ActorMention
    recipient_mention: ActorMention | None


def anaphoric_event(found: Roles, before: list[Event], tok,
                    act_type: Callable[[str], str | None] = lambda lemma: None,
                    ) -> Anaphor | None:  # fmt: skip
    """The earlier event a pronoun or event noun in the trigger's patient refers to ("the
    decision", "this": the last one; with ``act_type`` giving an act noun's type, "the
    closure", "the attack": the last of that type if there is one)."""
    patient = found.patient
    if patient is None or not before:
        return None
    lemma = patient.lemma_.lower()
    # an act noun only as the object of an active verb ("condemned the closure"); "the
    # agreement was reached" names the very act
    definite = patient.dep_ in ("dobj", "obj") and any(
        c.dep_ == "det" and c.lower_ in DEFINITE for c in patient.children
    )
    named = act_type(lemma) if definite else None
    if patient.lower_ not in DEMONSTRATIVES and lemma not in EVENT_NOUNS and named is None:
        return None
    # another party's act ("Lithuania regretted the decision": China's), unless there is none
    own = found.actor.country if found.actor is not None else None
    others = [e for e in before if not own or e.actor.country != own] or before
    # the last act of the type the noun names, else (a closure told as a sanction) the last
    prev = next((e for e in reversed(others) if e.event == named), others[-1])
    if sentence_of(tok).start_char - prev.evidence.start > 1200:
        return None
    actor = prev.actor
    mention = ActorMention(0, 0, actor.text, actor.code, actor.country, actor.sector, actor.name,
                           actor.wikidata, direct=False)  # fmt: skip
    rec = prev.recipient
    rmention = (ActorMention(0, 0, rec.text, rec.code, rec.country, rec.sector, rec.name,
                             rec.wikidata, direct=False) if rec else None)  # fmt: skip
    return Anaphor(mention, rmention)


def _apposed(token, actor: ActorMention) -> bool:
    """Whether ``token`` sits in an apposition of the actor's phrase."""
    return any(
        node.dep_ == "appos" and actor.start <= node.head.i < actor.end
        for node in [token, *token.ancestors]
    )


def other_party(roles: RoleFinder, tok, actor: ActorMention) -> ActorMention | None:
    """The nearest other-country actor in the sentence, for a trigger with no recipient;
    never one listed with the actor ("The United States, France and Germany expressed")."""
    doc = tok.doc
    beside = set()
    if actor.end > actor.start:
        beside = {t.i for c in doc[actor.end - 1].conjuncts for t in c.subtree}
    best, dist = None, None
    sent = sentence_of(tok)
    means = instrument_phrase(roles, tok)  # "threatened him with Ukraine's fate"
    for mention in roles.actors.mentions:
        if not (sent.start <= mention.start < sent.end):
            continue
        head = doc[mention.start : mention.end].root
        if _yardstick(doc[mention.start], tok) or within(means, mention.start) or in_company(head):
            continue  # "just as it does not recognise Kosovo", "with Ukraine's fate": no party
        if any(i in beside for i in range(mention.start, mention.end)):
            continue
        if actor.start <= mention.start < actor.end:
            continue  # part of the actor's own phrase ("Bosnian Serbs")
        if _apposed(doc[mention.start : mention.end].root, actor):
            continue  # "NATO, an alliance led by the United States, ...": the actor described
        if (
            mention.country is None
            or mention.country == actor.country
            or mention.form == "adjective"
        ):
            continue
        d = abs(mention.start - tok.i)
        if dist is None or d < dist:
            best, dist = mention, d
    return best


def reporting_outlet(mention: ActorMention, tok, event: str) -> bool:
    """A news outlet named as the one that reports, or borrowed from another sentence (a
    pronoun's nearest name is often the agency quoted), or the one spoken to ("spoke to
    Reuters"): never a party to the act reported."""
    if mention.sector != "MED" or mention.kind != "org" or mention.end <= mention.start:
        return False
    sent = sentence_of(tok)
    outside = not sent.start <= mention.start < sent.end
    return event == "CONSULT" or outside or is_attribution(
        tok.doc[mention.start : mention.end].root)  # fmt: skip
