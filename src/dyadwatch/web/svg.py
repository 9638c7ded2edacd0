"""Small inline SVG charts drawn on the server: no script, nothing loaded from the network.

The timeline draws a dot for an event dated to the day and a bar across the span of one
dated to the week or month; response links join two marks only when both are dated to the
day or week (the page lists the others). Series draw a line through every period and a
marker only where the period has events.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import Any
from urllib.parse import quote

QUAD_COLOURS = {1: "#4c9f70", 2: "#1b6e3a", 3: "#e08a3c", 4: "#b8322a"}
DIRECTION_COLOURS = ("#2b6cb0", "#c05621")
WIDTH, LANE, PAD = 900, 56, 70


def _x(day: dt.date, first: dt.date, days: int, width: int = WIDTH) -> float:
    return PAD + (width - PAD - 10) * (day - first).days / max(days, 1)


def sparkline(values: list[int], width: int = 120, height: int = 26) -> str:
    """A small line of monthly counts."""
    if not values:
        return ""
    peak = max(values) or 1
    step = width / max(len(values) - 1, 1)
    pts = " ".join(f"{i * step:.1f},{height - 2 - (height - 4) * v / peak:.1f}"
                   for i, v in enumerate(values))  # fmt: skip
    return (f'<svg class="spark" width="{width}" height="{height}" role="img" '
            f'aria-label="monthly events"><polyline fill="none" stroke="#2b6cb0" '
            f'stroke-width="1.5" points="{pts}"/></svg>')  # fmt: skip


def _axis(first: dt.date, last: dt.date, y: float, width: int = WIDTH) -> str:
    days = (last - first).days
    out = [f'<line x1="{PAD}" x2="{width - 10}" y1="{y}" y2="{y}" stroke="#999"/>']
    step = max(1, days // 6)
    for k in range(0, days + 1, step):
        day = first + dt.timedelta(days=k)
        x = _x(day, first, days, width)
        out.append(f'<text x="{x:.1f}" y="{y + 14}" font-size="10" text-anchor="middle">'
                   f"{day.isoformat()}</text>")  # fmt: skip
    return "".join(out)


def timeline(page: dict[str, Any]) -> str:
    """The two-lane timeline of a dyad page."""
    marks = page["timeline"]["marks"]
    directions = page["directions"]
    if not marks:
        return '<p class="muted">No event dated finely enough to draw.</p>'
    first = min(dt.date.fromisoformat(m["start"]) for m in marks) - dt.timedelta(days=1)
    last = max(dt.date.fromisoformat(m["end"]) for m in marks) + dt.timedelta(days=1)
    days = (last - first).days
    lane_y = {d: 20 + LANE * i + LANE / 2 for i, d in enumerate(directions)}
    where: dict[str, tuple[float, float]] = {}
    body = []
    for d, y in lane_y.items():
        body.append(f'<text x="4" y="{y + 4}" font-size="12">{escape(d)}</text>'
                    f'<line x1="{PAD}" x2="{WIDTH - 10}" y1="{y}" y2="{y}" stroke="#eee"/>')  # fmt: skip
    for m in marks:
        y = lane_y.get(m["direction"], lane_y[directions[0]])
        x0 = _x(dt.date.fromisoformat(m["start"]), first, days)
        x1 = _x(dt.date.fromisoformat(m["end"]), first, days)
        colour = QUAD_COLOURS.get(m["quad"] or 0, "#777")
        tip = escape(f"{m['event']} {m['direction']}, {m['precision']}: {m['start']}"
                     + (f" to {m['end']}" if m["end"] != m["start"] else "") + f"; {m['text']}")  # fmt: skip
        if m["shape"] == "dot":
            shape = f'<circle class="mark dot" cx="{x0:.1f}" cy="{y}" r="5" fill="{colour}"/>'
        else:
            shape = (f'<rect class="mark bar" x="{x0:.1f}" y="{y - 4}" width="{max(x1 - x0, 2):.1f}" '
                     f'height="8" fill="{colour}" fill-opacity="0.55"/>')  # fmt: skip
        body.append(f'<a href="/event/{quote(m["id"], safe="")}"><title>{tip}</title>{shape}</a>')
        where[m["id"]] = ((x0 + x1) / 2, y)
    for link in page["timeline"]["links"]:
        if not link["drawn"] or link["source"] not in where or link["target"] not in where:
            continue
        (xa, ya), (xb, yb) = where[link["target"]], where[link["source"]]
        dash = "" if link["kind"] == "explicit" else ' stroke-dasharray="4 3"'
        body.append(f'<path class="link" d="M{xa:.1f},{ya} C{xa:.1f},{(ya + yb) / 2} '
                    f'{xb:.1f},{(ya + yb) / 2} {xb:.1f},{yb}" fill="none" stroke="#555"{dash}>'
                    f"<title>{escape(link['kind'])}: {escape(link['evidence'])}</title></path>")  # fmt: skip
    height = 20 + LANE * len(directions) + 24
    body.append(_axis(first, last, height - 24))
    return (f'<svg class="timeline" viewBox="0 0 {WIDTH} {height}" width="100%" role="img" '
            f'aria-label="timeline">{"".join(body)}</svg>')  # fmt: skip


def series(points: list[dict[str, Any]], directions: list[str], unit: str) -> str:
    """Summed intensity per period, one line per direction, markers only on non-empty periods."""
    chosen = [p for p in points if p["unit"] == unit]
    if not chosen:
        return f'<p class="muted">No event dated finely enough for a {unit}ly series.</p>'
    periods = sorted({dt.date.fromisoformat(p["period"]) for p in chosen})
    first, last = periods[0], periods[-1] + dt.timedelta(days=1)
    days = (last - first).days
    top = max(max(abs(p["intensity"]) for p in chosen), 1.0)
    height, mid = 180, 90
    body = [f'<line x1="{PAD}" x2="{WIDTH - 10}" y1="{mid}" y2="{mid}" stroke="#ccc"/>',
            f'<text x="4" y="14" font-size="10">+{top:g}</text>',
            f'<text x="4" y="{height - 30}" font-size="10">-{top:g}</text>']  # fmt: skip
    for colour, d in zip(DIRECTION_COLOURS, directions, strict=False):
        mine = [p for p in chosen if p["direction"] == d]
        xy = [(_x(dt.date.fromisoformat(p["period"]), first, days),
               mid - (mid - 36) * p["intensity"] / top, p) for p in mine]  # fmt: skip
        pts = " ".join(f"{x:.1f},{y:.1f}" for x, y, _ in xy)
        body.append(f'<polyline fill="none" stroke="{colour}" stroke-width="1.2" points="{pts}"/>')
        for x, y, p in xy:
            if p["count"] > 0:
                body.append(f'<circle class="point" cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colour}">'
                            f"<title>{escape(d)} {p['period']}: {p['count']} events, "
                            f"intensity {p['intensity']:g}</title></circle>")  # fmt: skip
        body.append(f'<text x="{WIDTH - 200}" y="{14 + 14 * directions.index(d)}" font-size="11" '
                    f'fill="{colour}">{escape(d)}</text>')  # fmt: skip
    body.append(_axis(first, last, height - 24))
    return (f'<svg class="series" viewBox="0 0 {WIDTH} {height}" width="100%" role="img" '
            f'aria-label="{unit}ly intensity">{"".join(body)}</svg>')  # fmt: skip
