"""Support verbs: verbs that lend their subject to the event noun they govern.

Shared by trigger finding (a support verb is not coded itself) and role finding (its
subject is the actor of the noun), so it lives apart from both.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from ..tables import words

WORD_LISTS = Path(__file__).parent / "data" / "words.tsv"


@cache
def support_verbs() -> frozenset[str]:
    """Verbs that lend their subject to an event noun: "announced the suspension",
    "issued threats", "went into overdrive with attacks" (``support_verbs`` in
    events/data/words.tsv)."""
    return words(WORD_LISTS, "support_verbs")
