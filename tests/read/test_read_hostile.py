"""Hostile JSONL lines: each gives one clear error naming it, and the good lines around it come."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from read_samples import ENGLISH, record

from dyadwatch.errors import InputError
from dyadwatch.model import Document
from dyadwatch.read import read_inputs

DEEP = "[" * 5000 + "]" * 5000
HUGE = "9" * 5000

BAD_LINES = [  # (line as bytes, words the error must hold, id the error must name)
    (json.dumps({"id": "s1", "text": ENGLISH + "\ud800", "date": "2024-03-05"}).encode(),
     ["'text'", "lone surrogate", "\\ud800"], "s1"),
    (json.dumps({"id": "s2", "text": ENGLISH, "date": "2024-03-05", "title": "x\udfff"}).encode(),
     ["'title'", "lone surrogate"], "s2"),
    (json.dumps({"id": "s3\ud800", "text": ENGLISH, "date": "2024-03-05"}).encode(),
     ["'id'", "lone surrogate"], None),
    (('{"id": "n1", "text": "x", "date": "2024-03-05", "extra": ' + DEEP + "}").encode(),
     ["nested too deeply"], None),
    (('{"id": "h1", "text": "x", "date": "2024-03-05", "extra": ' + HUGE + "}").encode(),
     ["not usable JSON", "digits"], None),
    (b'{"id": "z1", "text": "a\x00b", "date": "2024-03-05"}', ["NUL byte"], None),
    (json.dumps({"id": "w1", "text": "<script>Russia attacked Ukraine.</script>",
                 "date": "2024-03-05"}).encode(), ["text is empty"], "w1"),
]  # fmt: skip


@pytest.mark.parametrize(("bad", "words", "doc_id"), BAD_LINES)
def test_bad_line_is_one_error_between_good_documents(
    tmp_path: Path, bad: bytes, words: list[str], doc_id: str | None
) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(record("a").encode() + b"\n" + bad + b"\n" + record("c").encode() + b"\n")
    items = list(read_inputs([path]))
    assert [type(i).__name__ for i in items] == ["Document", "InputError", "Document"]
    error = items[1]
    assert isinstance(error, InputError)
    assert error.line == 2
    assert error.doc == (doc_id or str(path))
    message = str(error)
    message.encode("utf-8")  # printable: no lone surrogate leaks into the message
    assert "\n" not in message
    for word in words:
        assert word in message


@pytest.mark.parametrize("nul_line", [1, 2, 5])
def test_nul_bytes_in_some_lines_keep_the_good_documents(tmp_path: Path, nul_line: int) -> None:
    lines = [record(f"d{k}").encode() for k in range(1, 6)]
    lines[nul_line - 1] = b'{"id": "bad", "text": "\x00\x00\x00", "date": "2024-03-05"}'
    path = tmp_path / "nul.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    items = list(read_inputs([path]))
    errors = [i for i in items if isinstance(i, InputError)]
    assert [e.line for e in errors] == [nul_line]
    assert sum(isinstance(i, Document) for i in items) == 4


@pytest.mark.parametrize(
    ("html", "kept", "dropped"),
    [
        ("<p>" + ENGLISH + "</p><script>var attack = 'Russia attacked Ukraine';</script>",
         ENGLISH, ["<p>", "attack", "script"]),
        ("<html><head><title>Wire</title><style>p {color: red}</style></head><body><div>"
         + ENGLISH + "</div><!-- Russia bombed --></body></html>", ENGLISH,
         ["color", "bombed", "<div>", "Wire"]),
        ("<div>" + ENGLISH.replace("Monday", "<b>Monday</b>") + "</div>", ENGLISH, ["<b>"]),
    ],
)  # fmt: skip
def test_html_in_a_jsonl_text_is_reduced_to_its_visible_text(
    tmp_path: Path, html: str, kept: str, dropped: list[str]
) -> None:
    path = tmp_path / "html.jsonl"
    path.write_text(record("h", text=html) + "\n", encoding="utf-8")
    [doc] = list(read_inputs([path]))
    assert isinstance(doc, Document)
    assert kept in doc.text
    for word in dropped:
        assert word not in doc.text


def test_prose_with_angle_brackets_is_left_alone(tmp_path: Path) -> None:
    text = ENGLISH + " Turnout was < 40% in the north and > 60% in the south."
    path = tmp_path / "prose.jsonl"
    path.write_text(record("p", text=text) + "\n", encoding="utf-8")
    [doc] = list(read_inputs([path]))
    assert isinstance(doc, Document) and doc.text == text
