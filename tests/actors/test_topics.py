"""A state named as a topic ("about Kazakhstan") places no one; a title before a name borrows
no country from the sentence before."""

from __future__ import annotations

from dyadwatch.actors.topics import in_topic_phrase
from dyadwatch.model import Document


def test_object_of_about_is_a_topic(analyse):
    found = analyse("He made remarks about Mongolia.")
    assert in_topic_phrase(found.token("Mongolia"))


def test_object_of_in_is_no_topic(analyse):
    found = analyse("He made remarks in Mongolia.")
    assert not in_topic_phrase(found.token("Mongolia"))


def test_a_titled_name_is_not_placed_by_a_topic_or_the_last_state(coder):
    text = ("The Kenyan president said Kenya would not recognise Somaliland or Abkhazia. "
            "He also rebuked commentator Jon Halvorsen for remarks he had made about Kenya.")  # fmt: skip
    events = coder.code(Document(id="t", text=text, date="2024-05-10"))
    rebukes = [e for e in events if e.event_text == "rebuked"]
    assert rebukes and all(e.recipient is None or e.recipient.code[:3] not in ("KEN", "GEO")
                           for e in rebukes), [(e.actor.code, e.recipient) for e in rebukes]  # fmt: skip
