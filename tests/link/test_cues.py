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


def test_an_act_that_angered_someone_is_a_cause_not_a_response(analyse):
    # "X was angered because Y closed ...": Y's act is what X reacted to
    assert cue_at(analyse, "Hungary was angered because Austria closed the border.",
                  "closed") == "because"  # fmt: skip


def test_an_ordinary_because_clause_is_no_response(analyse):
    text = "Hungary closed the border because Austria closed its border."
    assert cue_at(analyse, text, "closed") is None


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


@pytest.mark.xfail(
    strict=True,
    reason="'hit back' is listed as a verb cue but is matched against one token's lemma, "
    "so the two-word verb never matches",
)
def test_hitting_back_is_a_response(analyse):
    assert cue_at(analyse, "Iran hit back by expelling three British diplomats.",
                  "expelling") is not None  # fmt: skip


def test_the_cue_table_holds_phrases_and_verbs():
    cues = link_cues()
    assert ("in", "retaliation") in cues.phrases
    assert "retaliate" in cues.verbs
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
