"""Nouns coordinated in one phrase name one act of one actor against one recipient."""

from __future__ import annotations

import pytest

from dyadwatch.model import Document


def _events(coder, text):
    return coder.code(Document(id="t", text=text, date="2022-07-01"))


def test_coordinated_nouns_of_one_campaign_are_one_event(coder):
    events = _events(coder, "Chilean media went into overdrive with attacks and threats "
                            "aimed at Peru.")  # fmt: skip
    assert len(events) == 1, [(e.event, e.event_text) for e in events]
    assert "joined-coordinated" in events[0].steps


@pytest.mark.parametrize(
    "text",
    [
        # coordinated verbs are acts of their own
        "Chile threatened Peru and attacked Bolivia.",
        # nouns of one phrase with other recipients stay apart
        "Chile announced sanctions on Peru and threats against Bolivia.",
    ],
)
def test_other_coordinations_stay_apart(coder, text):
    assert len(_events(coder, text)) == 2
