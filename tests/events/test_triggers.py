"""Finding event triggers in a parse (events/triggers.py)."""

from __future__ import annotations

import pytest

from dyadwatch.events.dependents import dependents
from dyadwatch.events.triggers import causer_of, find_candidates
from dyadwatch.model import Document


def candidates(coder, analyse, text: str) -> dict[str, tuple[str, list[str]]]:
    """Trigger word -> (event type, the words of the complements it absorbed)."""
    doc = analyse(text).doc
    return {c.token.text: (c.trigger.event, [a.token.text for a in c.absorbed])
            for c in find_candidates(doc, coder.lexicon)}  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Norway expelled two Russian diplomats.", {"expelled": ("SANCTION", [])}),
        ("Chile rejected Peru's request for talks.",
         {"rejected": ("REJECT", []), "request": ("REQUEST", []), "talks": ("CONSULT", [])}),
        ("It rained all day in the capital.", {}),
    ],
)  # fmt: skip
def test_lexicon_words_are_triggers(coder, analyse, text, expected):
    assert candidates(coder, analyse, text) == expected


def test_an_entry_that_asks_for_a_word_needs_that_word(coder, analyse):
    assert candidates(coder, analyse, "Chile set a deadline for Peru.") == {"set": ("THREATEN", [])}
    assert "set" not in candidates(coder, analyse, "Chile set the agenda for the summit.")


def test_the_extra_word_chooses_among_entries_of_one_verb(coder, analyse):
    def mode(text):
        doc = analyse(text).doc
        return next(c.trigger.mode for c in find_candidates(doc, coder.lexicon)
                    if c.token.text == "cut")  # fmt: skip

    assert (mode("Chile cut ties with Peru."), mode("Chile cut aid to Peru.")) == (
        "withdraw", "discontinue"
    )  # fmt: skip


def test_a_participle_describing_a_noun_is_no_reported_act(coder, analyse):
    assert candidates(coder, analyse, "Troops held the towns occupied by rebels.") == {}


def test_a_frame_verb_absorbs_its_complement(coder, analyse):
    found = candidates(coder, analyse, "Russia threatened to cut gas supplies to Moldova.")
    assert found == {"threatened": ("THREATEN", ["cut", "supplies"])}


def test_an_accusation_absorbs_what_it_says_was_done(coder, analyse):
    found = candidates(coder, analyse, "Chile accused Peru of launching attacks.")
    assert found == {"accused": ("ACCUSE", ["attacks"])}


def test_an_arrest_absorbs_the_charge_it_is_for(coder, analyse):
    found = candidates(coder, analyse, "Peru arrested two Chilean men for attacking a police post.")
    assert found == {"arrested": ("COERCE", ["attacking"])}
    found = candidates(coder, analyse, "Peru arrested two men after Chile attacked a police post.")
    assert "attacked" in found


def test_a_verb_absorbs_an_object_naming_the_same_act(coder, analyse):
    found = candidates(coder, analyse, "Chile imposed sanctions on Peru.")
    assert found == {"imposed": ("SANCTION", ["sanctions"])}


@pytest.mark.parametrize("modal", ["must", "should"])
def test_saying_that_another_party_must_act_is_a_demand(coder, analyse, modal):
    found = candidates(coder, analyse, f"Peru said Chile {modal} withdraw its troops.")
    assert found == {"said": ("REQUEST", ["withdraw"])}


@pytest.mark.parametrize(
    "text",
    [
        "Peru said Chile will withdraw its troops.",  # a forecast, not a demand
        "Peru said it must withdraw its troops.",  # a pronoun: the speaker itself
    ],
)
def test_no_demand_without_a_deontic_modal_on_another_party(coder, analyse, text):
    assert "said" not in candidates(coder, analyse, text)


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("Since the invasion, Chile has stayed neutral.", "invasion"),  # background time
        ("After the attack, Chile closed its embassy.", "attack"),
        ("In retaliation, Peru expelled two diplomats.", "retaliation"),  # a cue
        ("Chile and Peru discussed the treaty.", "treaty"),  # a document, not an act
        ("Sanctions are sanctions.", "Sanctions"),  # a label
        ("Chile spoke of the role of Peru in the 1994 massacre.", "massacre"),  # named by its year
        ("Chile spoke in Lima at the start of a regional tour.", "tour"),  # the setting
        ("At the height of the blockade, Peru closed its ports.", "blockade"),
    ],
)
def test_a_background_or_cue_noun_is_no_trigger(coder, analyse, text, noun):
    assert noun not in candidates(coder, analyse, text)


def test_an_event_noun_as_object_of_a_reporting_verb_is_a_trigger(coder, analyse):
    found = candidates(coder, analyse, "The ministry confirmed the attack on the convoy.")
    assert found.get("attack", ("",))[0] == "ASSAULT"


def test_a_support_verb_gives_way_to_the_event_noun_it_governs(coder, analyse):
    found = candidates(coder, analyse, "Chile staged an attack on Peru.")
    assert "staged" not in found and found["attack"][0] == "ASSAULT"


def test_dependents_read_through_a_measure_to_what_is_measured(analyse):
    found = analyse("Japan sent 700 tonnes of aid to Haiti.")
    assert {"tonne", "aid", "to", "haiti"} <= dependents(found.token("sent"))
    assert "aid" not in dependents(found.token("Haiti"))


def test_dependents_leave_out_a_date_phrase(analyse):
    # "agreed on Friday to ...": not "agree on" a text
    found = analyse("Chile and Peru agreed on Friday to reopen their embassies.")
    assert not {"on", "friday"} & dependents(found.token("agreed"))
    # nor the background of the act, nor "for good"
    found = analyse("Not long after the talks, Chile launched an offensive.")
    assert "talk" not in dependents(found.token("launched"))
    found = analyse("Peru vowed to stop the violence for good.")
    assert "good" not in dependents(found.token("stop"))


def test_causer_of_a_complement(analyse):
    found = analyse("The court ordered the company to suspend operations.")
    assert causer_of(found.token("suspend")).text == "ordered"
    other = analyse("The company decided to suspend operations.")
    assert causer_of(other.token("suspend")) is None


def test_the_act_a_response_answers_is_not_coded_again(coder):
    from dyadwatch.model import Document

    text = "In retaliation for the transit restrictions, Peru threatened to close its ports."
    events = coder.code(Document(id="r", text=text, date="2024-05-10"))
    assert [e.event for e in events] == ["THREATEN"]
    plain = "Peru imposed transit restrictions on Chile."
    assert [e.event for e in coder.code(Document(id="p", text=plain, date="2024-05-10"))]


def test_hostility_in_the_singular_is_a_state_and_in_the_plural_fighting(coder, analyse):
    assert "hostility" not in candidates(coder, analyse, "Their hostility grew over the years.")
    assert "hostilities" in candidates(coder, analyse, "The hostilities broke out at the border.")


def test_cut_down_is_a_killing_and_cut_aid_a_sanction(coder, analyse):
    assert candidates(coder, analyse, "Troops cut down the soldiers.")["cut"][0] == "ASSAULT"
    assert candidates(coder, analyse, "Chile cut aid to Peru.")["cut"][0] == "SANCTION"


def test_a_bare_gerund_listed_among_nouns_is_no_act_of_the_clause(coder, analyse):
    listed = candidates(coder, analyse, "Chile protested against the harassment, ramming, "
                        "blocking and other hostile acts of Peruvian patrol boats.")  # fmt: skip
    assert "ramming" not in listed and "blocking" not in listed
    # gerunds with objects of their own are acts
    acts = candidates(coder, analyse, "Chile rammed the boat, blocking its route and seizing "
                      "its catch.")  # fmt: skip
    assert {"blocking", "seizing"} <= set(acts)


def test_an_infinitive_after_as_well_as_is_an_act_of_its_own(coder, analyse):
    from dyadwatch.events.clauses import clause_subject

    text = ("The Peruvian cabinet decided to request that Chile invoke the treaty, as well as to "
            "seek help from the United Nations.")  # fmt: skip
    found = candidates(coder, analyse, text)
    assert found["request"][0] == "REQUEST" and "seek" not in found["request"][1]
    assert found["seek"][0] == "REQUEST"
    seek = next(t for t in analyse(text).doc if t.text == "seek")
    assert clause_subject(seek).text == "cabinet"


def test_a_small_clause_predicate_chooses_the_verbs_entry(coder, analyse):
    found = candidates(coder, analyse, "Chile declared two Peruvian diplomats persona non grata.")
    assert found["declared"][0] == "SANCTION"
    # a clause with "that" and a tense of its own is no small clause
    assert "declared" not in candidates(coder, analyse,
                                        "Chile declared that the talks were void.")  # fmt: skip


def test_the_time_an_expulsion_gives_is_no_concession(coder, analyse):
    found = candidates(coder, analyse, "Chile expelled the envoys, allowing them a week to leave.")
    assert "allowing" not in found and found["expelled"][0] == "SANCTION"


def test_a_request_takes_the_infinitive_the_parser_hangs_off_as_its_content(coder, analyse):
    found = candidates(coder, analyse, "The Peruvian president went on to appeal to the "
                       "signatories, above all to Chile, to open talks without delay.")  # fmt: skip
    assert found == {"appeal": ("REQUEST", ["talks"])}
    found = candidates(coder, analyse, "Bolivia rejected Chile's request for Bolivian troops to "
                       "join the campaign and refused to recognise the new republics.")  # fmt: skip
    assert "refused" in found and "refused" not in found["request"][1]


def test_what_a_sanction_stops_is_only_stopped_whoever_owned_it(coder, analyse):
    found = candidates(coder, analyse, "Georgia halted its talks with Armenia.")
    assert found == {"halted": ("SANCTION", ["talks"])}
    # another party's act named by the object is its own act
    found = candidates(coder, analyse, "Georgia rejected Armenia's request for talks.")
    assert "request" in found


def test_an_accusation_takes_its_charge_from_the_predicate_it_gives(coder):
    doc = coder.nlp("Quito would hold Lima responsible for any attack on its embassy.")
    found = find_candidates(doc, coder.lexicon)
    assert [c.token.text for c in found] == ["hold"]
    assert [c.token.text for c in found[0].absorbed] == ["attack"]


def test_a_deadline_parsed_as_a_clause_of_the_hours_is_still_an_order(coder):
    doc = coder.nlp("He gave Colombian diplomats 24 hours to leave the country.")
    leave = next(t for t in doc if t.text == "leave")
    assert causer_of(leave).text == "gave"


@pytest.mark.parametrize(
    "text",
    [
        "Peru said it reserved the right to respond to the Chilean raid.",
        "Peru reserved its right to defend its fishing grounds against Chile.",
    ],
)
def test_reserving_the_right_to_act_is_a_warning_whose_complement_is_its_content(coder, text):
    events = coder.code(Document(id="t", text=text, date="2024-05-10"))
    assert [e.event for e in events if e.actor.country == "PER"] == ["THREATEN"]


def test_a_tensed_verb_after_the_reserved_right_is_an_act_of_its_own(coder):
    text = "Peru reserved the right to respond and recalled its ambassador from Chile."
    events = coder.code(Document(id="t", text=text, date="2024-05-10"))
    assert sorted(e.event for e in events) == ["SANCTION", "THREATEN"]
