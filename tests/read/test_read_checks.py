"""The checks every reader applies: dates, text normalisation, size and language."""

from __future__ import annotations

from pathlib import Path

import pytest
from read_samples import ENGLISH, GERMAN, SPANISH

from dyadwatch.errors import DataError, InputError
from dyadwatch.read import read_inputs
from dyadwatch.read.checks import (
    MIN_WORDS,
    check_date,
    check_english,
    check_language_field,
    check_text,
    english_score,
    function_words,
    normalise_text,
    read_word_list,
)

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"

FRENCH = (
    "Les deux gouvernements ont annoncé jeudi la reprise du dialogue sur la frontière, "
    "après des mois de tension. Selon le porte-parole, une première réunion aura lieu à "
    "Genève la semaine prochaine, avec des experts des deux pays."
)
RUSSIAN = (
    "Министры иностранных дел двух соседних государств встретились в понедельник в "
    "пограничном городе, чтобы обсудить открытие переправы через реку после наводнения."
)
WIRE = (
    "Prime Minister Lena Varga told reporters in Budapest on Thursday that Hungary would "
    "block any new EU sanctions package unless the energy exemption stayed in place."
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-05", "2024-03-05"),
        (" 2024-03-05 ", "2024-03-05"),
        ("2024-03-05T10:15:00Z", "2024-03-05"),
        ("2024-03-05 10:15", "2024-03-05"),
        ("2024-03-05T10:15:00+02:00", "2024-03-05"),
        ("2024-02-29", "2024-02-29"),
    ],
)
def test_good_dates(value: str, expected: str) -> None:
    assert check_date(value) == expected


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("2023-02-29", "day is out of range"),
        ("2024-00-10", "malformed date"),
        ("24-03-05", "expected YYYY-MM-DD"),
        ("March 5, 2024", "expected YYYY-MM-DD"),
        ("2024-03-05 and more", "expected YYYY-MM-DD"),
        (20240305, "must be a string"),
        ("", "expected YYYY-MM-DD"),
    ],
)
def test_bad_dates(value: object, words: str) -> None:
    with pytest.raises((TypeError, ValueError), match=words):
        check_date(value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\ufeffHello", "Hello"),
        ("a\r\nb", "a\nb"),
        ("a\rb\r\n\r\nc", "a\nb\n\nc"),
        ("  keep  spacing\n\n", "  keep  spacing\n\n"),
        ("mid\ufeffword", "mid\ufeffword"),
    ],
)
def test_normalise_text(text: str, expected: str) -> None:
    assert normalise_text(text) == expected


@pytest.mark.parametrize(
    ("text", "limit", "words"),
    [
        ("", 10, "text is empty"),
        (" \n\t", 10, "text is empty"),
        ("x" * 3_400_000, 200_000, "document is 3,400,000 characters, over the 200,000 limit"),
    ],
)
def test_check_text_rejects(text: str, limit: int, words: str) -> None:
    with pytest.raises(ValueError, match=words):
        check_text(text, limit)


def test_check_text_accepts_at_the_limit() -> None:
    check_text("x" * 100, 100)


@pytest.mark.parametrize(
    ("language", "ok"),
    [
        (None, True),
        ("", True),
        ("en", True),
        ("EN", True),
        ("eng", True),
        ("English", True),
        ("en-GB", True),
        ("en_US", True),
        ("es", False),
        ("de-DE", False),
        ("fr", False),
    ],
)
def test_language_field(language: str | None, ok: bool) -> None:
    if ok:
        check_language_field(language)
    else:
        with pytest.raises(ValueError, match="is not English"):
            check_language_field(language)


@pytest.mark.parametrize(
    ("text", "english"),
    [
        (ENGLISH, True),
        (WIRE, True),
        (SPANISH, False),
        (GERMAN, False),
        (FRENCH, False),
        (RUSSIAN, False),
    ],
)
def test_english_check(text: str, english: bool) -> None:
    if english:
        check_english(text, 0.5)
    else:
        with pytest.raises(ValueError, match="does not look like English"):
            check_english(text, 0.5)


def test_short_text_is_not_judged() -> None:
    assert english_score("Gobierno anuncia nuevas medidas") is None
    assert english_score(" ".join(["palabra"] * (MIN_WORDS - 1))) is None


def test_shipped_word_list_loads() -> None:
    words = function_words()
    assert {"the", "of", "and", "would"} <= words
    assert not {"a", "in", "was", "die"} & words


@pytest.mark.parametrize(
    ("lines", "words"),
    [
        (["words", "the"], ":1: missing columns"),
        (["# note", "word", "the", "The"], ":4: 'The' is not one lower-case word"),
        (["word", "the", "of", "the"], ":4: 'the' is listed twice"),
        (["word", "two words"], ":2: "),
        (["word"], ": no words"),
    ],
)
def test_word_list_errors_name_file_and_line(tmp_path, lines: list[str], words: str) -> None:
    path = tmp_path / "test.tsv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataError, match=f"^test.tsv{words}"):
        read_word_list(path)


@pytest.mark.skipif(
    not (SHARED / "corpus" / "seeds.jsonl").is_file(), reason="shared corpus not present"
)
def test_shared_corpus_reads_without_errors() -> None:
    """Every article of the shared English corpus passes every check."""
    items = list(read_inputs([SHARED / "corpus" / "seeds.jsonl"]))
    assert items
    assert [str(i) for i in items if isinstance(i, InputError)] == []
