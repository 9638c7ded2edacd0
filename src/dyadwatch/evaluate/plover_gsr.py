"""The PLOVER gold-standard records (CAMEO manual examples): loading and scoring.

The file is a JSON array: one DOCUMENT record that describes the file, then one record per
example sentence with ``text``, ``event`` (PLOVER 0.5 labels), and ``source``/``target``
lists of ``{actorText, code, sector}`` (or an empty string for none). ``textInfo.markup``
marks a compound or reciprocal dyad as ``SRC/TAR``; then either direction counts.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..errors import DataError
from ..model import PLOVER_TYPES, Document, Event
from .codes import any_code_matches

# PLOVER 0.5 labels and their current names.
OLD_TYPE_NAMES = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}
RECORD_DATE = "2000-01-01"


@dataclass(frozen=True)
class PloverRecord:
    """One coded example: its text, PLOVER type and the gold actor codes."""

    id: str
    text: str
    event: str
    sources: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    reciprocal: bool = False

    def document(self) -> Document:
        return Document(id=self.id, text=self.text, date=RECORD_DATE)


def _codes(value: Any) -> tuple[str, ...]:
    """Codes from a source/target field: a list of actor objects, or "" / null for none."""
    if not isinstance(value, list):
        return ()
    return tuple(a["code"] for a in value if isinstance(a, dict) and a.get("code"))


def plover_record(raw: Mapping[str, Any]) -> PloverRecord | None:
    """One record from its JSON object; None for the DOCUMENT record; ValueError if bad."""
    if raw.get("event") == "DOCUMENT":
        return None
    for name in ("id", "text", "event"):
        if not isinstance(raw.get(name), str) or not raw[name].strip():
            raise ValueError(f"record {raw.get('id', '?')}: missing field {name!r}")
    event = OLD_TYPE_NAMES.get(raw["event"], raw["event"])
    if event not in PLOVER_TYPES:
        raise ValueError(f"record {raw['id']}: unknown event type {raw['event']!r}")
    info = raw.get("textInfo")
    markup = info.get("markup") if isinstance(info, dict) else info
    return PloverRecord(
        id=raw["id"], text=raw["text"], event=event,
        sources=_codes(raw.get("source")), targets=_codes(raw.get("target")),
        reciprocal=isinstance(markup, str) and "SRC/TAR" in markup,
    )  # fmt: skip


def load_plover_gsr(path: Path | str) -> list[PloverRecord]:
    """Read PLOVER_GSR_CAMEO.txt, each record with an id of its own; raises DataError naming
    the file and the bad record."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise DataError(f"{path}: cannot be read: {e.strerror or e}") from e
    except json.JSONDecodeError as e:
        raise DataError(f"{path}, line {e.lineno}: not JSON: {e.msg}") from e
    if not isinstance(data, list):
        raise DataError(f"{path}: a JSON array of records is expected")
    records = []
    for number, raw in enumerate(data, start=1):
        if not isinstance(raw, dict):
            raise DataError(f"{path}, record {number}: a JSON object is expected")
        try:
            record = plover_record(raw)
        except ValueError as e:
            raise DataError(f"{path}, record {number}: {e}") from e
        if record is not None:
            records.append(record)
    return unique_ids(records)


def unique_ids(records: list[PloverRecord]) -> list[PloverRecord]:
    """The records with a repeated id renamed ``ID#2``, ``ID#3``: the file gives one id to
    two different examples, and events are gathered by id."""
    seen: Counter[str] = Counter()
    out = []
    for record in records:
        seen[record.id] += 1
        n = seen[record.id]
        out.append(record if n == 1 else replace(record, id=f"{record.id}#{n}"))
    return out


def dyad_matches(event: Event, record: PloverRecord) -> bool:
    """Whether the event's actor and recipient match the record's source and target codes.

    Without gold targets only the source must match (and without gold sources, only the
    target); a reciprocal (SRC/TAR) record also accepts the reversed direction.
    """

    def forward(sources: tuple[str, ...], targets: tuple[str, ...]) -> bool:
        ok_source = not sources or any_code_matches(event.actor, list(sources))
        ok_target = not targets or any_code_matches(event.recipient, list(targets))
        return ok_source and ok_target

    if not record.sources and not record.targets:
        return False
    if forward(record.sources, record.targets):
        return True
    return record.reciprocal and forward(record.targets or record.sources, record.sources)


@dataclass
class PloverScore:
    """Record-level figures: type found, dyad found, and both on one event, by any event of
    the record and by its most confident event; event-level type precision."""

    records: int = 0
    type_hits: int = 0
    dyad_hits: int = 0
    both_hits: int = 0
    top_type_hits: int = 0
    top_dyad_hits: int = 0
    top_both_hits: int = 0
    events: int = 0
    events_right_type: int = 0
    errors: int = 0
    per_type: dict[str, Counter[str]] = field(default_factory=dict)

    def _rate(self, hits: int) -> float:
        return hits / self.records if self.records else 0.0

    @property
    def type_rate(self) -> float:
        return self.type_hits / self.records if self.records else 0.0

    @property
    def dyad_rate(self) -> float:
        return self.dyad_hits / self.records if self.records else 0.0

    @property
    def both_rate(self) -> float:
        return self.both_hits / self.records if self.records else 0.0

    @property
    def top_rates(self) -> tuple[float, float, float]:
        """Type, dyad and both, judged on the most confident event of each record alone."""
        hits = (self.top_type_hits, self.top_dyad_hits, self.top_both_hits)
        return tuple(self._rate(h) for h in hits)  # type: ignore[return-value]

    @property
    def event_type_precision(self) -> float:
        """Of all events coded from the records, the share with the record's gold type."""
        return self.events_right_type / self.events if self.events else 0.0

    @property
    def events_per_record(self) -> float:
        return self.events / self.records if self.records else 0.0

    def figures(self) -> dict[str, float | int]:
        top_type, top_dyad, top_both = self.top_rates
        return {
            "type": round(self.type_rate, 4),
            "dyad": round(self.dyad_rate, 4),
            "both": round(self.both_rate, 4),
            "top_type": round(top_type, 4),
            "top_dyad": round(top_dyad, 4),
            "top_both": round(top_both, 4),
            "event_type_precision": round(self.event_type_precision, 4),
            "events_per_record": round(self.events_per_record, 4),
            "records": self.records,
            "errors": self.errors,
        }

    def type_rows(self) -> list[tuple[str, int, float, float]]:
        """(type, records, type recall, type+dyad recall) per gold type, most frequent first."""
        rows = []
        for name, c in sorted(self.per_type.items(), key=lambda kv: (-kv[1]["n"], kv[0])):
            n = c["n"]
            rows.append((name, n, c["type"] / n if n else 0.0, c["both"] / n if n else 0.0))
        return rows


def most_confident(events: list[Event]) -> Event | None:
    """The event with the highest confidence (the first of equals); None for no events."""
    return max(events, key=lambda e: e.confidence, default=None)


def score_plover(
    records: Iterable[PloverRecord],
    predicted: Mapping[str, list[Event]],
    failed: Iterable[str] = (),
) -> PloverScore:
    """Score predicted events (by record id) against the records.

    `failed` names records the coder could not code; they count as records with no events.
    """
    failed_ids = set(failed)
    score = PloverScore(errors=len(failed_ids))
    for record in records:
        events = predicted.get(record.id, [])
        has_type = any(e.event == record.event for e in events)
        has_dyad = any(dyad_matches(e, record) for e in events)
        has_both = any(e.event == record.event and dyad_matches(e, record) for e in events)
        top = most_confident(events)
        if top is not None:
            top_type, top_dyad = top.event == record.event, dyad_matches(top, record)
            score.top_type_hits += top_type
            score.top_dyad_hits += top_dyad
            score.top_both_hits += top_type and top_dyad
        score.events += len(events)
        score.events_right_type += sum(e.event == record.event for e in events)
        score.records += 1
        score.type_hits += has_type
        score.dyad_hits += has_dyad
        score.both_hits += has_both
        counts = score.per_type.setdefault(record.event, Counter())
        counts["n"] += 1
        counts["type"] += has_type
        counts["both"] += has_both
    return score
