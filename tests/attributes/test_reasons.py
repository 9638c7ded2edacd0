"""The reason a text states for an act (attributes/reasons.py)."""

from __future__ import annotations

import pytest

from dyadwatch.attributes.reasons import stated_reason


@pytest.mark.parametrize(
    ("text", "trigger", "reason"),
    [
        ("Ghana suspended the flights, citing safety risks.", "suspended", "safety risks"),
        ("Ghana halted poultry imports and cited an outbreak of bird flu.", "halted",
         "an outbreak of bird flu"),
        ("Ghana suspended the flights owing to a strike.", "suspended", "a strike"),
        # the act is the subject of a copula: "X was due to Y"
        ("The suspension of the flights was due to repairs.", "suspension", "repairs"),
    ],
)  # fmt: skip
def test_a_stated_reason_is_read_as_written(nlp, token_of, text, trigger, reason):
    doc = nlp(text)
    assert stated_reason(token_of(doc, trigger)) == reason


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Turkey closed the crossing on Tuesday.", "closed"),
        # "over" names a subject of dispute more often than a reason
        ("Nigeria protested over the arrests.", "protested"),
        # a reason for another act in another clause is not this act's
        ("Ghana suspended the flights, and Togo closed its border citing the unrest.",
         "suspended"),
    ],
)  # fmt: skip
def test_no_reason_stated(nlp, token_of, text, trigger):
    doc = nlp(text)
    assert stated_reason(token_of(doc, trigger)) is None


@pytest.mark.parametrize(
    ("text", "trigger", "reason"),
    [
        # "due to" after the object: "due" may be parsed as the preposition, "to" below it
        ("Turkey closed the crossing due to heavy fighting.", "closed", "heavy fighting"),
        # "because of": the object hangs from "because", not from "of"
        ("Turkey closed the crossing because of security concerns.", "closed",
         "security concerns"),
        # cues of three and four words, ending at the preposition
        ("Ghana suspended the flights on the grounds of safety.", "suspended", "safety"),
        ("Ghana suspended the flights as a result of the storm.", "suspended", "the storm"),
        ("Mali shut its embassy in view of the unrest.", "shut", "the unrest"),
        ("Peru expelled the attache in connection with the spying case.", "expelled",
         "the spying case"),
    ],
)  # fmt: skip
def test_reason_phrases_of_any_length(nlp, token_of, text, trigger, reason):
    doc = nlp(text)
    assert stated_reason(token_of(doc, trigger)) == reason


@pytest.mark.parametrize(
    ("text", "trigger", "reason"),
    [
        ("Ghana suspended the flights because rebels attacked the airport.", "suspended",
         "rebels attacked the airport"),
        # the clause hangs from the clause the act sits in
        ("The suspension of the flights came because the airport was shelled.", "suspension",
         "the airport was shelled"),
    ],
)  # fmt: skip
def test_a_because_clause_is_a_reason(nlp, token_of, text, trigger, reason):
    doc = nlp(text)
    assert stated_reason(token_of(doc, trigger)) == reason


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # the clause gives the reason of "angered", not of the act inside it
        ("Hungary was angered because Austria closed the border.", "closed"),
        # a because-clause that says it came later is evidence, not a reason
        ("Chile was plainly annoyed, because a week later it recalled its envoy.", "annoyed"),
        # a multiword cue must be whole: "a result of" without "as"
        ("Ghana suspended the flights, a result of the storm.", "suspended"),
    ],
)  # fmt: skip
def test_no_reason_from_a_because_clause_or_a_cue_in_part(nlp, token_of, text, trigger):
    doc = nlp(text)
    assert stated_reason(token_of(doc, trigger)) is None
