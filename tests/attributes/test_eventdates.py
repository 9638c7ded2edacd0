"""Each dating step of attributes/eventdates.py on its own (test_dates.py runs them together)."""

from __future__ import annotations

import pytest

from dyadwatch.attributes.dates import DateValue, DocumentDates
from dyadwatch.attributes.eventdates import (
    dates_this,
    in_clause,
    is_background,
    is_habitual,
    is_retrospective,
    is_scheduled,
    narrative_time,
    publication_week,
    when_clause,
)

PUB = "2023-05-19"  # a Friday


def dated(nlp, text: str, publication: str | None = PUB):
    doc = nlp(text)
    return doc, DocumentDates(doc, publication)


def test_a_date_in_the_acts_clause_dates_it(nlp, token_of):
    doc, dates = dated(nlp, "On May 2 the navy seized a tanker.")
    found = in_clause(dates, token_of(doc, "seized"))
    assert (found.value, found.step) == (DateValue("2023-05-02", "day"), "clause")


def test_no_date_in_the_sentence_no_clause_date(nlp, token_of):
    doc, dates = dated(nlp, "The navy seized a tanker. On May 2 talks resumed.")
    assert in_clause(dates, token_of(doc, "seized")) is None


@pytest.mark.parametrize(
    ("text", "date_text", "usable"),
    [
        ("The navy seized a tanker on May 2.", "May 2", True),
        ("The navy cited the May 2 decree and seized a tanker.", "May 2", False),  # names a thing
        ("Tension has grown since May 2 and the navy seized a tanker.", "May 2", False),  # a span
        # a coordinated verb with a modal of its own tells another time
        ("The navy seized a tanker and would escort convoys on May 2.", "May 2", False),
        ("The navy seized a tanker and escorted convoys on May 2.", "May 2", True),
    ],
)  # fmt: skip
def test_dates_this(nlp, token_of, text, date_text, usable):
    doc, dates = dated(nlp, text)
    k = next(k for k, m in enumerate(dates.mentions) if m.text == date_text)
    assert dates_this(dates, k, token_of(doc, "seized")) is usable


def test_a_when_clause_takes_the_date_it_hangs_from(nlp, token_of):
    doc, dates = dated(nlp, "It began in April 2021, when the rebels seized the port.")
    found = when_clause(dates, token_of(doc, "seized"))
    assert (found.value, found.step) == (DateValue("2021-04", "month"), "when-clause")


def test_a_main_clause_is_no_when_clause(nlp, token_of):
    doc, dates = dated(nlp, "The rebels seized the port in April 2021.")
    assert when_clause(dates, token_of(doc, "seized")) is None


def test_the_narrative_time_carries_forward_in_its_paragraph(nlp, token_of):
    doc, dates = dated(nlp, "The envoys arrived on May 16. The talks collapsed.")
    found = narrative_time(dates, token_of(doc, "collapsed"))
    assert (found.value, found.step) == (DateValue("2023-05-16", "day"), "narrative")


def test_an_older_time_stops_at_the_paragraph_unless_the_act_is_background(nlp, token_of):
    doc, dates = dated(nlp, "The war ended in March 2020.\nThe army had mined the road.\n"
                            "The army mined the road.")  # fmt: skip
    background = narrative_time(dates, token_of(doc, "mined"))
    assert (background.value, background.step) == (
        DateValue("2020-03", "month"), "narrative-background"
    )  # fmt: skip
    later = [t for t in doc if t.text == "mined"][1]
    assert narrative_time(dates, later) is None


def test_no_earlier_date_no_narrative_time(nlp, token_of):
    doc, dates = dated(nlp, "The talks collapsed. The envoys left on May 16.")
    assert narrative_time(dates, token_of(doc, "collapsed")) is None


def test_an_undated_act_falls_in_the_week_of_publication(nlp, token_of):
    doc, dates = dated(nlp, "The talks collapsed.")
    found = publication_week(dates, token_of(doc, "collapsed"))
    assert (found.value, found.basis) == (DateValue("2023-05-19", "week"), "publication")
    doc, dates = dated(nlp, "The talks collapsed.", None)
    assert publication_week(dates, token_of(doc, "collapsed")) is None


@pytest.mark.parametrize(
    ("text", "background"),
    [
        ("The army had closed the road.", True),
        ("The road had been closed by the army.", True),
        ("The army closed the road.", False),
        ("The army has closed the road.", False),
        # a past speech verb shifts the news back: the act told is no background
        ("Peru said the army had closed the road.", False),
    ],
)
def test_is_background(nlp, token_of, text, background):
    doc = nlp(text)
    assert is_background(token_of(doc, "closed")) is background


@pytest.mark.parametrize(
    ("text", "trigger", "habitual"),
    [
        ("The two states have fought over the valley for decades.", "fought", True),
        ("The clans clashed for years.", "clashed", True),
        ("The clans have clashed for three decades.", "clashed", True),  # perfect, counted
        ("The court jailed him for seven years.", "jailed", False),  # a counted term
        ("The clans clashed for hours.", "clashed", False),  # too short to be a state
        ("The clans clashed on Monday.", "clashed", False),
    ],
)
def test_is_habitual(nlp, token_of, text, trigger, habitual):
    doc = nlp(text)
    assert is_habitual(token_of(doc, trigger)) is habitual


@pytest.mark.parametrize(
    ("text", "retrospective"),
    [
        # most of the times set lie over a week before publication
        ("On January 4 the talks failed. In February the envoys left. On March 9 the border closed.",
         True),
        ("On January 4 the talks failed. On May 17 the envoys left. On May 18 the border closed.",
         False),
        ("On January 4 the talks failed. In February the envoys left.", False),  # too few times
    ],
)  # fmt: skip
def test_is_retrospective(nlp, text, retrospective):
    assert is_retrospective(DocumentDates(nlp(text), PUB)) is retrospective


def test_without_a_publication_date_no_piece_is_retrospective(nlp):
    text = (
        "On January 4 the talks failed. In February the envoys left. On March 9 the border closed."
    )
    assert is_retrospective(DocumentDates(nlp(text), None)) is False


@pytest.mark.parametrize(
    ("text", "word", "scheduled"),
    [
        ("Chile withdrew its bid to host the climate talks next year.", "talks", True),
        ("Chile held talks with Peru on May 2.", "talks", False),
        ("The summit next month was welcomed by Brazil.", "welcomed", False),
    ],
)
def test_is_scheduled(nlp, token_of, text, word, scheduled):
    from dyadwatch.attributes.eventdates import date_event

    doc, dates = dated(nlp, text)
    tok = token_of(doc, word)
    assert is_scheduled(dates, tok, date_event(dates, tok)) is scheduled
