"""The bilateral relations view: a dyad's events, series, response links, reciprocity, alerts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ..link.infer import WINDOW_DAYS, Act, Link, act_from_record, explicit_links, infer_links
from ..store.reader import StoreReader
from .alerts import escalation_alerts
from .reciprocity import reciprocity
from .series import Point, build_series, column, split_periods
from .timeline import Timeline, build_timeline

DEFAULT_LIMIT = 1000


@dataclass
class DyadView:
    """Everything ``dyadwatch dyad`` shows; ``to_dict`` is the ``--json`` form."""

    dyad: tuple[str, str]
    events: list[dict[str, Any]]
    total_events: int
    weekly: list[Point]
    monthly: list[Point]
    links: list[Link] = field(default_factory=list)
    reciprocity: dict[str, Any] = field(default_factory=dict)
    alerts: list[dict[str, Any]] = field(default_factory=list)
    timeline: Timeline = field(default_factory=lambda: Timeline([], [], []))

    @property
    def directions(self) -> tuple[str, str]:
        a, b = self.dyad
        return f"{a}>{b}", f"{b}>{a}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "dyad": list(self.dyad),
            "events": self.events,
            "total_events": self.total_events,
            "series": [p.to_dict() for p in self.weekly + self.monthly],
            "links": [link.to_dict() for link in self.links],
            "reciprocity": self.reciprocity,
            "alerts": self.alerts,
            "timeline": self.timeline.to_dict(),
        }


def _acts(events: list[dict[str, Any]], explicit: dict[str, list[str]]) -> list[Act]:
    acts = []
    for rec in events:
        actor, recipient = rec["direction"].split(">")
        act = act_from_record(rec, actor, recipient)
        acts.append(act._replace(in_response_to=tuple(explicit.get(act.id, ()))))
    return acts


def dyad_view(reader: StoreReader, a: str, b: str, start: dt.date | None = None,
              end: dt.date | None = None, limit: int = DEFAULT_LIMIT,
              window_days: int = WINDOW_DAYS) -> DyadView:  # fmt: skip
    """Assemble the view of dyad (a, b) from the store.

    Series, reciprocity and alerts cover every event in the date range that is dated finely
    enough for them (weekly: the day or week; monthly: also the month); ``events``,
    ``links`` and the timeline the latest ``limit`` of them (0 for all).
    """
    a, b = a.strip().upper(), b.strip().upper()
    directions = (f"{a}>{b}", f"{b}>{a}")
    events, total = reader.dyad_events(a, b, start, end, limit)
    week_rows, month_rows = split_periods(reader.dyad_periods(a, b, start, end))
    weekly = build_series(week_rows, "week", directions)
    monthly = build_series(month_rows, "month", directions)
    explicit: dict[str, list[str]] = {}
    for s, t in reader.explicit_links([e["id"] for e in events]):
        explicit.setdefault(s, []).append(t)
    for rec in events:
        rec["in_response_to"] = explicit.get(rec["id"], [])
    acts = _acts(events, explicit)
    links = explicit_links(acts) + infer_links(acts, window_days)
    periods, x = column(weekly, directions[0])
    _, y = column(weekly, directions[1])
    alerts = escalation_alerts(periods, x, directions[0]) + escalation_alerts(
        periods, y, directions[1]
    )
    alerts.sort(key=lambda al: (al["period"], al["direction"]))
    return DyadView((a, b), events, total, weekly, monthly, links,
                    reciprocity(x, y, (a, b)) if x else {}, alerts,
                    build_timeline(events, links))  # fmt: skip
