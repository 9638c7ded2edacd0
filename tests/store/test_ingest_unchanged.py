"""Re-ingesting unchanged documents checks their content hash and codes nothing again."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from dyadwatch.commands import app
from dyadwatch.errors import InputError
from dyadwatch.outcome import Outcome
from dyadwatch.scale import runs

runner = CliRunner()


def _articles(path: Path, texts: list[str]) -> Path:
    rows = [{"id": f"a{i}", "date": f"2024-05-0{i + 1}", "text": t} for i, t in enumerate(texts)]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_unchanged_documents_are_not_coded_again(tmp_path, monkeypatch):
    coded: list[str] = []

    class CountingCoder:
        def __init__(self, config):
            self.config = config

        def code_many(self, items):
            for doc in items:
                assert not isinstance(doc, InputError), doc
                coded.append(doc.id)
                yield Outcome(doc_id=doc.id, events=[], document=doc)

    monkeypatch.setattr(runs, "default_coder", CountingCoder)
    texts = ["Zembla opened a consulate in Lilliput.", "Lilliput thanked Zembla for grain.",
             "Blefuscu and Zembla signed a fishing pact."]  # fmt: skip
    db = str(tmp_path / "s.duckdb")
    steps = [
        (texts, ["a0", "a1", "a2"], "3 documents added, 0 replaced, 0 unchanged"),
        (texts, [], "0 documents added, 0 replaced, 3 unchanged"),
        ([texts[0], "Lilliput recalled its envoy from Zembla.", texts[2]], ["a1"],
         "0 documents added, 1 replaced, 2 unchanged"),
    ]  # fmt: skip
    for step_texts, expected, summary in steps:
        coded.clear()
        path = _articles(tmp_path / "in.jsonl", step_texts)
        result = runner.invoke(app, ["ingest", str(path), "--db", db, "-w", "1"])
        assert result.exit_code == 0, result.output
        assert coded == expected
        assert summary in result.output
