"""Reciprocity in the Goldstein–Pevehouse sense: does one side's conflict follow the other's?

For weekly conflict series x (A→B) and y (B→A) the measure regresses y[t+lag] on x[t]: the
Pearson correlation r, the least-squares slope and intercept, and the number of week pairs.
A positive, sizeable r with enough weeks means B answers A's conflict in kind.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

MIN_WEEKS = 4


def lagged_regression(x: Sequence[float], y: Sequence[float], lag: int = 1) -> dict[str, Any]:
    """Regress y[t+lag] on x[t]; needs two equally long series. Returns n, r, slope, intercept.

    r, slope and intercept are None with fewer than MIN_WEEKS pairs or a constant series.
    """
    if len(x) != len(y):
        raise ValueError(f"series differ in length: {len(x)} and {len(y)}")
    xs, ys = list(x[: len(x) - lag]), list(y[lag:])
    n = len(xs)
    out: dict[str, Any] = {"lag_weeks": lag, "n_weeks": n, "r": None, "slope": None,
                           "intercept": None}  # fmt: skip
    if n < MIN_WEEKS:
        return out
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((v - mx) ** 2 for v in xs)
    syy = sum((v - my) ** 2 for v in ys)
    sxy = sum((a - mx) * (b - my) for a, b in zip(xs, ys, strict=True))
    if sxx == 0:
        return out
    slope = sxy / sxx
    out["slope"] = round(slope, 4)
    out["intercept"] = round(my - slope * mx, 4)
    out["r"] = round(sxy / math.sqrt(sxx * syy), 4) if syy > 0 else None
    return out


def reciprocity(a_to_b: Sequence[float], b_to_a: Sequence[float], names: tuple[str, str],
                lag: int = 1) -> dict[str, Any]:  # fmt: skip
    """Both ways: how B's conflict in week t+lag follows A's in week t, and the reverse."""
    a, b = names
    out: dict[str, Any] = {
        "measure": "weekly conflict intensity, regression of the response week on the week before",
    }
    for key, x, y, first, second in ((f"{b}_answers_{a}", a_to_b, b_to_a, a, b),
                                     (f"{a}_answers_{b}", b_to_a, a_to_b, b, a)):  # fmt: skip
        fit = lagged_regression(x, y, lag)
        fit["active_weeks"] = sum(1 for v in x if v > 0)
        fit["summary"] = explain(fit, first, second)
        out[key] = fit
    return out


def _strength(r: float) -> str:
    size = abs(r)
    if size < 0.1:
        return "no"
    return "a weak" if size < 0.3 else "a moderate" if size < 0.5 else "a strong"


def explain(fit: dict[str, Any], first: str, second: str) -> str:
    """One sentence saying whether ``second`` answers ``first``'s conflict in kind."""
    weeks, active = fit["n_weeks"], fit.get("active_weeks", 0)
    if fit["r"] is None or active < MIN_WEEKS:
        return (f"Too little to say whether {second} answers {first}: {active} of {weeks} weeks "
                f"saw conflictual acts by {first} toward {second} (at least {MIN_WEEKS} needed).")  # fmt: skip
    strength = _strength(fit["r"])
    if strength == "no":
        tendency = (
            f"{second}'s conflict toward {first} does not follow {first}'s of the week before"
        )
    elif fit["r"] > 0:
        tendency = (f"{second} shows {strength} tendency to answer {first}'s conflict in kind "
                    "the following week")  # fmt: skip
    else:
        tendency = (f"{second}'s conflict toward {first} shows {strength} tendency to ease "
                    f"the week after {first}'s")  # fmt: skip
    return (
        f"Over {weeks} weeks ({active} with conflict by {first}), {tendency} "
        f"(correlation {fit['r']:+.2f})."
    )
