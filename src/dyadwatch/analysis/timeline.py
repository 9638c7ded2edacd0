"""Where each event of a dyad may be drawn on a timeline, honest about how precise its date is.

An event dated to the day is a dot; one dated to the week (the seven days ending on its date)
or the month is a bar across that span; one dated only to the year is listed, never drawn.
A response link is drawn only between two events dated to the day or the week; any other
link is listed with the spans of its two ends, never drawn from a point on the 1st.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

from ..datespan import date_span
from ..link.infer import Link

# Precisions a point on a timeline (or a weekly series, or an alert) may take.
POINT_PRECISIONS = ("day", "week")
DRAWN_PRECISIONS = ("day", "week", "month")


def span_words(date: str | None, precision: str | None) -> str:
    """The span of a date in words: ``2022-06-18``, ``the week 2022-06-12 to 2022-06-18``."""
    span = date_span(date, precision)
    if span is None:
        return "an unknown date"
    start, end = span
    if start == end:
        return start.isoformat()
    if precision == "week":
        return f"the week {start.isoformat()} to {end.isoformat()}"
    if precision == "month" or (date and len(date) == 7):
        return f"{calendar.month_name[start.month]} {start.year} (month only)"
    return f"the year {start.year} (year only)"


@dataclass(frozen=True)
class Mark:
    """One event drawn on its direction's lane: a ``dot`` (a day) or a ``bar`` (its span)."""

    id: str
    direction: str
    precision: str
    shape: str
    start: dt.date
    end: dt.date
    event: str
    quad: int | None
    intensity: float | None
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "direction": self.direction, "precision": self.precision,
                "shape": self.shape, "start": self.start.isoformat(), "end": self.end.isoformat(),
                "event": self.event, "quad": self.quad, "intensity": self.intensity,
                "text": self.text}  # fmt: skip


@dataclass(frozen=True)
class LinkMark:
    """A response link: ``drawn`` between two marks, or only listed with both spans in words."""

    source: str
    target: str
    kind: str
    drawn: bool
    source_when: str
    target_when: str
    evidence: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Timeline:
    """The drawable part of a dyad's events, and what is only listed."""

    marks: list[Mark]
    listed: list[str]  # ids of events too coarsely dated to draw
    links: list[LinkMark]

    def to_dict(self) -> dict[str, Any]:
        return {"marks": [m.to_dict() for m in self.marks], "listed": self.listed,
                "links": [link.to_dict() for link in self.links]}  # fmt: skip


def _mark(rec: dict[str, Any]) -> Mark | None:
    precision = rec.get("date_precision") or ""
    span = date_span(rec.get("date"), precision)
    if span is None or precision not in DRAWN_PRECISIONS:
        return None
    evidence = (rec.get("evidence") or {}).get("text") or ""
    return Mark(rec["id"], rec.get("direction", ""), precision,
                "dot" if precision == "day" else "bar", span[0], span[1], rec.get("event") or "",
                rec.get("quad_code"), rec.get("intensity"), " ".join(evidence.split())[:200])  # fmt: skip


def build_timeline(events: list[dict[str, Any]], links: list[Link]) -> Timeline:
    """Marks for ``events`` (dyad records with ``direction``) and the fate of each link."""
    marks, listed = [], []
    for rec in events:
        mark = _mark(rec)
        if mark is None:
            listed.append(rec["id"])
        else:
            marks.append(mark)
    by_id = {rec["id"]: rec for rec in events}
    out = []
    for link in links:
        src, tgt = by_id.get(link.source), by_id.get(link.target)
        if src is None or tgt is None:
            continue
        drawn = all(r.get("date_precision") in POINT_PRECISIONS for r in (src, tgt))
        out.append(LinkMark(link.source, link.target, link.kind, drawn,
                            span_words(src.get("date"), src.get("date_precision")),
                            span_words(tgt.get("date"), tgt.get("date_precision")),
                            link.evidence))  # fmt: skip
    return Timeline(marks, listed, out)
