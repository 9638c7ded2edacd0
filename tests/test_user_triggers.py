"""A user's trigger file reaches the coder from `code`, `ingest` and Config."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dyadwatch.commands import app
from dyadwatch.config import Config

runner = CliRunner()
HEADER = "lemma\tpos\twith\tevent\tmode\tcontext\tcameo\tintensity\tframe\tnote\n"


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    article = tmp_path / "in.jsonl"
    article.write_text(json.dumps({"id": "t1", "date": "2024-03-04",
                                   "text": "Norway chided Sweden on Monday over fishing quotas."})
                       + "\n")  # fmt: skip
    triggers = tmp_path / "mine.tsv"
    triggers.write_text(HEADER + "chide\tVERB\t\tACCUSE\t\t\t\t\t\ta mild reproach\n")
    return article, triggers


def _events(output: str) -> list[tuple[str, str, str]]:
    rows = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
    return [(r["event"], r["actor"]["code"], r["recipient"]["code"]) for r in rows]


def test_code_reads_user_triggers(files):
    article, triggers = files
    plain = runner.invoke(app, ["code", str(article), "-q"])
    mine = runner.invoke(app, ["code", str(article), "-q", "--triggers", str(triggers)])
    assert plain.exit_code == 0 and mine.exit_code == 0, mine.output
    assert ("ACCUSE", "NOR", "SWE") not in _events(plain.output)
    assert ("ACCUSE", "NOR", "SWE") in _events(mine.output)


def test_ingest_reads_user_triggers(files, tmp_path):
    article, triggers = files
    db = str(tmp_path / "s.duckdb")
    result = runner.invoke(app, ["ingest", str(article), "--db", db, "--triggers", str(triggers)])
    assert result.exit_code == 0, result.output
    assert "1 mentions" in result.output


def test_bad_trigger_file_is_one_clear_error(files, tmp_path):
    article, _ = files
    bad = tmp_path / "bad.tsv"
    bad.write_text(HEADER + "chide\tVERB\t\tHUG\t\t\t\t\t\tno such type\n")
    result = runner.invoke(app, ["code", str(article), "-q", "--triggers", str(bad)])
    assert result.exit_code == 2
    assert "bad.tsv" in result.output and "Traceback" not in result.output


def test_config_carries_trigger_files(files):
    from dyadwatch.coder import Coder

    _, triggers = files
    coder = Coder(Config(triggers=[triggers]))
    assert coder.lexicon.match("chide", "VERB", set()) is not None
