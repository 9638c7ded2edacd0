"""The act of the main clause outranks an act told inside its clause."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from dyadwatch.events.embedding import clause_anchor, embedded
from dyadwatch.model import Document


def _doc(words, heads, deps, pos):
    """A parsed Doc built by hand (heads as absolute indices)."""
    from spacy.vocab import Vocab

    return Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos)


# "Chile began a strike to demand talks ."
STRIKE = _doc(
    ["Chile", "began", "a", "strike", "to", "demand", "talks", "."],
    [1, 1, 3, 1, 5, 1, 5, 1],
    ["nsubj", "ROOT", "det", "dobj", "aux", "advcl", "dobj", "punct"],
    ["PROPN", "VERB", "DET", "NOUN", "PART", "VERB", "NOUN", "PUNCT"],
)
# "Peru opened the border but refused entry ."
COORDINATED = _doc(
    ["Peru", "opened", "the", "border", "but", "refused", "entry", "."],
    [1, 1, 3, 1, 1, 1, 5, 1],
    ["nsubj", "ROOT", "det", "dobj", "cc", "conj", "dobj", "punct"],
    ["PROPN", "VERB", "DET", "NOUN", "CCONJ", "VERB", "NOUN", "PUNCT"],
)


def test_a_noun_object_of_a_verb_that_is_no_trigger_stands_for_its_clause():
    assert clause_anchor(STRIKE[3], {3, 5}).i == 1
    assert clause_anchor(STRIKE[3], {1, 3}).i == 3  # the verb is a trigger itself


def test_a_purpose_clause_is_embedded_in_the_clause_of_the_noun_act():
    assert embedded(STRIKE[5], {3, 5})
    assert not embedded(STRIKE[3], {3, 5})


def test_coordinated_acts_are_on_one_level():
    assert not embedded(COORDINATED[5], {1, 5})
    assert not embedded(COORDINATED[1], {1, 5})


def test_an_act_alone_is_not_embedded():
    assert not embedded(STRIKE[5], {5})


def _top(coder, text):
    events = coder.code(Document(id="t", text=text, date="2024-05-02"))
    return max(events, key=lambda e: e.confidence)


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Norway agreed on Monday to provide food aid to Sudan.", "AGREE"),
        ("Police in Chile opened fire to disperse striking miners in Santiago.", "ASSAULT"),
        (
            "Turkey said it would back a NATO plan that seeks to impose a blockade on Syria.",
            "AGREE",
        ),
    ],
)
def test_the_main_clause_act_is_the_most_confident(coder, text, event):
    assert _top(coder, text).event == event
