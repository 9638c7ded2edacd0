"""The project's golden data files stay well formed: the sentence cases and the demo gold."""

from __future__ import annotations

import json
import re
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest

from dyadwatch.model import FACTUALITY, PLOVER_TYPES, Document

SENTENCES = Path(__file__).resolve().parent / "sentences.jsonl"
DEMO = files("dyadwatch") / "demo"
CODE = re.compile(r"[A-Z]{2,6}")
DAY = re.compile(r"\d{4}-\d\d-\d\d")
DAY_OR_MONTH = re.compile(r"\d{4}-\d\d(-\d\d)?")


def _lines(text: str) -> list[dict[str, Any]]:
    """Parse JSON Lines text into records; needs one object per non-empty line."""
    return [json.loads(line) for line in text.splitlines() if line.strip()]


SENTENCE_ROWS = _lines(SENTENCES.read_text(encoding="utf-8"))
ARTICLE_ROWS = _lines((DEMO / "articles.jsonl").read_text(encoding="utf-8"))
GOLD_ROWS = _lines((DEMO / "gold.jsonl").read_text(encoding="utf-8"))
TEXTS = {row["id"]: row["text"] for row in ARTICLE_ROWS}


@pytest.mark.parametrize(
    ("rows", "minimum"),
    [(SENTENCE_ROWS, 150), (ARTICLE_ROWS, 12), (GOLD_ROWS, 48)],
    ids=["sentences", "articles", "gold"],
)
def test_ids_unique_and_enough(rows: list[dict[str, Any]], minimum: int) -> None:
    ids = [row["id"] for row in rows]
    assert len(ids) == len(set(ids))
    assert len(ids) >= minimum


@pytest.mark.parametrize("case", SENTENCE_ROWS, ids=lambda c: c["id"])
def test_sentence_case(case: dict[str, Any]) -> None:
    assert set(case) == {"id", "text", "date", "events", "phenomenon"}
    assert DAY.fullmatch(case["date"])
    assert case["text"].strip() and case["phenomenon"].strip()
    for event in case["events"]:
        assert set(event) == {"event", "actor", "recipient", "factuality", "mode"}
        assert event["event"] in PLOVER_TYPES
        assert event["factuality"] in FACTUALITY
        for code in (event["actor"], event["recipient"]):
            assert code is None or CODE.fullmatch(code)


def test_sentences_cover_every_type_and_traps() -> None:
    seen = {event["event"] for case in SENTENCE_ROWS for event in case["events"]}
    assert seen == set(PLOVER_TYPES)
    assert sum(1 for case in SENTENCE_ROWS if not case["events"]) >= 15


@pytest.mark.parametrize("row", ARTICLE_ROWS, ids=lambda r: r["id"])
def test_demo_article(row: dict[str, Any]) -> None:
    doc = Document.from_dict(row)
    assert DAY.fullmatch(doc.date or "")
    assert doc.title and doc.url and doc.outlet
    assert 180 <= len(doc.text.split()) <= 450
    assert "\n\n" in doc.text
    count = sum(1 for gold in GOLD_ROWS if gold["doc"] == doc.id)
    assert 4 <= count <= 10


@pytest.mark.parametrize("gold", GOLD_ROWS, ids=lambda g: g["id"])
def test_demo_gold(gold: dict[str, Any]) -> None:
    assert gold["doc"] in TEXTS
    assert gold["evidence"] in TEXTS[gold["doc"]]
    assert gold["status"] in {"core", "optional", "forbidden"}
    assert gold["factuality"] in FACTUALITY
    assert DAY_OR_MONTH.fullmatch(gold["date"]) and gold["date_tol"] >= 0
    for kind in [gold["type"], *gold.get("type_alt", [])]:
        assert kind in PLOVER_TYPES
    codes = [
        gold["source"],
        gold["target"],
        *gold.get("source_alt", []),
        *gold.get("target_alt", []),
    ]
    assert all(CODE.fullmatch(code) for code in codes)
    link = gold.get("in_response_to")
    if link is not None:
        assert link in {g["id"] for g in GOLD_ROWS if g["doc"] == gold["doc"]}
