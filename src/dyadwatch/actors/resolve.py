"""Find actor mentions in a parsed document and say which actor a noun phrase denotes.

Names, adjectives, capitals and metonyms come from the knowledge base through one
PhraseIndex; role nouns ("a Russian court", "Kazakh lawmakers", "troops") take their
country from their modifiers, a place in the sentence, or the document so far; pronouns and
bare roles ("he", "the president") go to the entity introduced earlier.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..nlp.phrases import PhraseIndex
from ..nlp.sents import sentence_of
from ..tables import pad_date, words
from .acronyms import defined_acronyms
from .bodies import BodyRules
from .dateline import is_dateline
from .descriptors import DescriptorRules
from .forms import cached_tokens
from .kb import ActorEntry, Form, KnowledgeBase
from .mention import MODIFIER_DEPS, UNKNOWN_CODE, ActorMention, PlaceLookup, np_span
from .pairs import PAIR_FORM, counted_pair, named_pair, pair_mentions, story_pair
from .people import PeopleRules
from .pronouns import GROUP_PRONOUNS, OUR_PRONOUNS, PERSON_PRONOUNS, THING_PRONOUNS, PronounRules

WORD_LISTS = Path(__file__).parent / "data" / "words.tsv"

# Forms that name an actor by themselves; adjectives only colour a head noun.
NAMING_FORMS = {"name", "alias", "demonym", "capital", "metonym", "surname"}
QUANTIFIERS = words(WORD_LISTS, "quantifiers")
LOCATIVE_PREPS = words(WORD_LISTS, "locative_preps")
OWNER_PREPS = words(WORD_LISTS, "owner_preps")  # prepositions that tie a noun to its owner
ORIGIN_PREPS = words(WORD_LISTS, "origin_preps")  # "the Albanians of southern Serbia"


def _mention_from_entry(span: Span, entry: ActorEntry, form: str) -> ActorMention:
    code = entry.code
    sector = entry.sector
    if form == "metonym" and not sector:
        sector = "GOV"
    if form == "metonym" or (form == "capital"):
        sector = sector or "GOV"
        code = (entry.country or entry.code) + sector if entry.kind == "country" else code
    return ActorMention(
        span.start, span.end, span.text, code, entry.country, sector, entry.name,
        entry.wikidata, entry.kind, form, entry.kind == "person",
    )  # fmt: skip


class ActorFinder:
    """Built once per process: the matcher over every surface form in the KB."""

    def __init__(self, nlp: Language, kb: KnowledgeBase):
        self.kb = kb
        # every distinct surface form, tokenised exactly as documents are
        self.matcher = PhraseIndex(cached_tokens(nlp, kb.forms))

    def __call__(self, doc: Doc, date: str | None, places: PlaceLookup | None = None,
                 names: dict[int, ActorMention] | None = None) -> DocActors:  # fmt: skip
        """The document's actors: its ``names`` (found here unless given), role nouns and the
        rules that read noun phrases; ``places`` place peoples and bodies by where they are."""
        mentions = self.names(doc, date) if names is None else names
        actors = DocActors(doc, self.kb, mentions, date, places)
        actors.settle_bodies()
        actors.add_people()
        actors.add_roles()
        return actors

    def names(self, doc: Doc, date: str | None) -> dict[int, ActorMention]:
        """The knowledge base's names in ``doc``, by token: the longest match wins."""
        texts: dict[tuple[int, int], str] = {}
        for start, end, text in self.matcher(doc):
            texts.setdefault((start, end), text)
        spans = filter_spans([Span(doc, start, end) for start, end in texts])
        named = _plainly_named(self.kb.forms[texts[s.start, s.end]] for s in spans)
        mentions: dict[int, ActorMention] = {}
        for span in spans:
            text = texts[span.start, span.end]
            form = _choose_form(_settled(self.kb.forms[text], named), span, date)
            if form is None:
                continue
            entry = form.entry
            if entry.kind == "person":
                entry = self.kb.person_at(entry, date)
            entry = _governing(self.kb, entry, date)  # "the Taliban" in 2025: Afghanistan's rulers
            if form.form == "capital" and _is_locative(span):
                continue  # "in Moscow" is a place, not the Russian government
            if form.form in ("name", "capital") and is_dateline(span):
                continue  # "BELGRADE, Sept 24 (AFP) -": where the story was filed
            if entry.kind == "region" and span.end < len(doc) and doc[span.end].pos_ == "PROPN":
                continue  # "West Darfur", "West Bank": part of a place name, not the West
            mention = _mention_from_entry(span, entry, form.form)
            for i in range(span.start, span.end):
                mentions[i] = mention
        return mentions


def state_tokens(names: dict[int, ActorMention]) -> dict[int, str]:
    """The tokens of ``names`` (``ActorFinder.names``) that name a state, with its code."""
    return {i: m.country for i, m in names.items() if m.kind == "country" and m.country}


def _governing(kb: KnowledgeBase, entry: ActorEntry, date: str | None) -> ActorEntry:
    """A group that has governed its state since ``entry.start`` (``governs_from`` in
    groups.tsv: the Taliban since August 2021) is that state's government on ``date``."""
    if entry.kind != "group" or not entry.start or not entry.country or not date:
        return entry
    if pad_date(date, end=False) < pad_date(entry.start, end=False):
        return entry
    return replace(entry, code=kb.code_for(entry.country, "GOV"), sector="GOV")


def _plainly_named(found: Iterable[list[Form]]) -> set[str]:
    """The states a document names by a name no other state shares, and the other entries
    it names by a name no other entry shares ("Rapid Support Forces")."""
    out = set()
    for forms in found:
        states = {f.entry.code for f in forms if f.entry.kind == "country"}
        codes = {f.entry.code for f in forms}
        if len(states) == 1:
            out |= states
        if len(codes) == 1:
            out |= codes
    return out


def _settled(forms: list[Form], named: set[str]) -> list[Form]:
    """A name two states share ("Congo") names the one the document names plainly too
    ("the Democratic Republic of Congo ... Congo"), and no state when it names neither or
    both; so does a name two other entries share ("RSF")."""
    states = {f.entry.code for f in forms if f.entry.kind == "country"}
    named_too = [f for f in forms if f.entry.kind != "country" and f.entry.code in named]
    if named_too and len({f.entry.code for f in forms}) > 1 and len(states) < 2:
        return named_too
    if len(states) < 2:
        return forms
    meant = states & named
    if len(meant) != 1:
        return [f for f in forms if f.entry.kind != "country"]
    return [f for f in forms if f.entry.kind != "country" or f.entry.code in meant]


def _choose_form(forms: list[Form], span: Span, date: str | None) -> Form | None:
    """Pick among same-text forms: countries and orgs before people; lowercase text never."""
    if not forms:
        return None
    rank = {"country": 0, "org": 1, "group": 2, "region": 3, "person": 4}
    # "Brussels approved sanctions": a city that is also an organisation's name means the body
    org_alias = any(f.entry.kind == "org" for f in forms)
    best = sorted(
        forms,
        key=lambda f: (
            org_alias and f.form == "capital",
            rank.get(f.entry.kind, 9),
            f.form not in NAMING_FORMS,
        ),
    )
    return best[0]


def _is_locative(span: Span) -> bool:
    head = span.root
    return head.dep_ == "pobj" and head.head.lower_ in LOCATIVE_PREPS


@dataclass
class DocActors(BodyRules, PeopleRules, PronounRules, DescriptorRules):
    """The actor mentions of one document and the rules that read them off noun phrases."""

    doc: Doc
    kb: KnowledgeBase
    by_token: dict[int, ActorMention]
    date: str | None
    places: PlaceLookup | None = None
    _cache: dict[int, ActorMention | None] = field(default_factory=dict)
    mentions: list[ActorMention] = field(default_factory=list)

    def __post_init__(self) -> None:
        seen: dict[int, ActorMention] = {}
        for mention in self.by_token.values():
            seen.setdefault(id(mention), mention)
        self.mentions = sorted(seen.values(), key=lambda m: m.start)

    def for_np(self, head: Token) -> ActorMention | None:
        """The actor that the noun phrase headed by `head` names, or None."""
        if head.i in self._cache:
            return self._cache[head.i]
        found = self._for_np(head)
        self._cache[head.i] = found
        return found

    def _for_np(self, head: Token) -> ActorMention | None:
        if head.pos_ == "PROPN" and is_dateline(np_span(head)):
            return None  # "NAIROBI (Reuters) -": where the story was filed
        mention = self.by_token.get(head.i)
        if mention is not None and mention.form in NAMING_FORMS:
            if mention.kind in ("org", "group") and (body := self._national_body(head, mention)):
                return body
            if mention.kind == "org" and mention.country is None and mention.sector != "IGO":
                return self._placed_by_apposition(head, mention) or mention
            if mention.form == "demonym":
                return self._people_of(head, mention) or mention
            return mention
        if mention is not None and mention.form == "adjective" and head.pos_ in ("NOUN", "PROPN"):
            # "the Russians", "Ukrainian" used as a noun
            return mention.with_text(head.doc[head.i : head.i + 1], "demonym")
        named = (self._spelled_out(head) or self._named_after(head)
                 or next(iter(self._pair(head)), None))  # "the NSC", "the two states"  # fmt: skip
        if named is not None or self._region_states(head) or counted_pair(head):
            return named  # "the two governments" whose two the text does not make plain: none
        lower = head.lower_
        if (
            head.pos_ == "PRON"
            or lower in PERSON_PRONOUNS | THING_PRONOUNS | GROUP_PRONOUNS | OUR_PRONOUNS
        ):
            return self._pronoun(head)
        if head.lemma_.lower() in QUANTIFIERS:
            # "thousands of Armenians", "dozens of protesters", "a group of students"
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                    if pobj is not None and (found := self.for_np(pobj)) is not None:
                        return found
        if (described := self._described_body(head)) is not None:
            return described  # "the bloc" after "the European Union"
        role = self._role(head)
        if role is None and (led := self._led_by(head)) is not None:
            return led  # "the Saudi-led coalition"
        if role is not None:
            return self._spoken_for(head) or self._role_mention(head, role)
        if head.ent_type_ == "PERSON" and (person := self._unknown_person(head)) is not None:
            return person
        if head.pos_ == "PROPN" and head.ent_type_ not in ("ORG", "GPE", "NORP", "LOC"):
            titled = self._titled_person(head)  # a name the tagger missed, with its title
            if titled is not None:
                return titled
        if head.pos_ in ("NOUN", "PROPN"):
            found = self._modified_noun(head)
            if found is not None:
                return found
        return self._named_unknown(head)

    def _named_unknown(self, head: Token) -> ActorMention | None:
        """A named person or group the knowledge base lacks: its country unknown, unless a
        state owns it ("South Korea's Joint Chiefs of Staff")."""
        marked = any(
            c.ent_type_ == "NORP" and c.dep_ in ("amod", "compound") for c in head.children
        )
        if head.i in self.by_token:
            return None  # an adjective or part of a name the rules above did not take
        if head.ent_type_ in ("PERSON", "ORG", "NORP") or marked and head.tag_ == "NNS":
            # also "Islamic fundamentalists": a group named by creed or ethnicity
            # "Archbishop Desmond Tutu", "the Kurdistan Workers' Party": named, country unknown
            span = np_span(head)
            role = next((r for c in head.children if (r := self._role(c)) is not None), None)
            kind = "person" if head.ent_type_ == "PERSON" else "group"
            if kind == "group" and (owner := self._owning_state(head)) is not None:
                # "South Korea's Joint Chiefs of Staff": a body of the state that owns it
                sector = role.sector if role else "GOV"
                return ActorMention(span.start, span.end, span.text,
                                    self.kb.code_for(owner, sector), owner, sector, head.text,
                                    None, "role", "role", False, True)  # fmt: skip
            return ActorMention(span.start, span.end, span.text, UNKNOWN_CODE, None,
                                role.sector if role else None, head.text, None, kind, "unknown",
                                kind == "person", False)  # fmt: skip
        return None

    def _owning_state(self, head: Token) -> str | None:
        """The state a possessive before a name names ("South Korea's" Joint Chiefs)."""
        for child in head.children:
            found = self.by_token.get(child.i) if child.dep_ == "poss" else None
            if found is not None and found.kind == "country" and found.country:
                return found.country
        return None

    def _spelled_out(self, head: Token) -> ActorMention | None:
        """ "The National Security Committee (NSC) met ... the NSC called them": an acronym
        the document spelled out before names what the spelled-out phrase names."""
        spelled = defined_acronyms(self.doc).get(head.text)
        if spelled is None or spelled >= head.i:
            return None
        found = self.for_np(self.doc[spelled])
        if found is None:
            return None
        return found.with_text(self.doc[head.i : head.i + 1], found.form, found.direct)

    def _pair(self, head: Token) -> list[ActorMention]:
        """The two states of a story that "the two countries" or "both sides" names."""
        if not counted_pair(head):
            return []
        states = story_pair(self.mentions) or named_pair(self.mentions, head)
        if states is None:
            return []
        role = self._role(head)
        return pair_mentions(self.kb, head, states, role.sector if role else None)

    def pair_partner(self, mention: ActorMention) -> ActorMention | None:
        """The other state of a pair named together ("the two countries"), or None."""
        if mention.form != PAIR_FORM or mention.end <= mention.start:
            return None
        pair = self._pair(self.doc[mention.start : mention.end].root)
        return next((m for m in pair if m.country != mention.country), None)

    def _people_of(self, head: Token, people: ActorMention) -> ActorMention | None:
        """A people living in another state: "Bosnian Serbs" (the adjective's state), "the
        Albanians of southern Serbia", "ethnic Albanians in Macedonia" (the place's state)."""
        span = np_span(head)
        for child in head.children:
            found = self.by_token.get(child.i) if child.dep_ in ("amod", "compound") else None
            if found is not None and found.form == "adjective" and found.country != people.country:
                return found.with_text(span, "demonym")
        if self.places is None:
            return None
        places = self.places.at
        ethnic = any(c.lower_ == "ethnic" for c in head.children)
        preps = [c for c in head.children if c.dep_ == "prep" and c.lower_ in ORIGIN_PREPS]
        if ethnic:  # "ethnic Albanians ... in southeastern Serbia": where the sentence is
            sent = sentence_of(head)
            preps += [t for t in sent if t.dep_ == "prep" and t.lower_ in ("in", "near")]
        for prep in preps:
            for obj in prep.children:
                place = places(obj.i) if obj.dep_ == "pobj" else None
                if place is not None and place.country and place.country != people.country:
                    entry = self.kb.country(place.country)
                    if entry is not None:
                        return ActorMention(span.start, span.end, span.text,
                                            self.kb.code_for(entry.code, "CVL"), entry.country,
                                            "CVL", entry.name, entry.wikidata, "role", "demonym",
                                            False, False)  # fmt: skip
        return None

    def _placed_by_apposition(self, head: Token, org: ActorMention) -> ActorMention | None:
        """ "the Caspian Pipeline Consortium, a major exporter of oil from Kazakhstan": a company
        or group the KB gives no country, placed by the country its apposition names."""
        for child in head.children:
            if child.dep_ != "appos" or self.by_token.get(child.i) is org:
                continue
            found = self._adjective(child) or self.owner(child)
            if found is not None and found.kind == "country" and found.country:
                code = found.country + (org.sector or "")
                return ActorMention(org.start, org.end, org.text, code, found.country, org.sector,
                                    org.name, org.wikidata, org.kind, org.form)  # fmt: skip
        return None

    def owner(self, head: Token, depth: int = 3) -> ActorMention | None:
        """An actor inside a non-actor noun phrase: "Kazakh oil exports" → Kazakhstan,
        "railcars of Russian coal" → Russia, "Russia's request" → Russia."""
        queue = [(head, 0)]
        while queue:
            tok, d = queue.pop(0)
            for child in tok.children:
                if child.dep_ in MODIFIER_DEPS or child.dep_ in ("appos", "conj"):
                    found = self.for_np(child) or self._adjective(child)
                    # not a sector word whose country is only guessed ("military support")
                    guessed = (found is not None and found.form == "role" and not found.direct
                               and child.pos_ == "ADJ")  # fmt: skip
                    if found is not None and found.code != UNKNOWN_CODE and not guessed:
                        return found
                    # not through a participle: "a China-brokered deal" is not China's
                    if d + 1 < depth and child.tag_ not in ("VBN", "VBG"):
                        queue.append((child, d + 1))
                elif child.dep_ == "prep" and child.lower_ in OWNER_PREPS:
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            found = self.for_np(pobj) or self._adjective(pobj)
                            if found is not None and found.code != UNKNOWN_CODE:
                                return found
                            if d + 1 < depth:
                                queue.append((pobj, d + 1))
        return None

    def _adjective(self, tok: Token) -> ActorMention | None:
        mention = self.by_token.get(tok.i)
        if mention is not None and mention.form == "adjective":
            return mention
        return None

    # -- role nouns -----------------------------------------------------------------------

    def place_owner(self, head: Token) -> ActorMention | None:
        """The country of a named place in the noun phrase (a weaker reading than a name)."""
        if self.places is None:
            return None
        for tok in [head, *(c for c in head.subtree if c.dep_ in ("pobj", "compound"))]:
            place = self.places.at(tok.i)
            if place is not None and place.country:
                entry = self.kb.country(place.country)
                if entry is None:
                    continue
                return ActorMention(tok.i, tok.i + 1, tok.text, entry.code, entry.country,
                                    entry.sector, entry.name, entry.wikidata, "country",
                                    "place", False, False)  # fmt: skip
        return None
