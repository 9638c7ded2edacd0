"""What an act is, once its parties are known: the trigger's type judged in its frame
(``retype``) and the stated intents, warnings, refusals and announced measures that change
its type or factuality (``recode``)."""

from __future__ import annotations

from .attributes.factuality import Factuality
from .events.context import STATE_FORMS
from .events.lexicon import Lexicon
from .events.roles import RoleFinder, Roles
from .events.triggers import Candidate

COOPERATIVE_QUADS = (1, 2)
CHARGING = {"charge", "indict"}  # a state "charged" with something is accused, not arrested
ANNOUNCED_MEASURES = {"SANCTION", "COERCE"}
FUTURE = {"will", "shall", "'ll"}
RETALIATION = {
    "retaliate",
    "respond",
    "punish",
    "avenge",
    "reciprocate",
    "response",
    "retaliation",
    "revenge",
    "reprisal",
    "punishment",
    "retribution",
}


def retype(cand: Candidate, found: Roles, lexicon: Lexicon) -> tuple[str, str | None]:
    """Types the trigger alone gets wrong: a promise of retaliation, media "attacks"."""
    tok, trig = cand.token, cand.trigger
    event, mode = trig.event, trig.mode
    direct = [c for c in cand.absorbed if c.token.head.i == tok.i and c.token.dep_ == "xcomp"]
    promised = [c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in RETALIATION]
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
    if event == "ASSAULT" and found.actor.sector == "MED":
        event, mode = "ACCUSE", "disapprove"  # "media attacks": words, not violence
    return event, mode


def recode(event: str, mode: str | None, fact: Factuality, found: Roles, roles: RoleFinder,
           tok, lexicon: Lexicon) -> tuple[str | None, str | None, str]:  # fmt: skip
    """Negated cooperation is a rejection; a stated intent or warning is an AGREE or a
    THREATEN by whoever stated it; anything else keeps its type and factuality."""
    quad = lexicon.quad(event)
    label = fact.label
    if fact.negated:
        if quad in COOPERATIVE_QUADS and label in ("asserted", "reported", "negated"):
            return "REJECT", None, "asserted" if label == "negated" else label
        return event, mode, "negated" if label == "asserted" else label
    speaker = roles.np_actor(fact.speaker) if fact.speaker is not None else None
    stated = fact.intent or (label == "hypothetical" and speaker is not None
                             and not fact.conditional
                             and speaker.code == found.actor.code)  # fmt: skip
    if not stated:
        return event, mode, label
    if label == "hedged":
        return event, mode, label
    if quad in COOPERATIVE_QUADS:
        return ("AGREE", None, "asserted") if event != "AGREE" else (event, mode, "asserted")
    if (quad == 4 and event in ANNOUNCED_MEASURES and (fact.cue or "").lower() in FUTURE
            and not on_condition(tok)):  # fmt: skip
        # "India will pull its attaches out", "the border will close on Friday": a state
        # announcing a measure has taken it, as the news codes it
        return event, mode, "asserted"
    if quad == 4:
        # a stated intent to act against another, as CAMEO codes it: "said they would
        # boycott", "plans to impose restrictions", "would respond if ..."
        return "THREATEN", None, "asserted"
    return event, mode, "asserted"  # a stated refusal or demand is itself the act


def is_state(actor, adjective: bool) -> bool:
    """A state or its government named as such ("Pakistan", "Islamabad", "the ministry";
    with ``adjective`` also "Indian"), not its people ("Armenians protested")."""
    forms = STATE_FORMS | ({"adjective"} if adjective else set())
    return actor.sector in ("GOV", "MIL") or actor.kind == "country" and actor.form in forms


def on_condition(tok) -> bool:
    """ "will cut supplies if it does not pay": a measure tied to a condition is a threat."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless")
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
