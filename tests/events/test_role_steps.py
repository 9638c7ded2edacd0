"""Each role step on a sentence where it changes the roles and one where it does not."""

from __future__ import annotations

from dataclasses import replace

import pytest

from dyadwatch.events import rolesteps as r
from dyadwatch.events.triggers import find_candidates


def roles_at(coder, analyse, text: str, word: str):
    """The candidate at ``word``, the roles the parse alone gives it, and the finder."""
    seen = analyse(text)
    cand = next(c for c in find_candidates(seen.doc, coder.lexicon) if c.token.text == word)
    finder = seen.roles
    tok = cand.token
    parsed = finder._verb(tok) if cand.trigger.pos == "VERB" else finder._noun(tok)
    return cand, parsed, finder


CASES = [
    # step, sentence, trigger, fires, (actor code, recipient code, recipient_how) when it fires
    (r.causer, "A Peruvian court ordered the Chilean mining firm to halt exports.", "halt",
     True, ("PERJUD", None, "causee")),
    (r.causer, "Peru halted exports to Chile.", "halted", False, None),
    (r.condition, "Peru threatened to close the border if Chile keeps the tariffs.", "threatened",
     True, ("PER", "CHL", "condition")),
    (r.condition, "Peru threatened to close the border with Chile.", "threatened", False, None),
    (r.addressee, "Peru demanded that Chile withdraw its troops.", "demanded",
     True, ("PER", "CHL", "addressee")),
    (r.addressee, "Peru demanded the withdrawal of troops.", "demanded", False, None),
    (r.granter, "The OAS council met in an emergency session at Peru's request.", "request",
     True, ("PER", "OAS", "granter")),
    (r.granter, "Peru repeated its request for talks.", "request", False, None),
    (r.judged, "Peru said the Chilean blockade was a violation of the treaty.", "said",
     True, ("PER", "CHL", "judged")),
    (r.judged, "Peru condemned the Chilean blockade.", "condemned", False, None),
    (r.forum_dropped, "Peru filed a complaint with the World Trade Organization.", "filed",
     True, ("PER", None, "")),
    (r.forum_dropped, "Peru filed a complaint with Chile.", "filed", False, None),
]  # fmt: skip


@pytest.mark.parametrize(("step", "text", "word", "fires", "expected"), CASES)
def test_role_step(coder, analyse, step, text, word, fires, expected):
    cand, parsed, finder = roles_at(coder, analyse, text, word)
    changed = step(finder, cand, parsed)
    assert (changed is not None) == fires
    if fires:
        actor, recipient, how = expected
        assert changed.actor is not None and changed.actor.code.startswith(actor)
        if recipient is not None:
            assert changed.recipient is not None and changed.recipient.code.startswith(recipient)
        assert changed.recipient_how == how


def test_complement_lends_its_recipient(coder, analyse):
    cand, parsed, finder = roles_at(coder, analyse, "Peru threatened to expel Chilean diplomats.",
                                    "threatened")  # fmt: skip
    parsed = replace(parsed, recipient=None)
    changed = r.complement(finder, cand, parsed)
    assert changed is not None and changed.recipient_how == "complement"
    assert changed.recipient.country == "CHL"
    assert r.complement(finder, cand, changed) is None  # a recipient already there stays


def test_own_side_is_no_recipient(coder, analyse):
    cand, parsed, finder = roles_at(coder, analyse, "Peru praised Peruvian soldiers.", "praised")
    own = replace(parsed, recipient=parsed.actor)
    assert r.own_side_dropped(finder, cand, own).recipient is None
    other = analyse("Peru praised Chilean soldiers.")
    cand2 = next(c for c in find_candidates(other.doc, coder.lexicon) if c.token.text == "praised")
    assert r.own_side_dropped(other.roles, cand2, other.roles(cand2)) is None


def test_steps_run_in_their_order():
    assert [s.__name__ for s in r.ROLE_STEPS] == [
        "received", "instrument_dropped", "between_parties", "causer", "condition", "addressee",
        "granter", "judged", "complement", "forum_dropped", "own_side_dropped",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        ("Peru said the Chilean blockade was a violation of the treaty.", "CHL"),
        ("Peru said the blockade in Peruvian waters amounted to aggression.", None),
    ],
)
def test_a_verdict_is_aimed_at_the_doer_of_the_act_judged(coder, analyse, text, recipient):
    cand, parsed, finder = roles_at(coder, analyse, text, "said")
    changed = r.judged(finder, cand, parsed)
    found = changed.recipient.country if changed.recipient is not None else None
    assert (changed.actor.country, found) == ("PER", recipient)
