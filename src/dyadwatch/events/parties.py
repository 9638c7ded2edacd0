"""Who acts and on whom, where the parse leaves it open: named party steps, applied in order.

Each step reads the act's ``PartyContext`` (fixed for the act) and the ``Parties`` settled so
far, and returns the parties as it changes them, or None when it does not apply. Unlike the
recipient fallbacks and the dating steps, where the first step that answers wins, every
step that applies fires, in order, and the event records each by name (``party:<name>``).

The one who says it acts: a stated intent ("Moscow said it would respond"), a passive act
its speaker reports, a warning ("said this could result in an invasion"); a killing the
victims' state reports in the passive is the other state's. An act "this" or "the decision"
refers to names a missing actor or recipient. An agentless measure against one state of a
two-state story was taken by the other; violence with victims and no named perpetrator is
coded to the place. A recipient on the actor's own side is no recipient, and an act told by
a speaker of another state is reported, not asserted. A plan of force that another state
tells of ("Lima said Santiago planned to strike") is that state's accusation, and so is an
act another state's speaker names with a word of condemnation ("the aggression by ...").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from ..actors import ActorMention, KnowledgeBase
from ..attributes.factuality import Factuality
from ..model import Place
from ..tables import words
from .clauses import Roles, clause_subject, is_passive, same_side
from .context import Anaphor, counterpart, unattributed
from .lexicon import Lexicon
from .roles import RoleFinder
from .triggers import SAYING, Candidate

WORD_LISTS = Path(__file__).parent / "data" / "words.tsv"
# Verbs of planning whose complement is an act not yet done: "planned to strike".
PLANNING = words(WORD_LISTS, "planning")
# Nouns that condemn the act they name: "the aggression by the coast guard".
CONDEMNING_NOUNS = words(WORD_LISTS, "condemning_nouns")
SOURCE_NOUNS = words(WORD_LISTS, "source_nouns")
FIRING = words(WORD_LISTS, "firing_verbs")  # "shells fired from Myanmar"


@dataclass(frozen=True)
class PartyContext:
    """What every party step reads about one act; no step changes it."""

    cand: Candidate
    fact: Factuality  # as the clauses read it; a step's change of it rides on ``Parties``
    speaker: ActorMention | None  # the actor the speech verb's subject names
    anaphor: Anaphor | None  # the earlier act "this" or "the decision" refers to
    roles: RoleFinder
    kb: KnowledgeBase
    lexicon: Lexicon
    place: Place | None


@dataclass(frozen=True)
class Parties:
    """The act's parties as the steps have left them, with the factuality they may change."""

    actor: ActorMention | None
    recipient: ActorMention | None
    actor_how: str
    recipient_how: str
    label: str  # the factuality label
    intent: bool  # a stated intent or warning
    alleged: bool = False  # the teller's charge that the recipient plans the act


@dataclass(frozen=True)
class Settled:
    """The outcome of the party steps: the roles, the factuality and the steps that fired."""

    roles: Roles
    fact: Factuality
    steps: tuple[str, ...]


def antecedent_act(ctx: PartyContext, now: Parties) -> Parties | None:
    """ "two Israeli air raids in which it said 20 people were killed": an act told in the
    passive inside a relative clause of another act (through a speech verb or not) was done
    by that act's doer, not by whoever tells of it."""
    tok = ctx.cand.token
    if now.actor is not None or not is_passive(tok):
        return None
    clause = tok
    while clause.dep_ == "ccomp" and clause.head.lemma_.lower() in SAYING:
        clause = clause.head
    noun = clause.head
    if clause.dep_ != "relcl" or not ctx.lexicon.candidates(noun.lemma_, "NOUN"):
        return None
    doer = ctx.roles.noun_doer(noun)
    if doer is None:
        return None
    return replace(now, actor=doer, actor_how="antecedent")


def speaker_acts(ctx: PartyContext, now: Parties) -> Parties | None:
    """ "Moscow said it would respond", "Kabul said the post was shelled": the speaker acts
    when the act has no actor and is passive or intended, or is intended by its own side."""
    speaker = ctx.speaker
    if speaker is None or ctx.fact.conditional or speaker.sector == "MED":
        return None  # "talks were held, state media reported": media only tell
    if now.actor is None:
        tok = ctx.cand.token
        # not the act in a passive's by-phrase ("does not want to be hit by secondary
        # sanctions"), nor one whose own clause names another doer ("after Guaido tried ...")
        by_agent = tok.dep_ == "pobj" and tok.head.dep_ == "agent"
        says = (is_passive(tok) or now.intent) and not by_agent and not _other_doer(ctx, speaker)
    else:
        says = now.intent and speaker.country == now.actor.country
    return replace(now, actor=speaker, actor_how="speaker") if says else None


def _other_doer(ctx: PartyContext, speaker: ActorMention) -> bool:
    """Whether a clause between the trigger and the verb of saying has a subject of its own,
    no pronoun, that is not of the speaker's state: of another state, or a name of none
    ("said ... after Guaido tried to bring in aid"; not "Norway's minister said Norway is
    willing to send ...", nor "they said a joint commission would meet")."""
    node = ctx.cand.token
    node = node if node.pos_ in ("VERB", "AUX") else node.head
    while True:
        subj = next((c for c in node.children if c.dep_ == "nsubj" and c.i != ctx.cand.token.i
                     and c.pos_ in ("PROPN", "NOUN")), None)  # fmt: skip
        if subj is not None:
            found = ctx.roles.np_actor(subj)
            if found is None:  # a name the text gives no state, not "a joint commission"
                return subj.pos_ == "PROPN"
            return found.country != speaker.country
        if node.dep_ in ("ccomp", "ROOT") or node.head.i == node.i:
            return False
        node = node.head


def alleged_plan(ctx: PartyContext, now: Parties) -> Parties | None:
    """ "Lima said Santiago planned to strike its ports", "Santiago was preparing to attack,
    according to Lima": a plan of force that another state tells of is that state's charge
    against the planner, not the planner's threat."""
    tok = ctx.cand.token
    if not now.intent or now.actor is None or ctx.lexicon.quad(ctx.cand.trigger.event) != 4:
        return None
    if tok.dep_ != "xcomp" or tok.head.lemma_.lower() not in PLANNING:
        return None
    teller = _teller(ctx)
    if teller is None or not teller.country or teller.country == now.actor.country:
        return None
    return replace(now, actor=teller, actor_how="speaker", recipient=now.actor,
                   recipient_how="planner", label="asserted", intent=False,
                   alleged=True)  # fmt: skip


def charged_act(ctx: PartyContext, now: Parties) -> Parties | None:
    """ "Manila said the aggression by the coast guard had hardened its resolve": an act
    another state's speaker names with a word of condemnation is that speaker's charge
    against the doer."""
    tok = ctx.cand.token
    if ctx.cand.trigger.pos != "NOUN" or tok.lemma_.lower() not in CONDEMNING_NOUNS:
        return None
    if now.actor is None or now.intent or ctx.speaker is None:
        return None
    teller = ctx.speaker
    if not teller.country or teller.country == now.actor.country:
        return None
    return replace(now, actor=teller, actor_how="speaker", recipient=now.actor,
                   recipient_how="charged", label="asserted", alleged=True)  # fmt: skip


def _teller(ctx: PartyContext) -> ActorMention | None:
    """Who tells of another's act: the speaker, or the one "according to" names."""
    if ctx.speaker is not None:
        return ctx.speaker
    return ctx.roles.np_actor(ctx.fact.source) if ctx.fact.source is not None else None


def victims_report(ctx: PartyContext, now: Parties) -> Parties | None:
    """ "Pakistan said eight civilians had been killed": the victims' side reports it; the
    other state of the story did it, if there is one."""
    if now.actor_how != "speaker" or now.intent or now.alleged or now.actor is None:
        return None
    if ctx.cand.trigger.event != "ASSAULT" or _instrument_subject(ctx.cand):
        return None
    other = counterpart(ctx.kb, ctx.roles, now.actor, ctx.cand.trigger.event)
    if other is None:
        return None
    return replace(now, actor=other, recipient=_speakers_own(ctx, now.recipient, now.actor))


def _speakers_own(ctx: PartyContext, victims: ActorMention | None, speaker: ActorMention
                  ) -> ActorMention | None:  # fmt: skip
    """Victims the text names by a role whose country it leaves to a guess ("eight people
    were killed") are the reporting side's own."""
    if victims is None or victims.direct or victims.form != "role" or not speaker.country:
        return victims
    if victims.country == speaker.country:
        return victims
    return replace(victims, country=speaker.country,
                   code=ctx.kb.code_for(speaker.country, victims.sector))  # fmt: skip


def _instrument_subject(cand: Candidate) -> bool:
    """ "weapons were used": the passive subject is the means the trigger's row names, not
    the victims."""
    subject = next((c for c in cand.token.children if c.dep_ == "nsubjpass"), None)
    return subject is not None and subject.lemma_.lower() in cand.trigger.with_


def speaker_warns(ctx: PartyContext, now: Parties) -> Parties | None:
    """ "Zatulin said this could result in an invasion": a warning by the speaker, a stated
    intent of material conflict."""
    event = ctx.cand.trigger.event
    if now.actor is not None or ctx.speaker is None or ctx.fact.conditional:
        return None
    if ctx.lexicon.quad(event) != 4 or now.label != "hypothetical":
        return None
    return replace(now, actor=ctx.speaker, actor_how="speaker", intent=True)


def anaphora_actor(ctx: PartyContext, now: Parties) -> Parties | None:
    """ "The decision was reversed": the one who made the decision reverses it; not where a
    "by" phrase names who or what did it ("combat, which was halted by a cease-fire deal")."""
    anaphor, tok = ctx.anaphor, ctx.cand.token
    if now.actor is not None or anaphor is None or not is_passive(tok):
        return None
    if any(c.dep_ == "agent" for c in tok.children):
        return None
    recipient = now.recipient or anaphor.recipient_mention
    return replace(now, actor=anaphor.actor_mention, actor_how="anaphora", recipient=recipient)


def anaphora_recipient(ctx: PartyContext, now: Parties) -> Parties | None:
    """ "This was welcomed by the United States", "Lithuania condemned the decision": the act
    referred to is the other party's."""
    anaphor = ctx.anaphor
    if now.recipient is not None or anaphor is None or now.actor is None:
        return None
    if anaphor.actor_mention.country == now.actor.country:
        return None
    return replace(now, recipient=anaphor.actor_mention, recipient_how="anaphora")


def story_measure(ctx: PartyContext, now: Parties) -> Parties | None:
    """ "Trade with India is halted": an agentless measure against one state of a story
    about two was taken by the other."""
    event = ctx.cand.trigger.event
    if now.actor is not None or now.recipient is None or not is_passive(ctx.cand.token):
        return None
    if ctx.lexicon.quad(event) != 4:
        return None
    other = counterpart(ctx.kb, ctx.roles, now.recipient, event)
    return replace(now, actor=other, actor_how="story") if other is not None else None


def fired_from(ctx: PartyContext, now: Parties) -> Parties | None:
    """ "Mortar shells fired from Myanmar landed inside its territory, killing a teenager":
    violence by a weapon told as fired from a state is that state's (its forces unnamed)."""
    if now.actor is not None or ctx.cand.trigger.event != "ASSAULT":
        return None
    tok = ctx.cand.token
    subject = clause_subject(tok)
    # "shells fired from Myanmar landed": the subject's participle, or the verb the parser
    # made of it ("rockets fired from Bolivia and hit a village")
    verbs = [*(subject.children if subject is not None else ()),
             *(tok.ancestors if tok.pos_ == "VERB" else ())]  # fmt: skip
    for verb in (v for v in verbs if v.lemma_.lower() in FIRING and v.tag_ in ("VBN", "VBD")):
        for pobj in (g for p in verb.children if p.dep_ == "prep" and p.lower_ == "from"
                     for g in p.children if g.dep_ == "pobj"):  # fmt: skip
            state = ctx.roles.np_actor(pobj) or ctx.roles.actors.place_owner(pobj)
            if state is not None and state.country:
                guessed = replace(state, direct=False)
                return replace(now, actor=guessed, actor_how="fired-from")
    return None


def unattributed_violence(ctx: PartyContext, now: Parties) -> Parties | None:
    """ "A roadside bomb near Samarra killed two soldiers": violence with victims and no
    named perpetrator is coded to the country where it happened, as CAMEO does."""
    if now.actor is not None or now.recipient is None or ctx.cand.trigger.event != "ASSAULT":
        return None
    attackers = unattributed(ctx.place)
    return replace(now, actor=attackers, actor_how="place") if attackers is not None else None


def same_side_dropped(ctx: PartyContext, now: Parties) -> Parties | None:
    """A recipient on the actor's own side is none (unidentified attackers may strike their
    own country's people: no check for them)."""
    if now.actor is None or now.recipient is None or now.actor_how == "place":
        return None
    return replace(now, recipient=None) if same_side(now.recipient, now.actor) else None


def reported_by_other(ctx: PartyContext, now: Parties) -> Parties | None:
    """ "Kazakh officials said Russia had blocked ...", "guards beat migrants, a rights group
    said": an act told by a speaker of another state, or of no state the text names, is
    reported, not asserted."""
    speaker = ctx.speaker
    if now.actor is None or now.actor_how == "speaker" or now.label != "asserted":
        return None
    # a teller of no stated state: "a rights group", "exporters" (whatever state was guessed)
    teller = ctx.fact.speaker
    stateless = (
        _a_source(teller)
        if speaker is None
        else (not speaker.direct and teller is not None and teller.lemma_.lower() in SOURCE_NOUNS)
    )
    if speaker is None and not stateless:
        return None
    if speaker is not None and speaker.country == now.actor.country and not stateless:
        return None
    return replace(now, label="reported")


def _a_source(token) -> bool:
    """A teller the text names without a state: a person or body by name, "a rights group",
    "witnesses", "the report"."""
    if token is None:
        return False
    if token.pos_ == "PROPN":
        return token.ent_type_ in ("PERSON", "ORG")
    return token.lemma_.lower() in SOURCE_NOUNS


PartyStep = Callable[[PartyContext, Parties], "Parties | None"]
STEPS: tuple[tuple[str, PartyStep], ...] = (
    ("antecedent-act", antecedent_act),
    ("speaker", speaker_acts),
    ("alleged-plan", alleged_plan),
    ("charged-act", charged_act),
    ("victims-report", victims_report),
    ("speaker-warning", speaker_warns),
    ("anaphora-actor", anaphora_actor),
    ("anaphora-recipient", anaphora_recipient),
    ("story-measure", story_measure),
    ("fired-from", fired_from),
    ("unattributed", unattributed_violence),
    ("same-side-dropped", same_side_dropped),
    ("reported-by-other", reported_by_other),
)


def settle(ctx: PartyContext, found: Roles) -> Settled | None:
    """Apply the steps in order to the parse's roles; None when no actor can be named."""
    now = Parties(found.actor, found.recipient, found.actor_how, found.recipient_how,
                  ctx.fact.label, ctx.fact.intent)  # fmt: skip
    fired: list[str] = []
    for name, step in STEPS:
        changed = step(ctx, now)
        if changed is not None:
            now = changed
            fired.append(f"party:{name}")
    if now.actor is None:
        return None
    roles = Roles(now.actor, now.recipient, now.actor_how, now.recipient_how, found.patient)
    fact = replace(ctx.fact, label=now.label, intent=now.intent, alleged=now.alleged)
    return Settled(roles, fact, tuple(fired))
