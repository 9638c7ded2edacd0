"""Weekly and monthly series of a dyad: counts by quad class and summed intensity, per direction.

Periods with no events are filled with zeros between the first and last period, so series
line up week by week for reciprocity and alerts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

QUADS = (1, 2, 3, 4)


@dataclass
class Point:
    """One period of one direction."""

    unit: str
    period: dt.date
    direction: str
    counts: dict[int, int] = field(default_factory=lambda: dict.fromkeys(QUADS, 0))
    intensity: float = 0.0
    conflict: float = 0.0  # summed magnitude of negative intensity in quads 3 and 4

    @property
    def count(self) -> int:
        return sum(self.counts.values())

    def to_dict(self) -> dict[str, Any]:
        return {
            "unit": self.unit, "period": self.period.isoformat(), "direction": self.direction,
            "count": self.count, **{f"quad{q}": self.counts[q] for q in QUADS},
            "intensity": round(self.intensity, 3), "conflict": round(self.conflict, 3),
        }  # fmt: skip


def next_period(day: dt.date, unit: str) -> dt.date:
    """The start of the period after the one starting on ``day``."""
    if unit == "week":
        return day + dt.timedelta(days=7)
    return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def build_series(rows: Iterable[tuple[Any, ...]], unit: str, directions: tuple[str, str]
                 ) -> list[Point]:  # fmt: skip
    """Points for both directions over every period from the first to the last.

    Needs rows (period start, direction, quad, count, intensity, conflict), as
    :func:`split_periods` gives them. Returns points sorted by (period, direction).
    """
    points: dict[tuple[dt.date, str], Point] = {}
    for period, direction, quad, count, intensity, conflict in rows:
        p = points.setdefault((period, direction), Point(unit, period, direction))
        if quad in p.counts:
            p.counts[quad] += int(count)
        p.intensity += float(intensity or 0)
        p.conflict += float(conflict or 0)
    if not points:
        return []
    first, last = min(k[0] for k in points), max(k[0] for k in points)
    day = first
    while day <= last:
        for d in directions:
            points.setdefault((day, d), Point(unit, day, d))
        day = next_period(day, unit)
    return [points[k] for k in sorted(points, key=lambda k: (k[0], directions.index(k[1])
                                                              if k[1] in directions else 9))]  # fmt: skip


def column(
    points: list[Point], direction: str, attr: str = "conflict"
) -> tuple[list[dt.date], list[float]]:
    """Periods and one value per period for one direction (points must be filled)."""
    chosen = [p for p in points if p.direction == direction]
    return [p.period for p in chosen], [float(getattr(p, attr)) for p in chosen]


def split_periods(rows: Iterable[tuple[Any, ...]]
                  ) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:  # fmt: skip
    """Weekly and monthly rows for :func:`build_series` from the rows of
    :meth:`dyadwatch.store.StoreReader.dyad_periods` (week, month, direction, quad, count,
    intensity, conflict); rows without a week count in the monthly series only.
    """
    weekly: dict[tuple[Any, ...], list[float]] = {}
    monthly: dict[tuple[Any, ...], list[float]] = {}
    for week, month, direction, quad, count, intensity, conflict in rows:
        targets = [(monthly, month)] + ([(weekly, week)] if week is not None else [])
        for table, period in targets:
            cell = table.setdefault((period, direction, quad), [0, 0.0, 0.0])
            cell[0] += count
            cell[1] += float(intensity or 0)
            cell[2] += float(conflict or 0)
    return ([(*key, *cell) for key, cell in weekly.items()],
            [(*key, *cell) for key, cell in monthly.items()])  # fmt: skip
