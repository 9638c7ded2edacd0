"""The steps over a document's events once each act is coded, in order: an act that only
states another's purpose goes, and so does the name a doer gives its own act; one warning is
one threat; nouns coordinated in one phrase
are one act; an act told inside another's clause is marked; repeated mentions of one act,
by the same words or by a definite noun ("its strikes"), become one event.
"""

from __future__ import annotations

from pathlib import Path

from spacy.tokens import Doc, Token

from .events.clauses import to_infinitive
from .events.coordinated import join_coordinated_nouns
from .events.embedding import demote_embedded
from .events.reference import refers_back
from .events.triggers import NAMING_VERBS
from .events.warnings import join_warnings
from .link.repeats import collapse_repeats
from .model import Event
from .tables import words

AIMING = words(Path(__file__).parent / "data" / "words.tsv", "aiming")  # "targeting X"


def settle_document(sdoc: Doc, events: list[Event], tokens: dict[str, int], text: str
                    ) -> list[Event]:  # fmt: skip
    """The document's events after the document-level steps (``tokens``: the trigger token
    index of each event id; ``text``: the document text)."""
    events = _without_purposes(sdoc, events, tokens)
    events = _without_own_names(sdoc, events, tokens)
    events = join_warnings(sdoc, events, tokens)
    events = join_coordinated_nouns(sdoc, events, tokens)
    demote_embedded(sdoc, events, tokens)
    definite = frozenset(e.id for e in events
                         if _names_its_act(e, sdoc[tokens[e.id]]) or _counts_victims(e))  # fmt: skip
    return collapse_repeats(events, text, definite)


def _without_purposes(sdoc: Doc, events: list[Event], tokens: dict[str, int]) -> list[Event]:
    """Drop an act whose trigger only states the purpose or aim of another act of the same
    type ("summoned the envoy to protest": one protest, by the one who summoned; "strikes in
    Kabul, targeting the leader": one attack)."""
    types: dict[int, set[str]] = {}
    for e in events:
        types.setdefault(tokens[e.id], set()).add(e.event)
    kept = []
    for e in events:
        tok = sdoc[tokens[e.id]]
        purpose = tok.dep_ in ("advcl", "xcomp", "acl", "relcl") and to_infinitive(tok)
        # "carried out air strikes in Kabul, targeting the leader ...": what the act aimed at
        purpose = purpose or tok.dep_ == "advcl" and tok.lemma_.lower() in AIMING
        # the infinitive hangs from the act's verb, or (as parsed) from that verb's object
        governor = tok.head.head if tok.head.dep_ == "dobj" else tok.head
        if purpose and e.event in types.get(governor.i, set()):
            continue
        kept.append(e)
    return kept


def _without_own_names(sdoc: Doc, events: list[Event], tokens: dict[str, int]) -> list[Event]:
    """Drop the name a doer gives its own act in a clause that hangs from that act
    ("launching missiles into Pakistan in what it called precision strikes"): one act, told
    once and named once. Another party's name for the act is its charge (``events/naming.py``)."""
    at: dict[int, list[Event]] = {}
    for e in events:
        at.setdefault(tokens[e.id], []).append(e)
    kept = []
    for e in events:
        named = _act_named(sdoc[tokens[e.id]], at)
        if any(o.event == e.event and o.actor.country == e.actor.country for o in named):
            continue
        kept.append(e)
    return kept


def _act_named(token: Token, at: dict[int, list[Event]]) -> list[Event]:
    """The events of the act a naming clause ("in what it called ...") hangs from, if
    ``token`` is the name it gives."""
    if token.dep_ != "oprd" or token.head.lemma_.lower() not in NAMING_VERBS:
        return []
    node = token.head
    for _ in range(3):
        if node.head.i == node.i:
            return []
        node = node.head
        if node.i in at:
            return at[node.i]
    return []


RECODED_TO_WORDS = ("retyped:ACCUSE", "retyped:THREATEN")  # the act is said, not done


def _counts_victims(event: Event) -> bool:
    """ "Pakistan said eight civilians had been killed": a report of the victims, whose doer
    the coder inferred, tells the toll of an act told before rather than an act of its own."""
    return "party:victims-report" in event.steps


def _names_its_act(event: Event, token: Token) -> bool:
    """A definite noun that names the event's own act again ("its strikes"), not the act an
    accusation or threat is about ("said the aggression ...")."""
    recoded = any(s.startswith("recode:") or s in RECODED_TO_WORDS for s in event.steps)
    return not recoded and refers_back(token)
