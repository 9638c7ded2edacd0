from __future__ import annotations

import re
from pathlib import Path

import pytest

from dyadwatch.attributes import gazetteer as gaz
from dyadwatch.attributes.places import DocumentPlaces, Gazetteer, default_gazetteer, name_key
from dyadwatch.diskcache import CACHE_ENV
from dyadwatch.errors import DataError


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return default_gazetteer()


@pytest.mark.parametrize(
    ("name", "canonical", "country"),
    [
        ("St. Petersburg", "Saint Petersburg", "RUS"),
        ("St Petersburg", "Saint Petersburg", "RUS"),
        ("Saint Petersburg", "Saint Petersburg", "RUS"),
        ("Moscow", "Moscow", "RUS"),
        ("Novorossiysk", "Novorossiysk", "RUS"),
        ("Aktau", "Aktau", "KAZ"),
        ("Donbass", "Donbas", "UKR"),
        ("Tengiz", "Tengiz field", "KAZ"),
        ("Kazakhstan", "Kazakhstan", "KAZ"),
        ("the United States", "United States", "USA"),
        ("Georgia", "Georgia", "GEO"),
        ("Kiev", "Kyiv", "UKR"),
        ("Nagorno-Karabakh", "Nagorno-Karabakh", "AZE"),
        # a US state yields to a US city of its name, and beats a small namesake abroad
        ("New York", "New York City", "USA"),
        ("Florida", "Florida", "USA"),
        ("Alaska", "Alaska", "USA"),
    ],
)
def test_lookup(gazetteer, name, canonical, country):
    place = gazetteer.lookup(name)
    assert place is not None
    assert (place.text, place.name, place.country) == (name, canonical, country)


@pytest.mark.parametrize(
    ("name", "countries", "canonical", "country"),
    [
        ("Salisbury", (), "Harare", "ZWE"),  # Harare's old name, and the larger place
        ("Salisbury", ("GBR",), "Salisbury", "GBR"),
        ("Salisbury", ("RUS", "GBR"), "Salisbury", "GBR"),
        ("Goris", ("ARM", "AZE"), "Goris", "ARM"),
        ("Shusha", ("ARM", "AZE"), "Shusha", "AZE"),
        # a far larger namesake abroad keeps its name
        ("Paris", ("USA", "RUS"), "Paris", "FRA"),
        # a city called so by its main name outweighs a larger one that has it as an old name,
        # even when the other's country is in the story too
        ("Islamabad", ("PAK", "IND", "BGD"), "Islamabad", "PAK"),
        ("Bombay", ("IND",), "Mumbai", "IND"),
        # context never turns a country into a town
        ("Georgia", ("USA",), "Georgia", "GEO"),
        ("Kazakhstan", ("RUS",), "Kazakhstan", "KAZ"),
    ],
)
def test_lookup_in_context(gazetteer, name, countries, canonical, country):
    place = gazetteer.lookup(name, countries)
    assert (place.name, place.country) == (canonical, country)


@pytest.mark.parametrize(
    ("name", "country"), [("Britain", "GBR"), ("Kazakhstan", "KAZ"), ("Moscow", None)]
)
def test_country_named(gazetteer, name, country):
    assert gazetteer.country_named(name) == country


@pytest.mark.parametrize("name", ["North", "South", "West"])
def test_a_plain_word_among_a_citys_aliases_names_no_place(gazetteer, name):
    # a city's list of alternate names may hold "North"; "the North" is no city in Utah
    assert gazetteer.lookup(name) is None


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Britain blamed Moscow for the poisoning in Salisbury.", ["GBR", "RUS", "GBR"]),
        ("Officials in Armenia said shelling near Goris wounded two soldiers.", ["ARM", "ARM"]),
    ],
)
def test_document_countries_settle_names(nlp, gazetteer, text, places):
    found = DocumentPlaces(nlp(text), gazetteer).mentions
    assert [m.place.country for m in found] == places


def test_caller_countries_settle_names(nlp, gazetteer):
    doc = nlp("Police sealed off a park in Salisbury.")
    assert DocumentPlaces(doc, gazetteer).mentions[0].place.country == "ZWE"
    assert DocumentPlaces(doc, gazetteer, ["GBR"]).mentions[0].place.country == "GBR"


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Missiles struck three sites in Pakistan-administered Kashmir.", "PAK"),
        ("Shells fell on villages in Indian-controlled Kashmir.", "IND"),
        ("Shells fell on villages in Kashmir.", "IND"),  # the gazetteer's own reading
    ],
)
def test_a_hyphened_holder_says_which_state_holds_the_place(analyse, text, country):
    kashmir = next(m for m in analyse(text).places.mentions if m.place.name == "Kashmir")
    assert kashmir.place.country == country


TINY_INDEX = {
    "rows": [("Alpha", "KAZ", None, 1.0, 2.0, 1), ("Alpha", "RUS", None, 3.0, 4.0, 2)],
    "index": {"alpha": (0, gaz.CITY, 500, 1, 1, gaz.CITY, 100, 1)},
    "countries": [],
    "own_names": ["Alpha"],
}


def test_index_is_built_once_and_cached(tmp_path, monkeypatch):
    built = []
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    monkeypatch.setattr(gaz, "build_index", lambda *a: built.append(a) or TINY_INDEX)
    places = tmp_path / "places.tsv"
    places.write_text("# none\n", encoding="utf-8")
    first = Gazetteer(places)
    second = Gazetteer(places)
    assert len(built) == 1 and len(list((tmp_path / "cache").iterdir())) == 1
    assert first.lookup("Alpha") == second.lookup("Alpha")
    assert second.lookup("alpha", ["RUS"]).country == "RUS"
    assert second.own_names == {"Alpha"}
    places.write_text("# changed\n", encoding="utf-8")  # another file: another key
    Gazetteer(places)
    assert len(built) == 2


def test_unwritable_cache_folder_still_works(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv(CACHE_ENV, str(blocked / "cache"))
    monkeypatch.setattr(gaz, "build_index", lambda *a: TINY_INDEX)
    places = tmp_path / "places.tsv"
    places.write_text("", encoding="utf-8")
    assert Gazetteer(places).lookup("Alpha").country == "KAZ"


@pytest.mark.parametrize("name", ["Nowhereville Upon Sea", "", "the"])
def test_lookup_unknown(gazetteer, name):
    assert gazetteer.lookup(name) is None


def test_country_takes_capital_coordinates(gazetteer):
    place = gazetteer.lookup("Kazakhstan")
    capital = gazetteer.lookup("Astana")
    assert (place.lat, place.lon) == pytest.approx((capital.lat, capital.lon), abs=0.1)


@pytest.mark.parametrize(
    ("name", "key"),
    [("St. Petersburg", "saint petersburg"), ("The  Hague", "hague"), ("Kyiv", "kyiv")],
)
def test_name_key(name, key):
    assert name_key(name) == key


@pytest.mark.parametrize(
    ("text", "trigger", "place"),
    [
        ("Astana protested the suspension of shipments from the terminal in Novorossiysk.",
         "suspension", ("Novorossiysk", "RUS")),
        ("The president spoke at a business forum in St. Petersburg on Friday.", "spoke",
         ("Saint Petersburg", "RUS")),
        ("Artillery struck a depot near Kharkiv overnight.", "struck", ("Kharkiv", "UKR")),
        ("Fighting flared again in the Donbas.", "flared", ("Donbas", "UKR")),
        ("Delegates met in Geneva while troops massed on the border.", "met",
         ("Geneva", "CHE")),
        ("Delegates met in Geneva while troops massed on the border.", "massed", None),
        ("Kazakhstan rejected the accusations.", "rejected", None),
        ("Moscow imposed sanctions on Lithuania.", "imposed", None),
        ("Police detained dozens of activists in Almaty and Shymkent.", "detained",
         ("Almaty", "KAZ")),
    ],
)  # fmt: skip
def test_event_place(nlp, token_of, gazetteer, text, trigger, place):
    doc = nlp(text)
    found = DocumentPlaces(doc, gazetteer).for_token(token_of(doc, trigger))
    assert (found.name, found.country) == place if place else found is None


def test_mentions_keep_offsets(nlp, gazetteer):
    doc = nlp("Talks in Baku and Yerevan went nowhere, officials in Crimea said.")
    mentions = DocumentPlaces(doc, gazetteer).mentions
    assert [doc.text[m.start_char : m.end_char] for m in mentions] == ["Baku", "Yerevan", "Crimea"]
    assert [m.place.country for m in mentions] == ["AZE", "ARM", "UKR"]


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("Somewhere\tSomewhere\tRUS\t\tnorth\t30\tcity\n", "bad coordinates"),
        ("Somewhere\tSomewhere\tRUS\t\t1\t30\tvillage\n", "kind 'village'"),
        ("Somewhere\tSomewhere\n", "bad name 'Somewhere', kind ''"),
        ("Somewhere\tSomewhere\tRUS\t\t1\t30\tcity\textra\n", "8 cells for 7 columns"),
    ],
)
def test_bad_places_file(tmp_path: Path, row, message):
    path = tmp_path / "places.tsv"
    header = "name\tcanonical\tcountry\tadmin1\tlat\tlon\tkind\n"
    path.write_text(header + row, encoding="utf-8")
    with pytest.raises(DataError, match=rf"places\.tsv:2: .*{re.escape(message)}"):
        Gazetteer(path, min_population=15000)
