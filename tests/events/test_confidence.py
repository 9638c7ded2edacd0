from __future__ import annotations

import pytest

from dyadwatch.errors import DataError
from dyadwatch.events.confidence import confidence, penalties, penalty


@pytest.mark.parametrize(
    ("step", "cost"),
    [
        ("trigger:sanction/NOUN>SANCTION", 0.05),
        ("trigger:sanction/VERB>SANCTION", 0.0),
        ("factuality:asserted", 0.0),
        ("factuality:hedged", 0.1),
        ("actor:subject", 0.0),
        ("actor:speaker", 0.1),
        ("recipient:parse", 0.0),
        ("recipient:counterpart", 0.15),
        ("recipient:none", 0.2),
        ("recipient-dropped:outlet", 0.0),
        ("embedded", 0.2),
        ("date:clause", 0.0),
    ],
)
def test_each_step_costs_its_row(step, cost):
    assert penalty(step) == pytest.approx(cost)


def test_confidence_is_base_less_the_penalties():
    plain = ["trigger:expel/VERB>SANCTION", "factuality:asserted", "actor:subject",
             "recipient:parse", "date:clause"]  # fmt: skip
    assert confidence(plain) == 0.9
    unsure = ["trigger:threat/NOUN>THREATEN", "factuality:reported", "actor:speaker",
              "actor:guessed-country", "recipient:none", "embedded"]  # fmt: skip
    assert confidence(unsure) == 0.1  # 0.9 - 0.8
    assert confidence([*unsure, "trigger:x/NOUN>THREATEN"]) == 0.05  # never below 0.05


def test_events_carry_the_steps_their_confidence_is_read_from(coder):
    from dyadwatch.model import Document

    doc = Document(id="c1", text="Peru expelled two Chilean diplomats on Monday.",
                   date="2024-03-06")  # fmt: skip
    events = coder.code(doc)
    assert events
    for event in events:
        assert event.confidence == confidence(event.steps)


def test_a_bad_row_names_file_and_line(tmp_path):
    path = tmp_path / "penalties.tsv"
    path.write_text("step\tpenalty\twhy\nembedded\tlots\tno number\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"penalties\.tsv:2:"):
        penalties(path)
