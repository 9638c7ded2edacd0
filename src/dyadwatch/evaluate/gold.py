"""Scoring predicted events against a gold set by the rule of shared/gold/README.md.

Each prediction matches at most one gold event and each gold event at most one prediction:
a maximum one-to-one assignment (augmenting paths), built for the core events first and
then the optional ones, so a prediction that could serve two gold events never costs a core
match. Core recall counts core events matched; precision counts the predictions matched to
a core or optional event among all predictions for the gold's documents. A forbidden hit is
an asserted or reported prediction, left unmatched, that states a forbidden event (dates
ignored); each such pair counts. Recall with dates ignored is reported as a diagnostic.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..model import Event
from .goldfile import GoldEvent, load_gold, load_predictions
from .matching import is_forbidden_hit, matches

__all__ = [
    "DocCounts", "GoldEvent", "GoldScore", "Match", "assign", "load_gold", "load_predictions",
    "score_gold",
]  # fmt: skip


@dataclass(frozen=True)
class Match:
    """One prediction assigned to one gold event."""

    gold: GoldEvent
    event: Event


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
    core_matched_any_date: int = 0
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
    def core_recall_any_date(self) -> float:
        """Diagnostic only: core recall when dates are ignored."""
        return self.core_matched_any_date / self.core_total if self.core_total else 0.0

    @property
    def forbidden_hits(self) -> int:
        return len(self.forbidden)

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
            "core_recall_any_date": round(self.core_recall_any_date, 4),
        }

    def to_dict(self) -> dict[str, Any]:
        """Figures, per-document counts, misses, false positives and forbidden hits as JSON."""
        return {
            **self.figures(),
            "per_doc": [vars(c) for c in self.per_doc.values()],
            "matches": [{"gold": m.gold.id, "event": m.event.id} for m in self.matches],
            "misses": [{"gold": g.id, "doc": g.doc, "evidence": g.evidence} for g in self.misses],
            "false_positives": [_event_brief(e) for e in self.false_positives],
            "forbidden": [{**_event_brief(e), "gold": g.id} for e, g in self.forbidden],
        }


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


def assign(golds: list[GoldEvent], events: list[Event], dates: bool = True) -> dict[int, int]:
    """Maximum one-to-one assignment, core events first: {event index: gold index}.

    Needs the gold events and predictions of one document (or of several: matches never
    cross documents). Golds are taken in order, core ones before optional ones; each
    searches the predictions in order for an augmenting path. With `dates` False the dates
    are ignored (the diagnostic recall).
    """
    edges: dict[int, list[int]] = {
        gi: [ei for ei, event in enumerate(events) if matches(event, gold, dates)]
        for gi, gold in enumerate(golds)
        if gold.status in ("core", "optional")
    }
    owner: dict[int, int] = {}

    def augment(gi: int, seen: set[int]) -> bool:
        for ei in edges[gi]:
            if ei in seen:
                continue
            seen.add(ei)
            if ei not in owner or augment(owner[ei], seen):
                owner[ei] = gi
                return True
        return False

    for status in ("core", "optional"):
        for gi, gold in enumerate(golds):
            if gold.status == status:
                augment(gi, set())
    return owner


def score_gold(gold_rows: Iterable[GoldEvent], predictions: Iterable[Event]) -> GoldScore:
    """Score `predictions` against `gold_rows` (from load_gold).

    Only documents that have gold events are scored; predictions for other documents are
    counted as unscored.
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
        counts = _score_document(golds, events, result)
        result.per_doc[doc] = counts
        result.core_total += counts.core
        result.core_matched += counts.core_found
        result.predictions += len(events)
        result.matched_predictions += counts.core_found + counts.optional_found
    return result


def _score_document(golds: list[GoldEvent], events: list[Event], result: GoldScore) -> DocCounts:
    """Score one document's predictions; adds its matches, misses and hits to `result`."""
    counts = DocCounts(doc=golds[0].doc, predictions=len(events))
    assigned = assign(golds, events)
    found = set(assigned.values())
    for ei, gi in sorted(assigned.items()):
        result.matches.append(Match(golds[gi], events[ei]))
        if golds[gi].status == "core":
            counts.core_found += 1
        else:
            counts.optional_found += 1
    loose = set(assign(golds, events, dates=False).values())
    for gi, gold in enumerate(golds):
        if gold.status == "core":
            counts.core += 1
            result.core_matched_any_date += gi in loose
            if gi not in found:
                result.misses.append(gold)
    for gold in golds:
        hits = [(e, gold) for ei, e in enumerate(events)
                if ei not in assigned and is_forbidden_hit(e, gold)]  # fmt: skip
        result.forbidden.extend(hits)
        counts.forbidden_hits += len(hits)
    result.false_positives.extend(e for ei, e in enumerate(events) if ei not in assigned)
    counts.false_positives = len(events) - len(assigned)
    return counts
