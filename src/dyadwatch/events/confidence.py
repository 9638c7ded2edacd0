"""How sure the coder is of an act's reading, from the steps that decided it.

An event's confidence is 0.9 less the penalty of each step it records (``Event.steps``);
the penalties are rows of data/penalties.tsv, so the reason for every point lost can be
read off the event. A step no row matches costs nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from fnmatch import fnmatchcase
from functools import cache
from pathlib import Path

from ..tables import fail, read_table

PENALTIES_FILE = Path(__file__).parent / "data" / "penalties.tsv"
COLUMNS = ("step", "penalty", "why")
BASE = 0.9
FLOOR = 0.05


@cache
def penalties(path: Path = PENALTIES_FILE) -> tuple[tuple[str, float], ...]:
    """The (step pattern, penalty) rows of the table, in order."""
    rows = []
    for number, row in read_table(path, required=COLUMNS, allowed=COLUMNS):
        try:
            penalty = float(row["penalty"])
        except ValueError:
            penalty = -1.0
        if not row["step"] or not 0 <= penalty <= 1:
            raise fail(path, number, "expected a step and a penalty between 0 and 1")
        rows.append((row["step"], penalty))
    return tuple(rows)


@cache
def penalty(step: str) -> float:
    """The penalty of the first row whose pattern matches ``step``; 0 when none does."""
    return next((cost for pattern, cost in penalties() if fnmatchcase(step, pattern)), 0.0)


def confidence(steps: Iterable[str]) -> float:
    """0.9 less the penalties of ``steps``, rounded to two places, never below 0.05."""
    return round(max(BASE - sum(penalty(step) for step in steps), FLOOR), 2)
