from __future__ import annotations

from pathlib import Path

import pytest

from dyadwatch.attributes.places import DocumentPlaces, Gazetteer, default_gazetteer, name_key
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
    ],
)
def test_lookup(gazetteer, name, canonical, country):
    place = gazetteer.lookup(name)
    assert place is not None
    assert (place.text, place.name, place.country) == (name, canonical, country)


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
        ("Somewhere\tSomewhere\tRUS\t\t1\t30\tvillage\n", "bad kind"),
        ("Somewhere\tSomewhere\n", "expected 7"),
    ],
)
def test_bad_places_file(tmp_path: Path, row, message):
    path = tmp_path / "places.tsv"
    path.write_text("# header\n" + row, encoding="utf-8")
    with pytest.raises(DataError, match=rf"places\.tsv, line 2: {message}"):
        Gazetteer(path, min_population=15000)
