"""What an act is, once its parties are known: the trigger's type judged in its frame
(``retype``) and the stated intents, warnings, refusals and announced measures that change
its type or factuality (``recode``: named steps, tried in order; the first that answers
decides, and the event names it as ``recode:<name>`` unless the act was told plainly)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Token

from .attributes.factuality import Factuality
from .events.context import STATE_FORMS
from .events.lexicon import Lexicon
from .events.roles import RoleFinder, Roles
from .events.triggers import Candidate
from .tables import words

WORD_LISTS = Path(__file__).parent / "data" / "words.tsv"

COOPERATIVE_QUADS = (1, 2)
# A state "charged" with something is accused, not arrested
CHARGING = words(WORD_LISTS, "charging")
ANNOUNCED_MEASURES = {"SANCTION", "COERCE"}
FUTURE = words(WORD_LISTS, "future")
RETALIATION = words(WORD_LISTS, "retaliation")
CONDITIONS = frozenset({"if", "unless"})
UNLESS = frozenset({"unless"})


def retype(cand: Candidate, found: Roles, lexicon: Lexicon) -> tuple[str, str | None]:
    """Types the trigger alone gets wrong: a promise of retaliation, media "attacks"."""
    tok, trig = cand.token, cand.trigger
    event, mode = trig.event, trig.mode
    direct = [c for c in cand.absorbed if c.token.head.i == tok.i and c.token.dep_ == "xcomp"]
    # "promised a response", also where a promise it absorbed says so ("pledged to track
    # them down and promised a response")
    promises = [tok, *(c.token for c in cand.absorbed if c.trigger.event == "AGREE")]
    promised = [c for p in promises for c in p.children
                if c.dep_ == "dobj" and c.lemma_.lower() in RETALIATION]  # fmt: skip
    if trig.event == "AGREE" and (promised or any(lexicon.quad(c.trigger.event) >= 3
                                                  or c.token.lemma_.lower() in RETALIATION
                                                  for c in direct)):  # fmt: skip
        # "vowed to retaliate", "promised to strike back", "promised a response"
        event, mode = "THREATEN", None
    if (trig.mode == "arrest" and tok.lemma_.lower() in CHARGING and found.recipient is not None
            and not found.recipient.person and found.recipient.kind == "country"):  # fmt: skip
        event, mode = "ACCUSE", "allege"  # "charged Pakistan with involvement": words
    if event == "PROTEST" and trig.mode == "strike" and is_state(found.actor, True):
        event, mode = "ASSAULT", None  # "Indian strikes hit six sites": not a labour strike
    elif event == "PROTEST" and trig.mode == "boycott" and is_state(found.actor, False):
        event, mode = "SANCTION", "discontinue"  # a state's boycott cuts trade or contact
    elif event == "PROTEST" and is_state(found.actor, False):
        event, mode = "ACCUSE", "allege"  # a state's protest is a diplomatic one
    if event == "MOBILIZE" and _with_partner(tok, found.recipient):
        event, mode = "COOPERATE", None  # "held naval drills with Russia": a joint exercise
    if event == "ASSAULT" and found.actor.sector == "MED":
        event, mode = "ACCUSE", "disapprove"  # "media attacks": words, not violence
    return event, mode


def _with_partner(tok: Token, partner) -> bool:
    """Whether a show of force is held with the other party ("drills with Russia", the
    phrase on the noun or on the verb that holds it; not "troops with tanks")."""
    if tok.pos_ != "NOUN" or partner is None or partner.end <= partner.start:
        return False  # "deployed soldiers to the border with Belarus": no partner
    holders = [tok, tok.head] if tok.dep_ in ("dobj", "obj") else [tok]
    return any(c.dep_ == "prep" and c.lower_ in ("with", "alongside")
               and any(g.dep_ == "pobj" and partner.start <= g.i < partner.end
                       for g in c.children)
               for h in holders for c in h.children)  # fmt: skip


@dataclass(frozen=True)
class Act:
    """What the recoding steps read about one act whose parties are known."""

    event: str
    mode: str | None
    fact: Factuality
    quad: int  # the PLOVER quad class of ``event``
    stated: bool  # a stated intent, or a warning by the actor itself
    token: Token
    voiced: bool = False  # said by the actor itself ("Manila says it may expel")


@dataclass(frozen=True)
class Recoded:
    """An act's type, mode and factuality label after recoding, and the step that decided."""

    event: str
    mode: str | None
    label: str
    step: str


Coding = tuple[str, "str | None", str]  # event, mode, factuality label


def alleged(act: Act) -> Coding | None:
    """ "Lima said Santiago planned to strike": the teller's allegation against the planner
    (the party steps have made the teller the actor)."""
    return ("ACCUSE", "allege", "asserted") if act.fact.alleged else None


def negated_cooperation(act: Act) -> Coding | None:
    """ "did not recognise", "will not sign": negated cooperation is a rejection."""
    label = act.fact.label
    if not act.fact.negated or act.fact.denied or act.quad not in COOPERATIVE_QUADS:
        return None  # denying one gave support refuses nothing
    if label not in ("asserted", "reported", "negated", "hedged"):
        return None  # "may decide not to renew the contract": a refusal, hedged
    return "REJECT", None, "asserted" if label == "negated" else label


def negated(act: Act) -> Coding | None:
    """Any other negated act keeps its type and is negated."""
    if not act.fact.negated:
        return None
    return act.event, act.mode, "negated" if act.fact.label == "asserted" else act.fact.label


def unstated(act: Act) -> Coding | None:
    """An act told, not stated as an intent: as it is."""
    return None if act.stated else (act.event, act.mode, act.fact.label)


def hedged_threat(act: Act) -> Coding | None:
    """ "The government says it may weigh expelling the envoy": an actor's own hedged intent
    of material conflict is a threat, hedged as the actor hedged it."""
    if act.fact.label != "hedged" or not act.voiced or act.quad != 4:
        return None
    return "THREATEN", None, "hedged"


def hedged_intent(act: Act) -> Coding | None:
    """ "may plan to send": a hedged intent stays hedged, with its type."""
    return (act.event, act.mode, act.fact.label) if act.fact.label == "hedged" else None


def ultimatum(act: Act) -> Coding | None:
    """ "will withdraw its force unless the president arranges a ceasefire": an intent held
    over the other side until it complies is a threat, whatever the act it announces."""
    if not act.stated or act.fact.label in ("hedged", "negated"):
        return None
    return ("THREATEN", None, "asserted") if on_condition(act.token, UNLESS) else None


def cooperative_intent(act: Act) -> Coding | None:
    """ "said it would free the prisoners": a stated cooperative intent is an AGREE."""
    if act.quad not in COOPERATIVE_QUADS:
        return None
    return (
        ("AGREE", None, "asserted") if act.event != "AGREE" else (act.event, act.mode, "asserted")
    )


def announced_measure(act: Act) -> Coding | None:
    """ "India will pull its attaches out", "the border will close on Friday": a state
    announcing a measure has taken it, as the news codes it (not when tied to a condition)."""
    if act.quad != 4 or act.event not in ANNOUNCED_MEASURES:
        return None
    if (act.fact.cue or "").lower() not in FUTURE or on_condition(act.token):
        return None
    return act.event, act.mode, "asserted"


def threat(act: Act) -> Coding | None:
    """A stated intent to act against another, as CAMEO codes it: "said they would boycott",
    "plans to impose restrictions", "would respond if ..."."""
    return ("THREATEN", None, "asserted") if act.quad == 4 else None


RecodingStep = Callable[[Act], "Coding | None"]
RECODING_STEPS: tuple[tuple[str, RecodingStep], ...] = (
    ("alleged", alleged),
    ("negated-cooperation", negated_cooperation),
    ("negated", negated),
    ("unstated", unstated),
    ("hedged-threat", hedged_threat),
    ("hedged-intent", hedged_intent),
    ("ultimatum", ultimatum),
    ("cooperative-intent", cooperative_intent),
    ("announced-measure", announced_measure),
    ("threat", threat),
)


def recode(event: str, mode: str | None, fact: Factuality, found: Roles, roles: RoleFinder,
           tok: Token, lexicon: Lexicon) -> Recoded:  # fmt: skip
    """Negated cooperation is a rejection; a stated intent or warning is an AGREE or a
    THREATEN by whoever stated it; anything else keeps its type and factuality. The first
    step of ``RECODING_STEPS`` that answers decides; else a stated refusal or demand is
    itself the act."""
    speaker = roles.np_actor(fact.speaker) if fact.speaker is not None else None
    # an intent inside a condition is no intent stated: "whether Iran would honour it"
    stated = not fact.conditional and (
        fact.intent or fact.label == "hypothetical" and speaker is not None
        and speaker.code == found.actor.code
    )  # fmt: skip
    voiced = speaker is not None and speaker.code == found.actor.code
    act = Act(event, mode, fact, lexicon.quad(event), stated, tok, voiced)
    for name, step in RECODING_STEPS:
        coded = step(act)
        if coded is not None:
            return Recoded(*coded, step=name)
    # told by another party, a stated act stays reported ("Ethiopia said Egypt had tried to
    # block a deal")
    label = "reported" if fact.label == "reported" else "asserted"
    return Recoded(event, mode, label, "stated-act")


def is_state(actor, adjective: bool) -> bool:
    """A state or its government named as such ("Pakistan", "Islamabad", "the ministry";
    with ``adjective`` also "Indian"), not its people ("Armenians protested")."""
    forms = STATE_FORMS | ({"adjective"} if adjective else set())
    return actor.sector in ("GOV", "MIL") or actor.kind == "country" and actor.form in forms


def on_condition(tok, markers: frozenset[str] = CONDITIONS) -> bool:
    """ "will cut supplies if it does not pay": a measure tied to a condition is a threat."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in markers
                                         for m in c.children)
               for c in tok.children)  # fmt: skip


def threatened_measure(cand: Candidate, event: str) -> str | None:
    """The type of the act a threat announces: the trigger's own ("prepared to impose
    martial law") or that of the complement it absorbed ("threatened to impose a curfew");
    None for an act that is no threat."""
    if event != "THREATEN":
        return None
    if cand.trigger.event != "THREATEN":
        return cand.trigger.event
    return next((c.trigger.event for c in cand.absorbed), None)
