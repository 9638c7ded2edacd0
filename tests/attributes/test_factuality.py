"""Factuality cues read off the parse, on sentences written for these tests."""

from __future__ import annotations

import pytest

from dyadwatch.attributes.factuality import comparison_clause, cues, factuality

CASES = [
    ("Armenia expelled two Azerbaijani diplomats on Monday.", "expelled", "asserted", False),
    ("Armenia did not expel the diplomats.", "expel", "negated", False),
    ("No installations in Chile had been struck.", "struck", "negated", False),
    ("The shelling killed no civilians.", "killed", "negated", False),
    ("No fewer than ten civilians were killed.", "killed", "asserted", False),
    ("Chile shelled two towns, none of which it held.", "held", "negated", False),
    ("The ministry said Lithuania had blocked the cargo.", "blocked", "asserted", False),
    ("Belarus reports that Polish guards have beaten migrants.", "beaten", "reported", False),
    ("According to officials, the army shelled the village.", "shelled", "reported", False),
    ("The troops reportedly shelled the village.", "shelled", "reported", False),
    ("The army apparently shelled the village.", "shelled", "hedged", False),
    ("Rebels may have shelled the village.", "shelled", "hedged", False),
    ("It may be that rebels shelled the village.", "shelled", "hedged", False),
    ("It is possible that rebels shelled the village.", "shelled", "hedged", False),
    ("Georgia could retaliate by closing the border.", "closing", "hypothetical", False),
    ("If Serbia attacks, Kosovo will respond.", "attacks", "hypothetical", False),
    ("Poland plans to close the crossing.", "close", "asserted", True),
    ("China said it would free the fishermen.", "free", "asserted", True),
    ("Moldova will expel the envoy.", "expel", "asserted", True),
    ("Serbia did not attack and kill the guards.", "kill", "negated", False),
    (
        "Serbia will lift the ban, will not use force and commit to the talks.",
        "commit",
        "asserted",
        True,
    ),
    ("Serbia will not use force and will commit to the talks.", "commit", "asserted", True),
    # "no longer": an adverb its own "no" negates
    ("Ankara will no longer hold talks with Athens.", "hold", "negated", True),
    ("Not long after the talks, Azerbaijan shelled the village.", "shelled", "asserted", False),
    # an adverbial clause with its own subject is not what the verb above intends
    ("Footage shows soldiers trying to cross the field before they were cut down by fire.",
     "cut", "asserted", False),
]  # fmt: skip


@pytest.mark.parametrize(("text", "word", "label", "intent"), CASES)
def test_factuality(nlp, text, word, label, intent):
    doc = nlp(text)
    tok = next(t for t in doc if t.text == word)
    got = factuality(tok)
    assert (got.label, got.intent) == (label, intent)


def test_speaker_is_found(nlp):
    doc = nlp("Kazakhstan reports that 1,700 railcars of coal have been stopped.")
    got = factuality(next(t for t in doc if t.text == "stopped"))
    assert got.speaker is not None and got.speaker.text == "Kazakhstan"


def test_a_participle_of_saying_speaks_for_the_clause_before_it(nlp):
    doc = nlp("Peru rejected the statement, saying Chile had blocked a fair deal.")
    got = factuality(next(t for t in doc if t.text == "blocked"))
    assert got.speaker is not None and got.speaker.text == "Peru"


def test_every_cue_class_has_words():
    assert all(words for words in cues().values())


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("If Serbia attacks, Kosovo will respond.", "attacks", True),
        ("If Serbia attacks, Kosovo will respond.", "respond", False),
        (
            "She said that if its sailors were detained, Oslo would recall its envoy.",
            "detained",
            True,
        ),
        ("Ankara will cut gas supplies unless Baghdad pays its debts.", "pays", True),
        ("Ankara will cut gas supplies unless Baghdad pays its debts.", "cut", False),
        ("Serbia attacked the post, and Kosovo responded.", "attacked", False),
    ],
)
def test_in_condition(nlp, token_of, text, word, expected):
    from dyadwatch.attributes.factuality import in_condition

    assert in_condition(token_of(nlp(text), word)) is expected


def test_according_to_names_the_source(nlp):
    doc = nlp("According to the Georgian minister, the army shelled the village.")
    got = factuality(next(t for t in doc if t.text == "shelled"))
    assert got.source is not None and got.source.text == "minister"
    assert (
        factuality(next(t for t in nlp("The army shelled it.") if t.text == "shelled")).source
        is None
    )


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Chile will not recognise them, just as it does not recognise Kosovo.", "recognise", 1),
        ("Chile will expel the envoys, much as it expelled Peruvian diplomats in 2019.",
         "expelled", 0),
        ("Chile shelled the town just as talks were due to start.", "start", None),
        ("As troops advanced, Chile shelled the town.", "advanced", None),
    ],
)  # fmt: skip
def test_comparison_clause(nlp, text, word, expected):
    doc = nlp(text)
    found = [t for t in doc if t.text == word]
    tok = found[expected] if expected is not None else found[0]
    assert (comparison_clause(tok) is not None) is (expected is not None)
