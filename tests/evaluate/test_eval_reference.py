"""The project's scorer agrees exactly with the reference scorer of the gold sets.

The reference (``shared/tools/score.py``) is run as a separate program on the same gold and
prediction files; every figure it prints must equal the project's. Skipped when the shared
folder is absent. Predictions come from the coder (demo articles, seed articles) and from
gold events changed in the ways the rule is strict about (dates known to the year, month
or week, wrong actors, hedged statements).
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest
from eval_fakes import event

from dyadwatch.evaluate.gold import load_gold, score_gold
from dyadwatch.model import Document, Event

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
DEMO_GOLD = Path(str(resources.files("dyadwatch.demo") / "gold.jsonl"))
DEMO_ARTICLES = Path(str(resources.files("dyadwatch.demo") / "articles.jsonl"))


def shared_path(*parts: str) -> Path:
    """A path under the shared folder; skips the test when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not available")
    return path


def reference_score(gold: Path, events: list[Event], tmp_path: Path) -> dict:
    script = shared_path("tools", "score.py")
    pred = tmp_path / "pred.jsonl"
    pred.write_text("".join(json.dumps(e.to_dict()) + "\n" for e in events), encoding="utf-8")
    done = subprocess.run([sys.executable, str(script), str(gold), str(pred), "--json"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    return json.loads(done.stdout)


def assert_agree(gold: Path, events: list[Event], tmp_path: Path) -> None:
    theirs = reference_score(gold, events, tmp_path)
    ours = score_gold(load_gold(gold), events)
    assert {
        "pred": ours.predictions,
        "core": ours.core_total,
        "core_found": ours.core_matched,
        "matched": ours.matched_predictions,
        "recall_core": round(ours.core_recall, 3),
        "precision": round(ours.precision, 3),
        "forbidden_hits": ours.forbidden_hits,
        "recall_core_any_date": round(ours.core_recall_any_date, 3),
        "missed": sorted(g.id for g in ours.misses),
    } == {
        **{k: theirs[k] for k in ("pred", "core", "core_found", "matched", "recall_core",
                                  "precision", "forbidden_hits", "recall_core_any_date")},
        "missed": sorted(theirs["missed"]),
    }  # fmt: skip


def _variants(row: dict, k: int, rng: random.Random) -> list[Event]:
    """Predictions made from one gold row: right, and wrong in one way the rule cares about."""
    date = row["date"]
    day = date if len(date) == 10 else date + "-15"
    base = {"doc": row["doc"], "type": row["type"], "source": row["source"],
            "target": row.get("target")}  # fmt: skip
    changes = [
        {},
        {"date": date[:4], "precision": "year"},
        {"date": day, "precision": "month"},
        {"date": day, "precision": "week"},
        {"date": None},
        {"source": (row.get("source_alt") or ["ZZZ"])[0]},
        {"target": "XYZGOV"},
        {"type": (row.get("type_alt") or ["AID"])[0]},
        {"factuality": "hedged"},
        {"factuality": "reported", "date": "2001-01-01"},
    ]
    picked = rng.sample(changes, 3)
    out = []
    for j, change in enumerate(picked):
        fields = {"date": day, "precision": "day", **base, **change}
        out.append(event(**fields, n=k * 10 + j))
    return out


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_agrees_on_changed_gold_events(tmp_path, seed):
    rng = random.Random(seed)
    rows = [json.loads(line) for line in DEMO_GOLD.read_text(encoding="utf-8").splitlines()]
    events = [e for k, row in enumerate(rows) for e in _variants(row, k, rng)]
    rng.shuffle(events)
    assert_agree(DEMO_GOLD, events, tmp_path)


def _coded(coder, path: Path) -> list[Event]:
    docs = [Document.from_dict(json.loads(line))
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]  # fmt: skip
    return [e for outcome in coder.code_many(docs) for e in outcome.events]


def test_agrees_on_coded_demo_articles(coder, tmp_path):
    shared_path("tools", "score.py")
    assert_agree(DEMO_GOLD, _coded(coder, DEMO_ARTICLES), tmp_path)


def test_agrees_on_coded_seed_articles(coder, tmp_path):
    gold = shared_path("gold", "seeds.jsonl")
    assert_agree(gold, _coded(coder, shared_path("corpus", "seeds.jsonl")), tmp_path)
