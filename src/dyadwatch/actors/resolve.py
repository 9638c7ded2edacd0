"""Find actor mentions in a parsed document and say which actor a noun phrase denotes.

Names, adjectives, capitals and metonyms come from the knowledge base through one
PhraseMatcher; role nouns ("a Russian court", "Kazakh lawmakers", "troops") take their
country from their modifiers, a place in the sentence, or the document so far; pronouns and
bare roles ("he", "the president") go to the entity introduced earlier.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..model import Actor
from .kb import ActorEntry, Form, KnowledgeBase, Role

# Forms that name an actor by themselves; adjectives only colour a head noun.
NAMING_FORMS = {"name", "alias", "demonym", "capital", "metonym", "surname"}
PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}
THING_PRONOUNS = {"it", "its", "itself"}
GROUP_PRONOUNS = {"they", "them", "their", "themselves"}
OUR_PRONOUNS = {"we", "us", "our", "ours", "ourselves"}
MODIFIER_DEPS = {"amod", "compound", "poss", "nmod", "npadvmod", "nummod"}
QUANTIFIERS = {"ten", "tens", "thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "million",
               "millions", "group", "crowd", "number", "handful", "score", "scores", "some",
               "many", "several", "delegation", "contingent", "team", "unit", "band"}  # fmt: skip
LOCATIVE_PREPS = {"in", "at", "near", "outside", "inside", "across", "throughout"}


@dataclass
class ActorMention:
    """One mention of an actor: a token span and what it resolves to."""

    start: int
    end: int
    text: str
    code: str
    country: str | None
    sector: str | None
    name: str | None = None
    wikidata: str | None = None
    kind: str = "country"  # country, region, org, person, group, role
    form: str = "name"  # name, alias, adjective, demonym, capital, metonym, surname, role, pronoun
    person: bool = False
    direct: bool = True  # False when the country was guessed from context

    def to_actor(self) -> Actor:
        return Actor(text=self.text, code=self.code, country=self.country, sector=self.sector,
                     name=self.name, wikidata=self.wikidata)  # fmt: skip

    def with_text(self, span: Span, form: str, direct: bool = True) -> ActorMention:
        return ActorMention(span.start, span.end, span.text, self.code, self.country, self.sector,
                            self.name, self.wikidata, self.kind, form, self.person, direct)  # fmt: skip


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
    """Built once per process: the phrase matcher over every surface form in the KB."""

    def __init__(self, nlp: Language, kb: KnowledgeBase):
        self.kb = kb
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        # One key per distinct surface form, tokenised exactly as documents are.
        texts = list(kb.forms)
        self.keys: dict[str, str] = {}
        for text, pattern in zip(texts, nlp.tokenizer.pipe(texts)):
            key = f"actor-form-{len(self.keys)}"
            self.keys[key] = text
            self.matcher.add(key, [pattern])

    def __call__(self, doc: Doc, date: str | None) -> DocActors:
        spans = []
        for match_id, start, end in self.matcher(doc):
            span = Span(doc, start, end, label=match_id)
            spans.append(span)
        mentions: dict[int, ActorMention] = {}
        for span in filter_spans(spans):
            text = self.keys[doc.vocab.strings[span.label]]
            form = _choose_form(self.kb.forms[text], span, date)
            if form is None:
                continue
            entry = form.entry
            if entry.kind == "person":
                entry = self.kb.person_at(entry, date)
            if form.form == "capital" and _is_locative(span):
                continue  # "in Moscow" is a place, not the Russian government
            if entry.kind == "region" and span.end < len(doc) and doc[span.end].pos_ == "PROPN":
                continue  # "West Darfur", "West Bank": part of a place name, not the West
            mention = _mention_from_entry(span, entry, form.form)
            for i in range(span.start, span.end):
                mentions[i] = mention
        actors = DocActors(doc, self.kb, mentions, date)
        actors.add_person_roles()
        return actors


def _choose_form(forms: list[Form], span: Span, date: str | None) -> Form | None:
    """Pick among same-text forms: countries and orgs before people; lowercase text never."""
    if not forms:
        return None
    rank = {"country": 0, "org": 1, "group": 2, "region": 3, "person": 4}
    # "Brussels approved sanctions": a city that is also an organisation's name means the body
    org_alias = any(f.entry.kind == "org" for f in forms)
    best = sorted(forms, key=lambda f: (org_alias and f.form == "capital",
                                        rank.get(f.entry.kind, 9), f.form not in NAMING_FORMS))
    return best[0]


def _is_locative(span: Span) -> bool:
    head = span.root
    return head.dep_ == "pobj" and head.head.lower_ in LOCATIVE_PREPS


@dataclass
class DocActors:
    """The actor mentions of one document and the rules that read them off noun phrases."""

    doc: Doc
    kb: KnowledgeBase
    by_token: dict[int, ActorMention]
    date: str | None
    places: object | None = None  # attributes.places.DocumentPlaces, for place_owner
    _cache: dict[int, ActorMention | None] = field(default_factory=dict)
    mentions: list[ActorMention] = field(default_factory=list)

    def __post_init__(self) -> None:
        seen: dict[int, ActorMention] = {}
        for mention in self.by_token.values():
            seen.setdefault(id(mention), mention)
        self.mentions = sorted(seen.values(), key=lambda m: m.start)

    def add_person_roles(self) -> None:
        """Resolve role nouns that name one person ("the Kazakh leader") up front, so that
        later pronouns and bare roles can point back to them."""
        added = False
        for tok in self.doc:
            if tok.pos_ != "NOUN" or tok.i in self.by_token:
                continue
            role = self._role(tok)
            if role is None or not role.person:
                continue
            found = self.for_np(tok)
            if found is not None and found.direct:
                found = found.with_text(tok.doc[tok.i : tok.i + 1], "role")
                found.person = True
                self.mentions.append(found)
                added = True
        if added:
            self.mentions.sort(key=lambda m: m.start)
        self._cache.clear()

    # -- the actor a noun phrase denotes -------------------------------------------------

    def for_np(self, head: Token) -> ActorMention | None:
        """The actor that the noun phrase headed by `head` names, or None."""
        if head.i in self._cache:
            return self._cache[head.i]
        found = self._for_np(head)
        self._cache[head.i] = found
        return found

    def _for_np(self, head: Token) -> ActorMention | None:
        mention = self.by_token.get(head.i)
        if mention is not None and mention.form in NAMING_FORMS:
            return mention
        if mention is not None and mention.form == "adjective" and head.pos_ in ("NOUN", "PROPN"):
            # "the Russians", "Ukrainian" used as a noun
            return mention.with_text(head.doc[head.i : head.i + 1], "demonym")
        lower = head.lower_
        if head.pos_ == "PRON" or lower in PERSON_PRONOUNS | THING_PRONOUNS | GROUP_PRONOUNS | OUR_PRONOUNS:
            return self._pronoun(head)
        if head.lemma_.lower() in QUANTIFIERS:
            # "thousands of Armenians", "dozens of protesters", "a group of students"
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                    if pobj is not None and (found := self.for_np(pobj)) is not None:
                        return found
        role = self._role(head)
        if role is not None:
            return self._role_mention(head, role)
        if head.ent_type_ == "PERSON":
            return self._unknown_person(head)
        if head.pos_ == "PROPN" and head.ent_type_ not in ("ORG", "GPE", "NORP", "LOC"):
            titled = self._titled_person(head)  # a name the tagger missed, with its title
            if titled is not None:
                return titled
        if head.pos_ in ("NOUN", "PROPN"):
            return self._modified_noun(head)
        return None

    def _modified_noun(self, head: Token) -> ActorMention | None:
        """A people or body noun the KB has no role for, marked by a country or organisation:
        "the Turkish and Greek sides", "Swiss doctors", "U.N. helicopters", "the Liberian
        Peace Council". Its sector is left open."""
        span = _np_span(head)
        for child in head.children:
            if child.dep_ not in ("amod", "compound", "nmod") or child.i > head.i:
                continue
            found = self.by_token.get(child.i)
            if found is None or found.kind == "person":
                continue
            if head.ent_type_ in ("ORG", "NORP", "") or found.form in ("adjective", "name", "alias"):
                mention = found.with_text(span, "modified")
                if found.kind == "country":
                    # "Ugandan opposition candidates": a role word beside the noun gives the sector
                    sector = next((r.sector for c in head.children if c.dep_ in ("compound", "amod")
                                   and (r := self._role(c)) is not None), None)  # fmt: skip
                    mention.code = self.kb.code_for(found.country or found.code, sector)
                    mention.sector = sector
                return mention
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
                    if found is not None:
                        return found
                    if d + 1 < depth:
                        queue.append((child, d + 1))
                elif child.dep_ == "prep" and child.lower_ in ("of", "from", "for", "in", "to",
                                                             "against", "by", "with"):
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            found = self.for_np(pobj) or self._adjective(pobj)
                            if found is not None:
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

    def _role(self, head: Token) -> Role | None:
        lemma = head.lemma_.lower()
        for child in head.children:
            if child.dep_ in ("compound", "amod") and child.i < head.i:
                multi = f"{child.lemma_.lower()} {lemma}"
                if multi in self.kb.roles:
                    return self.kb.roles[multi]
        return self.kb.roles.get(lemma) or self.kb.roles.get(head.lower_)  # "media" → "medium"

    def _role_mention(self, head: Token, role: Role) -> ActorMention | None:
        span = _np_span(head)
        org = self._role_org(head)
        if org is not None:
            return org.with_text(span, "role")
        country, direct = self._role_country(head, person=role.person)
        if country is None:
            if role.person:
                prior = self._recent(head, lambda m: m.person and m.sector == role.sector)
                if prior is not None:
                    return prior.with_text(span, "role", direct=False)
            return None
        entry = self.kb.country(country)
        if entry is None and country:
            code, name, wikidata = country, country, None
        else:
            code, name, wikidata = entry.code, entry.name, entry.wikidata
        if role.head:
            prior = self._recent(head, lambda m: m.person and m.country == country
                                 and m.sector == role.sector)  # fmt: skip
            if prior is not None and prior.form != "role":
                return prior.with_text(span, "role", direct)
        return ActorMention(
            span.start, span.end, span.text, self.kb.code_for(code, role.sector), country,
            role.sector, name, wikidata, "role", "role", role.person, direct,
        )  # fmt: skip

    def _role_org(self, head: Token) -> ActorMention | None:
        """"EU officials", "NATO troops", "UN peacekeepers": a role inside an organisation."""
        for child in head.children:
            if child.dep_ in ("compound", "amod", "poss", "nmod"):
                found = self.by_token.get(child.i)
                if found is not None and found.kind == "org" and found.country is None:
                    return found
        return None

    def _role_country(self, head: Token, person: bool = False) -> tuple[str | None, bool]:
        """The country a role noun belongs to, and whether the text says so directly."""
        for child in head.children:
            if child.dep_ in MODIFIER_DEPS or child.dep_ == "appos":
                found = self.by_token.get(child.i)
                if found is not None and found.country:
                    return found.country, True
                place = self.places.at(child.i) if self.places is not None else None
                if place is not None and place.country:  # "Darfur rebels"
                    return place.country, True
            if child.dep_ == "prep" and child.lower_ in ("of", "from", "in"):
                for pobj in child.children:
                    # "inhabitants of the Syrian Golan Heights", "members of the Russian Duma"
                    found = self.by_token.get(pobj.i) or (
                        self.owner(pobj, depth=1) if pobj.dep_ == "pobj" else None)
                    if found is not None and found.country:
                        return found.country, True
        # a name in apposition or compound: "Lawmaker Konstantin Zatulin"
        if head.dep_ in ("compound", "appos") and head.head.i in self.by_token:
            found = self.by_token[head.head.i]
            if found.country:
                return found.country, True
        # "police in Tbilisi", "a court in Minsk", or a place named elsewhere in the sentence
        if self.places is not None:
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ in ("in", "at", "from"):
                    for pobj in child.children:
                        place = self.places.at(pobj.i)
                        if place is not None and place.country:
                            return place.country, True
            plural = head.tag_ in ("NNS", "NNPS")
            for mention in self.places.mentions if (plural or not person) else ():
                # a body of people ("protesters rallied in Tbilisi") takes the sentence's place
                if head.sent.start <= mention.start < head.sent.end and mention.place.country:
                    return mention.place.country, False
        prior = self._recent(head, lambda m: m.country is not None and m.kind != "org",
                             same_sentence_only=False, window=1)  # fmt: skip
        if prior is not None:
            return prior.country, False
        return None, False

    def _unknown_person(self, head: Token) -> ActorMention | None:
        """A person the KB does not know: take sector and country from the title around the
        name ("Russian Foreign Minister Andrei Kozyrev", "King Hassan of Morocco", "Kenzo
        Oshima, the United Nations relief coordinator")."""
        titled = self._titled_person(head)
        if titled is not None:
            return titled
        for child in head.children:
            if child.dep_ in ("compound", "appos", "amod") and child.ent_type_ != "PERSON":
                role = self._role(child)
                if role is not None:
                    found = self._role_mention(child, role)
                    if found is not None:
                        span = _np_span(head)
                        return ActorMention(span.start, span.end, span.text, found.code,
                                            found.country, found.sector, head.text, None,
                                            "person", "name", True, found.direct)  # fmt: skip
        # An earlier full mention of the same surname in this document.
        for mention in self.mentions:
            if mention.start < head.i and mention.person and mention.name:
                if mention.name.split()[-1] == head.text:
                    return mention.with_text(head.doc[head.i : head.i + 1], "surname")
        return None

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

    def _titled_person(self, head: Token) -> ActorMention | None:
        words = [c for c in head.children if c.dep_ in ("compound", "amod", "appos", "poss", "nmod")]
        words += [g for c in list(words) for g in c.children
                  if g.dep_ in ("compound", "amod", "poss", "nmod", "prep")]  # fmt: skip
        preps = [c for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "from")]
        preps += [w for w in words if w.dep_ == "prep" and w.lower_ in ("of", "from")]
        words += [g for p in preps for g in p.children if g.dep_ == "pobj"]
        sector, country, org = None, None, None
        for word in words:
            role = self._role(word)
            if role is not None and sector is None:
                sector = role.sector
            found = self.by_token.get(word.i)
            if found is None:
                continue
            if found.kind == "org" and found.country is None:
                org = org or found
            elif found.country and country is None:
                country = found.country
        span = _np_span(head)
        if org is not None and country is None:
            return ActorMention(span.start, span.end, span.text, org.code, None, org.sector,
                                head.text, None, "person", "name", True, True)  # fmt: skip
        direct = True
        if country is None and sector is not None and self.places is not None:
            # "President X shortened the curfew imposed in Sudan": a titled person the KB does
            # not know, placed by the country the sentence is about (a guess: not direct)
            for mention in self.places.mentions:
                if head.sent.start <= mention.start < head.sent.end and mention.place.country:
                    country, direct = mention.place.country, False
                    break
        if country is None:
            return None
        return ActorMention(span.start, span.end, span.text, self.kb.code_for(country, sector),
                            country, sector, head.text, None, "person", "name", True, direct)  # fmt: skip

    def _pronoun(self, head: Token) -> ActorMention | None:
        lower = head.lower_
        speaker = self._speaker(head) if lower in PERSON_PRONOUNS | THING_PRONOUNS else None
        if speaker is not None:
            return speaker
        if lower in OUR_PRONOUNS:
            # "we", "our economy" inside a quote: the speaker's side
            speaker = self._speaker(head, person=None)
            if speaker is not None and speaker.country:
                entry = self.kb.country(speaker.country)
                if entry is not None:
                    return ActorMention(head.i, head.i + 1, head.text, entry.code, entry.country,
                                        entry.sector, entry.name, entry.wikidata, "country",
                                        "pronoun", False, False)  # fmt: skip
            return None
        if lower in PERSON_PRONOUNS:
            return self._recent(head, lambda m: m.person, window=3)
        if lower in THING_PRONOUNS:
            return self._recent(head, lambda m: not m.person and m.form != "adjective", window=3)
        if lower in GROUP_PRONOUNS:
            return self._recent(head, lambda m: m.form in ("demonym", "role") or m.kind == "org",
                                window=2)  # fmt: skip
        return None

    def _speaker(self, pronoun: Token, person: bool | None = True) -> ActorMention | None:
        """"The Kazakh leader said that he ...": a pronoun in reported speech is the speaker
        when the speaker is the same kind of thing (a person for he/she)."""
        node = pronoun
        while node.dep_ != "ROOT" and node.head.i != node.i:
            if node.dep_ == "ccomp":
                subj = next((c for c in node.head.children if c.dep_ == "nsubj"), None)
                if subj is None or subj.i == pronoun.i:
                    return None
                if subj.lower_ in PERSON_PRONOUNS:
                    found = self._recent(subj, lambda m: m.person, window=3)
                else:
                    found = self.for_np(subj)
                if found is None:
                    return None
                if person is None:
                    return found
                wants_person = pronoun.lower_ in PERSON_PRONOUNS
                return found if found.person == wants_person else None
            node = node.head
        return None

    def _recent(self, tok: Token, accept, window: int = 3, same_sentence_only: bool = False):
        """The latest mention before `tok`, within `window` sentences, that `accept`s."""
        sent_start = tok.sent.start
        first = tok.doc[sent_start]
        limit_sent = first
        if not same_sentence_only:
            for _ in range(window):
                if limit_sent.i == 0:
                    break
                limit_sent = tok.doc[limit_sent.i - 1].sent[0]
        lo = limit_sent.i
        best = None
        for mention in self.mentions:
            if mention.start >= tok.i or mention.start < lo:
                continue
            if mention.start <= tok.i < mention.end:
                continue
            if accept(mention):
                best = mention
        return best


def _np_span(head: Token) -> Span:
    """The noun phrase of `head` without relative clauses and trailing prepositions."""
    left = head.i
    for child in head.lefts:
        if child.dep_ in MODIFIER_DEPS or child.dep_ in ("det", "compound"):
            left = min(left, child.left_edge.i)
    return head.doc[left : head.i + 1]
