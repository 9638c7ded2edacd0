"""The actor knowledge base: who can act, the words that name them, and the role nouns.

Built from the TSV files in ``actors/data`` (countries, regions, organisations, groups,
people, roles) plus optional user files (CSV, TSV or YAML). Every surface form is indexed
by its exact text, so a resolver can look a span up in one dictionary access.
See docs/actors.md for the file formats.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..errors import DataError
from ..model import SECTORS
from ..tables import fail, pad_date, read_table, read_yaml_rows, split_list, valid_date

DATA_DIR = Path(__file__).resolve().parent / "data"
KINDS = ("country", "region", "org", "person", "group")
FORM_KINDS = ("name", "alias", "adjective", "demonym", "capital", "metonym", "surname")
ORG_KINDS = ("igo", "ngo", "company", "media")
USER_COLUMNS = ("kind", "name", "aliases", "code", "country", "sector", "office", "start",
                "end", "wikidata", "governs_from")  # fmt: skip
USER_KINDS = ("person", "group", "org", "region")

_QID = re.compile(r"^Q\d+$")
_ISO3 = re.compile(r"^[A-Z]{3}$")
_CODE = re.compile(r"^[A-Z0-9+]{2,16}$")
_NAME_SUFFIXES = frozenset({"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"})
_YES_NO = {"yes": True, "no": False}


@dataclass(frozen=True)
class ActorEntry:
    """One actor: a country, region, organisation, person-office or group.

    ``code`` is the CAMEO-style actor code (``RUS``, ``RUSGOV``, ``NATO``, ``UKRREB``);
    ``country`` the ISO alpha-3 or None for multinational actors; ``office``, ``start`` and
    ``end`` are set for people (dates ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``); a group's
    ``start`` is the day it began to govern its state, if it does.
    """

    key: str
    kind: str
    code: str
    country: str | None
    sector: str | None
    name: str
    wikidata: str | None = None
    office: str | None = None
    start: str | None = None
    end: str | None = None


@dataclass(frozen=True)
class Form:
    """A surface text that names an entry, and how it names it (one of ``FORM_KINDS``)."""

    text: str
    entry: ActorEntry
    form: str


@dataclass(frozen=True)
class Role:
    """A role noun ("court", "lawmaker", "president") and the sector it names."""

    lemma: str
    sector: str
    person: bool
    head: bool


def _slug(name: str) -> str:
    """A key-safe form of a name: ``"António Guterres"`` -> ``"antonio-guterres"``."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def _strip_article(text: str) -> str:
    return text.removeprefix("the ")


class KnowledgeBase:
    """Every actor entry and role, with ``forms`` (surface text -> forms) and ``roles``.

    Build one with ``KnowledgeBase.load()``; the default one is shared, so treat its
    dictionaries as read-only.
    """

    def __init__(self) -> None:
        self.forms: dict[str, list[Form]] = {}
        self.roles: dict[str, Role] = {}
        self._entries: dict[str, ActorEntry] = {}
        self._variants: dict[str, ActorEntry] = {}  # country entries with a metonym's sector
        self._people: dict[str, list[ActorEntry]] = {}  # person slug -> rows, in file order
        self._person_names: dict[str, list[str]] = {}  # person slug -> name and aliases

    # -- lookups -------------------------------------------------------------------------

    def country(self, iso3: str) -> ActorEntry | None:
        """The country entry for an ISO alpha-3 code, or None."""
        return self._entries.get(f"country:{iso3}")

    def entry(self, key: str) -> ActorEntry:
        """The entry with this key (``country:RUS``, ``org:NATO``, ``person:slug:1``...).

        ``person:slug`` without a row number gives the person's latest office. Raises
        KeyError for an unknown key.
        """
        if key in self._entries:
            return self._entries[key]
        if key in self._variants:
            return self._variants[key]
        if key.startswith("person:") and key[7:] in self._people:
            return self._latest(key[7:])
        raise KeyError(key)

    def entries(self) -> Iterable[ActorEntry]:
        """Every entry read from the files, in load order."""
        return self._entries.values()

    def person_at(self, entry: ActorEntry, date: str | None) -> ActorEntry:
        """The row of ``entry``'s person that holds office on ``date`` (``YYYY-MM-DD``).

        Falls back to the office held most recently before ``date``, and to ``entry``
        itself when there is none (or no date, or ``entry`` is not a person).
        """
        if entry.kind != "person" or not date:
            return entry
        rows = self._people.get(entry.key.split(":")[1], [entry])
        day = pad_date(date, end=False)
        held = [r for r in rows if (not r.start or pad_date(r.start, False) <= day)
                and (not r.end or day <= pad_date(r.end, True))]  # fmt: skip
        if held:
            return max(held, key=lambda r: pad_date(r.start or "0000", False))
        before = [r for r in rows if r.end and pad_date(r.end, True) < day]
        if before:
            return max(before, key=lambda r: pad_date(r.end or "", True))
        return entry

    @staticmethod
    def code_for(country: str | None, sector: str | None) -> str:
        """The actor code of a country and sector: ``RUS`` + ``GOV`` -> ``RUSGOV``."""
        return (country or "") + (sector or "")

    # -- building ------------------------------------------------------------------------

    @classmethod
    def load(cls, extra: Iterable[Path] = ()) -> KnowledgeBase:
        """The built-in knowledge base plus user files (CSV, TSV, YAML; see docs/actors.md).

        The default (no ``extra``) one is built once and shared. Raises DataError
        ("file:line: what is wrong") for a bad row.
        """
        extra = [Path(p) for p in extra]
        if not extra:
            return _default()
        return cls._build(extra)

    @classmethod
    def _build(cls, extra: list[Path]) -> KnowledgeBase:
        kb = cls()
        kb._read_countries(DATA_DIR / "countries.tsv")
        kb._read_regions(DATA_DIR / "regions.tsv")
        kb._read_orgs(DATA_DIR / "organisations.tsv")
        kb._read_groups(DATA_DIR / "groups.tsv")
        kb._read_people(DATA_DIR / "people.tsv")
        kb._read_roles(DATA_DIR / "roles.tsv")
        for path in extra:
            kb._read_user(path)
        kb._index_people()
        return kb

    def _add_entry(self, entry: ActorEntry, path: Path, line: int) -> None:
        if entry.key in self._entries:
            raise fail(path, line, f"duplicate entry {entry.key}")
        self._entries[entry.key] = entry

    def _add_names(self, entry: ActorEntry, row: dict[str, str]) -> None:
        """The row's name and its aliases as forms of ``entry``."""
        self._add_form(row["name"], entry, "name")
        for text in split_list(row.get("aliases", "")):
            self._add_form(text, entry, "alias")

    def _add_form(self, text: str, entry: ActorEntry, form: str) -> None:
        text = _strip_article(text.strip())
        if not text:
            return
        straight, curly = text.replace("\u2019", "'"), text.replace("'", "\u2019")
        for variant in dict.fromkeys((text, straight, curly)):
            forms = self.forms.setdefault(variant, [])
            if not any(f.entry.key == entry.key and f.entry.sector == entry.sector for f in forms):
                forms.append(Form(variant, entry, form))

    def _check(self, path: Path, line: int, row: dict[str, str]) -> None:
        """Raise DataError for a bad sector, date or QID in ``row``."""
        sector = row.get("sector", "")
        if sector and sector not in SECTORS:
            raise fail(path, line, f"unknown sector {sector!r} (one of {', '.join(SECTORS)})")
        for column in ("start", "end", "governs_from"):
            if row.get(column) and not valid_date(row[column]):
                raise fail(path, line, f"{column} {row[column]!r} is not a YYYY-MM-DD date")
        if row.get("wikidata") and not _QID.match(row["wikidata"]):
            raise fail(path, line, f"wikidata {row['wikidata']!r} is not a QID like Q159")
        if not row.get("name"):
            raise fail(path, line, "name is empty")

    def _known_country(self, path: Path, line: int, code: str) -> None:
        if code and f"country:{code}" not in self._entries:
            raise fail(path, line, f"unknown country {code!r} (an ISO alpha-3 code)")

    def _read_countries(self, path: Path) -> None:
        for line, row in read_table(path, ("iso3", "name", "adjectives")):
            self._check(path, line, row)
            iso = row["iso3"]
            if not _ISO3.match(iso):
                raise fail(path, line, f"iso3 {iso!r} is not three capital letters")
            if not split_list(row["adjectives"]):
                raise fail(path, line, "a country needs at least one adjective")
            name = _strip_article(row["name"])
            entry = ActorEntry(f"country:{iso}", "country", iso, iso, None, name,
                               row.get("wikidata") or None)  # fmt: skip
            self._add_entry(entry, path, line)
            self._add_form(name, entry, "name")
            for column, form in (("aliases", "alias"), ("adjectives", "adjective"),
                                 ("demonyms", "demonym"), ("capitals", "capital")):  # fmt: skip
                for text in split_list(row.get(column, "")):
                    self._add_form(text, entry, form)
            for text in split_list(row.get("metonyms", "")):
                text, _, sector = text.partition(":")
                sector = sector or "GOV"
                if sector not in SECTORS:
                    raise fail(path, line, f"metonym {text!r}: unknown sector {sector!r}")
                variant = ActorEntry(f"country:{iso}:{sector}", "country", iso + sector, iso,
                                     sector, name, entry.wikidata)  # fmt: skip
                self._variants[variant.key] = variant
                self._add_form(text, variant, "metonym")

    def _read_regions(self, path: Path) -> None:
        for line, row in read_table(path, ("code", "name")):
            self._check(path, line, row)
            self._known_country(path, line, row.get("country", ""))
            self._add_region(path, line, row)

    def _add_region(self, path: Path, line: int, row: dict[str, str]) -> None:
        code = row.get("code", "")
        if not _CODE.match(code):
            raise fail(path, line, f"code {code!r} is not a short upper-case code")
        entry = ActorEntry(f"region:{code}", "region", code, row.get("country") or None, None,
                           _strip_article(row["name"]))  # fmt: skip
        self._add_entry(entry, path, line)
        self._add_names(entry, row)
        for text in split_list(row.get("adjectives", "")):
            self._add_form(text, entry, "adjective")

    def _read_orgs(self, path: Path) -> None:
        for line, row in read_table(path, ("code", "name", "kind", "sector")):
            if row["kind"] not in ORG_KINDS:
                raise fail(path, line, f"kind {row['kind']!r} is not one of {ORG_KINDS}")
            self._add_org(path, line, row)

    def _add_org(self, path: Path, line: int, row: dict[str, str]) -> None:
        self._check(path, line, row)
        code, country, sector = row.get("code", ""), row.get("country", ""), row.get("sector", "")
        if not _CODE.match(code):
            raise fail(path, line, f"code {code!r} is not a short upper-case code")
        if not sector:
            raise fail(path, line, "an organisation needs a sector")
        self._known_country(path, line, country)
        actor_code = self.code_for(country, sector) if country else code
        entry = ActorEntry(f"org:{code}", "org", actor_code, country or None, sector,
                           row["name"], row.get("wikidata") or None)  # fmt: skip
        self._add_entry(entry, path, line)
        self._add_names(entry, row)

    def _read_groups(self, path: Path) -> None:
        for line, row in read_table(path, ("name", "code", "sector")):
            self._add_group(path, line, row)

    def _add_group(self, path: Path, line: int, row: dict[str, str]) -> None:
        self._check(path, line, row)
        code, country = row.get("code", ""), row.get("country", "")
        self._known_country(path, line, country)
        if not row.get("sector"):
            raise fail(path, line, "a group needs a sector")
        if not _CODE.match(code):
            raise fail(path, line, f"code {code!r} is not an actor code like UKRREB")
        entry = ActorEntry(f"group:{_slug(row['name'])}", "group", code, country or None,
                           row["sector"], row["name"], row.get("wikidata") or None,
                           start=row.get("governs_from") or None)  # fmt: skip
        self._add_entry(entry, path, line)
        self._add_names(entry, row)

    def _read_people(self, path: Path) -> None:
        for line, row in read_table(path, ("name", "country", "sector")):
            self._add_person(path, line, row)

    def _add_person(self, path: Path, line: int, row: dict[str, str]) -> None:
        self._check(path, line, row)
        country, sector = row.get("country", ""), row.get("sector") or "GOV"
        org = self._entries.get(f"org:{country}")
        if org is not None and org.country is None:
            code, country_iso = org.code, None
        else:
            self._known_country(path, line, country)
            code, country_iso = self.code_for(country, sector), country or None
        start, end = row.get("start", ""), row.get("end", "")
        if start and end and pad_date(end, True) < pad_date(start, False):
            raise fail(path, line, "end is before start")
        slug = _slug(row["name"])
        rows = self._people.setdefault(slug, [])
        entry = ActorEntry(f"person:{slug}:{len(rows) + 1}", "person", code, country_iso, sector,
                           row["name"], row.get("wikidata") or None, row.get("office") or None,
                           row.get("start") or None, row.get("end") or None)  # fmt: skip
        self._add_entry(entry, path, line)
        rows.append(entry)
        names = self._person_names.setdefault(slug, [row["name"]])
        names.extend(a for a in split_list(row.get("aliases", "")) if a not in names)

    def _read_roles(self, path: Path) -> None:
        for line, row in read_table(path, ("lemma", "sector", "person", "head")):
            lemma = row["lemma"]
            if not lemma or lemma != lemma.lower():
                raise fail(path, line, f"lemma {lemma!r} must be lower-case and not empty")
            if row["sector"] not in SECTORS:
                raise fail(path, line, f"unknown sector {row['sector']!r}")
            if row["person"] not in _YES_NO or row["head"] not in _YES_NO:
                raise fail(path, line, "person and head must be yes or no")
            if lemma in self.roles:
                raise fail(path, line, f"duplicate role {lemma!r}")
            self.roles[lemma] = Role(lemma, row["sector"], _YES_NO[row["person"]],
                                     _YES_NO[row["head"]])  # fmt: skip

    def _read_user(self, path: Path) -> None:
        """Add the rows of one user file; ``kind`` defaults to person."""
        if not path.is_file():
            raise DataError(f"{path}: no such actor file")
        if path.suffix.lower() in (".yaml", ".yml"):
            rows = read_yaml_rows(path, USER_COLUMNS)
        elif path.suffix.lower() in (".csv", ".tsv"):
            rows = read_table(path, ("name",), USER_COLUMNS)
        else:
            raise DataError(f"{path}: actor files are .csv, .tsv, .yaml or .yml")
        for line, row in rows:
            kind = row.get("kind") or "person"
            if kind == "person":
                self._add_person(path, line, row)
            elif kind == "group":
                self._add_group(path, line, row)
            elif kind == "org":
                self._add_org(path, line, row)
            elif kind == "region":
                self._check(path, line, row)
                self._known_country(path, line, row.get("country", ""))
                self._add_region(path, line, row)
            else:
                raise fail(path, line, f"kind {kind!r} is not one of {', '.join(USER_KINDS)}")

    def _latest(self, slug: str) -> ActorEntry:
        rows = self._people[slug]
        return max(rows, key=lambda r: (pad_date(r.start or "0000", False), rows.index(r)))

    def _index_people(self) -> None:
        """Add the forms of every person, pointing at the latest office.

        The full name is a "name" form, longer aliases "alias" forms, one-word aliases
        "surname" forms. A person without a one-word alias gets the last word of the name and
        of each alias as a surname, unless it names a country, place, organisation or group,
        is listed in surname_exclusions.tsv, or is shorter than three letters.
        """
        excluded = {row["surname"] for _, row in read_table(DATA_DIR / "surname_exclusions.tsv",
                                                             ("surname",))}  # fmt: skip
        taken = {text for text, forms in self.forms.items()
                 if any(f.entry.kind != "person" for f in forms)}  # fmt: skip
        for slug, names in self._person_names.items():
            entry = self._latest(slug)
            self._add_form(names[0], entry, "name")
            for alias in names[1:]:
                self._add_form(alias, entry, "surname" if " " not in alias else "alias")
            if any(" " not in alias for alias in names[1:]):
                continue
            for name in names:
                words = [w for w in name.split() if w not in _NAME_SUFFIXES]
                last = words[-1] if len(words) > 1 else ""
                if len(last) >= 3 and last not in taken and last not in excluded:
                    self._add_form(last, entry, "surname")


@functools.lru_cache(maxsize=1)
def _default() -> KnowledgeBase:
    return KnowledgeBase._build([])
