"""Altair (Vega-Lite) charts of a dyad view: timeline with links, intensity series, top lists."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

import altair as alt

from ..analysis.dyad import DyadView

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
              4: "material conflict"}  # fmt: skip
QUAD_COLOURS = ["#4c9f70", "#1b6e3a", "#e08a3c", "#b8322a"]
WIDTH = 760


def _quad_scale() -> alt.Scale:
    return alt.Scale(domain=list(QUAD_NAMES.values()), range=QUAD_COLOURS)


def _mid(start: dt.date, end: dt.date) -> str:
    return (start + (end - start) / 2).isoformat()


def timeline(view: DyadView) -> alt.LayerChart:
    """Each event on its direction's lane, coloured by quad class: a dot for a day, a bar
    across the span for a week or month; response links between two finely dated ends.

    Events dated only to the year, and links with a coarsely dated end, are not drawn (the
    page lists them).
    """
    marks = [m.to_dict() | {"quad_name": QUAD_NAMES.get(m.quad or 0, "unknown"),
                            "mid": _mid(m.start, m.end)}
             for m in view.timeline.marks]  # fmt: skip
    by_id = {m["id"]: m for m in marks}
    links = [{
        "from": by_id[link.target]["mid"], "to": by_id[link.source]["mid"],
        "from_dir": by_id[link.target]["direction"], "to_dir": by_id[link.source]["direction"],
        "kind": link.kind, "why": link.evidence,
    } for link in view.timeline.links if link.drawn and link.source in by_id
        and link.target in by_id]  # fmt: skip
    y = alt.Y("direction:N", title=None, sort=list(view.directions))
    color = alt.Color("quad_name:N", scale=_quad_scale(), title="quad class")
    tooltip = ["start:T", "end:T", "precision:N", "direction:N", "event:N", "quad_name:N",
               "intensity:Q", "text:N"]  # fmt: skip
    base = alt.Chart(alt.Data(values=marks))
    dots = base.mark_circle(size=90, opacity=0.85).encode(
        x=alt.X("start:T", title="date"), y=y, color=color, tooltip=tooltip,
    ).transform_filter(alt.datum.shape == "dot")  # fmt: skip
    bars = base.mark_bar(height=8, opacity=0.55).encode(
        x="start:T", x2="end:T", y=y, color=color, tooltip=tooltip,
    ).transform_filter(alt.datum.shape == "bar")  # fmt: skip
    rules = alt.Chart(alt.Data(values=links)).mark_rule(strokeWidth=1.5).encode(
        x="from:T", x2="to:T", y=alt.Y("from_dir:N", sort=list(view.directions)), y2="to_dir:N",
        strokeDash=alt.StrokeDash("kind:N", title="response link"),
        tooltip=["kind:N", "why:N"],
    )  # fmt: skip
    return alt.layer(rules, bars, dots).properties(
        width=WIDTH, height=140, title="Timeline (dot: a day; bar: a week or month)"
    )


def intensity_series(view: DyadView, unit: str = "week") -> alt.LayerChart:
    """Summed intensity of each direction per week or month; markers only where events are.

    The weekly series counts events dated to the day or week, the monthly one also those
    dated to the month.
    """
    points = view.weekly if unit == "week" else view.monthly
    rows = [p.to_dict() for p in points]
    colour = alt.Color("direction:N", sort=list(view.directions))
    base = alt.Chart(alt.Data(values=rows)).encode(
        x=alt.X("period:T", title=unit), y=alt.Y("intensity:Q", title="summed intensity"),
        color=colour,
    )  # fmt: skip
    line = base.mark_line()
    dots = base.mark_point(filled=True).encode(
        tooltip=["period:T", "direction:N", "count:Q", "intensity:Q", "conflict:Q"],
    ).transform_filter(alt.datum.count > 0)  # fmt: skip
    counted = "day or week" if unit == "week" else "day, week or month"
    return alt.layer(line, dots).properties(
        width=WIDTH, height=200,
        title=f"{unit.capitalize()}ly intensity, each direction (events dated to the {counted})",
    )  # fmt: skip


def _bar(counts: Counter[str], field: str, title: str) -> alt.Chart:
    rows = [{field: k, "events": v} for k, v in counts.most_common(10)]
    return alt.Chart(alt.Data(values=rows)).mark_bar().encode(
        x=alt.X("events:Q"), y=alt.Y(f"{field}:N", sort="-x", title=None), tooltip=[f"{field}:N", "events:Q"],
    ).properties(width=WIDTH // 2 - 60, height=200, title=title)  # fmt: skip


def top_charts(view: DyadView) -> alt.HConcatChart:
    """Top acting states (an actor's country, all its sectors together) and event types."""
    actors: Counter[str] = Counter(actor_group(e.get("actor")) for e in view.events)
    types: Counter[str] = Counter(e.get("event") or "?" for e in view.events)
    return alt.hconcat(
        _bar(actors, "actor", "Top acting states"), _bar(types, "type", "Top event types")
    )


def actor_group(actor: dict[str, Any] | None) -> str:
    """The state an actor belongs to (``AZEGOV`` and ``AZE`` are both ``AZE``), else its code."""
    actor = actor or {}
    return actor.get("country") or actor.get("code") or "?"


def all_specs(view: DyadView) -> dict[str, dict[str, Any]]:
    """Vega-Lite specs by div id, in page order."""
    return {
        "timeline": timeline(view).to_dict(),
        "intensity": intensity_series(view).to_dict(),
        "monthly": intensity_series(view, "month").to_dict(),
        "tops": top_charts(view).to_dict(),
    }
