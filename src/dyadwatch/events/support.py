"""Support verbs: verbs that lend their subject to the event noun they govern.

Shared by trigger finding (a support verb is not coded itself) and role finding (its
subject is the actor of the noun), so it lives apart from both.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def support_verbs() -> frozenset[str]:
    """Verbs that lend their subject to an event noun: "announced the suspension",
    "issued threats", "went into overdrive with attacks" (events/data/support_verbs.txt)."""
    path = resources.files("dyadwatch.events") / "data" / "support_verbs.txt"
    words = path.read_text(encoding="utf-8").split("\n")
    return frozenset(w.strip() for w in words if w.strip() and not w.startswith("#"))
