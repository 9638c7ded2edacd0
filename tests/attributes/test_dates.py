from __future__ import annotations

import pytest

from dyadwatch.attributes.dates import DateValue, DocumentDates
from dyadwatch.attributes.eventdates import date_event, when_clause
from dyadwatch.attributes.expressions import Expr, parse_expression
from dyadwatch.errors import InputError

PUB = "2022-07-15"


@pytest.mark.parametrize(
    ("text", "trigger", "date", "precision", "how"),
    [
        ("On July 6, a court ordered the pipeline to stop.", "ordered", "2022-07-06", "day",
         "clause"),
        ("A court halted the terminal on July 6. Two days earlier, the president spoke.",
         "spoke", "2022-07-04", "day", "clause"),
        ("The port shut on June 17. The next day the ministry announced a ban.", "announced",
         "2022-06-18", "day", "clause"),
        # a weekday sets the narrative time as a calendar date does (PUB is a Friday)
        ("The ambassador was expelled on Wednesday. A day earlier, the ministry protested.",
         "protested", "2022-07-12", "day", "clause"),
        ("Peru expelled the ambassador on Wednesday. The next day the ministry protested.",
         "protested", "2022-07-14", "day", "clause"),
        # a clause a counted time opens lies that far from the clause it hangs from
        ("Peru recalled its envoy on July 13, a day after Chile expelled the consul.",
         "expelled", "2022-07-12", "day", "counted-clause"),
        ("Peru recalled its envoy on July 1, a week before Chile expelled the consul.",
         "expelled", "2022-07-08", "day", "counted-clause"),
        ("Peru recalled its envoy on July 13, days after Chile expelled the consul.",
         "expelled", "2022-07", "month", "counted-clause"),
        ("Peru recalled its envoy on July 13 after Chile expelled the consul.", "expelled",
         "2022-07-13", "day", "sentence"),
        # the counted clause's own date dates it
        ("Peru recalled its envoy a day after Chile expelled the consul on July 13.",
         "expelled", "2022-07-13", "day", "clause"),
        # "yesterday" sets the narrative time too
        ("The ambassador was expelled yesterday. A day earlier, the ministry protested.",
         "protested", "2022-07-13", "day", "clause"),
        ("Troops arrived six months ago.", "arrived", "2022-01", "month", "clause"),
        ("In early 2022 the army intervened.", "intervened", "2022", "year", "clause"),
        ("The governor resigned without warning.", "resigned", "2022-07-15", "week",
         "publication-week"),
        ("The ministers signed the 1995 agreement.", "signed", "2022-07-15", "week",
         "publication-week"),
        ("Customs officers seized the cargo yesterday.", "seized", "2022-07-14", "day",
         "clause"),
        ("The envoy visited Baku on Monday.", "visited", "2022-07-11", "day", "clause"),
        ("Exports fell sharply in June.", "fell", "2022-06", "month", "clause"),
        ("The council met in 2021.", "met", "2021", "year", "clause"),
        ("Grain prices jumped in December.", "jumped", "2021-12", "month", "clause"),
        ("The treaty was signed on 17 June 2021.", "signed", "2021-06-17", "day", "clause"),
        ("Officials said on 2022-07-06 that the line was cut.", "said", "2022-07-06", "day",
         "clause"),
        # the calendar week before publication's (Monday to Sunday), and this week so far
        ("Rebels shelled the town last week.", "shelled", "2022-07-10", "week", "clause"),
        ("Rebels shelled the town earlier this week.", "shelled", "2022-07-15", "week",
         "clause"),
        ("Rebels shelled the town in recent days.", "shelled", "2022-07-15", "week", "clause"),
        ("Police closed the road while rebels attacked the depot on July 1.", "closed",
         "2022-07-01", "day", "sentence"),
        ("The talks collapsed on May 3. The delegations left the city.", "left", "2022-05-03",
         "day", "narrative"),
        ("Protests have spread in the past several weeks.", "spread", "2022-07", "month",
         "clause"),
        ("The parliament voted two years ago.", "voted", "2020", "year", "clause"),
    ],
)  # fmt: skip
def test_event_date(nlp, token_of, text, trigger, date, precision, how):
    doc = nlp(text)
    found = date_event(DocumentDates(doc, PUB), token_of(doc, trigger))
    assert (found.value, found.step) == (DateValue(date, precision), how)


@pytest.mark.parametrize(
    ("text", "trigger", "date"),
    [
        # the date of the reported clause, not of the statement
        ("The minister said on Monday that the army had closed the border on July 2.",
         "closed", "2022-07-02"),
        ("The minister said on Monday that the army had closed the border on July 2.",
         "said", "2022-07-11"),
    ],
)  # fmt: skip
def test_clause_date_beats_sentence_date(nlp, token_of, text, trigger, date):
    doc = nlp(text)
    found = date_event(DocumentDates(doc, PUB), token_of(doc, trigger))
    assert (found.value.date if found.value else None, found.step) == (date, "clause")


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        ("The ministers signed the 1995 agreement.", []),
        ("The ban lasts for 30 days under a 30-day rule.", []),
        ("On July 6 and again two days later the port closed.", ["July 6", "two days later"]),
        ("Talks resumed in 2021 and stalled on Friday.", ["2021", "Friday"]),
    ],
)
def test_mentions(nlp, text, mentions):
    doc = nlp(text)
    found = DocumentDates(doc, PUB).mentions
    assert [m.text for m in found] == mentions
    assert all(doc.text[m.start_char : m.end_char] == m.text for m in found)


def test_no_publication_date_and_no_date(nlp, token_of):
    doc = nlp("The governor resigned without warning.")
    found = date_event(DocumentDates(doc, None), token_of(doc, "resigned"))
    assert (found.value, found.basis, found.step) == (None, None, "undated")


def test_bad_publication_date(nlp):
    with pytest.raises(InputError):
        DocumentDates(nlp("Nothing happened."), "15/07/2022")


@pytest.mark.parametrize(
    ("text", "expr"),
    [
        ("July 6, 2022", Expr("calendar", 2022, 7, 6)),
        ("the 6th of July", Expr("calendar", None, 7, 6)),
        ("mid-2022", Expr("calendar", 2022, precision="year")),
        ("late June", Expr("calendar", None, 6, precision="month")),
        ("the day before", Expr("offset", amount=-1)),
        ("three days later", Expr("offset", amount=3)),
        ("a month ago", Expr("pubmonth", amount=-1, precision="month")),
        ("last year", Expr("pubyear", amount=-1, precision="year")),
        ("30 days", None),
        ("the 1990s", None),
    ],
)
def test_parse_expression(text, expr):
    assert parse_expression(text) == expr


@pytest.mark.parametrize(
    ("text", "trigger", "date", "precision"),
    [
        # a full date before an event noun dates it, and a later "days after" counts from it
        ("A June 3 blast hit the refinery. Days after the blast, the ministry ordered checks.",
         "ordered", "2022-06", "month"),
        ("A June 3 blast hit the refinery. The day after the blast, the ministry ordered checks.",
         "ordered", "2022-06-04", "day"),
        ("A June 3 blast hit the refinery. Two weeks before the blast, inspectors left.",
         "left", "2022-05-20", "day"),
    ],
)  # fmt: skip
def test_offset_from_a_dated_event_noun(nlp, token_of, text, trigger, date, precision):
    doc = nlp(text)
    assert date_event(DocumentDates(doc, PUB), token_of(doc, trigger)).value == DateValue(
        date, precision
    )


def test_a_dated_event_noun_is_a_date_mention_and_a_year_before_a_noun_is_not(nlp):
    doc = nlp("After the June 17 remarks the envoys revised the 1995 agreement.")
    assert [m.text for m in DocumentDates(doc, PUB).mentions] == ["June 17"]


def test_a_day_after_of_dates_its_noun_and_sets_no_narrative_time(nlp, token_of):
    doc = nlp("The raids avenge the attack of July 2 in Lima. Bolivia had closed the border.")
    dates = DocumentDates(doc, PUB)
    assert [(m.text, doc[m.noun].text) for m in dates.mentions] == [("July 2", "attack")]
    assert date_event(dates, token_of(doc, "attack")).value == DateValue("2022-07-02", "day")
    assert date_event(dates, token_of(doc, "closed")).basis == "publication"


def test_the_end_of_a_month_and_the_hours_of_a_day_are_times(nlp):
    for text in ("By the end of May the army had left.", "In the early hours of July 6 it rained."):
        assert all(m.noun is None for m in DocumentDates(nlp(text), PUB).mentions), text


def test_a_clause_after_a_date_and_when_takes_that_date(nlp, token_of):
    doc = nlp("From early 2021, when the army deployed, to March 2022, when the president "
              "resigned, the country changed.")  # fmt: skip
    dates = DocumentDates(doc, PUB)
    assert when_clause(dates, token_of(doc, "resigned")).value == DateValue("2022-03", "month")
    assert when_clause(dates, token_of(doc, "deployed")).value == DateValue("2021", "year")


@pytest.mark.parametrize(
    ("text", "trigger", "date", "precision", "basis"),
    [
        # a date that names a thing dates that thing only
        ("Chile accused Peru of breaching the March 4, 2019 accord.", "accused", "2022-07-15",
         "week", "publication"),
        ("Ghana condemned last year's coup in Mali.", "condemned", "2022-07-15", "week",
         "publication"),
        # a date in a relative clause about another act, or opening a span, dates nothing else
        ("Norway, which joined the pact in 1994, expelled two diplomats.", "expelled",
         "2022-07-15", "week", "publication"),
        ("Tensions have risen since 2019, and Bolivia recalled its envoy.", "recalled",
         "2022-07-15", "week", "publication"),
        # the report's own news dated in the lede carries through its paragraph
        ("Troops crossed the border on Wednesday. Shelling hit two villages.", "hit",
         "2022-07-13", "day", "narrative"),
        # an older episode: the paragraph keeps its month
        ("The crisis began on March 2. Talks opened. Envoys met. Then the army shelled the port.",
         "shelled", "2022-03", "month", "narrative"),
        # a new paragraph returns to the report's news, unless the verb says background
        ("The war ended in May 2020.\nThe ministry summoned the ambassador.", "summoned",
         "2022-07-15", "week", "publication"),
        ("The war ended in May 2020.\nThe army had closed the road.", "closed", "2020-05",
         "month", "narrative"),
    ],
)  # fmt: skip
def test_dating_steps(nlp, token_of, text, trigger, date, precision, basis):
    doc = nlp(text)
    found = date_event(DocumentDates(doc, PUB), token_of(doc, trigger))
    assert (found.value, found.basis) == (DateValue(date, precision), basis)


def test_a_week_is_named_by_its_last_day():
    from datetime import date

    assert DateValue.of(date(2022, 7, 15), "week") == DateValue("2022-07-15", "week")


def test_a_piece_that_looks_back_keeps_its_narrative_time_across_paragraphs(nlp, token_of):
    text = ("On March 3 the talks failed. In April the envoys left.\n"
            "On May 9 the border closed.\nThe army shelled the port.")  # fmt: skip
    doc = nlp(text)
    found = date_event(DocumentDates(doc, PUB), token_of(doc, "shelled"))
    assert (found.value, found.basis) == (DateValue("2022-05", "month"), "narrative")


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # a named day of the current episode sets the narrative time; an old one does not
        ("A July 6 blast hit the refinery. Two days earlier, the minister spoke.", "2022-07-04"),
        ("Peru invoked the November 9, 2020 statement. Two days earlier, the minister spoke.",
         "2022-07-13"),
    ],
)  # fmt: skip
def test_named_days_anchor_only_the_current_episode(nlp, token_of, text, date):
    doc = nlp(text)
    found = date_event(DocumentDates(doc, PUB), token_of(doc, "spoke"))
    assert found.value == DateValue(date, "day")
