"""A with-phrase after an object that is a party is the act's means, not its other party."""

from __future__ import annotations

from dyadwatch.events.instruments import instrument_phrase


def test_with_after_a_party_object_is_the_means(analyse):
    found = analyse("Moscow threatened him with Georgia's fate.")
    phrase = instrument_phrase(found.roles, found.token("threatened"))
    assert phrase is not None and phrase.lower_ == "with"


def test_with_after_a_named_state_object_is_the_means(analyse):
    found = analyse("Washington supplied Kyiv with Czech shells.")
    assert instrument_phrase(found.roles, found.token("supplied")) is not None


def test_with_after_a_thing_object_is_the_partner(analyse):
    found = analyse("Chile signed an accord with Peru.")
    assert instrument_phrase(found.roles, found.token("signed")) is None


def test_the_means_state_is_not_the_recipient(coder):
    from dyadwatch.model import Document

    text = ("Bolivia's president spoke in La Paz. The Chilean senator mocked Bolivia and "
            "threatened him with Peru's fate.")  # fmt: skip
    events = coder.code(Document(id="t", text=text, date="2024-05-10"))
    threats = [e for e in events if e.event == "THREATEN"]
    assert threats and all(e.recipient is None or e.recipient.code[:3] != "PER"
                           for e in threats), [(e.actor.code, e.recipient) for e in threats]  # fmt: skip
