"""Actors named by what they are: role nouns, titled people the knowledge base lacks, and
people or bodies marked by a country (actors/people.py)."""

from __future__ import annotations

import pytest

from dyadwatch.actors.mention import UNKNOWN_CODE
from dyadwatch.model import Document


def code_of(analyse, text: str, head: str, nth: int = 0) -> str | None:
    found = analyse(text).actor(head, nth)
    return found.code if found else None


# -- role nouns -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "head", "code"),
    [
        ("A Russian court fined the firm.", "court", "RUSJUD"),
        ("Kazakh lawmakers voted against the bill.", "lawmakers", "KAZLEG"),
        ("Kazakh troops arrived at dawn.", "troops", "KAZMIL"),
        # a two-word role ("foreign minister") and the country beside it
        ("The Russian foreign minister spoke.", "minister", "RUSGOV"),
        # the country in a prepositional phrase or the place named there
        ("Soldiers from Chad patrolled the area.", "Soldiers", "TCDMIL"),
        ("Police in Tbilisi detained two men.", "Police", "GEOGOV"),
        # a chief, named by what he heads
        ("Nairobi's security chief spoke.", "chief", "KENGOV"),
        ("The Ghanaian army chief spoke.", "chief", "GHAMIL"),
        # border and customs services, coast guards
        ("Tajikistan's border service reported shooting.", "service", "TJKMIL"),
        ("Ukraine's State Border Guard Service reported shooting.", "Service", "UKRMIL"),
        ("Lithuania's customs service stopped the cargo.", "service", "LTUGOV"),
        ("The Japanese coast guard tracked the ships.", "guard", "JPNMIL"),
        # fighter jets are the military's, not rebel fighters
        ("Turkish fighter jets flew over the islands.", "jets", "TURMIL"),
        ("Niger's military rulers expelled the envoy.", "rulers", "NERGOV"),
    ],
)
def test_a_role_noun_takes_the_country_that_marks_it(analyse, text, head, code):
    assert code_of(analyse, text, head) == code


def test_a_role_inside_an_organisation_is_the_organisation(analyse):
    found = analyse("EU officials arrived in Minsk.").actor("officials")
    assert (found.code, found.kind, found.text) == ("EU", "org", "EU officials")


@pytest.mark.parametrize(
    ("text", "head", "code"),
    [
        ("The Transnistria president appealed to Moscow.", "president", "MDAREB"),
        ("Hamas fighters crossed the fence.", "fighters", "PSEREB"),
    ],
)
def test_a_role_inside_a_group_is_the_group(analyse, text, head, code):
    assert code_of(analyse, text, head) == code


def test_a_place_named_by_a_role_word_is_no_role(analyse):
    # "Bank" in "the West Bank" names a place, not a bank
    assert code_of(analyse, "Troops raided homes in the West Bank.", "Bank") is None


def test_a_role_of_an_organisation_is_the_organisation(analyse):
    found = analyse("Leaders of the Group of Seven condemned the attack.").actor("Leaders")
    assert found.code == "G7"


def test_a_named_body_a_state_owns_is_that_states(analyse):
    assert code_of(analyse, "Peru's Joint Chiefs of Staff spoke.", "Chiefs") == "PERGOV"


def test_a_bare_role_with_no_country_anywhere_is_no_actor(analyse):
    assert code_of(analyse, "The lawmakers voted against the bill.", "lawmakers") is None


def test_a_role_word_the_knowledge_base_lacks_is_no_role(analyse):
    assert code_of(analyse, "The red hikers were rescued.", "hikers") is None


def test_a_body_of_people_takes_the_sentences_place_as_a_guess(analyse):
    found = analyse("Protesters gathered in Moscow.").actor("Protesters")
    assert (found.country, found.direct) == ("RUS", False)


def test_a_body_of_people_takes_its_own_clauses_place_first(analyse):
    text = "Riyadh cut ties with Tehran after protesters stormed Saudi missions in Iran."
    assert analyse(text).actor("protesters").country == "IRN"


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # migrants come from elsewhere: the place or state around them is not theirs
        ("Poland closed its border after migrants gathered in Belarus.", None),
        ("Polish guards pushed migrants back into Belarus.", None),
        ("Poland closed its border after Syrian migrants gathered in Belarus.", "SYR"),
    ],
)
def test_migrants_take_only_a_stated_country(analyse, text, country):
    found = analyse(text).actor("migrants")
    assert (found.country if found is not None else None) == country


def test_refugees_named_again_keep_their_stated_country(coder):
    text = (
        "Syrian refugees crossed into Turkey on Monday. The refugees clashed with Turkish police."
    )
    events = coder.code(Document(id="t", text=text, date="2024-05-10"))
    assert ("SYR", "TUR") in {(e.actor.country, e.recipient.country) for e in events}


def test_a_country_inside_a_places_name_is_no_actor(analyse):
    found = analyse("Two boats collided in the South China Sea on Monday.")
    assert found.actor("Sea") is None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # the body last named by the same noun, not a country named nearer
        (
            (
                "The Chilean Defence Ministry spoke. Later the ministry said troops from Peru had "
                "crossed near Tacna."
            ),
            "CHL",
        ),
        (
            (
                "The Peruvian Foreign Ministry spoke. Bolivia then met Chile, and the ministry "
                "called it a provocation."
            ),
            "PER",
        ),
        # with no such body named before, the sentence still places it, as a guess
        ("Troops crossed near Tacna, the ministry said.", "PER"),
        # else the state the sentence before is about, its subject, not the latest state named
        (
            (
                "Lima recalls Chilean envoy over border clash\n\nThe ministry says it may recall "
                "its own ambassador."
            ),
            "PER",
        ),
    ],
)
def test_a_bare_definite_body_is_the_one_last_named(analyse, text, code):
    found = analyse(text).actor("ministry")
    assert (found.country, found.direct) == (code, False)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a possessive, pronoun or name, names the owner before the "from" phrase
        ("Chile recalled its ambassador from Peru.", "CHLGOV"),
        ("Chile's ambassador from Peru returned.", "CHLGOV"),
        # a possessive pointing to no state leaves the "from" phrase to say it
        ("She met its ambassador from Peru.", "PERGOV"),
        ("The ambassador from Peru returned.", "PERGOV"),
    ],
)
def test_a_possessive_names_the_roles_owner_before_a_from_phrase(analyse, text, code):
    assert code_of(analyse, text, "ambassador") == code


# -- person roles resolved up front -------------------------------------------------------


def test_a_person_role_is_a_mention_a_later_pronoun_points_to(analyse):
    found = analyse("The Kazakh president arrived in Paris. He met the mayor.")
    roles = [(m.text, m.code, m.person) for m in found.actors.mentions if m.form == "role"]
    assert roles == [("president", "KAZGOV", True)]
    assert found.actor("He").code == "KAZGOV"


def test_a_group_role_is_a_mention_too(analyse):
    found = analyse("Kazakh troops arrived at dawn.")
    roles = [(m.text, m.code, m.person) for m in found.actors.mentions if m.form == "role"]
    assert roles == [("troops", "KAZMIL", False)]


def test_a_capitalised_body_is_a_mention_but_a_title_before_a_name_is_not(analyse):
    found = analyse("The Kazakh Defense Ministry met. President Tokayev spoke.")
    roles = [(m.text, m.code) for m in found.actors.mentions if m.form == "role"]
    assert roles == [("Ministry", "KAZMIL")]


def test_a_role_with_no_country_is_not_added_up_front(analyse):
    assert analyse("The troops arrived at dawn.").actors.mentions == []


def test_a_bare_person_role_points_back_to_the_named_holder(analyse):
    found = analyse("President Tokayev spoke. The president later left.").actor("president")
    assert (found.code, found.person, found.direct) == ("KAZGOV", True, False)


def test_they_points_back_to_a_group_role_as_a_guess(analyse):
    found = analyse("Kazakh troops arrived. They stayed.").actor("They")
    assert (found.code, found.direct) == ("KAZMIL", False)


def test_they_continues_a_pair_that_was_the_last_subject(analyse):
    text = ("Chile and Peru met in Lima on Monday. Chile and Peru set terms. An envoy of Brazil "
            "attended. The two governments agreed to talk again. They said a commission would "
            "meet.")  # fmt: skip
    found = analyse(text)
    they = found.actor("They")
    partner = found.actors.pair_partner(they)
    assert (they.form, {they.country, partner.country}) == ("pair", {"CHL", "PER"})


def test_the_two_are_the_pair_named_last(analyse):
    # three states named as often: no story pair, but "Chile and Peru" just before
    found = analyse("Brazil hosted the summit. Chile and Peru met there with Brazil. "
                    "The two states agreed to talk again.")  # fmt: skip
    pair = found.actor("states")
    assert (pair.form, {pair.country, found.actors.pair_partner(pair).country}) == (
        "pair", {"CHL", "PER"}
    )  # fmt: skip


def test_the_two_are_no_one_when_the_text_names_no_pair(analyse):
    found = analyse("Brazil hosted the summit on Monday. The two governments agreed to talk.")
    assert found.actor("governments") is None


def test_it_never_points_back_to_a_plural_role(analyse):
    assert code_of(analyse, "Kazakh troops arrived. It rained.", "It") is None


# -- people and bodies marked by a country ------------------------------------------------


def test_a_noun_marked_by_a_country_adjective_is_that_country(analyse):
    found = analyse("Swiss hikers were rescued.").actor("hikers")
    assert (found.code, found.sector, found.form, found.text) == (
        "CHE", None, "modified", "Swiss hikers"
    )  # fmt: skip


def test_a_thing_marked_by_a_country_is_that_country(analyse):
    assert code_of(analyse, "Kazakh oil exports rose.", "exports") == "KAZ"


def test_a_crowd_from_a_country_is_its_people(analyse):
    assert code_of(analyse, "Crowds from Georgia gathered.", "Crowds") == "GEOCVL"


# -- people the knowledge base does not know ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "head", "code"),
    [
        ("Romanian Foreign Minister Ilie Varga spoke.", "Varga", "ROUGOV"),
        ("Minister Pavel Dron of Moldova resigned.", "Dron", "MDAGOV"),
        # a title inside an organisation: the organisation, country open
        ("UN envoy Maria Olsen visited the camp.", "Olsen", "UN"),
    ],
)
def test_a_titled_person_takes_sector_and_country_from_the_title(analyse, text, head, code):
    found = analyse(text).actor(head)
    assert (found.code, found.kind, found.person, found.direct) == (code, "person", True, True)


def test_a_titled_person_with_no_country_is_placed_by_the_sentence_as_a_guess(analyse):
    found = analyse("President Mokono shortened the curfew imposed in Sudan.").actor("Mokono")
    assert (found.code, found.direct) == ("SDNGOV", False)


def test_an_apposition_naming_the_persons_office_gives_the_persons_state(analyse):
    text = ("India protested. General Romeo Santos, the head of the Philippine military, "
            "denied the report.")  # fmt: skip
    found = analyse(text).actor("Santos")
    assert (found.code, found.direct) == ("PHLMIL", True)


def test_an_apposition_naming_the_office_wins_over_a_title_placed_by_the_sentence(analyse):
    text = "General Samuel Mwangi, the head of the Kenyan army, said they came from Somalia."
    found = analyse(text).actor("Mwangi")
    assert (found.code, found.direct) == ("KENMIL", True)


def test_an_apposition_naming_another_person_gives_no_state(analyse):
    found = analyse("Amos Wekesa, a friend of the Ugandan minister, denied it.").actor("Wekesa")
    assert found.code == UNKNOWN_CODE


def test_a_name_without_a_title_has_no_country(analyse):
    found = analyse("Ilie Varga spoke.").actor("Varga")
    assert (found.code, found.country) == (UNKNOWN_CODE, None)


def test_a_surname_repeats_the_titled_person_named_before(analyse):
    # both "Mensah" are tagged PERSON by the parser
    text = "Ghanaian Foreign Minister John Mensah arrived. Later, Mensah met the envoy."
    assert code_of(analyse, text, "Mensah", 1) == "GHAGOV"


def test_a_titled_person_is_a_mention_a_later_pronoun_points_to(analyse):
    found = analyse("Ghanaian Foreign Minister John Mensah arrived. He met the envoy.")
    assert [(m.name, m.code) for m in found.actors.mentions if m.kind == "person"] == [
        ("Mensah", "GHAGOV")
    ]
    assert found.actor("He").code == "GHAGOV"


def test_a_surname_without_a_titled_person_before_has_no_country(analyse):
    text = "John Mensah arrived. Later, Mensah met the envoy."
    assert code_of(analyse, text, "Mensah", 1) == UNKNOWN_CODE


@pytest.mark.parametrize(("date", "code"), [("2025-10-19", "AFGGOV"), ("2010-05-01", "AFGREB")])
def test_a_group_that_came_to_govern_is_the_government_from_then_on(analyse, date, code):
    assert analyse("The Taliban closed the road.", date).actor("Taliban").code == code
