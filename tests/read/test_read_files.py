"""Text and HTML files, directories, and the run as a whole."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from read_samples import ENGLISH, GERMAN, SPANISH, record, summary, write_lines

from dyadwatch.config import Config
from dyadwatch.errors import InputError
from dyadwatch.model import Document
from dyadwatch.read import ReadStats, read_inputs, reader_for, register_reader
from dyadwatch.read.html import document_from_html
from dyadwatch.read.jsonl import read_jsonl
from dyadwatch.read.text import read_text

PARAGRAPHS = [
    (
        "Negotiators from the two coastal states met on Tuesday in a hotel near the old "
        "harbour to restart talks on fishing quotas, after a pause of almost a year."
    ),
    (
        "The delegation from the north said it was ready to lift the ban on trawlers from the "
        "south if the other side agreed to share monthly figures on the size of the catch."
    ),
    (
        "Observers from the regional fisheries body said the meeting was calm and that both "
        "teams planned to return to the table in September, when the herring season begins."
    ),
]
BOILERPLATE = [
    "Home page",
    "World desk",
    "Sport pages",
    "Subscribe to our newsletter",
    "All rights reserved",
]


def page(date_meta: bool = True, lang: str = "en", body: list[str] = PARAGRAPHS) -> str:
    """A small news page: title, article paragraphs, navigation and footer boilerplate."""
    meta = '<meta property="article:published_time" content="2023-06-14">' if date_meta else ""
    paras = "\n".join(f"<p>{p}</p>" for p in body)
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><title>Harbour talks resume | Coastline Herald</title>
<meta property="og:title" content="Harbour talks resume">
<meta property="og:site_name" content="Coastline Herald">
<link rel="canonical" href="https://herald.example.org/2023/harbour-talks">
{meta}</head><body>
<nav><ul><li><a href="/">Home page</a></li><li><a href="/world">World desk</a></li>
<li><a href="/sport">Sport pages</a></li></ul></nav>
<article><h1>Harbour talks resume</h1>
{paras}
</article>
<footer><p>Subscribe to our newsletter. All rights reserved.</p></footer>
</body></html>"""


@pytest.mark.parametrize(
    ("date_meta", "date_arg", "expected"),
    [
        (True, None, "2023-06-14"),
        (True, "2024-01-01", "2023-06-14"),
        (False, "2024-01-01", "2024-01-01"),
    ],
)
def test_html_article_text_and_metadata(
    tmp_path: Path, date_meta: bool, date_arg: str | None, expected: str
) -> None:
    path = tmp_path / "harbour-talks.html"
    path.write_text(page(date_meta), encoding="utf-8")
    [doc] = list(read_inputs([path], date=date_arg))
    assert isinstance(doc, Document)
    assert doc.id == "harbour-talks"
    assert doc.date == expected
    assert doc.title == "Harbour talks resume"
    assert doc.url == "https://herald.example.org/2023/harbour-talks"
    assert doc.outlet == "Coastline Herald"
    for paragraph in PARAGRAPHS:
        assert paragraph in doc.text
    for words in BOILERPLATE:
        assert words not in doc.text


@pytest.mark.parametrize(
    ("html", "date_arg", "words"),
    [
        (page(date_meta=False), None, "no date in the page's metadata"),
        (page(lang="de"), None, "language 'de' is not English"),
        (page(body=[GERMAN]), None, "text does not look like English"),
        (
            "<html><head><title>Only a title</title></head><body></body></html>",
            "2024-01-01",
            "no article text found",
        ),
        ("", "2024-01-01", "file is empty"),
    ],
)
def test_bad_html_is_one_error(tmp_path: Path, html: str, date_arg: str | None, words: str) -> None:
    path = tmp_path / "page.htm"
    path.write_text(html, encoding="utf-8")
    [error] = list(read_inputs([path], date=date_arg))
    assert isinstance(error, InputError)
    assert error.doc == str(path)
    assert words in str(error)


def test_html_from_a_string() -> None:
    doc = document_from_html(page(date_meta=False), "p1", date="2022-05-05")
    assert doc.date == "2022-05-05" and PARAGRAPHS[1] in doc.text


@pytest.mark.parametrize(
    ("content", "date_arg", "expected"),
    [
        (ENGLISH.encode(), "2024-03-05", "doc:note"),
        (ENGLISH.encode(), None, "no date: a text file needs --date"),
        (b"", "2024-03-05", "text is empty"),
        (b" \n\n \t", "2024-03-05", "text is empty"),
        (
            b"\x7fELF\x02\x01\x01\x00\x00\x00",
            "2024-03-05",
            "binary file, not text (NUL byte at offset 7)",
        ),
        (b"Talks in Bogot\xe1 went well.", "2024-03-05", "not valid UTF-8: byte 0xe1 at offset 14"),
        (SPANISH.encode(), "2024-03-05", "text does not look like English"),
    ],
)
def test_text_file(tmp_path: Path, content: bytes, date_arg: str | None, expected: str) -> None:
    path = tmp_path / "note.txt"
    path.write_bytes(content)
    [item] = list(read_inputs([path], date=date_arg))
    if expected.startswith("doc:"):
        assert summary([item]) == [expected]
        assert isinstance(item, Document) and item.text == ENGLISH and item.date == date_arg
    else:
        assert isinstance(item, InputError) and item.doc == str(path)
        assert expected in str(item)


def test_text_bom_and_line_ends(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"\xef\xbb\xbfFirst line.\r\nSecond line.\rThird line.\n")
    [doc] = list(read_inputs([path], date="2024-03-05"))
    assert isinstance(doc, Document)
    assert doc.text == "First line.\nSecond line.\nThird line.\n"


def test_enormous_text_file(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("word " * 1_000, encoding="utf-8")
    [error] = list(read_inputs([path], date="2024-03-05", config=Config(max_chars=4_000)))
    assert "document is 5,000 characters, over the 4,000 limit" in str(error)


def test_directory_mixes_kinds_sorted_and_recursive(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "deep").mkdir()
    write_lines(tmp_path / "a.jsonl", [record("j1"), "oops", record("j2")])
    (tmp_path / "b" / "story.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "b" / "deep" / "page.html").write_text(page(), encoding="utf-8")
    with gzip.open(tmp_path / "c.ndjson.gz", "wt", encoding="utf-8") as f:
        f.write(record("g1") + "\n")
    (tmp_path / "README.md").write_text("not an input", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(ENGLISH, encoding="utf-8")
    items = list(read_inputs([tmp_path], date="2024-03-05"))
    assert [
        s if s.startswith("doc:") else s.split(":")[0] + ":" + s.split(":")[1]
        for s in summary(items)
    ] == ["doc:j1", "err:2", "doc:j2", "doc:page", "doc:story", "doc:g1"]


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("missing.jsonl", "no such file or directory"),
        ("missing.txt", "no such file"),
        ("report.pdf", "unsupported kind of file"),
    ],
)
def test_bad_paths_give_one_error_each(tmp_path: Path, name: str, words: str) -> None:
    if name.endswith(".pdf"):
        (tmp_path / name).write_bytes(b"%PDF-1.4")
    good = write_lines(tmp_path / "ok.jsonl", [record("a")])
    items = list(read_inputs([tmp_path / name, good]))
    assert summary(items)[1] == "doc:a"
    assert isinstance(items[0], InputError) and words in str(items[0])


def test_duplicate_ids_across_files(tmp_path: Path) -> None:
    write_lines(tmp_path / "one.jsonl", [record("same")])
    write_lines(tmp_path / "two.jsonl", [record("same")])
    (tmp_path / "same.txt").write_text(ENGLISH, encoding="utf-8")
    items = list(read_inputs([tmp_path], date="2024-03-05"))
    assert summary(items)[0] == "doc:same"
    assert all(isinstance(i, InputError) and "duplicate id 'same'" in str(i) for i in items[1:])
    assert len(items) == 3


@pytest.mark.parametrize("bad", ["2024-3-5", "yesterday", "2024-02-30"])
def test_malformed_date_argument_raises_at_once(bad: str) -> None:
    with pytest.raises(InputError, match="--date"):
        read_inputs([], date=bad)


def test_single_path_and_stats(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "n.jsonl", [record("a"), "{", record("b")])
    stats = ReadStats()
    items = list(stats.count(read_inputs(path)))
    assert len(items) == 3
    assert (stats.documents, stats.errors) == (2, 1)
    assert stats.summary("coded") == "coded 2 documents, skipped 1"


@pytest.mark.parametrize(
    ("name", "reader"),
    [
        ("a.jsonl", read_jsonl),
        ("A.JSONL.GZ", read_jsonl),
        ("x.ndjson", read_jsonl),
        ("n.txt", read_text),
        ("p.htm", None),
        ("p.gz", None),
        (".jsonl", None),
        ("p.pdf", None),
    ],
)
def test_reader_for(name: str, reader: object) -> None:
    found = reader_for(name)
    if name.endswith(".htm"):
        assert found is not None and found.__name__ == "read_html"
    else:
        assert found is reader


def test_register_reader_rejects_bad_ending() -> None:
    with pytest.raises(ValueError, match="starts with '.'"):
        register_reader("xml", read_text)
