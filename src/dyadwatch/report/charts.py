"""Altair (Vega-Lite) charts of a dyad view: timeline with links, intensity series, top lists."""

from __future__ import annotations

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


def _first_day(date: str) -> str:
    """``2024-03`` → ``2024-03-01``, ``2024`` → ``2024-01-01``: where a coarse date is drawn."""
    return date + "-01-01"[len(date) - 4:] if len(date) < 10 else date[:10]


def timeline(view: DyadView) -> alt.LayerChart:
    """Each event a mark on its direction's row, coloured by quad class; response links as rules."""
    rows = [{
        "id": e["id"], "date": _first_day(e["date"]),
        "direction": e["direction"], "event": e.get("event"),
        "quad": QUAD_NAMES.get(e.get("quad_code") or 0, "unknown"),
        "intensity": e.get("intensity"), "sources": len(e.get("sources") or []) or e.get("corroboration", 1),
        "text": ((e.get("evidence") or {}).get("text") or "")[:160],
    } for e in view.events if e.get("date")]  # fmt: skip
    by_id = {r["id"]: r for r in rows}
    links = [{
        "from": by_id[link.target]["date"], "to": by_id[link.source]["date"],
        "from_dir": by_id[link.target]["direction"], "to_dir": by_id[link.source]["direction"],
        "kind": link.kind, "why": link.evidence,
    } for link in view.links if link.source in by_id and link.target in by_id]  # fmt: skip
    y = alt.Y("direction:N", title=None, sort=list(view.directions))
    points = alt.Chart(alt.Data(values=rows)).mark_circle(size=90, opacity=0.85).encode(
        x=alt.X("date:T", title="date"), y=y,
        color=alt.Color("quad:N", scale=_quad_scale(), title="quad class"),
        tooltip=["date:T", "direction:N", "event:N", "quad:N", "intensity:Q", "sources:Q", "text:N"],
    )  # fmt: skip
    rules = alt.Chart(alt.Data(values=links)).mark_rule(strokeWidth=1.5).encode(
        x="from:T", x2="to:T", y=alt.Y("from_dir:N", sort=list(view.directions)), y2="to_dir:N",
        strokeDash=alt.StrokeDash("kind:N", title="response link"),
        tooltip=["kind:N", "why:N"],
    )  # fmt: skip
    return alt.layer(rules, points).properties(width=WIDTH, height=140, title="Timeline")


def intensity_series(view: DyadView) -> alt.Chart:
    """Weekly summed intensity of each direction (cooperation up, conflict down)."""
    rows = [p.to_dict() for p in view.weekly]
    return alt.Chart(alt.Data(values=rows)).mark_line(point=True).encode(
        x=alt.X("period:T", title="week"), y=alt.Y("intensity:Q", title="summed intensity"),
        color=alt.Color("direction:N", sort=list(view.directions)),
        tooltip=["period:T", "direction:N", "count:Q", "intensity:Q", "conflict:Q"],
    ).properties(width=WIDTH, height=200, title="Weekly intensity, each direction")  # fmt: skip


def _bar(counts: Counter[str], field: str, title: str) -> alt.Chart:
    rows = [{field: k, "events": v} for k, v in counts.most_common(10)]
    return alt.Chart(alt.Data(values=rows)).mark_bar().encode(
        x=alt.X("events:Q"), y=alt.Y(f"{field}:N", sort="-x", title=None), tooltip=[f"{field}:N", "events:Q"],
    ).properties(width=WIDTH // 2 - 60, height=200, title=title)  # fmt: skip


def top_charts(view: DyadView) -> alt.HConcatChart:
    """Top actors (by code) and top event types among the dyad's events."""
    actors: Counter[str] = Counter((e.get("actor") or {}).get("code") or "?" for e in view.events)
    types: Counter[str] = Counter(e.get("event") or "?" for e in view.events)
    return alt.hconcat(_bar(actors, "actor", "Top actors"), _bar(types, "type", "Top event types"))


def all_specs(view: DyadView) -> dict[str, dict[str, Any]]:
    """Vega-Lite specs by div id, in page order."""
    return {
        "timeline": timeline(view).to_dict(),
        "intensity": intensity_series(view).to_dict(),
        "tops": top_charts(view).to_dict(),
    }
