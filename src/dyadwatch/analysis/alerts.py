"""Escalation flags: a week whose conflict intensity leaves its recent baseline.

A week is flagged when its value exceeds the mean of the trailing ``window`` weeks by more
than ``k`` standard deviations (the deviation floored at ``min_std`` so a quiet baseline
does not flag every small event), after at least ``min_weeks`` weeks of baseline.
"""

from __future__ import annotations

import datetime as dt
import math
import statistics
from collections.abc import Sequence
from typing import Any

WINDOW, K, MIN_WEEKS, MIN_STD = 8, 2.0, 4, 1.0


def escalation_alerts(periods: Sequence[dt.date], values: Sequence[float], direction: str,
                      window: int = WINDOW, k: float = K, min_weeks: int = MIN_WEEKS,
                      min_std: float = MIN_STD) -> list[dict[str, Any]]:  # fmt: skip
    """Flagged weeks of one direction's series, oldest first."""
    out = []
    for t in range(min_weeks, len(values)):
        base = values[max(0, t - window) : t]
        mean = statistics.fmean(base)
        spread = math.sqrt(sum((v - mean) ** 2 for v in base) / len(base))  # population sd
        std = max(spread, min_std)
        if values[t] > 0 and values[t] > mean + k * std:
            out.append({
                "direction": direction, "period": periods[t].isoformat(),
                "value": round(values[t], 3), "baseline_mean": round(mean, 3),
                "baseline_std": round(std, 3), "z": round((values[t] - mean) / std, 2),
                "rule": f"above trailing {window}-week mean + {k:g} sd",
            })  # fmt: skip
            out[-1]["explanation"] = explain_alert(out[-1], len(base), k, spread < min_std)
    return out


def explain_alert(alert: dict[str, Any], weeks: int, k: float = K, floored: bool = False) -> str:
    """What an alert compares, in a sentence; ``floored`` when the spread was raised to its floor."""
    actor, _, recipient = alert["direction"].partition(">")
    spread = f"{alert['baseline_std']:g}" + (", the least counted" if floored else "")
    return (
        f"In the week starting {alert['period']}, {actor}'s conflictual acts toward {recipient} "
        f"(events dated to the day or week) added up to an intensity of {alert['value']:g}, "
        f"against an average of {alert['baseline_mean']:g} (spread {spread}) over the "
        f"{weeks} weeks before: more than {k:g} times the spread above the average."
    )
