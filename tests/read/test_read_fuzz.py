"""Property tests of the readers: whatever the bytes, each item is a Document or a one-line
InputError, nothing raises, and every Document can be written and read back.

A few hundred examples a run, so CI stays fast; tests/fuzz/fuzz_readers.py runs the same
checks under atheris for as long as one likes.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyadwatch.errors import InputError
from dyadwatch.model import Document
from dyadwatch.read import read_inputs
from dyadwatch.read.markup import strip_markup

FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

ENGLISH = (
    "The ministers of the two states met on Monday in the border town to discuss the crossing, "
    "which has been closed since the floods of last spring, and said that they were close to a deal."
)
# any code point, lone surrogates included
ANY_TEXT = st.text(st.characters(codec=None, categories=None), max_size=80)
VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | ANY_TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(ANY_TEXT, inner, max_size=3),
    max_leaves=6,
)
FIELDS = st.sampled_from(["id", "text", "date", "url", "title", "outlet", "language", "x"])
RECORDS = st.dictionaries(FIELDS, VALUES | st.just(ENGLISH) | st.just("2024-03-05"), max_size=8)


def check_item(item: object) -> None:
    assert isinstance(item, Document | InputError), item
    if isinstance(item, InputError):
        message = str(item)
        assert "\n" not in message
        message.encode("utf-8")
        return
    for value in item.to_dict().values():
        value.encode("utf-8")
    line = json.dumps(item.to_dict(), ensure_ascii=False).encode("utf-8")
    assert Document.from_dict(json.loads(line)) == item
    assert item.content_hash


def read_file(name: str, data: bytes, date: str | None = None) -> list[object]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        items = list(read_inputs([path], date=date))
    for item in items:
        check_item(item)
    return items


@FAST
@given(st.lists(RECORDS.map(lambda r: json.dumps(r).encode()) | st.binary(max_size=60),
                max_size=6))  # fmt: skip
def test_jsonl_lines_each_give_one_item(lines: list[bytes]) -> None:
    data = b"\n".join(line.replace(b"\n", b" ") for line in lines) + b"\n"
    items = read_file("fuzz.jsonl", data)
    written = data.removeprefix(b"\xef\xbb\xbf").split(b"\n")  # a first-line BOM is dropped
    nonblank = sum(bool(line.strip()) for line in written)
    file_error = len(items) == 1 and isinstance(items[0], InputError) and items[0].line is None
    assert file_error or len(items) == nonblank


@FAST
@given(st.binary(max_size=300))
def test_text_file_gives_one_item(data: bytes) -> None:
    assert len(read_file("fuzz.txt", data, date="2024-03-05")) == 1


@SLOW
@given(st.one_of(st.binary(max_size=300),
                 st.lists(st.sampled_from(["<html>", "<p>", "</p>", "<script>", "<meta ",
                                           "charset=", '"', ">", "<!--", ENGLISH, "\x00",
                                           "\ud800", "<title>", "</html>"]),
                          max_size=12).map(lambda p: "".join(p).encode("utf-8", "surrogatepass"))))  # fmt: skip
def test_html_file_gives_one_item(data: bytes) -> None:
    assert len(read_file("fuzz.html", data, date="2024-03-05")) == 1


@FAST
@given(ANY_TEXT | st.lists(st.sampled_from(["<p>", "</div>", "<script>", "x", "&amp;", "<", ">",
                                            "\x00", "<!--", "-->", "\ud800"]), max_size=10)
       .map("".join))  # fmt: skip
def test_markup_stripping_never_crashes(text: str) -> None:
    try:
        out = strip_markup(text)
    except ValueError:
        return
    assert isinstance(out, str)
