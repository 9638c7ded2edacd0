"""Checks every reader applies to a document: date, text, size and language.

Each check raises ``ValueError`` (``TypeError`` for a field of the wrong type) with a
one-line reason; the readers turn it into an ``InputError`` that names the document
and line. Nothing here loads a model: the language check is a fast count of common
English words.

How the language check decides. In English news about a third or more of the words
are common function words ("the", "of", "and", "to", ...; the list is
``data/english_function_words.tsv``), and even terse wire-style sentences full of names
and titles rarely fall below 8%; in Spanish, French or German prose it is close to 0%
(the list leaves out words those languages share with English). ``english_score``
divides the share of such words by ``REFERENCE_SHARE`` (0.14) and caps it at 1, so a
score of 1 means "as English as ordinary prose". A text scoring below
``Config.min_english`` (default 0.5, i.e. fewer than 7% of its words in the list) is
rejected. Texts of fewer than ``MIN_WORDS`` (20) words are not judged: a headline or a
short sentence is too little to tell.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..config import Config
from ..errors import DataError
from ..model import Document
from ..tables import fail, read_table, shown

REFERENCE_SHARE = 0.14
MIN_WORDS = 20
ENGLISH_NAMES = frozenset({"en", "eng", "english"})
WORDS_FILE = Path(__file__).parent / "data" / "english_function_words.tsv"

_DATE = re.compile(
    r"(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
)
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_LETTER = re.compile(r"[^\W\d_]")
_WORD_SHAPE = re.compile(r"[a-z]+(?:'[a-z]+)?")


def check_date(value: object) -> str:
    """Return ``value`` as ``YYYY-MM-DD`` if it is a real calendar date.

    Needs a string ``YYYY-MM-DD``; an ISO timestamp (``2024-03-05T10:00:00Z``) is
    accepted and cut to its date. Raises ValueError with the reason otherwise.
    """
    if not isinstance(value, str):
        raise TypeError(f"date must be a string YYYY-MM-DD, not {type(value).__name__}")
    match = _DATE.fullmatch(value.strip())
    if match is None:
        raise ValueError(f"malformed date {value!r}: expected YYYY-MM-DD")
    try:
        dt.date.fromisoformat(match.group(1))
    except ValueError as e:
        raise ValueError(f"malformed date {value!r}: {e}") from e
    return match.group(1)


def normalise_text(text: str) -> str:
    """Strip a leading byte-order mark and turn CRLF and CR line ends into ``\\n``.

    Nothing else changes: event evidence offsets point into the returned string.
    """
    text = text.removeprefix("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def check_unicode(value: str, name: str) -> None:
    """Raise ValueError if ``value`` cannot be written as UTF-8 (it holds a lone surrogate,
    such as JSON's ``"\\ud800"``, which no text encoding can carry)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as e:
        code = ord(value[e.start])
        raise ValueError(
            f"{name} holds a lone surrogate (\\u{code:04x}) at character {e.start:,}: "
            "not valid Unicode"
        ) from e


def check_fields_unicode(doc: Document) -> None:
    """Run ``check_unicode`` on every text field of ``doc``."""
    for name in ("id", "text", "date", "url", "title", "outlet", "language"):
        value = getattr(doc, name)
        if isinstance(value, str):
            check_unicode(value, f"'{name}'")


def printable_id(doc_id: str) -> str:
    """``doc_id`` as it can be printed: a lone surrogate becomes its ``\\udXXX`` escape."""
    return doc_id.encode("utf-8", "backslashreplace").decode("utf-8")


def check_text(text: str, max_chars: int) -> None:
    """Raise ValueError if ``text`` is empty, whitespace only or longer than ``max_chars``."""
    if not text.strip():
        raise ValueError("text is empty")
    if len(text) > max_chars:
        raise ValueError(f"document is {len(text):,} characters, over the {max_chars:,} limit")


def is_english_name(language: str) -> bool:
    """True for the ways a ``language`` field can say English: en, eng, English, en-GB, en_US."""
    head = re.split(r"[-_]", language.strip().lower(), maxsplit=1)[0]
    return head in ENGLISH_NAMES


def check_language_field(language: object) -> str | None:
    """Return the ``language`` field (None if absent or blank); raise ValueError if not English."""
    if language is None:
        return None
    if not isinstance(language, str):
        raise TypeError(f"language must be a string, not {type(language).__name__}")
    if not language.strip():
        return None
    if not is_english_name(language):
        raise ValueError(f"language {language!r} is not English; only English text is coded")
    return language


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """The common English words of ``data/english_function_words.tsv`` (loaded once)."""
    return read_word_list(WORDS_FILE)


def read_word_list(path: Path) -> frozenset[str]:
    """Read a one-column word list: a ``word`` header, then one lower-case word a line.

    Blank lines and ``#`` comments are skipped. Raises DataError naming the file and the
    line for a missing header, a malformed or repeated word, or an empty list.
    """
    words: set[str] = set()
    for number, row in read_table(path, required=("word",), allowed=("word",)):
        word = row["word"]
        if not _WORD_SHAPE.fullmatch(word):
            raise fail(path, number, f"{word!r} is not one lower-case word")
        if word in words:
            raise fail(path, number, f"{word!r} is listed twice")
        words.add(word)
    if not words:
        raise DataError(f"{shown(path)}: no words")
    return frozenset(words)


def english_score(text: str) -> float | None:
    """How English ``text`` looks, 0 to 1; None when it has too few words to tell.

    The share of words that are common English function words, divided by
    ``REFERENCE_SHARE`` and capped at 1. A text written mostly in a non-Latin script
    scores 0.
    """
    letters = len(_LETTER.findall(text))
    if letters >= MIN_WORDS * 4 and len(_LATIN.findall(text)) < letters / 2:
        return 0.0
    words = [w.lower().replace("\u2019", "'") for w in _WORD.findall(text)]
    if len(words) < MIN_WORDS:
        return None
    known = function_words()
    share = sum(w in known for w in words) / len(words)
    return min(1.0, share / REFERENCE_SHARE)


def check_english(text: str, min_english: float, language: str | None = None) -> None:
    """Raise ValueError if ``text`` scores below ``min_english`` (see ``english_score``)."""
    score = english_score(text)
    if score is None or score >= min_english:
        return
    given = f"language {language!r} given" if language else "no language given"
    raise ValueError(
        f"text does not look like English ({given}; "
        f"{score * REFERENCE_SHARE:.0%} common English words, "
        f"{min_english * REFERENCE_SHARE:.1%} needed)"
    )


@dataclass
class ReadContext:
    """What every reader shares in one run: settings, the fallback date and the ids seen.

    ``date`` is the run's ``--date`` (already checked); ``seen`` maps each accepted
    document id to where it was read, so a second document with that id is an error.
    """

    config: Config = field(default_factory=Config)
    date: str | None = None
    seen: dict[str, str] = field(default_factory=dict)

    def accept(self, doc: Document, where: str) -> Document:
        """Normalise ``doc.text`` and run the Unicode, text, size, language and duplicate checks.

        ``where`` says where the document was read ("news.jsonl, line 4"); it is kept
        for the duplicate message. Returns the document; raises ValueError with the
        reason if it cannot be coded.
        """
        check_fields_unicode(doc)
        doc.text = normalise_text(doc.text)
        check_text(doc.text, self.config.max_chars)
        check_english(doc.text, self.config.min_english, doc.language)
        first = self.seen.get(doc.id)
        if first is not None:
            raise ValueError(f"duplicate id {doc.id!r}, first read from {first}")
        self.seen[doc.id] = where
        return doc
