"""JSON Lines reading: each bad line gives one clear error and the good lines still come."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from read_samples import ENGLISH, GERMAN, SPANISH, record, summary, write_lines

from dyadwatch.config import Config
from dyadwatch.errors import InputError
from dyadwatch.model import Document
from dyadwatch.read import jsonl as jsonl_module
from dyadwatch.read import read_inputs
from dyadwatch.read.checks import ReadContext
from dyadwatch.read.jsonl import read_jsonl


def test_good_file_gives_documents_with_optional_fields(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "news.jsonl",
        [
            record(
                "a",
                url="https://news.example.org/a",
                title="Crossing talks",
                outlet="Example News",
                language="en",
                extra_field=[1, 2],
            ),
            record("b", date="2024-02-29"),
        ],
    )
    docs = list(read_inputs([path]))
    assert all(isinstance(d, Document) for d in docs)
    assert [(d.id, d.date) for d in docs] == [("a", "2024-03-05"), ("b", "2024-02-29")]
    assert docs[0].url == "https://news.example.org/a"
    assert docs[0].title == "Crossing talks"
    assert docs[0].outlet == "Example News"
    assert docs[0].text == ENGLISH


BAD_LINES = [
    # (bad line, expected doc name in the error, words the message must hold)
    (
        '{"id": "x1", "text": "Talks", "date": "2024-03-05"',
        "news.jsonl",
        ["line 2", "not valid JSON", "Expecting ',' delimiter"],
    ),
    ("[1, 2, 3]", "news.jsonl", ["line 2", "JSON array, not an object"]),
    ('"just a string"', "news.jsonl", ["line 2", "JSON string, not an object"]),
    (json.dumps({"text": ENGLISH, "date": "2024-03-05"}), "news.jsonl", ["line 2", "missing 'id'"]),
    (
        json.dumps({"id": "  ", "text": ENGLISH, "date": "2024-03-05"}),
        "news.jsonl",
        ["line 2", "empty 'id'"],
    ),
    (
        json.dumps({"id": ["x"], "text": ENGLISH, "date": "2024-03-05"}),
        "news.jsonl",
        ["line 2", "'id' must be a string, not array"],
    ),
    (json.dumps({"id": "x2", "date": "2024-03-05"}), "x2", ["line 2", "missing 'text'"]),
    (
        json.dumps({"id": "x3", "text": 42, "date": "2024-03-05"}),
        "x3",
        ["'text' must be a string, not number"],
    ),
    (record("x4", text="  \n\t "), "x4", ["line 2", "text is empty"]),
    (json.dumps({"id": "x5", "text": ENGLISH}), "x5", ["line 2", "missing 'date'", "--date"]),
    (record("x6", date="05/03/2024"), "x6", ["malformed date '05/03/2024'", "YYYY-MM-DD"]),
    (record("x7", date="2023-02-30"), "x7", ["malformed date '2023-02-30'"]),
    (record("x8", date="2024-13-01"), "x8", ["malformed date"]),
    (record("x9", date=20240305), "x9", ["date must be a string"]),  # type: ignore[arg-type]
    (record("x10", url=["u"]), "x10", ["'url' must be a string, not array"]),
    (record("x11", language="es"), "x11", ["language 'es' is not English"]),
    (record("x12", text=SPANISH), "x12", ["text does not look like English", "no language given"]),
    (
        record("x13", text=GERMAN, language="en"),
        "x13",
        ["text does not look like English", "language 'en' given"],
    ),
    (record("a"), "a", ["line 2", "duplicate id 'a'", "news.jsonl, line 1"]),
]


@pytest.mark.parametrize(("bad", "doc", "words"), BAD_LINES)
def test_bad_line_is_one_error_and_reading_goes_on(
    tmp_path: Path, bad: str, doc: str, words: list[str]
) -> None:
    path = write_lines(tmp_path / "news.jsonl", [record("a"), bad, record("c")])
    items = list(read_inputs([path]))
    assert len(items) == 3
    first, error, last = items
    assert isinstance(first, Document) and first.id == "a"
    assert isinstance(last, Document) and last.id == "c"
    assert isinstance(error, InputError)
    assert error.line == 2
    assert Path(error.doc or "").name == doc
    message = str(error)
    assert "\n" not in message
    for word in words:
        assert word in message


@pytest.mark.parametrize(
    ("line", "date_arg", "expected"),
    [
        (json.dumps({"id": "a", "text": ENGLISH}), "2024-01-31", "2024-01-31"),
        (json.dumps({"id": "a", "text": ENGLISH, "date": None}), "2024-01-31", "2024-01-31"),
        (
            json.dumps({"id": "a", "text": ENGLISH, "date": "2023-07-01"}),
            "2024-01-31",
            "2023-07-01",
        ),
        (
            json.dumps({"id": "a", "text": ENGLISH, "date": "2023-07-01T09:30:00Z"}),
            None,
            "2023-07-01",
        ),
        (json.dumps({"id": 17, "text": ENGLISH, "date": "2023-07-01"}), None, "2023-07-01"),
    ],
)
def test_date_fallback_and_timestamps(
    tmp_path: Path, line: str, date_arg: str | None, expected: str
) -> None:
    path = write_lines(tmp_path / "d.jsonl", [line])
    [doc] = list(read_inputs([path], date=date_arg))
    assert isinstance(doc, Document)
    assert doc.date == expected


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", ["file is empty"]),
        (b"\n  \n\n", ["file is empty"]),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", ["binary file", "NUL byte"]),
    ],
)
def test_empty_or_binary_file_is_one_error(
    tmp_path: Path, content: bytes, words: list[str]
) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_bytes(content)
    [error] = list(read_inputs([path]))
    assert isinstance(error, InputError)
    assert error.doc == str(path)
    for word in words:
        assert word in str(error)


def test_invalid_utf8_names_line_and_offset(tmp_path: Path) -> None:
    good = record("a").encode() + b"\n"
    bad = b'{"id": "b", "text": "caf\xe9 talks", "date": "2024-03-05"}\n'
    path = tmp_path / "latin1.jsonl"
    path.write_bytes(good + bad + record("c").encode() + b"\n")
    items = list(read_inputs([path]))
    assert summary(items)[0] == "doc:a" and summary(items)[2] == "doc:c"
    error = items[1]
    assert isinstance(error, InputError)
    assert error.line == 2 and error.doc == "b"
    offset = len(good) + bad.index(b"\xe9")
    assert f"byte 0xe9 at offset {offset}" in str(error)


def test_an_id_with_a_line_break_still_gives_a_one_line_error(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "ids.jsonl", [json.dumps({"id": "0\n", "date": "2024-03-05"}),
                                                record("b")])  # fmt: skip
    error, doc = list(read_inputs([path]))
    assert isinstance(error, InputError) and isinstance(doc, Document)
    assert str(error).startswith("0\\n, line 1: missing 'text'") and "\n" not in str(error)


def test_bom_crlf_and_blank_lines(tmp_path: Path) -> None:
    text = "Officials said the talks went well.\r\nThe next round is in May.\rNothing else."
    lines = [record("a", text=text), "", record("b")]
    path = tmp_path / "win.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + "\r\n".join(lines).encode() + b"\r\n")
    items = list(read_inputs([path]))
    assert summary(items) == ["doc:a", "doc:b"]
    assert items[0].text == (  # type: ignore[union-attr]
        "Officials said the talks went well.\nThe next round is in May.\nNothing else."
    )


def test_bom_inside_text_is_stripped(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "t.jsonl", [record("a", text="\ufeff" + ENGLISH)])
    [doc] = list(read_inputs([path]))
    assert isinstance(doc, Document) and doc.text == ENGLISH


def test_gzip_file(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write(record("a") + "\n" + "{broken\n" + record("b") + "\n")
    items = list(read_inputs([path]))
    assert [s.split(":")[0] + ":" + s.split(":")[1] for s in summary(items)] == [
        "doc:a",
        "err:2",
        "doc:b",
    ]


def test_corrupt_gzip_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.ndjson.gz"
    path.write_bytes(b"this is not gzip data at all\n")
    [error] = list(read_inputs([path]))
    assert isinstance(error, InputError)
    assert "cannot read file" in str(error)


@pytest.mark.parametrize(("size", "limit"), [(3_400_000, 200_000), (1_001, 1_000)])
def test_enormous_text_is_reported_in_characters(tmp_path: Path, size: int, limit: int) -> None:
    text = (ENGLISH + " ") * (size // (len(ENGLISH) + 1) + 1)
    path = write_lines(tmp_path / "big.jsonl", [record("big", text=text[:size]), record("b")])
    items = list(read_inputs([path], config=Config(max_chars=limit)))
    assert summary(items)[1] == "doc:b"
    assert f"document is {size:,} characters, over the {limit:,} limit" in str(items[0])
    assert items[0].doc == "big"  # type: ignore[union-attr]


def test_line_beyond_the_byte_bound_is_skipped_without_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(jsonl_module, "MIN_LINE_BYTES", 0)
    config = Config(max_chars=10_000)
    bound = jsonl_module.max_line_bytes(config.max_chars)
    path = write_lines(
        tmp_path / "huge.jsonl", [record("huge", text="x" * (bound + 10)), record("b")]
    )
    items = list(read_inputs([path], config=config))
    assert summary(items)[1] == "doc:b"
    error = items[0]
    assert isinstance(error, InputError) and error.doc == "huge" and error.line == 1
    assert "too long for a document of at most 10,000 characters" in str(error)


def test_stdin_stream() -> None:
    stream = io.BytesIO((record("a") + "\nnot json\n").encode())
    items = list(read_jsonl("<stdin>", ReadContext(), stream=stream))
    assert summary(items)[0] == "doc:a"
    assert str(items[1]).startswith("<stdin>, line 2: not valid JSON")


def test_dash_reads_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = io.TextIOWrapper(io.BytesIO((record("s1") + "\n").encode()), encoding="utf-8")
    monkeypatch.setattr("sys.stdin", fake)
    assert summary(list(read_inputs(["-"]))) == ["doc:s1"]
