"""One warning is one threat, however many acts it says could follow."""

from __future__ import annotations

from dyadwatch.model import Document


def _threats(coder, text: str) -> list:
    events = coder.code(Document(id="w", text=text, date="2024-05-10"))
    return [e for e in events if e.event == "THREATEN"]


def test_the_acts_one_speaker_warns_of_are_one_threat(coder):
    text = ("Senator Ramos of Peru said this could bring an invasion of Chile "
            "(to defend Peruvian fishermen and annex the coast).")  # fmt: skip
    threats = _threats(coder, text)
    assert [(e.actor.code, e.recipient.code) for e in threats] == [("PERLEG", "CHL")]
    assert "joined-warning" in threats[0].steps


def test_two_speakers_warn_twice(coder):
    text = ("Senator Ramos of Peru said this could bring an invasion of Chile, and a Peruvian "
            "general said this could bring the annexation of the Chilean coast.")  # fmt: skip
    threats = _threats(coder, text)
    assert len(threats) == 2
    assert all("joined-warning" not in e.steps for e in threats)
