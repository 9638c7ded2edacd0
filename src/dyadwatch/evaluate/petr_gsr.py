"""The PETRARCH-2 validation records (news sentences with CAMEO codings): loading, scoring.

The file looks like XML but is not strict XML (its header has ``#`` comment lines), so it
is read with small patterns: each ``<Sentence category date id evaluate>`` is followed by
``<EventCoding eventcode sourcecode targetcode/>`` lines (or ``noevents="True"``) and a
``<Text>...</Text>`` block. Scoring compares CAMEO root codes (two digits) per record, and
root plus the three-letter country of each actor.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from ..errors import DataError
from ..model import Actor, Document, Event
from .codes import code_matches

_SENTENCE = re.compile(r"<Sentence\b([^>]*?)/?>")
_CODING = re.compile(r"<EventCoding\b([^>]*?)/?>")
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.DOTALL)
_PARSE = re.compile(r"<Parse>(.*?)</Parse>", re.DOTALL)
# Tokens written against the word before them when a parse is read back as text.
_ATTACHED = re.compile(r" (?=[.,;:!?%)\]}]|'s\b|'\s|n't\b)")
_ATTR = re.compile(r'(\w+)\s*=\s*"([^"]*)"')
FALLBACK_DATE = "2000-01-01"  # for the coder, where a record's date is not a valid date


@dataclass(frozen=True)
class PetrCoding:
    """One expected (source, target, CAMEO event) triple."""

    eventcode: str
    source: str
    target: str

    @property
    def root(self) -> str:
        return self.eventcode[:2]


@dataclass(frozen=True)
class PetrRecord:
    """One validation sentence with its expected codings (none for a noevents record)."""

    id: str
    text: str
    date: str | None
    category: str
    codings: tuple[PetrCoding, ...] = ()

    def document(self) -> Document:
        return Document(id=self.id, text=self.text, date=self.date or FALLBACK_DATE)


@dataclass
class PetrSet:
    """The records to evaluate, the evaluated records that had no text, and how many
    expected codings those records hold (each one a coding no coder can find)."""

    records: list[PetrRecord]
    skipped: list[str]
    skipped_codings: int = 0


def _attrs(text: str) -> dict[str, str]:
    return {k: html.unescape(v) for k, v in _ATTR.findall(text)}


def _iso_date(raw: str) -> str | None:
    """``YYYYMMDD`` as ``YYYY-MM-DD``; None when it is not a valid date of that form."""
    if not re.fullmatch(r"\d{8}", raw):
        return None
    try:
        return dt.date(int(raw[:4]), int(raw[4:6]), int(raw[6:])).isoformat()
    except ValueError:
        return None


def parse_text(chunk: str) -> str:
    """The sentence of a record's CoNLL-U ``<Parse>``: its word forms, with punctuation and
    clitics ("'s", "n't") against the word before; "" when the record has no parse."""
    found = _PARSE.search(chunk)
    if not found:
        return ""
    words = []
    for line in found.group(1).splitlines():
        cols = line.split("\t")
        if len(cols) > 1 and cols[0].isdigit():
            words.append(html.unescape(cols[1]))
    return _ATTACHED.sub("", " ".join(words))


def parse_petr_gsr(text: str, origin: str = "<text>") -> PetrSet:
    """Parse the validation file's text; keeps only ``evaluate="true"`` records.

    Needs the file's text and a name for messages. A record with an empty ``<Text>`` is read
    from its ``<Parse>``. Returns the records and the ids of records skipped for having
    neither. Raises DataError for a coding without an
    event code or a record without an id.
    """
    lines = [ln for ln in text.splitlines() if not ln.lstrip().startswith("#")]
    body = "\n".join(lines)
    starts = list(_SENTENCE.finditer(body))
    records: list[PetrRecord] = []
    skipped: list[str] = []
    unread = 0
    for i, start in enumerate(starts):
        end = starts[i + 1].start() if i + 1 < len(starts) else len(body)
        chunk = body[start.end() : end]
        attrs = _attrs(start.group(1))
        rid = attrs.get("id")
        if not rid:
            line = body.count("\n", 0, start.start()) + 1
            raise DataError(f"{origin}: sentence {i + 1} (near line {line}) has no id")
        if attrs.get("evaluate", "true").lower() != "true":
            continue
        codings = []
        for match in _CODING.finditer(chunk):
            c = _attrs(match.group(1))
            if c.get("noevents", "").lower() == "true":
                continue
            if not c.get("eventcode"):
                raise DataError(f"{origin}: record {rid}: EventCoding without eventcode")
            codings.append(PetrCoding(c["eventcode"], c.get("sourcecode", ""),
                                      c.get("targetcode", "")))  # fmt: skip
        found = _TEXT.search(chunk)
        sentence = " ".join(html.unescape(found.group(1)).split()) if found else ""
        sentence = sentence or parse_text(chunk)  # one record gives its text only in the parse
        if not sentence:
            skipped.append(rid)
            unread += len(codings)
            continue
        records.append(PetrRecord(rid, sentence, _iso_date(attrs.get("date", "")),
                                  attrs.get("category", ""), tuple(codings)))  # fmt: skip
    return PetrSet(records, skipped, unread)


def load_petr_gsr(path: Path | str) -> PetrSet:
    """Read PETR2_GSR_validation.xml; raises DataError when unreadable or malformed."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise DataError(f"{path}: cannot be read: {e.strerror or e}") from e
    return parse_petr_gsr(text, origin=str(path))


@dataclass
class Prf:
    """True positives, false positives and false negatives, with P/R/F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class PetrScore:
    """Root-code and triple (root + actor countries) micro figures."""

    records: int
    skipped: int
    errors: int
    root: Prf
    triple: Prf

    def figures(self) -> dict[str, float | int]:
        return {
            "root_precision": round(self.root.precision, 4),
            "root_recall": round(self.root.recall, 4),
            "root_f1": round(self.root.f1, 4),
            "triple_precision": round(self.triple.precision, 4),
            "triple_recall": round(self.triple.recall, 4),
            "triple_f1": round(self.triple.f1, 4),
            "records": self.records,
            "skipped": self.skipped,
            "errors": self.errors,
        }


def _actor_matches(actor: Actor | None, gold: str) -> bool:
    """Three-letter level: the gold code's country (or organisation) against the actor."""
    gold = gold.strip()
    if not gold or gold.startswith("---"):
        return True  # the gold does not know the country
    if gold.startswith("IGO"):
        return code_matches(actor, "IGO")
    return code_matches(actor, gold[:3])


def _triple_fits(event: Event, coding: PetrCoding) -> bool:
    return (
        (event.cameo or "")[:2] == coding.root
        and _actor_matches(event.actor, coding.source)
        and _actor_matches(event.recipient, coding.target)
    )


def _triple_hits(events: list[Event], codings: tuple[PetrCoding, ...]) -> int:
    """Maximum one-to-one count of events that match a gold triple (root + both countries)."""
    fits = [[i for i, e in enumerate(events) if _triple_fits(e, c)] for c in codings]
    owner: dict[int, int] = {}

    def augment(ci: int, seen: set[int]) -> bool:
        for i in fits[ci]:
            if i not in seen:
                seen.add(i)
                if i not in owner or augment(owner[i], seen):
                    owner[i] = ci
                    return True
        return False

    return sum(augment(ci, set()) for ci in range(len(codings)))


def score_petr(
    data: PetrSet, predicted: Mapping[str, list[Event]], failed: Iterable[str] = ()
) -> PetrScore:
    """Micro P/R/F1 over CAMEO roots and over root + actor-country triples, one-to-one.

    Each predicted event matches at most one gold coding of its record and each coding at
    most one event: for roots, the roots shared as a multiset; for triples, a maximum
    one-to-one assignment on root, source country and target country. Needs the loaded set
    and predicted events by record id; events without a ``cameo`` code are ignored.
    `failed` names records the coder could not code (they count as no events); the codings
    of records skipped for having no text count as missed.
    """
    root, triple = Prf(fn=data.skipped_codings), Prf(fn=data.skipped_codings)
    for record in data.records:
        events = [e for e in predicted.get(record.id, []) if e.cameo]
        gold_roots = Counter(c.root for c in record.codings)
        ours = Counter((e.cameo or "")[:2] for e in events)
        shared = sum((gold_roots & ours).values())
        root.tp += shared
        root.fp += len(events) - shared
        root.fn += len(record.codings) - shared
        hits = _triple_hits(events, record.codings)
        triple.tp += hits
        triple.fp += len(events) - hits
        triple.fn += len(record.codings) - hits
    return PetrScore(len(data.records), len(data.skipped), len(set(failed)), root, triple)
