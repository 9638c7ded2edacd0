"""Store commands under bad input: clear one-line errors, exit codes, nothing doubled or lost."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from handmade import make_event, port_closure_pair
from typer.testing import CliRunner

from dyadwatch.commands import app
from dyadwatch.model import Document
from dyadwatch.store import StoreReader, Submission
from dyadwatch.store.writer import ingest_released

runner = CliRunner()
ENGLISH = (
    "The foreign ministers of the two neighbouring states met on Monday in the border town "
    "to discuss the reopening of the river crossing, which has been closed since the floods "
    "of last spring. Officials said they were close to an agreement on customs checks."
)


def event_lines(events) -> str:
    return "".join(json.dumps(e.to_dict()) + "\n" for e in events)


@pytest.fixture()
def events_file(tmp_path: Path) -> Path:
    path = tmp_path / "events.jsonl"
    path.write_text(event_lines(port_closure_pair()))
    return path


def invoke(*args: str):
    result = runner.invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def not_a_store(tmp_path: Path, kind: str) -> Path:
    path = tmp_path / f"x.{kind}"
    if kind == "parquet":
        pq.write_table(pa.table({"a": [1, 2]}), path)
    elif kind == "dir":
        path.mkdir()
    else:
        path.write_text('{"id": "a", "text": "b"}\n' if kind == "jsonl" else "a,b\n1,2\n")
    return path


@pytest.mark.parametrize("kind", ["jsonl", "csv", "parquet", "dir"])
@pytest.mark.parametrize("command", ["ingest", "dyad", "export"])
def test_db_that_is_not_a_store_is_refused(tmp_path: Path, events_file: Path, kind: str,
                                           command: str) -> None:  # fmt: skip
    db = not_a_store(tmp_path, kind)
    before = sorted(p.name for p in tmp_path.iterdir())
    content = db.read_bytes() if db.is_file() else None
    args = {"ingest": ["ingest", "--events", str(events_file)], "dyad": ["dyad", "RUS", "KAZ"],
            "export": ["export"]}[command]  # fmt: skip
    result = invoke(*args, "--db", str(db))
    assert result.exit_code == 2
    assert "not a DuckDB store" in result.output or "is a directory" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert (db.read_bytes() if db.is_file() else None) == content


def test_repeated_event_records_are_stored_once(tmp_path: Path, events_file: Path) -> None:
    once, twice = tmp_path / "once.duckdb", tmp_path / "twice.duckdb"
    doubled = tmp_path / "doubled.jsonl"
    doubled.write_text(events_file.read_text() * 2)
    assert invoke("ingest", "--events", str(events_file), "--db", str(once)).exit_code == 0
    assert invoke("ingest", "--events", str(doubled), "--db", str(twice)).exit_code == 0
    with StoreReader(once) as a, StoreReader(twice) as b:
        assert a.counts() == b.counts() == {"documents": 2, "mentions": 2, "events": 1}
        assert a.dyad_events("RUS", "KAZ")[1] == b.dyad_events("RUS", "KAZ")[1] == 1


@pytest.mark.parametrize(
    ("content", "status", "words"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe\x00", 2, ["skipped", "line 1"]),
        (b"\xff\xfe\x00{\x00", 2, ["not valid UTF-8"]),
        (None, 1, ["not valid UTF-8", "line 2", "2 documents added", "1 skipped"]),
    ],
    ids=["binary", "utf16", "bad-second-line"],
)
def test_undecodable_event_file_is_named_not_a_traceback(
    tmp_path: Path, events_file: Path, content: bytes | None, status: int, words: list[str]
) -> None:
    path = tmp_path / "bad.jsonl"
    if content is None:
        first, second = events_file.read_bytes().splitlines(keepends=True)
        content = first + b'{"id": "caf\xe9"}\n' + second
    path.write_bytes(content)
    result = invoke("ingest", "--events", str(path), "--db", str(tmp_path / "s.duckdb"))
    assert result.exit_code == status, result.output
    for word in words:
        assert word in result.output


def test_markup_in_a_skipped_documents_id_is_printed_as_is(tmp_path: Path) -> None:
    docs = tmp_path / "docs.jsonl"
    docs.write_text(
        json.dumps({"id": "[/red]x", "text": "Los ministros se reunieron el lunes. " * 8,
                    "date": "2024-03-05"}) + "\n"
        + json.dumps({"id": "good", "text": ENGLISH, "date": "2024-03-05"}) + "\n"
    )  # fmt: skip
    result = invoke("ingest", str(docs), "--db", str(tmp_path / "s.duckdb"), "--workers", "1")
    assert result.exit_code == 1, result.output
    assert "[/red]x" in result.output
    assert "1 documents added, 0 replaced, 0 unchanged, 1 skipped" in result.output


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["export", "-o", "{tmp}/missing/dir/e.jsonl"], "does not exist"),
        (["export", "-o", "{tmp}"], "is a directory"),
        (["report", "RUS", "KAZ", "-o", "{tmp}"], "is a directory"),
        (["report", "RUS", "KAZ", "-o", "{tmp}/missing/dir/r.html"], "does not exist"),
        (["code", "{events}", "-o", "{tmp}"], "is a directory"),
        (["code", "{events}", "--engine", "dask", "-o", "{events}"], "not a directory"),
    ],
)
def test_unusable_output_path_is_refused_before_work(
    tmp_path: Path, events_file: Path, args: list[str], words: str
) -> None:
    db = tmp_path / "s.duckdb"
    assert invoke("ingest", "--events", str(events_file), "--db", str(db), "-q").exit_code == 0
    filled = [a.format(tmp=tmp_path, events=events_file) for a in args]
    if filled[0] != "code":
        filled += ["--db", str(db)]
    result = invoke(*filled)
    assert result.exit_code == 2
    assert words in result.output and "error" in result.output


def test_readers_can_open_the_store_between_ingest_batches(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    seen: list[dict[str, int]] = []

    def submissions():
        for k in range(6):
            if k in (2, 4):  # coding the next batch: the store must be free to read
                with StoreReader(db) as reader:
                    seen.append(reader.counts())
            doc_id = f"doc{k}"
            text = f"Moscow barred Kazakh tankers on day {k}."
            event = make_event(doc_id, text, "barred", "COERCE", "RUS", "KAZ", f"2024-03-0{k + 1}")
            yield Submission(doc_id, f"h{k}", [event], Document(doc_id, text, f"2024-03-0{k + 1}"))

    stats = ingest_released(db, submissions(), batch_size=2, wait=5)
    assert stats.added == 6
    assert [s["documents"] for s in seen] == [2, 4]
