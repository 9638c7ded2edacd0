"""Cues that present an event as the answer to an earlier one (link/cues.py)."""

from __future__ import annotations

import pytest

from dyadwatch.link.cues import link_cues, response_cue
from dyadwatch.model import Document
from dyadwatch.nlp.sents import sentence_of


def cue_at(analyse, text: str, trigger: str) -> str | None:
    tok = analyse(text).token(trigger)
    return response_cue(tok, sentence_of(tok))


@pytest.mark.parametrize(
    ("text", "trigger", "cue"),
    [
        # a phrase anywhere in the sentence points back to an earlier event
        ("In response, Spain summoned the Moroccan ambassador.", "summoned", "in response"),
        ("As a countermeasure, Latvia banned Belarusian trucks.", "banned", "as a countermeasure"),
        ("Norway expelled two Russian diplomats in retaliation.", "expelled", "in retaliation"),
    ],
)
def test_a_phrase_in_the_sentence_marks_a_response(analyse, text, trigger, cue):
    assert cue_at(analyse, text, trigger) == cue


@pytest.mark.parametrize(
    ("text", "trigger", "cue"),
    [
        # the act hangs from a verb of responding
        ("Iran retaliated by expelling three British diplomats.", "expelling", "retaliated"),
        ("Brazil responded with sanctions on Argentine beef.", "sanctions", "responded"),
    ],
)
def test_an_act_under_a_verb_of_responding_is_a_response(analyse, text, trigger, cue):
    assert cue_at(analyse, text, trigger) == cue


def test_the_verb_of_responding_itself_is_no_cue_for_its_own_event(analyse):
    assert cue_at(analyse, "Iran retaliated against Britain.", "retaliated") is None


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # a because-clause gives a cause, which came before its effect: no reaction
        ("Hungary was angered because Austria closed the border.", "closed"),
        ("Hungary closed the border because Austria closed its border.", "closed"),
        # under an agentive passive the clause is still a cause
        (("The Chilean proposal was rejected by Peru because Bolivia had shelled Peruvian "
          "villages."), "shelled"),
        # a time word of the clause that does not place it after the main clause
        (("Spain closed the border because Morocco had expelled Spanish diplomats the "
          "previous day."), "expelled"),
    ],
)  # fmt: skip
def test_a_because_clause_is_a_cause_not_a_response(analyse, text, trigger):
    assert cue_at(analyse, text, trigger) is None


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # the clause says it came later: it is the evidence, and its act the reaction
        (("Moscow was plainly irritated by the minister's remarks, because two days later it "
          "cut gas deliveries."), "cut"),
        (("Ankara was clearly annoyed by the vote, because the following morning it recalled "
          "its ambassador."), "recalled"),
        (("Lima must have resented the decision, because soon afterwards it expelled two "
          "Chilean diplomats."), "expelled"),
        ("Hungary was angered because the next day Austria closed the border.", "closed"),
    ],
)  # fmt: skip
def test_a_because_clause_told_as_later_is_a_response(analyse, text, trigger):
    assert cue_at(analyse, text, trigger) == "because"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Spain summoned the Moroccan ambassador.", "summoned"),
        ("Norway expelled two Russian diplomats on Monday.", "expelled"),
        # "response" without the preposition that makes it a cue
        ("Norway expelled two diplomats and awaited a response.", "expelled"),
    ],
)
def test_no_cue_no_response(analyse, text, trigger):
    assert cue_at(analyse, text, trigger) is None


@pytest.mark.parametrize(
    ("text", "trigger", "cue"),
    [
        # a verb cue of several words: the verb's lemma and its particle
        ("Iran hit back by expelling three British diplomats.", "expelling", "hit back"),
        ("Serbia hits back with a ban on Croatian goods.", "ban", "hits back"),
    ],
)  # fmt: skip
def test_hitting_back_is_a_response(analyse, text, trigger, cue):
    assert cue_at(analyse, text, trigger) == cue


def test_a_verb_cue_needs_its_particle(analyse):
    assert cue_at(analyse, "Iran hit the tanker by firing two missiles.", "firing") is None


def test_the_cue_table_holds_phrases_and_verbs():
    cues = link_cues()
    assert ("in", "retaliation") in cues.phrases
    assert "retaliate" in cues.verbs
    assert "hit back" in cues.verbs
    assert "accusation" in cues.answered
    assert all(p == tuple(w.lower() for w in p) for p in cues.phrases)


def test_a_response_links_to_the_other_sides_earlier_event(coder):
    text = ("Chile recalled its ambassador from Peru. "
            "In retaliation, Peru expelled two Chilean diplomats.")  # fmt: skip
    events = coder.code(Document(id="cue", text=text, date="2023-05-01"))
    first = next(e for e in events if e.event_text == "recalled")
    second = next(e for e in events if e.event_text == "expelled")
    assert (first.in_response_to, second.in_response_to) == ([], [first.id])


def test_without_a_cue_no_link_is_made(coder):
    text = "Chile recalled its ambassador from Peru. Peru expelled two Chilean diplomats."
    events = coder.code(Document(id="cue", text=text, date="2023-05-01"))
    assert events and all(e.in_response_to == [] for e in events)


def test_rejecting_the_accusations_answers_the_accusation_not_the_latest_act(coder):
    text = ("Chile accused Peru of shelling the border. On Tuesday Chile closed the crossing. "
            "Peru rejected the accusations.")  # fmt: skip
    events = coder.code(Document(id="cue", text=text, date="2023-05-01"))
    accused = next(e for e in events if e.event_text.startswith("accused"))
    rejected = next(e for e in events if e.event_text.startswith("rejected"))
    assert rejected.in_response_to == [accused.id]
