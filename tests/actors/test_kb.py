"""The actor knowledge base: built-in data files, lookups, offices by date, user files."""

from __future__ import annotations

from pathlib import Path

import pycountry
import pytest

from dyadwatch.actors.kb import DATA_DIR, KnowledgeBase, read_table
from dyadwatch.errors import DataError
from dyadwatch.model import SECTORS

EXTRA_STATES = {"XKX", "TWN", "PSE", "ESH", "VAT"}


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


def _first(kb: KnowledgeBase, text: str, kind: str | None = None):
    forms = [f for f in kb.forms.get(text, []) if kind is None or f.entry.kind == kind]
    assert forms, f"no form {text!r}"
    return forms[0]


@pytest.mark.parametrize(
    ("text", "kind", "code", "country", "sector", "form"),
    [
        ("Kazakh", "country", "KAZ", "KAZ", None, "adjective"),
        ("Kazakhstani", "country", "KAZ", "KAZ", None, "adjective"),
        ("Kazakhs", "country", "KAZ", "KAZ", None, "demonym"),
        ("Astana", "country", "KAZ", "KAZ", None, "capital"),
        ("Nur-Sultan", "country", "KAZ", "KAZ", None, "capital"),
        ("Russian Federation", "country", "RUS", "RUS", None, "alias"),
        ("U.S.", "country", "USA", "USA", None, "alias"),
        ("Netherlands", "country", "NLD", "NLD", None, "name"),
        ("Kremlin", "country", "RUSGOV", "RUS", "GOV", "metonym"),
        ("Pentagon", "country", "USAMIL", "USA", "MIL", "metonym"),
        ("Akorda", "country", "KAZGOV", "KAZ", "GOV", "metonym"),
        ("Quai d'Orsay", "country", "FRAGOV", "FRA", "GOV", "metonym"),
        ("Quai d\u2019Orsay", "country", "FRAGOV", "FRA", "GOV", "metonym"),
        ("Élysée", "country", "FRAGOV", "FRA", "GOV", "metonym"),
        ("Europe", "region", "EUR", None, None, "name"),
        ("West", "region", "WST", None, None, "name"),
        ("Western", "region", "WST", None, None, "adjective"),
        ("NATO", "org", "NATO", None, "IGO", "name"),
        ("European Union", "org", "EU", None, "IGO", "name"),
        ("CPC", "org", "CPC", None, "BUS", "alias"),
        ("Gazprom", "org", "RUSBUS", "RUS", "BUS", "name"),
        ("RT", "org", "RUSMED", "RUS", "MED", "name"),
        ("Al Jazeera", "org", "QATMED", "QAT", "MED", "name"),
        ("DPR", "group", "UKRREB", "UKR", "REB", "alias"),
        ("Lugansk People's Republic", "group", "UKRREB", "UKR", "REB", "alias"),
        ("Taliban", "group", "AFGREB", "AFG", "REB", "name"),
        ("Hezbollah", "group", "LBNREB", "LBN", "REB", "name"),
        ("Tokayev", "person", "KAZGOV", "KAZ", "GOV", "surname"),
        ("Kassym-Jomart Tokayev", "person", "KAZGOV", "KAZ", "GOV", "name"),
        ("Kasym-Zhomart Tokayev", "person", "KAZGOV", "KAZ", "GOV", "alias"),
        ("Volodin", "person", "RUSLEG", "RUS", "LEG", "surname"),
        ("Simonyan", "person", "RUSMED", "RUS", "MED", "surname"),
        ("Guterres", "person", "UN", None, "IGO", "surname"),
    ],
)
def test_form_lookup(kb, text, kind, code, country, sector, form):
    found = _first(kb, text, kind)
    assert (found.entry.code, found.entry.country, found.entry.sector, found.form) == (
        code, country, sector, form)  # fmt: skip


@pytest.mark.parametrize(
    ("text", "date", "office"),
    [
        ("Medvedev", "2010-01-01", "President"),
        ("Medvedev", "2015-06-01", "Prime Minister"),
        ("Medvedev", "2022-07-01", "Deputy Chairman of the Security Council"),
        ("Trump", "2019-03-01", "President"),
        ("Shoigu", "2020-01-01", "Defence Minister"),
        ("Shoigu", "2024-06-01", "Secretary of the Security Council"),
        ("Tokayev", "2016-01-01", "Chairman of the Senate"),
    ],
)
def test_person_at(kb, text, date, office):
    assert kb.person_at(_first(kb, text, "person").entry, date).office == office


@pytest.mark.parametrize(
    ("text", "date", "start"),
    [("Trump", "2018-01-01", "2017-01-20"), ("Trump", "2023-01-01", "2017-01-20"),
     ("Trump", "2025-06-01", "2025-01-20")],
)  # fmt: skip
def test_person_at_falls_back_to_last_office(kb, text, date, start):
    assert kb.person_at(_first(kb, text, "person").entry, date).start == start


def test_person_at_keeps_entry_without_date_or_person(kb):
    entry = _first(kb, "Putin", "person").entry
    assert kb.person_at(entry, None) is entry
    assert kb.person_at(kb.country("RUS"), "2020-01-01") == kb.country("RUS")


@pytest.mark.parametrize(
    ("lemma", "sector", "person", "head"),
    [("court", "JUD", False, False), ("lawmaker", "LEG", False, False),
     ("troop", "MIL", False, False), ("president", "GOV", True, True),
     ("prime minister", "GOV", True, True), ("spokesman", "GOV", True, False),
     ("journalist", "MED", False, False), ("separatist", "REB", False, False),
     ("protester", "OPP", False, False), ("company", "BUS", False, False)],
)  # fmt: skip
def test_roles(kb, lemma, sector, person, head):
    role = kb.roles[lemma]
    assert (role.sector, role.person, role.head) == (sector, person, head)


@pytest.mark.parametrize(
    ("country", "sector", "code"),
    [("RUS", "GOV", "RUSGOV"), ("KAZ", None, "KAZ"), (None, "IGO", "IGO"), (None, None, "")],
)
def test_code_for(kb, country, sector, code):
    assert kb.code_for(country, sector) == code


def test_country_and_entry(kb):
    assert kb.country("KAZ").wikidata == "Q232"
    assert kb.country("XXX") is None
    assert kb.entry("org:NATO").name == "NATO"
    assert kb.entry("person:dmitry-medvedev").office == "Deputy Chairman of the Security Council"
    with pytest.raises(KeyError):
        kb.entry("org:NOPE")


def test_every_country_is_a_state(kb):
    codes = {c.alpha_3 for c in pycountry.countries} | EXTRA_STATES
    countries = [e for e in kb.entries() if e.kind == "country"]
    assert len(countries) >= 195
    assert [e.code for e in countries if e.code not in codes] == []


@pytest.mark.parametrize(
    ("file", "key"),
    [("countries.tsv", "iso3"), ("regions.tsv", "code"), ("organisations.tsv", "code"),
     ("groups.tsv", "name"), ("roles.tsv", "lemma")],
)  # fmt: skip
def test_no_duplicate_keys(file, key):
    values = [row[key] for _, row in read_table(DATA_DIR / file)]
    assert sorted(v for v in set(values) if values.count(v) > 1) == []


def test_codes_do_not_collide():
    iso = {row["iso3"] for _, row in read_table(DATA_DIR / "countries.tsv")}
    regions = {row["code"] for _, row in read_table(DATA_DIR / "regions.tsv")}
    orgs = {row["code"] for _, row in read_table(DATA_DIR / "organisations.tsv")
            if not row["country"]}  # fmt: skip
    assert iso & regions == set() and iso & orgs == set() and regions & orgs == set()


def test_data_is_sound(kb):
    people = [e for e in kb.entries() if e.kind == "person"]
    assert len(people) >= 300
    assert all(e.sector in SECTORS for e in kb.entries() if e.sector)
    assert all(not e.start or not e.end or e.start <= e.end for e in people)
    particles = ("al-", "al ", "el-", "von ", "bin ", "pro-")
    lower = [t for t in kb.forms if t[0].islower() and not t.startswith(particles)]
    assert lower == []
    assert len(kb.roles) >= 120


def test_surnames_skip_place_names(kb):
    assert all(f.form != "surname" for f in kb.forms.get("Georgia", []))
    assert all(f.form != "surname" for f in kb.forms.get("May", []))


def test_load_is_cached():
    assert KnowledgeBase.load() is KnowledgeBase.load()


USER_CSV = (
    "kind,name,aliases,code,country,sector,office,start,end,wikidata\n"
    "person,Aigerim Sultanbekova,Sultanbekova|A. Sultanbekova,,KAZ,LEG,Mazhilis deputy,"
    "2023-03-29,,\n"
    "group,Steppe Front,SF,KAZREB,KAZ,REB,,,,\n"
)
USER_YAML = """\
- name: Aigerim Sultanbekova
  aliases: [Sultanbekova, A. Sultanbekova]
  country: KAZ
  sector: LEG
  office: Mazhilis deputy
  start: 2023-03-29
- kind: group
  name: Steppe Front
  aliases: SF
  code: KAZREB
  country: KAZ
  sector: REB
"""


@pytest.mark.parametrize(("name", "content"), [("extra.csv", USER_CSV), ("extra.yaml", USER_YAML)])
def test_user_file_adds_actors(tmp_path: Path, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    kb = KnowledgeBase.load([path])
    person = _first(kb, "Sultanbekova", "person").entry
    assert (person.code, person.office, person.start) == ("KAZLEG", "Mazhilis deputy", "2023-03-29")
    assert _first(kb, "SF", "group").entry.code == "KAZREB"
    assert "Sultanbekova" not in KnowledgeBase.load().forms


@pytest.mark.parametrize(
    ("name", "content", "where"),
    [
        ("bad.csv", "name,country,sector\nAlma Bek,KAZ,GOV\nBota Bek,KAZ,KING\n", "bad.csv:3:"),
        ("bad.csv", "name,country\nAlma Bek,XYZ\n", "bad.csv:2:"),
        ("bad.tsv", "name\tstart\n# comment\nAlma Bek\t2020-13\n", "bad.tsv:3:"),
        ("bad.csv", "name,colour\nAlma Bek,red\n", "bad.csv:1:"),
        ("bad.csv", "kind,name\nplanet,Mars\n", "bad.csv:2:"),
        ("bad.yaml", "- name: Alma Bek\n  country: KAZ\n- name: Bota Bek\n  sector: KING\n",
         "bad.yaml:3:"),
        ("bad.yaml", "- name: Alma Bek\n  hobby: chess\n", "bad.yaml:1:"),
        ("bad.txt", "name\nAlma Bek\n", "bad.txt"),
    ],
)  # fmt: skip
def test_bad_user_file_names_the_line(tmp_path: Path, name, content, where):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataError, match=where.replace(".", r"\.")):
        KnowledgeBase.load([path])
