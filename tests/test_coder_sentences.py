"""The project's own golden sentences (tests/data/sentences.jsonl): sentence → events.

Each expected event must come out with its type, actor country and recipient country; a
sentence that expects no events must give no asserted or reported event. Cases the coder
does not handle yet are listed in tests/data/known_gaps.txt and run as strict xfails, so a
fix shows up as an unexpected pass and the list shrinks.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyadwatch.model import Document

DATA = Path(__file__).parent / "data"
CASES = [json.loads(line) for line in (DATA / "sentences.jsonl").read_text().splitlines()
         if line.strip()]  # fmt: skip
GAPS = {line.split()[0] for line in (DATA / "known_gaps.txt").read_text().splitlines()
        if line.strip() and not line.startswith("#")}  # fmt: skip


def country(code: str | None) -> str | None:
    return code[:3] if code else None


def matches(expected: dict, event) -> bool:
    if event.event != expected["event"]:
        return False
    actor = event.actor.country or event.actor.code[:3] if event.actor else None
    if (
        expected.get("actor")
        and (actor or "") != country(expected["actor"])
        and (event.actor is None or event.actor.code != expected["actor"])
    ):
        return False
    if expected.get("recipient"):
        rec = event.recipient
        got = {rec.code, rec.country or "", rec.code[:3]} if rec else set()
        if country(expected["recipient"]) not in got and expected["recipient"] not in got:
            return False
    want = expected.get("factuality")
    return not want or want == event.factuality


@pytest.mark.parametrize(
    "case",
    [pytest.param(c, id=c["id"], marks=[pytest.mark.xfail(strict=True, reason="known gap")]
                  if c["id"] in GAPS else []) for c in CASES],
)  # fmt: skip
def test_sentence(full_coder, case):
    events = full_coder.code(Document(id=case["id"], text=case["text"], date=case.get("date")))
    if not case["events"]:
        firm = [e for e in events if e.factuality in ("asserted", "reported")]
        assert firm == [], [(e.event, e.event_text, e.factuality) for e in firm]
    for expected in case["events"]:
        assert any(matches(expected, e) for e in events), (
            expected,
            [
                (
                    e.event,
                    e.actor.code if e.actor else None,
                    e.recipient.code if e.recipient else None,
                    e.factuality,
                )
                for e in events
            ],
        )
