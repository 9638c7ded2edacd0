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


@pytest.mark.xfail(
    strict=True,
    reason="the parser reads 'due to' as prep 'due' with 'to' as its pcomp; the rule looks "
    "for 'to' only as a preposition, so the reason is missed",
)
def test_due_to_after_the_object(nlp, token_of):
    doc = nlp("Turkey closed the crossing due to heavy fighting.")
    assert stated_reason(token_of(doc, "closed")) == "heavy fighting"


@pytest.mark.xfail(
    strict=True,
    reason="'because of' is parsed as prep 'because' with pcomp 'of'; the rule takes the "
    "pcomp as the object and returns the word 'of'",
)
def test_because_of(nlp, token_of):
    doc = nlp("Turkey closed the crossing because of security concerns.")
    assert stated_reason(token_of(doc, "closed")) == "security concerns"


@pytest.mark.xfail(
    strict=True,
    reason="cues of three or more words ('on the grounds of', 'as a result of', 'in view "
    "of') are compared with two tokens only, so they never match",
)
@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Ghana suspended the flights on the grounds of safety.", "safety"),
        ("Ghana suspended the flights as a result of the storm.", "the storm"),
    ],
)
def test_long_reason_phrases(nlp, token_of, text, reason):
    doc = nlp(text)
    assert stated_reason(token_of(doc, "suspended")) == reason


@pytest.mark.xfail(
    strict=True,
    reason="'because' is a reason cue, but a 'because' clause hangs from the verb as an "
    "advcl with 'because' as its mark, which the rule never reads",
)
def test_a_because_clause_is_a_reason(nlp, token_of):
    doc = nlp("Ghana suspended the flights because rebels attacked the airport.")
    assert stated_reason(token_of(doc, "suspended")) is not None
