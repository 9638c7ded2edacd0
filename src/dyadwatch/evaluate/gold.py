"""Scoring predicted events against a gold set: recall, precision and forbidden hits.

Each prediction matches at most one gold event and each gold event at most one prediction.
The assignment first finds as many core matches as possible, then adds optional ones
(augmenting paths, trying the closest match first), so a prediction that could serve two
gold events never costs a core match.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..model import Event
from .goldfile import GoldEvent, load_gold, load_predictions
from .matching import is_forbidden_hit, match_score

__all__ = [
    "DocCounts", "GoldEvent", "GoldScore", "Match", "load_gold", "load_predictions", "score_gold",
]  # fmt: skip


@dataclass(frozen=True)
class Match:
    """One prediction assigned to one gold event."""

    gold: GoldEvent
    event: Event
    score: float


@dataclass
class DocCounts:
    """Per-document figures."""

    doc: str
    core: int = 0
    core_found: int = 0
    optional_found: int = 0
    predictions: int = 0
    false_positives: int = 0
    forbidden_hits: int = 0


@dataclass
class GoldScore:
    """What scoring a prediction set against gold gives, with the items behind each figure."""

    core_total: int
    core_matched: int
    predictions: int
    matched_predictions: int
    matches: list[Match] = field(default_factory=list)
    misses: list[GoldEvent] = field(default_factory=list)
    false_positives: list[Event] = field(default_factory=list)
    forbidden: list[tuple[Event, GoldEvent]] = field(default_factory=list)
    per_doc: dict[str, DocCounts] = field(default_factory=dict)
    unscored_predictions: int = 0

    @property
    def core_recall(self) -> float:
        return self.core_matched / self.core_total if self.core_total else 0.0

    @property
    def precision(self) -> float:
        return self.matched_predictions / self.predictions if self.predictions else 0.0

    @property
    def forbidden_hits(self) -> int:
        return len({id(event) for event, _ in self.forbidden})

    def figures(self) -> dict[str, float | int]:
        """The headline figures as a flat dict."""
        return {
            "core_recall": round(self.core_recall, 4),
            "precision": round(self.precision, 4),
            "forbidden_hits": self.forbidden_hits,
            "core_total": self.core_total,
            "core_matched": self.core_matched,
            "predictions": self.predictions,
            "matched_predictions": self.matched_predictions,
            "unscored_predictions": self.unscored_predictions,
        }

    def to_dict(self) -> dict[str, Any]:
        """Figures, per-document counts, misses, false positives and forbidden hits as JSON."""
        return {
            **self.figures(),
            "per_doc": [vars(c) for c in self.per_doc.values()],
            "matches": [
                {"gold": m.gold.id, "event": m.event.id, "score": round(m.score, 3)}
                for m in self.matches
            ],
            "misses": [{"gold": g.id, "doc": g.doc, "evidence": g.evidence} for g in self.misses],
            "false_positives": [_event_brief(e) for e in self.false_positives],
            "forbidden": [
                {**_event_brief(e), "gold": g.id} for e, g in self.forbidden
            ],
        }

    def table(self) -> Any:
        """A rich Table: headline figures, then one row per document."""
        from .tables import gold_table

        return gold_table(self)

    def error_tables(self) -> list[Any]:
        """Rich Tables listing misses, false positives and forbidden hits."""
        from .tables import gold_error_tables

        return gold_error_tables(self)


def _event_brief(event: Event) -> dict[str, Any]:
    return {
        "event": event.id,
        "doc": event.doc_id,
        "type": event.event,
        "actor": event.actor.code if event.actor else None,
        "recipient": event.recipient.code if event.recipient else None,
        "date": event.date,
        "factuality": event.factuality,
        "event_text": event.event_text,
        "evidence": event.evidence.text,
    }


def _assign(
    golds: list[GoldEvent], events: list[Event]
) -> dict[int, tuple[int, float]]:
    """One-to-one assignment in one document: {event index: (gold index, score)}."""
    edges: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for gi, gold in enumerate(golds):
        if gold.status == "forbidden":
            continue
        for ei, event in enumerate(events):
            score = match_score(event, gold)
            if score is not None:
                edges[gi].append((score, ei))
        edges[gi].sort(key=lambda pair: (-pair[0], pair[1]))
    owner: dict[int, int] = {}

    def augment(gi: int, seen: set[int]) -> bool:
        for _, ei in edges[gi]:
            if ei in seen:
                continue
            seen.add(ei)
            if ei not in owner or augment(owner[ei], seen):
                owner[ei] = gi
                return True
        return False

    for status in ("core", "optional"):
        for gi, gold in enumerate(golds):
            if gold.status == status and gi in edges:
                augment(gi, set())
    scores = {(gi, ei): s for gi, pairs in edges.items() for s, ei in pairs}
    return {ei: (gi, scores[(gi, ei)]) for ei, gi in owner.items()}


def _norm(text: str) -> str:
    return " ".join(text.split()).lower()


def _same_words(event: Event, gold: GoldEvent) -> bool:
    """Whether the prediction's evidence and the gold evidence quote the same words."""
    ours, theirs = _norm(event.evidence.text), _norm(gold.evidence)
    return bool(ours and theirs) and (theirs in ours or ours in theirs)


def score_gold(gold_rows: Iterable[GoldEvent], predictions: Iterable[Event]) -> GoldScore:
    """Score `predictions` against `gold_rows` (from load_gold).

    Only documents that have gold events are scored; predictions for other documents are
    counted as unscored. A forbidden hit is an asserted or reported prediction that matches
    a forbidden gold event (several predictions may hit the same one); a prediction that the
    assignment gives to a core or optional event counts only when its evidence quotes the
    forbidden event's words, so one sentence coded right is not also charged as a hedge
    coded wrong.
    """
    golds_by_doc: dict[str, list[GoldEvent]] = defaultdict(list)
    for gold in gold_rows:
        golds_by_doc[gold.doc].append(gold)
    events_by_doc: dict[str, list[Event]] = defaultdict(list)
    unscored = 0
    for event in predictions:
        if event.doc_id in golds_by_doc:
            events_by_doc[event.doc_id].append(event)
        else:
            unscored += 1
    result = GoldScore(0, 0, 0, 0, unscored_predictions=unscored)
    for doc, golds in golds_by_doc.items():
        events = events_by_doc.get(doc, [])
        counts = DocCounts(doc=doc, predictions=len(events))
        assigned = _assign(golds, events)
        found = {gi for gi, _ in assigned.values()}
        for ei, (gi, score) in sorted(assigned.items()):
            result.matches.append(Match(golds[gi], events[ei], score))
            if golds[gi].status == "core":
                counts.core_found += 1
            else:
                counts.optional_found += 1
        for gi, gold in enumerate(golds):
            if gold.status == "core":
                counts.core += 1
                if gi not in found:
                    result.misses.append(gold)
        for ei, event in enumerate(events):
            if ei not in assigned:
                result.false_positives.append(event)
            hits = [
                g for g in golds
                if is_forbidden_hit(event, g) and (ei not in assigned or _same_words(event, g))
            ]  # fmt: skip
            result.forbidden.extend((event, g) for g in hits)
            counts.forbidden_hits += 1 if hits else 0
        counts.false_positives = len(events) - len(assigned)
        result.per_doc[doc] = counts
        result.core_total += counts.core
        result.core_matched += counts.core_found
        result.predictions += len(events)
        result.matched_predictions += len(assigned)
    return result
