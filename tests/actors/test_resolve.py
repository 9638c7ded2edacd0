"""Finding actor mentions and reading the actor a noun phrase names (actors/resolve.py)."""

from __future__ import annotations

import pytest

from dyadwatch.actors.kb import ActorEntry, Form
from dyadwatch.actors.mention import UNKNOWN_CODE
from dyadwatch.actors.resolve import _choose_form, _is_locative


def mentions(analyse, text: str, date: str = "2023-05-01") -> list[tuple[str, str, str]]:
    return [(m.text, m.code, m.form) for m in analyse(text, date).actors.mentions]


# -- ActorFinder: the mentions the knowledge base's forms give ----------------------------


def test_names_adjectives_and_capitals_are_found(analyse):
    found = mentions(analyse, "Kazakhstan, Astana and Kazakh officials agreed.")
    assert [m for m in found if m[2] != "role"] == [
        ("Kazakhstan", "KAZ", "name"),
        ("Astana", "KAZGOV", "capital"),  # a capital acting is the government
        ("Kazakh", "KAZ", "adjective"),
    ]


def test_a_capital_after_a_locative_preposition_is_a_place_not_a_government(analyse):
    assert mentions(analyse, "Protesters gathered near Moscow on Friday.") == []
    assert mentions(analyse, "Moscow warned the protesters.") == [("Moscow", "RUSGOV", "capital")]


def test_a_region_word_opening_a_place_name_is_no_actor(analyse):
    assert mentions(analyse, "The West condemned the vote. Troops entered West Darfur.") == [
        ("West", "WST", "name")
    ]


def test_a_person_takes_the_office_held_on_the_documents_date(analyse):
    text = "Tokayev visited the capital."
    assert mentions(analyse, text, "2016-01-10")[0][1] == "KAZLEG"
    assert mentions(analyse, text, "2021-01-10")[0][1] == "KAZGOV"


# -- _choose_form: one text, several entries ------------------------------------------------


def entry(kind: str, code: str) -> ActorEntry:
    return ActorEntry(key=f"{kind}:{code}", kind=kind, code=code, country=code[:3], sector=None,
                      name=code)  # fmt: skip


def test_a_country_is_chosen_before_a_person_of_the_same_name():
    forms = [Form("Jordan", entry("person", "USAGOV"), "surname"),
             Form("Jordan", entry("country", "JOR"), "name")]  # fmt: skip
    assert _choose_form(forms, None, None).entry.code == "JOR"


def test_a_city_that_names_an_organisation_is_the_organisation():
    forms = [Form("Brussels", entry("country", "BEL"), "capital"),
             Form("Brussels", entry("org", "EU"), "alias")]  # fmt: skip
    assert _choose_form(forms, None, None).entry.code == "EU"


def test_a_capital_alone_is_the_countrys():
    forms = [Form("Lima", entry("country", "PER"), "capital")]
    assert _choose_form(forms, None, None).form == "capital"


def test_a_naming_form_is_chosen_before_an_adjective_of_the_same_kind():
    forms = [Form("Ruritanian", entry("country", "RUR"), "adjective"),
             Form("Ruritanian", entry("country", "RUX"), "demonym")]  # fmt: skip
    assert _choose_form(forms, None, None).entry.code == "RUX"


def test_no_forms_no_choice():
    assert _choose_form([], None, None) is None


# -- _is_locative -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "word", "locative"),
    [
        ("Talks were held in Lima.", "Lima", True),
        ("Troops massed near Lima.", "Lima", True),
        ("Lima rejected the offer.", "Lima", False),
        ("Chile sent a note to Lima.", "Lima", False),  # an addressee, not a place
    ],
)
def test_is_locative(analyse, text, word, locative):
    doc = analyse(text).doc
    tok = next(t for t in doc if t.text == word)
    assert _is_locative(doc[tok.i : tok.i + 1]) is locative


# -- national bodies ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "head", "code"),
    [
        # a body many states have belongs to the state its modifier names
        ("The Armenian Security Council met.", "Council", "ARMGOV"),
        ("Pakistan's National Security Committee met.", "Committee", "PAKGOV"),
        ("Pakistan said its National Security Committee would meet.", "Committee", "PAKGOV"),
        # 'National ...' is never the UN body: the state named in the sentence
        ("The National Security Council met in Ghana.", "Council", "GHAGOV"),
    ],
)
def test_a_national_body_belongs_to_its_state(analyse, text, head, code):
    assert analyse(text).actor(head).code == code


def test_a_body_without_a_state_keeps_the_knowledge_base_entry(analyse):
    assert analyse("The Security Council met in New York.").actor("Council").code == "UNSC"


def test_a_body_the_knowledge_base_files_under_the_same_state_stays(analyse):
    found = analyse("The Kazakh National Security Committee met.").actor("Committee")
    assert (found.code, found.form) == ("KAZGOV", "name")


@pytest.mark.parametrize(
    ("text", "code", "direct"),
    [
        # no state named anywhere: a state's body, which state unknown; never the UN's
        ("The National Security Council met.", UNKNOWN_CODE, False),
        # none in its sentence: the state the story names most, as a guess
        ("Ghana protested. The National Security Council met.", "GHAGOV", False),
        # two states named as often: no one state to take
        ("Ghana and Togo talked. The National Security Council met.", UNKNOWN_CODE, False),
    ],
)
def test_a_national_body_with_no_state_in_its_sentence(analyse, text, code, direct):
    found = analyse(text).actor("Council")
    assert (found.code, found.direct) == (code, direct)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a name many states use, filed under Kazakhstan: the state where it met
        ("The National Security Committee met in Nairobi on Monday.", "KENGOV"),
        # in a story about the knowledge base's state it stays that state's
        (("Kazakhstan detained two Russian citizens. The National Security Committee said "
          "the men were spies working for Russia."), "KAZGOV"),
        # a name of its own ("KNB") is one state's wherever it acts
        ("The KNB met in Nairobi.", "KAZGOV"),
    ],
)  # fmt: skip
def test_a_shared_body_name_takes_the_state_of_its_story(analyse, text, code):
    found = analyse(text)
    head = "KNB" if "KNB" in text else "Committee"
    assert found.actor(head).code == code


def test_a_group_of_its_own_keeps_its_state_whatever_modifies_it(analyse):
    found = analyse("The pro-Iranian Hezbollah group declared a ceasefire.").actor("group")
    assert found.code == "LBNREB"


def test_the_documents_mentions_hold_the_settled_body(analyse):
    found = analyse("Kenya and Uganda traded accusations. The National Security Committee "
                    "meeting in Kampala ended late.")  # fmt: skip
    codes = [m.code for m in found.actors.mentions if "Committee" in m.text]
    assert codes == ["UGAGOV"]
    assert found.actor("meeting").code == "UGAGOV"


# -- other readings of a noun phrase ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "head", "code"),
    [
        ("Bosnian Serbs protested.", "Serbs", "BIH"),  # a people living in another state
        ("Ethnic Albanians in Serbia protested.", "Albanians", "SRBCVL"),
        ("Thousands of Armenians marched.", "Thousands", "ARM"),  # through a quantifier
        ("The Russians protested.", "Russians", "RUS"),
    ],
)
def test_peoples_and_quantities_of_people(analyse, text, head, code):
    assert analyse(text).actor(head).code == code


def test_a_people_in_its_own_state_is_that_state(analyse):
    assert analyse("Serbs protested in Belgrade.").actor("Serbs").code == "SRB"


@pytest.mark.parametrize(
    ("text", "word", "code"),
    [
        ("Turkey said that it would retaliate.", "it", "TUR"),
        ("The Kazakh president arrived. He spoke.", "He", "KAZGOV"),
        ("The Chilean minister said that we must act.", "we", "CHL"),
    ],
)
def test_pronouns_point_to_the_speaker_or_an_earlier_actor(analyse, text, word, code):
    assert analyse(text).actor(word).code == code


def test_a_subject_pronoun_continues_the_subject_chain_not_the_nearest_person(analyse):
    found = analyse("The speech that Kenyan President William Ruto gave drew notice. Seated "
                    "beside Yoweri Museveni at the summit, he said Kenya would not recognise "
                    "the region. He also rebuked Somalia.")  # fmt: skip
    assert found.actor("he").code == "KENGOV"
    assert found.actor("He").code == "KENGOV"


def test_a_subject_it_continues_its_sentences_subject_not_the_nearest_state(analyse):
    found = analyse("Chile began the operation at dawn, firing missiles into Peru in what it "
                    "called a defensive action.")  # fmt: skip
    assert found.actor("it").code == "CHL"
    # across sentences the nearest state named still stands
    assert analyse("Chile fired missiles into Peru. It said ...").actor("It").code == "PER"


def test_a_subject_pronoun_is_not_a_person_of_the_state_its_verb_acts_on(analyse):
    found = analyse("Kenyan President William Ruto spoke at the summit with Ugandan President "
                    "Yoweri Museveni. In May, he accused Kenya of cunning.")  # fmt: skip
    assert found.actor("he").code == "UGAGOV"


def test_a_news_agency_reporting_is_not_what_its_pronoun_points_to(analyse):
    found = analyse("Kenya has convened a meeting of its cabinet, Reuters reported.")
    assert found.actor("its").code == "KEN"


def test_a_possessor_named_by_a_phrase_owns_the_role(analyse):
    found = analyse("Ghana expelled the Nigerian High Commission's military advisers.")
    assert found.actor("advisers").code == "NGAGOV"


def test_a_pronoun_with_nothing_before_it_is_no_actor(analyse):
    assert analyse("It rained and he left.").actor("he") is None


def test_owner_finds_an_actor_inside_a_phrase(analyse):
    found = analyse("Russia's request for talks was rejected.")
    assert found.actors.owner(found.token("request")).code == "RUS"
    assert found.actors.owner(found.token("talks")) is None


def test_owner_is_not_the_agent_of_a_participle_or_a_guessed_sector(analyse):
    # a broker is no party to the deal; "military" alone says no state
    found = analyse("Chile and Peru signed a Brazil-brokered deal.")
    assert found.actors.owner(found.token("deal")) is None
    found = analyse("The envoy visited Lima, offering military support.")
    assert found.actors.owner(found.token("support")) is None


def test_a_group_named_by_creed_has_no_country(analyse):
    found = analyse("Islamic fundamentalists attacked the village.").actor("fundamentalists")
    assert (found.code, found.kind) == (UNKNOWN_CODE, "group")


def test_a_common_noun_is_no_actor(analyse):
    assert analyse("The storm damaged the village.").actor("storm") is None
