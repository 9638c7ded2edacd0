"""The story's two states supply the recipient an act across borders leaves unnamed."""

from __future__ import annotations

import pytest

from dyadwatch.events.context import counterpart, home_ground, story_states
from dyadwatch.model import Document

STORY = (
    "Peru says two of its soldiers were killed on the border with Bolivia. "
    "The Peruvian ministry said Bolivian troops opened fire on a patrol. "
    "Bolivia denied the claim and said Peru had provoked the clash. "
    "Bolivian forces later shelled the hills."
)


def _coded(coder, text):
    return coder.code(Document(id="story", text=text, date="2024-03-05"))


@pytest.mark.parametrize(("trigger", "actor", "recipient"), [("shelled", "BOL", "PER")])
def test_an_act_across_borders_is_aimed_at_the_other_state_of_the_story(
    coder, trigger, actor, recipient
):
    found = [e for e in _coded(coder, STORY) if e.event_text == trigger]
    assert [(e.actor.country, e.recipient.country if e.recipient else None) for e in found] == [
        (actor, recipient)
    ]


def test_no_counterpart_when_a_third_state_is_named_as_often(coder):
    text = STORY + " Chile and Chile's navy and Chile's army and Chilean police watched."
    found = [e for e in _coded(coder, text) if e.event_text == "shelled"]
    assert [e.recipient for e in found] == [None]


def test_an_agentless_measure_against_one_state_of_the_story_is_the_others(coder):
    found = [e for e in _coded(coder, STORY + " All trade with Bolivia was halted.")
             if e.event == "SANCTION"]  # fmt: skip
    assert [(e.event, e.actor.country, e.recipient.country) for e in found] == [
        ("SANCTION", "PER", "BOL")
    ]


# -- the rules one by one, on the coder's own readers ---------------------------------------

TWO_STATES = ("Chile accused Peru of moving troops. Peru denied it. "
              "Chilean officials said Peru must stop.")  # fmt: skip


def test_story_states_are_the_two_most_named(analyse):
    assert set(story_states(analyse(TWO_STATES).roles)) == {"CHL", "PER"}


@pytest.mark.parametrize(
    "text",
    [
        "Chile accused Peru of moving troops.",  # the second state is named only once
        TWO_STATES + " Bolivia and Bolivia's army and Bolivian police watched.",  # a third
        # two states named twice each among many others do not dominate the story
        (
            "Chile and Peru met. Chile and Peru spoke with Spain, France, Italy, Japan, Kenya, "
            "Ghana, Mali, Chad and Niger."
        ),
    ],
)
def test_no_story_states(analyse, text):
    assert story_states(analyse(text).roles) is None


def test_counterpart_is_the_other_state_of_the_story(coder, analyse):
    found = analyse(TWO_STATES)
    chile = found.actor("Chile")
    assert counterpart(coder.kb, found.roles, chile, "ASSAULT").code == "PER"


def test_no_counterpart_for_a_home_affair_or_a_third_state(coder, analyse):
    found = analyse(TWO_STATES + " Spain urged calm.")
    assert counterpart(coder.kb, found.roles, found.actor("Chile"), "PROTEST") is None
    assert counterpart(coder.kb, found.roles, found.actor("Spain"), "ASSAULT") is None


def home(coder, found, trigger: str, actor_word: str, event: str):
    tok = found.token(trigger)
    actor = found.actor(actor_word)
    return home_ground(coder.kb, found.roles, found.places, tok, actor, event)


def test_protesters_at_home_address_their_government(coder, analyse):
    found = analyse("Thousands of Nigerians rallied in Lagos.")
    assert home(coder, found, "rallied", "Thousands", "PROTEST").code == "NGAGOV"


def test_a_government_acting_at_home_acts_on_its_country(coder, analyse):
    found = analyse("The Nigerian government lifted the curfew.")
    assert home(coder, found, "lifted", "government", "CONCEDE").code == "NGA"


def test_a_state_does_not_meet_itself(coder, analyse):
    found = analyse("The Nigerian government held talks on Monday.")
    assert home(coder, found, "held", "government", "CONSULT") is None
    assert home(coder, found, "held", "government", "CONCEDE").code == "NGA"


def test_a_government_does_not_address_itself(coder, analyse):
    found = analyse("The Nigerian government demanded calm.")
    assert home(coder, found, "demanded", "government", "REQUEST") is None


@pytest.mark.parametrize(
    "text",
    [
        "Thousands of Nigerians rallied outside the Ghanaian embassy.",  # another state
        "Ghana recalled its envoy. Thousands of Nigerians rallied.",  # a sentence before
        "Thousands of Nigerians rallied in Accra.",  # a place in another state
    ],
)
def test_no_home_ground_when_another_state_takes_part(coder, analyse, text):
    assert home(coder, analyse(text), "rallied", "Thousands", "PROTEST") is None


@pytest.mark.parametrize(
    ("text", "trigger", "actor_word", "patient_word", "event"),
    [
        # the act's object is the actor's own side: never the actor's own country back
        ("Peru said two of its soldiers were killed.", "killed", "Peru", "two", "ASSAULT"),
        (
            "In retaliation, Peru expelled two diplomats.",
            "expelled",
            "Peru",
            "diplomats",
            "SANCTION",
        ),
    ],
)
def test_no_home_ground_for_an_act_on_the_actors_own_side(
    coder, analyse, text, trigger, actor_word, patient_word, event
):
    found = analyse(text)
    tok, actor = found.token(trigger), found.actor(actor_word)
    patient = found.token(patient_word)
    assert home_ground(coder.kb, found.roles, found.places, tok, actor, event, patient) is None


def test_an_object_of_no_side_leaves_the_home_ground(coder, analyse):
    found = analyse("The Nigerian government lifted the curfew.")
    tok, actor = found.token("lifted"), found.actor("government")
    got = home_ground(coder.kb, found.roles, found.places, tok, actor, "CONCEDE",
                      found.token("curfew"))  # fmt: skip
    assert got.code == "NGA"


def test_an_expulsion_is_never_coded_against_the_expelling_state(coder):
    events = coder.code(Document(id="t", text="In retaliation, Peru expelled two diplomats."))
    assert [(e.event, e.actor.code, e.recipient) for e in events] == [("SANCTION", "PER", None)]


def test_a_conjunct_verb_shares_its_series_compound_subject(coder):
    text = "Quito and Lima will drop their claims and commit to respecting the border."
    found = [e for e in _coded(coder, text) if e.event_text == "commit"]
    assert [(e.actor.country, e.recipient.country if e.recipient else None) for e in found][:1] == [
        ("ECU", "PER")
    ]
    alone = "Quito will drop its claims and commit to respecting the border."
    found = [e for e in _coded(coder, alone) if e.event_text == "commit"]
    assert found and "recipient:parse" not in found[0].steps


def test_a_comparison_clause_gives_no_act_and_no_recipient(coder):
    text = (
        "The Chilean president declared that Chile would not recognise the new republic, "
        "just as it does not recognise Kosovo or Taiwan."
    )
    coded = [(e.event, e.recipient.code if e.recipient else None) for e in _coded(coder, text)]
    assert coded == [("REJECT", None)]


def test_a_participle_after_a_joint_act_is_aimed_at_the_partner(coder):
    text = ("Peru and Chile on Monday released the wording of the accord brokered by the "
            "United States, pledging to end the dispute.")  # fmt: skip
    pledges = [e for e in _coded(coder, text) if e.event_text == "pledging"]
    assert pledges and pledges[0].recipient is not None
    assert pledges[0].recipient.country == "CHL"  # the partner, not the broker
