"""Response links between the two sides of a dyad: explicit (from the text) or inferred (timing).

An inferred link says that B's conflictual act against A followed A's conflictual act
against B within a window (14 days by default) and that no cue in the text already linked
it. Each responding act gets at most one inferred link: to the latest such act before it.
Only day-precise dates take part; a month is too coarse to order two acts.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any, NamedTuple

WINDOW_DAYS = 14
CONFLICT_QUADS = (3, 4)


class Act(NamedTuple):
    """What timing-based linking needs from an event."""

    id: str
    day: dt.date | None  # None unless the date is precise to the day
    actor: str | None
    recipient: str | None
    quad: int | None
    event: str
    in_response_to: tuple[str, ...] = ()


@dataclass(frozen=True)
class Link:
    """``source`` responds to ``target``; ``kind`` is ``explicit`` or ``inferred``."""

    source: str
    target: str
    kind: str
    lag_days: int | None
    evidence: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def act_from_record(record: dict[str, Any], actor: str | None, recipient: str | None) -> Act:
    """An Act from a contract record; ``actor``/``recipient`` are the dyad sides it belongs to."""
    day = None
    if record.get("date_precision") == "day" and record.get("date"):
        try:
            day = dt.date.fromisoformat(record["date"][:10])
        except ValueError:
            day = None
    return Act(record["id"], day, actor, recipient, record.get("quad_code"), record.get("event", ""),
               tuple(record.get("in_response_to") or ()))  # fmt: skip


def explicit_links(acts: Iterable[Act]) -> list[Link]:
    """Links the coder found in the text (``in_response_to``), between acts given here."""
    acts = list(acts)
    by_id = {a.id: a for a in acts}
    out = []
    for a in acts:
        for target in a.in_response_to:
            t = by_id.get(target)
            lag = (a.day - t.day).days if t and a.day and t.day else None
            out.append(Link(a.id, target, "explicit", lag, "a cue in the text links the two"))
    return out


def infer_links(acts: Iterable[Act], window_days: int = WINDOW_DAYS) -> list[Link]:
    """Inferred links: a conflictual act answered by the other side within ``window_days``.

    Needs acts of both directions of one dyad. Returns links sorted by (source day, id);
    acts already carrying an explicit link are left out.
    """
    conflict = sorted(
        (a for a in acts if a.day and a.quad in CONFLICT_QUADS and a.actor and a.recipient),
        key=lambda a: (a.day, a.id),
    )
    by_direction: dict[tuple[str, str], list[Act]] = {}
    for a in conflict:
        by_direction.setdefault((a.actor, a.recipient), []).append(a)  # type: ignore[arg-type]
    days = {k: [a.day for a in v] for k, v in by_direction.items()}
    out = []
    for a in conflict:
        if a.in_response_to:
            continue
        back = (a.recipient, a.actor)
        earlier = by_direction.get(back)  # type: ignore[arg-type]
        if not earlier:
            continue
        i = bisect.bisect_left(days[back], a.day) - 1  # type: ignore[index]
        if i < 0:
            continue
        prior = earlier[i]
        lag = (a.day - prior.day).days  # type: ignore[operator]
        if 1 <= lag <= window_days:
            out.append(Link(a.id, prior.id, "inferred", lag,
                            f"{a.actor} {a.event} on {a.day} follows {prior.actor} {prior.event} "
                            f"on {prior.day} by {lag} days; no cue in the text"))  # fmt: skip
    return out
