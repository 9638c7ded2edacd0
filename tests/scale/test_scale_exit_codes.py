"""`dyadwatch code` and `ingest` exit codes: 0 all coded, 1 some skipped, 2 nothing usable."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dyadwatch.commands import app

runner = CliRunner()
ENGLISH = (
    "The foreign ministers of the two neighbouring states met on Monday in the border town "
    "to discuss the reopening of the river crossing, which has been closed since the floods "
    "of last spring. Officials said they were close to an agreement on customs checks."
)
SPANISH = "Los ministros de los dos estados se reunieron el lunes en la ciudad fronteriza. " * 4
GOOD = json.dumps({"id": "good", "text": ENGLISH, "date": "2024-03-05"})
BAD = json.dumps({"id": "bad", "text": SPANISH, "date": "2024-03-05"})


@pytest.mark.parametrize(
    ("lines", "status", "summary"),
    [
        ([GOOD], 0, "coded 1 documents, skipped 0"),
        ([GOOD, BAD], 1, "coded 1 documents, skipped 1"),
        ([BAD], 2, "coded 0 documents, skipped 1"),
        (None, 2, "coded 0 documents, skipped 1"),  # a binary file
    ],
)
@pytest.mark.parametrize("command", ["code", "ingest"])
def test_exit_code_says_how_much_was_usable(
    tmp_path: Path, lines: list[str] | None, status: int, summary: str, command: str
) -> None:
    path = tmp_path / "in.jsonl"
    if lines is None:
        path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe")
    else:
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    args = [command, str(path), "--workers", "1"]
    args += (
        ["-o", str(tmp_path / "e.jsonl")]
        if command == "code"
        else ["--db", str(tmp_path / "s.duckdb")]
    )
    result = runner.invoke(app, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == status, result.output
    if command == "code":
        assert summary in result.output
    else:
        n_skipped = summary.split("skipped ")[1]
        assert f"{n_skipped} skipped" in result.output


@pytest.mark.parametrize("engine", ["local", "dask"])
def test_no_documents_at_all_is_exit_2(tmp_path: Path, engine: str) -> None:
    (tmp_path / "empty").mkdir()
    args = ["code", str(tmp_path / "empty"), "-o", str(tmp_path / "out"), "--engine", engine,
            "--workers", "1"]  # fmt: skip
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
