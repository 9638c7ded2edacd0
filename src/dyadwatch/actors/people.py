"""Rules for actors named by what they are rather than by name: role nouns ("a Russian
court", "Kazakh lawmakers"), titled persons the knowledge base lacks ("King Hassan of
Morocco"), and people or bodies marked by a country ("Swiss doctors")."""

from __future__ import annotations

from bisect import insort
from pathlib import Path

from spacy.tokens import Token

from ..nlp.arrays import with_pos
from ..nlp.sents import sentence_of
from ..tables import words
from .kb import Role
from .mention import MODIFIER_DEPS, ActorMention, np_span
from .topics import in_topic_phrase

WORD_LISTS = Path(__file__).parent / "data" / "words.tsv"

RELATION_NOUNS = words(WORD_LISTS, "relation_nouns")
STATE_NOUNS = words(WORD_LISTS, "state_nouns")
STATE_NAMES = {"name", "alias", "capital", "metonym"}
# forms of a state's name that mark a noun as the state's ("Kazakh troops")
MODIFYING_FORMS = ("adjective", "name", "alias")
COLLECTIVE_NOUNS = words(WORD_LISTS, "collective_nouns")  # "opposition groups in Zimbabwe"
ORIGIN_PREPS = words(WORD_LISTS, "origin_preps")  # "members of the Duma", "troops from Chad"
PLACE_PREPS = words(WORD_LISTS, "place_preps")  # "police in Tbilisi"
# people who by definition come from another state: only a stated country is theirs
UPROOTED = words(WORD_LISTS, "uprooted")


def counted_states(head: Token) -> bool:
    """ "the two Balkan states", "both Caucasus republics": states counted out one by one are
    particular states of the region, not the region as an actor ("Balkan states agreed")."""
    return head.lemma_.lower() in STATE_NOUNS and any(
        c.dep_ == "nummod" or c.dep_ == "det" and c.lower_ == "both" for c in head.children
    )


class PeopleRules:
    """Mixed into DocActors: needs ``doc``, ``kb``, ``by_token``, ``places``, ``mentions``,
    ``_cache``, ``for_np``, ``owner``, ``_pronoun`` and ``_recent``."""

    def add_people(self) -> None:
        """Resolve people the knowledge base lacks up front ("Ghanaian Foreign Minister John
        Mensah"), so that a later surname ("Mensah said") and "he" can point back to them."""
        for tok in with_pos(self.doc, ("PROPN",)):
            if tok.i in self.by_token or not _name_head(tok):
                continue
            found = self.for_np(tok)
            if found is not None and found.person and found.country and found.direct:
                insort(self.mentions, found, key=lambda m: m.start)
        self._cache.clear()

    def add_roles(self) -> None:
        """Resolve role nouns up front ("the Kazakh leader", "Kazakh troops"), so that later
        pronouns and bare roles can point back to them: "he" to a person, "they" to a body."""
        for tok in with_pos(self.doc, ("NOUN", "PROPN")):
            if tok.i in self.by_token or not _role_head(tok):
                continue
            role = self._role(tok)
            if role is None:
                continue
            found = self.for_np(tok)
            if found is not None and found.direct:
                found = found.with_text(tok.doc[tok.i : tok.i + 1], "role")
                found.person = role.person
                insort(self.mentions, found, key=lambda m: m.start)
        self._cache.clear()

    # -- the actor a noun phrase denotes -------------------------------------------------

    def _region_states(self, head: Token) -> bool:
        """ "the two South Caucasus states": particular states of a region, named by the
        region but not the region as an actor; which states, the text does not say here."""
        return counted_states(head) and any(
            (m := self.by_token.get(c.i)) is not None and m.kind == "region"
            for c in head.children
            if c.dep_ in ("amod", "compound", "nmod")
        )

    def _named_after(self, head: Token) -> ActorMention | None:
        """ "Nato member Turkey", "treaty ally the Philippines", "neighbour Georgia": a
        relation noun right before a state's name is that state, not the bloc it names."""
        if head.lemma_.lower() not in RELATION_NOUNS or head.i + 1 >= len(head.doc):
            return None
        nxt = head.doc[head.i + 1]
        nxt = head.doc[head.i + 2] if nxt.lower_ == "the" and head.i + 2 < len(head.doc) else nxt
        state = self.by_token.get(nxt.i)
        if state is None or state.kind != "country" or state.form not in STATE_NAMES:
            return None
        return state

    def _modified_noun(self, head: Token) -> ActorMention | None:
        """A people or body noun the KB has no role for, marked by a country or organisation:
        "the Turkish and Greek sides", "Swiss doctors", "U.N. helicopters", "the Liberian
        Peace Council". Its sector is left open. Never a place's name ("the South China
        Sea")."""
        if head.pos_ == "PROPN" and self.places is not None and self.places.at(head.i):
            return None
        span = np_span(head)
        # "the pro-Iranian Hezbollah group": the group's own name before an adjective
        for child in sorted(head.children, key=lambda c: not self._names_body(c)):
            if child.dep_ not in ("amod", "compound", "nmod") or child.i > head.i:
                continue
            found = self.by_token.get(child.i)
            if found is None or found.kind == "person":
                continue
            if found.kind in ("org", "group"):
                found = self.for_np(child) or found  # "the National Security Committee meeting"
            if head.ent_type_ in ("ORG", "NORP", "") or found.form in MODIFYING_FORMS:
                mention = found.with_text(span, "modified")
                if found.kind == "country":
                    # "Ugandan opposition candidates": a role word beside the noun gives the sector
                    sector = next((r.sector for c in head.children if c.dep_ in ("compound", "amod")
                                   and (r := self._role(c)) is not None), None)  # fmt: skip
                    mention.code = self.kb.code_for(found.country or found.code, sector)
                    mention.sector = sector
                return mention
        # "opposition groups in Zimbabwe", "demonstrators from Georgia"
        if self.places is not None and head.lemma_.lower() in COLLECTIVE_NOUNS:
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ in ("in", "from"):
                    for pobj in child.children:
                        place = self.places.at(pobj.i)
                        entry = self.kb.country(place.country) if place and place.country else None
                        if entry is not None:
                            return ActorMention(span.start, span.end, span.text, entry.code,
                                                entry.country, None, entry.name, entry.wikidata,
                                                "country", "modified", False, True)  # fmt: skip
        return None

    def _names_body(self, tok: Token) -> bool:
        """Whether ``tok`` is part of the name of an organisation or group."""
        found = self.by_token.get(tok.i)
        return found is not None and found.kind in ("org", "group")

    def _role(self, head: Token) -> Role | None:
        if head.pos_ == "PROPN" and self.places.at(head.i) is not None:
            return None  # "the West Bank", "Red Army Square": a place's name, not a role
        lemma = head.lemma_.lower()
        for child in head.children:
            if child.dep_ in ("compound", "amod") and child.i < head.i:
                multi = f"{child.lemma_.lower()} {lemma}"
                if multi in self.kb.roles:
                    return self.kb.roles[multi]
        return self.kb.roles.get(lemma) or self.kb.roles.get(head.lower_)  # "media" → "medium"

    def _role_mention(self, head: Token, role: Role, borrow: bool = True) -> ActorMention | None:
        """The actor a role noun names; ``borrow``: whether it may take the country or person
        named just before it (never for a title before a name: "propagandist X")."""
        span = np_span(head)
        org = self._role_org(head)
        if org is not None:
            return org.with_text(span, "role")
        country, direct = self._role_country(head, person=role.person, borrow=borrow)
        if role.sector == "REB" and not direct and borrow:
            # "the rebels" after "M23 rebels": the armed group named last, not a state nearby
            prior = self._recent(head, lambda m: m.sector == "REB" and bool(m.country), window=5)
            if prior is not None:
                return prior.with_text(span, "role", direct=False)
        if country is None:
            if role.person and borrow:
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

    def _role_country(self, head: Token, person: bool = False,
                      borrow: bool = True) -> tuple[str | None, bool]:  # fmt: skip
        """The country a role noun belongs to, and whether the text says so directly."""
        owner = self._possessor_country(head)
        if owner is not None:
            return owner, True
        # direct modifiers, and those of a compound ("U.S. border patrol agents")
        kids = list(head.children)
        kids += [g for c in kids if c.dep_ == "compound" for g in c.children
                 if g.dep_ in ("compound", "amod", "nmod")]  # fmt: skip
        for child in kids:
            if child.dep_ in MODIFIER_DEPS or child.dep_ == "appos":
                found = self.by_token.get(child.i)
                if found is not None and found.country:
                    return found.country, True
                place = self.places.at(child.i) if self.places is not None else None
                if place is not None and place.country:  # "Darfur rebels"
                    return place.country, True
            if child.dep_ == "prep" and child.lower_ in ORIGIN_PREPS:
                for pobj in child.children:
                    # "inhabitants of the Syrian Golan Heights", "members of the Russian Duma"
                    found = self.by_token.get(pobj.i) or (
                        self.owner(pobj, depth=1) if pobj.dep_ == "pobj" else None
                    )
                    if found is not None and found.country:
                        return found.country, True
        # a name in apposition or compound: "Lawmaker Konstantin Zatulin"
        if head.dep_ in ("compound", "appos") and head.head.i in self.by_token:
            found = self.by_token[head.head.i]
            if found.country:
                return found.country, True
        if not person and borrow and (named := self._named_before(head)) is not None:
            return named, False
        if head.lemma_.lower() in UPROOTED:
            return None, False  # "migrants at the Polish border" are not Poland's
        # "police in Tbilisi", "a court in Minsk", or a place named elsewhere in the sentence
        if self.places is not None:
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ in PLACE_PREPS:
                    for pobj in child.children:
                        place = self.places.at(pobj.i)
                        if place is not None and place.country:
                            return place.country, True
            # a body of people ("protesters rallied in Tbilisi") takes the sentence's place
            many = head.tag_ in ("NNS", "NNPS") or not person
            if many and (country := self._sentence_place(head)) is not None:
                return country, False
        if not borrow:
            return None, False
        # the state the sentence before is about: its subject, else the latest state named
        prior = (self._recent(head, lambda m: _borrowable(m) and _is_subject(head.doc, m), window=1)
                 or self._recent(head, _borrowable, window=1))  # fmt: skip
        if prior is not None:
            return prior.country, False
        return None, False

    def _sentence_place(self, head: Token) -> str | None:
        """The country of a place named in ``head``'s sentence, its own clause's first:
        "Riyadh cut ties after protesters stormed Saudi missions in Iran" (in Iran); never a
        topic ("about Kazakhstan")."""
        sentence, clause = sentence_of(head), _clause_of(head)
        found = [m for m in self.places.mentions if sentence.start <= m.start < sentence.end]
        found.sort(key=lambda m: not clause.left_edge.i <= m.start <= clause.right_edge.i)
        return next((m.place.country for m in found if m.place.country
                     and not in_topic_phrase(head.doc[m.start])), None)  # fmt: skip

    def _named_before(self, head: Token) -> str | None:
        """ "the ministry" after "the Armenian Defense Ministry": a bare definite body is the
        one last named by the same noun, within three sentences, not a country that happens
        to be nearer."""
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
            return None
        lemma = head.lemma_.lower()
        prior = self._recent(head, lambda m: m.form == "role" and m.country is not None
                             and head.doc[m.end - 1].lemma_.lower() == lemma)  # fmt: skip
        if prior is not None:
            return prior.country
        # a body of that name resolved earlier ("..., the foreign ministry said. The ministry
        # said ..."), within the sentence and the one before
        start = sentence_of(head).start
        start = sentence_of(head.doc[start - 1]).start if start > 0 else start
        earlier = [t for t in head.doc[start : head.i] if t.lemma_.lower() == lemma
                   and t.pos_ in ("NOUN", "PROPN")]  # fmt: skip
        found = [m for t in earlier if (m := self.for_np(t)) is not None and m.country]
        return found[-1].country if found else None

    def _possessor_country(self, head: Token) -> str | None:
        """ "Chile recalled its ambassador from Peru": a possessive, name or pronoun, names
        the role's owner before any from/in phrase does."""
        for child in head.children:
            if child.dep_ != "poss":
                continue
            found = self.by_token.get(child.i)
            if found is None:  # "its ambassador", "the Indian embassy's staff"
                found = self._pronoun(child) if child.pos_ == "PRON" else self.for_np(child)
            if found is not None and found.country:
                return found.country
            if found is None and child.pos_ == "NOUN":  # "his country's armed forces"
                return self._possessor_country(child)
        return None

    def _unknown_person(self, head: Token) -> ActorMention | None:
        """A person the KB does not know: take sector and country from the title around the
        name ("Russian Foreign Minister Andrei Kozyrev", "King Hassan of Morocco", "Kenzo
        Oshima, the United Nations relief coordinator")."""
        titled = self._titled_person(head)
        if titled is not None and titled.direct:
            return titled
        titles = [] if titled is None else [titled]  # placed by the sentence: a guess
        titles += [found for child in head.children
                  if child.dep_ in ("compound", "appos", "amod") and child.ent_type_ != "PERSON"
                  and (role := self._role(child)) is not None
                  and (found := self._role_mention(child, role, borrow=False)) is not None]  # fmt: skip
        titles += [found for child in head.children if child.dep_ == "appos"
                   and (found := self._office_of(child)) is not None]  # fmt: skip
        # "General X, the head of the Philippine military": a title that names its state
        # before one whose state is a guess
        found = next((t for t in titles if t.direct), titles[0] if titles else None)
        if found is not None and found is titled:
            return titled
        if found is not None:
            span = np_span(head)
            return ActorMention(span.start, span.end, span.text, found.code, found.country,
                                found.sector, head.text, None, "person", "name", True,
                                found.direct)  # fmt: skip
        # An earlier full mention of the same surname in this document.
        for mention in self.mentions:
            if (mention.start < head.i and mention.person and mention.name
                    and mention.name.split()[-1] == head.text):  # fmt: skip
                return mention.with_text(head.doc[head.i : head.i + 1], "surname")
        return None

    def _office_of(self, appos: Token) -> ActorMention | None:
        """ "the head of the Philippine military", "a spokesman for Kenya's foreign ministry":
        an apposition naming the state body a person serves (its sector, else government)."""
        if self._role(appos) is not None:
            return None  # a role noun: read by the title rules
        found = self.owner(appos, depth=2)
        if found is None or not found.country or found.person or not found.direct:
            return None
        sector = found.sector or "GOV"
        return ActorMention(found.start, found.end, found.text,
                            self.kb.code_for(found.country, sector), found.country, sector,
                            found.name, None, "role", "role", True, True)  # fmt: skip

    def _titled_person(self, head: Token) -> ActorMention | None:
        words = [
            c for c in head.children if c.dep_ in ("compound", "amod", "appos", "poss", "nmod")
        ]
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
        span = np_span(head)
        if org is not None and country is None:
            return ActorMention(span.start, span.end, span.text, org.code, None, org.sector,
                                head.text, None, "person", "name", True, True)  # fmt: skip
        direct = True
        if country is None and sector is not None and self.places is not None:
            # "President X shortened the curfew imposed in Sudan": a titled person the KB does
            # not know, placed by the country the sentence is about (a guess: not direct)
            for mention in self.places.mentions:
                if (
                    sentence_of(head).start <= mention.start < sentence_of(head).end
                    and mention.place.country
                    and not in_topic_phrase(head.doc[mention.start])
                ):
                    country, direct = mention.place.country, False
                    break
        if country is None:
            return None
        return ActorMention(span.start, span.end, span.text, self.kb.code_for(country, sector),
                            country, sector, head.text, None, "person", "name", True, direct)  # fmt: skip


def _clause_of(tok: Token) -> Token:
    """The verb whose clause ``tok`` is in (``tok`` itself when there is none)."""
    return next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), tok)


def _role_head(tok: Token) -> bool:
    """A noun that can head a role's phrase: "troops", "the Defense Ministry"; a title before
    a name ("President Tokayev") is the name's, not a phrase of its own."""
    return tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and tok.dep_ != "compound")


def _name_head(tok: Token) -> bool:
    """The last word of a person's name: "Mensah" in "John Mensah"."""
    if tok.ent_type_ != "PERSON" or tok.pos_ != "PROPN":
        return False
    return not (tok.dep_ == "compound" and tok.head.ent_type_ == "PERSON")


def _borrowable(mention: ActorMention) -> bool:
    return mention.country is not None and mention.kind != "org"


def _is_subject(doc, mention: ActorMention) -> bool:
    """Whether the mention is, or modifies, its clause's subject ("Manila summons ...",
    "Chinese vessels rammed ...")."""
    tok = doc[mention.end - 1]
    if tok.dep_ in ("amod", "compound", "poss") and tok.head.i >= mention.end:
        tok = tok.head
    return tok.dep_ in ("nsubj", "nsubjpass")
