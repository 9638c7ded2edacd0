"""Trigger words that name no event with certain dependents (events/data/non_events.tsv)."""

from __future__ import annotations

import pytest

from dyadwatch.events.nonevents import called_off, is_non_event, non_events


def test_every_row_is_a_known_trigger_head():
    from dyadwatch.events.lexicon import Lexicon

    lexicon = Lexicon.load()
    for lemma, pos in non_events():
        assert lexicon.candidates(lemma, pos), (lemma, pos)


@pytest.mark.parametrize(
    ("lemma", "pos", "deps", "expected"),
    [
        ("take", "VERB", {"part", "in", "meeting"}, True),
        ("take", "VERB", {"in", "refugee"}, False),
        ("decline", "VERB", {"comment", "official"}, True),
        ("decline", "VERB", {"invitation"}, False),
        ("trip", "NOUN", {"resupply", "to"}, True),
        ("trip", "NOUN", {"to", "beijing"}, False),
        ("leave", "VERB", {"for", "lima"}, True),
        ("leave", "VERB", {"town"}, False),
    ],
)
def test_is_non_event(lemma, pos, deps, expected):
    assert is_non_event(lemma, pos, deps) is expected


@pytest.mark.parametrize(
    "text",
    [
        "Georgian officials declined to comment on the report.",
        "Vietnamese fishermen make resupply trips to the reef every month.",
        "The Chilean president left for Lima on Thursday.",
        "The Kenyan president signed a law on taxes on Monday.",
        "Chilean troops left hundreds of Peruvian trucks stranded at the border.",
    ],
)
def test_phrase_is_not_coded(coder, text):
    from dyadwatch.model import Document

    events = coder.code(Document(id="t", text=text, date="2024-05-10"))
    assert [(e.event, e.event_text) for e in events] == []


def test_taking_part_is_no_taking_in(coder):
    from dyadwatch.model import Document

    text = "The army chief of Nepal took part in the meeting in Kathmandu."
    events = coder.code(Document(id="t", text=text, date="2024-05-10"))
    # no asylum given ("take in"); the meeting names no one else, so it is the chief's own
    coded = [(e.event, e.event_text, e.recipient) for e in events]
    assert coded == [("CONSULT", "meeting", None)]


@pytest.mark.parametrize(
    ("text", "noun", "expected"),
    [
        ("Chile put off a meeting with Peru.", "meeting", True),
        ("The visit of the Peruvian president to Chile was put off.", "visit", True),
        ("Chile announced the postponement of the talks with Peru.", "talks", True),
        ("The postponed talks between Chile and Peru will resume in May.", "talks", True),
        ("Chile put a meeting with Peru on the agenda.", "meeting", False),
        ("Chile held a meeting with Peru after a delay.", "meeting", False),
    ],
)
def test_called_off(nlp, text, noun, expected):
    doc = nlp(text)
    assert called_off(next(t for t in doc if t.text == noun)) is expected


@pytest.mark.parametrize(
    "text",
    [
        "The Chilean foreign minister put off the trip to Peru he was due to make next week.",
        "Chile put off a meeting with Peru.",
        "The visit of the Peruvian president to Chile was put off.",
    ],
)
def test_called_off_act_is_not_a_consultation(coder, text):
    from dyadwatch.model import Document

    events = coder.code(Document(id="t", text=text, date="2024-05-10"))
    assert [e.event for e in events if e.event == "CONSULT"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Turkey defended the move as a step against smuggling.", True),
        ("Beijing defended its decision to close the border.", True),
        ("Washington defended Israel's decision to strike.", False),
        ("France defended Chad against the rebels.", False),
    ],
)
def test_defends_own_act(nlp, text, expected):
    from dyadwatch.events.nonevents import defends_own_act

    doc = nlp(text)
    verb = next(t for t in doc if t.lemma_ == "defend")
    assert defends_own_act(verb) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Serbia began an offensive on Monday, threatening a return to war.", True),
        ("The shelling went on, threatening the fragile truce.", True),
        ("Russia massed troops on the border, threatening Ukraine.", False),
        ("Threatening a return to war, Serbia began an offensive.", False),
        ("Serbia threatened a return to war.", False),
    ],
)
def test_endangers(nlp, text, expected):
    from dyadwatch.events.nonevents import endangers

    doc = nlp(text)
    verb = next(t for t in doc if t.lemma_ == "threaten")
    assert endangers(verb) is expected


def test_what_an_act_aimed_at_is_the_same_act(coder):
    from dyadwatch.model import Document

    text = (
        "Pakistan carried out air strikes in Kabul targeting the leader of the Pakistani Taliban."
    )
    events = coder.code(Document(id="t", text=text, date="2024-05-10"))
    assert [(e.event, e.event_text) for e in events] == [("ASSAULT", "carried out strikes")]


def test_the_purpose_of_another_act_is_no_act(coder):
    from dyadwatch.events.nonevents import purpose_adjunct

    doc = coder.nlp("Thousands rallied in support of the junta.")
    assert purpose_adjunct(next(t for t in doc if t.text == "support"))
    doc = coder.nlp("The junta thanked them for their support.")
    assert not purpose_adjunct(next(t for t in doc if t.text == "support"))
    doc = coder.nlp("Dozens were killed in protests against the junta.")
    assert not purpose_adjunct(next(t for t in doc if t.text == "protests"))
