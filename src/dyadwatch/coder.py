"""The coder: Document in, Events out. A pure function of the text and the knowledge base.

Stages, in order, each reading what the earlier ones set: the spaCy parse; actor mentions;
trigger candidates; actor and recipient of each; factuality, date, place, quantities and
stated reason; the event record; explicit response links. See docs/architecture.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from spacy.tokens import Doc

from .actors import ActorFinder, ActorMention, KnowledgeBase
from .actors.resolve import state_tokens
from .attributes.dates import DocumentDates
from .attributes.eventdates import EventDate, date_event, is_aside, is_habitual, is_scheduled
from .attributes.factuality import comparison_clause, factuality, in_condition
from .attributes.places import DocumentPlaces, default_gazetteer
from .attributes.quantities import find_quantities
from .attributes.reasons import stated_reason
from .config import Config
from .decisions import recode, retype, threatened_measure
from .document import settle_document
from .errors import InputError
from .events.between import BETWEEN
from .events.confidence import confidence
from .events.conjuncts import party_pairs
from .events.context import (
    anaphoric_event,
    at_venue,
    co_actor,
    counterpart,
    home_ground,
    other_party,
    own_people,
    own_session,
    partner,
    population,
    proposer,
    reporting_outlet,
)
from .events.generic import is_generic
from .events.lexicon import Lexicon
from .events.naming import namer
from .events.parties import PartyContext, Settled, settle
from .events.roles import RoleFinder, Roles
from .events.triggers import Candidate, find_candidates
from .link.responses import link_responses
from .model import UNREALISED, Document, Event, Evidence, Place, Source, event_id
from .nlp import load_pipeline
from .nlp.sents import remember_text, sentence_of
from .nlp.sents import sentences as sentences_of
from .outcome import Outcome
from .tables import words

WORD_LISTS = Path(__file__).parent / "data" / "words.tsv"


@dataclass
class Decision:
    """What the coder decided about an act before writing its record."""

    found: Roles
    event: str
    mode: str | None
    label: str
    recipient_steps: tuple[str, ...]  # the step that gave the recipient, and a drop
    actor_direct: bool
    pairs: list[tuple[ActorMention, ActorMention | None]]
    steps: tuple[str, ...]  # the party steps that fired and the recoding step that decided


class Coder:
    """Holds the pipeline, knowledge base and lexicon; load once per process or worker."""

    def __init__(self, config: Config | None = None):
        self.config = config or Config()
        self.nlp = load_pipeline()
        self.kb = KnowledgeBase.load(self.config.actors)
        self.lexicon = Lexicon.load(self.config.triggers)
        self.actor_finder = ActorFinder(self.nlp, self.kb)
        self.gazetteer = default_gazetteer()

    # -- public API ---------------------------------------------------------------------

    def code(self, doc: Document) -> list[Event]:
        """Code one document; raises InputError for a document that cannot be coded."""
        self._check(doc)
        return self._code(doc, self.nlp(doc.text))

    def code_many(self, items: Iterable[Document | InputError]) -> Iterator[Outcome]:
        """Code a stream in nlp.pipe batches, in input order; a bad item yields its error."""
        batch: list[Document | InputError] = []
        for item in items:
            batch.append(item)
            if len(batch) >= self.config.batch_size:
                yield from self._code_batch(batch)
                batch = []
        if batch:
            yield from self._code_batch(batch)

    # -- stages ---------------------------------------------------------------------------

    def _noun_type(self, lemma: str) -> str | None:
        """The event type a noun names on its own ("accusation": ACCUSE), if any."""
        trig = self.lexicon.match(lemma, "NOUN", set())
        return trig.event if trig is not None else None

    def _check(self, doc: Document) -> None:
        if not doc.text or not doc.text.strip():
            raise InputError("empty text", doc=doc.id)
        if len(doc.text) > self.config.max_chars:
            raise InputError(f"document is {len(doc.text):,} characters, over the "
                             f"{self.config.max_chars:,} limit", doc=doc.id)  # fmt: skip

    def _code_batch(self, batch: list[Document | InputError]) -> Iterator[Outcome]:
        good: list[Document] = []
        errors: dict[int, InputError] = {}
        for k, item in enumerate(batch):
            if isinstance(item, InputError):
                errors[k] = item
                continue
            try:
                self._check(item)
            except InputError as exc:
                errors[k] = exc
                continue
            good.append(item)
        parsed = iter(self.nlp.pipe((d.text for d in good), batch_size=self.config.batch_size))
        docs = iter(good)
        for k, item in enumerate(batch):
            if k in errors:
                yield Outcome(doc_id=errors[k].doc or "?", error=errors[k],
                              document=item if isinstance(item, Document) else None)  # fmt: skip
                continue
            document = next(docs)
            sdoc = next(parsed)
            try:
                events = self._code(document, sdoc)
            except Exception as exc:  # noqa: BLE001 - one document's failure must not end the run
                error = InputError(f"could not be coded ({type(exc).__name__}: {exc})",
                                   doc=document.id)  # fmt: skip
                yield Outcome(doc_id=document.id, error=error, document=document)
                continue
            yield Outcome(doc_id=document.id, events=events, document=document)

    def _code(self, document: Document, sdoc: Doc) -> list[Event]:
        remember_text(sdoc, document.text)
        names = self.actor_finder.names(sdoc, document.date)
        dates = DocumentDates(sdoc, document.date)
        places = DocumentPlaces(
            sdoc, self.gazetteer, (m.country for m in names.values()), holders=state_tokens(names)
        )
        actors = self.actor_finder(sdoc, document.date, places, names)
        roles = RoleFinder(actors)
        sentences = {s.start: k for k, s in enumerate(sentences_of(sdoc))}
        events: list[Event] = []
        tokens: dict[str, int] = {}
        seen: set[tuple] = set()
        for cand in find_candidates(sdoc, self.lexicon):
            for built in self._event(document, cand, roles, dates, places, sentences, events):
                key = (_unit_of(cand.token), built.event, built.actor.code,
                       built.recipient.code if built.recipient else None)  # fmt: skip
                if key in seen:
                    continue
                seen.add(key)
                events.append(built)
                tokens[built.id] = cand.token.i
        events = settle_document(sdoc, events, tokens, document.text)
        if not self.config.keep_unrealised:
            events = [e for e in events if e.factuality not in UNREALISED]
        link_responses(sdoc, events, tokens, self._noun_type)
        return events

    def _event(self, document: Document, cand: Candidate, roles: RoleFinder,
               dates: DocumentDates, places: DocumentPlaces,
               sentences: dict[int, int], before: list[Event]) -> list[Event]:  # fmt: skip
        """The events of one trigger: its act, and the same act for coordinated parties."""
        tok = cand.token
        if is_habitual(tok) or in_condition(tok) or comparison_clause(tok) is not None:
            return []  # "have fought for decades", "if they were attacked", "just as ...": no act
        dated = date_event(dates, tok)
        if is_aside(tok, dated) or is_generic(tok, dated.basis == "text"):
            return []  # "the treaty, which the World Bank brokered in 1960", "oil leaves via"
        fact = factuality(tok)
        place = places.for_token(tok)
        parse = roles(cand)
        anaphor = anaphoric_event(parse, before, tok, self._noun_type)
        ctx = PartyContext(cand, fact, roles.np_actor(fact.speaker), anaphor, roles, self.kb,
                           self.lexicon, place)  # fmt: skip
        settled = settle(ctx, parse)
        if settled is None:
            return []
        decided = self._decide(cand, settled, roles, place, places)
        if "recipient:own-side" in decided.recipient_steps:
            return []  # help a state gives its own people abroad is no act between states
        plain = not any(s.startswith("recode:") for s in decided.steps)
        if plain and decided.label in ("asserted", "reported") and is_scheduled(dates, tok, dated):
            return []  # "the talks next year": scheduled, not yet held
        primary = self._record(document, cand, decided, dated, place, sentences)
        charges = []
        if (by := namer(tok, roles, decided.found.actor)) is not None:
            charge = _charge(decided, by)  # "what it called killings": the namer's charge too
            charges.append(self._record(document, cand, charge, dated, place, sentences))
        return [primary, *_coordinated(primary, tok, decided.pairs[1:]), *charges]

    def _decide(self, cand: Candidate, settled: Settled, roles: RoleFinder,
                place: Place | None, places: DocumentPlaces) -> Decision:  # fmt: skip
        """The act's type, factuality and recipient once its actor is known."""
        tok, trig = cand.token, cand.trigger
        found, fact = settled.roles, settled.fact
        actor_direct = found.actor.direct
        event, mode = retype(cand, found, self.lexicon)
        recoded = recode(event, mode, fact, found, roles, tok, self.lexicon)
        event, mode, label = recoded.event, recoded.mode, recoded.label
        joint_with = co_actor(roles, found.actor) if event == "MOBILIZE" else None
        if joint_with is not None and trig.pos == "NOUN":
            # "French and Egyptian warships began war games": exercises with each other
            event, mode = "COOPERATE", None
            found.recipient = joint_with
        if trig.event == "CONSULT" and at_venue(tok, found.recipient_how):
            found.recipient = None  # "met in Washington": the venue is no partner
        joint = event in RECIPROCAL or trig.frame == "mutual" or tok.lemma_.lower() in JOINT
        if found.recipient is None and joint:
            found.recipient = partner(roles, tok, found.actor)  # "Putin and Tokayev discussed"
        if (found.recipient is not None and found.recipient.sector == "IGO"
                and tok.lemma_.lower() in LEAVING and event in ("RETREAT", "CONCEDE")):  # fmt: skip
            event, mode = "SANCTION", "withdraw"  # leaving an organisation
        elif found.actor_how == "causer" and event == "RETREAT" and tok.lemma_.lower() in LEAVING:
            event, mode = "SANCTION", "expel"  # "ordered the advisers to leave": an expulsion
        recipient, recipient_step = self._recipient(
            event, found, roles, tok, place, places, threatened_measure(cand, event)
        )
        recipient_steps: tuple[str, ...] = (f"recipient:{recipient_step}",)
        if recipient is not None and reporting_outlet(recipient, tok, event):
            recipient = None  # "..., AFP reported"; "spoke to Reuters" is no consultation
            recipient_steps += ("recipient-dropped:outlet",)
        # "clashes between"; "Japarov and Rahmon met": each with the other
        mutual = (trig.frame == "mutual" or found.actor_how == BETWEEN
                  or recipient is None and event in RECIPROCAL)  # fmt: skip
        pairs = party_pairs(roles, tok, found.actor, recipient, mutual)
        steps = (
            *settled.steps,
            *([f"recode:{recoded.step}"] if recoded.step != "unstated" else []),
        )
        return Decision(found, event, mode, label, recipient_steps, actor_direct, pairs,
                        steps)  # fmt: skip

    def _record(self, document: Document, cand: Candidate, decided: Decision, dated: EventDate,
                place: Place | None, sentences: dict[int, int]) -> Event:  # fmt: skip
        """The contract record of a decided act, with its evidence and the steps taken."""
        tok, trig = cand.token, cand.trigger
        found, event, label = decided.found, decided.event, decided.label
        recipient = decided.pairs[0][1]  # "accused each other": the first of the pairs
        sent = sentence_of(tok)
        clause = tok.doc[tok.left_edge.i : tok.right_edge.i + 1] if trig.pos == "VERB" else sent
        lex_type = self.lexicon.types[event]
        same = event == trig.event  # the trigger's own CAMEO code and intensity still apply
        evidence = Evidence(text=document.text[sent.start_char : sent.end_char],
                            start=sent.start_char, end=sent.end_char,
                            sentence=sentences[sent.start])  # fmt: skip
        steps = [f"trigger:{trig.lemma}/{trig.pos}>{trig.event}",
                 *([f"retyped:{event}"] if event != trig.event else []),
                 f"factuality:{label}", *decided.steps, f"actor:{found.actor_how}",
                 *([] if decided.actor_direct else ["actor:guessed-country"]),
                 *decided.recipient_steps, f"date:{dated.step}"]  # fmt: skip
        start, end = tok.idx, tok.idx + len(tok.text)
        return Event(
            id=event_id(document.id, start, end, event),
            doc_id=document.id,
            event=event,
            actor=found.actor.to_actor(),
            recipient=recipient.to_actor() if recipient else None,
            event_text=_trigger_text(cand),
            evidence=evidence,
            date=dated.value.date if dated.value else None,
            date_precision=dated.value.precision if dated.value else None,
            date_basis=dated.basis,
            mode=decided.mode,
            context=_context(cand),
            event_loc=place,
            quantities=find_quantities(clause),
            factuality=label,
            stated_reason=stated_reason(tok),
            quad_code=lex_type.quad_code,
            intensity=self.lexicon.intensity(trig) if same else lex_type.intensity,
            cameo=self.lexicon.cameo(trig) if same else lex_type.cameo_root,
            confidence=confidence(steps),
            sources=[
                Source(
                    doc_id=document.id,
                    url=document.url,
                    outlet=document.outlet,
                    evidence=evidence.text,
                )
            ],
            coder=self.config.coder,
            steps=steps,
        )

    def _recipient(self, event: str, found: Roles, roles: RoleFinder, tok, place: Place | None,
                   places: DocumentPlaces, measure: str | None = None,
                   ) -> tuple[ActorMention | None, str]:  # fmt: skip
        """The recipient and the name of the step that gave it: refusing or accepting "an
        offer from Kabul" answers Kabul; else the parse's; else, in order, the fallbacks of
        events/context.py (see docs/architecture.md)."""
        actor = found.actor
        if event in ("REJECT", "AGREE"):
            offered = proposer(roles, tok, found.patient, actor)
            if offered is not None:
                return offered, "proposer"
        if tok.lemma_.lower() in EVACUATING and own_people(roles, found.patient, actor):
            return None, "own-side"  # "evacuated its remaining staff": no aid to anyone
        if found.recipient is not None:
            return found.recipient, "parse"
        if event == "CONSULT" and own_session(tok):
            return None, "own-session"  # "the committee met on Thursday": with no one
        steps = (
            ("other-party", lambda: other_party(roles, tok, actor)),
            ("population", lambda: population(self.kb, place, actor)  # "a curfew in Cizre"
             if (event in DOMESTIC or measure in DOMESTIC) and place is not None else None),
            ("counterpart", lambda: counterpart(self.kb, roles, actor, event)),
            ("home-ground", lambda: home_ground(self.kb, roles, places, tok, actor, event,
                                                found.patient)),
        )  # fmt: skip
        for name, step in steps:
            found_recipient = step()
            if found_recipient is not None:
                return found_recipient, name
        return None, "none"


RECIPROCAL = {"CONSULT", "AGREE", "COOPERATE"}
DOMESTIC = {"COERCE", "CONCEDE", "ASSAULT", "MOBILIZE", "RETREAT"}
LEAVING = words(WORD_LISTS, "leaving")
EVACUATING = words(WORD_LISTS, "evacuating")  # taking people out of harm's way
JOINT = words(WORD_LISTS, "joint_acts")  # "Armenia and Azerbaijan signed a deal": with each other


def _charge(decided: Decision, by: ActorMention) -> Decision:
    """The charge ``by`` makes against the doer of a decided act by naming it."""
    doer = decided.found.actor
    found = Roles(by, doer, "namer", "named")
    return Decision(found, "ACCUSE", "allege", "asserted", ("recipient:named",), by.direct,
                    [(by, doer)], ("party:named-as",))  # fmt: skip


def _coordinated(primary: Event, tok, pairs: list) -> list[Event]:
    """The same act for each other party the text coordinates with the actor or recipient."""
    copies = []
    for other_actor, other_recipient in pairs:
        pair = f"{other_actor.code}>{other_recipient.code if other_recipient else ''}"
        copies.append(replace(
            primary, id=event_id(primary.doc_id, tok.idx, tok.idx + len(tok.text),
                                 f"{primary.event}:{pair}"),
            actor=other_actor.to_actor(),
            recipient=other_recipient.to_actor() if other_recipient else None,
            steps=[*primary.steps, "coordinated"],
            context=list(primary.context), quantities=list(primary.quantities),
            sources=list(primary.sources),
        ))  # fmt: skip
    return copies


def _unit_of(tok) -> int:
    """Where one act is told once: its sentence, or its own verb when it is coordinated with
    another ("will pull its attaches out and reduce the staff" tells two acts)."""
    if tok.pos_ == "VERB" and tok.dep_ == "conj" and tok.head.pos_ == "VERB":
        return tok.i
    return sentence_of(tok).start


def _context(cand: Candidate) -> list[str]:
    """PLOVER contexts of the trigger and of the frame complements it absorbed."""
    context = list(cand.trigger.context)
    for inner in cand.absorbed:
        context.extend(c for c in inner.trigger.context if c not in context)
    return context


def _trigger_text(cand: Candidate) -> str:
    words = [cand.token]
    words.extend(c for c in cand.token.children if c.dep_ == "prt")
    text = " ".join(t.text for t in sorted(words, key=lambda t: t.i))
    for inner in cand.absorbed:
        text += " " + inner.token.text
    return text
