"""Phrases whose head is a trigger word but which name no event ("took part in",
"declined to comment", "resupply trips"), read from events/data/non_events.tsv."""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources

from ..errors import DataError

COLUMNS = ["lemma", "pos", "with", "note"]


@lru_cache(maxsize=1)
def non_events() -> dict[tuple[str, str], tuple[frozenset[str], ...]]:
    """(lemma, pos) -> the dependent sets that make the head no event. Raises DataError."""
    path = resources.files("dyadwatch.events") / "data" / "non_events.tsv"
    found: dict[tuple[str, str], list[frozenset[str]]] = {}
    with path.open(encoding="utf-8") as fh:
        rows = [(n, r) for n, r in enumerate(csv.reader(fh, delimiter="\t"), 1)
                if r and not r[0].startswith("#")]  # fmt: skip
    if not rows or rows[0][1] != COLUMNS:
        raise DataError(f"non_events.tsv: header must be {' '.join(COLUMNS)} (tab-separated)")
    for n, row in rows[1:]:
        if len(row) < 3 or row[1] not in ("VERB", "NOUN") or not row[2].split():
            raise DataError(f"non_events.tsv:{n}: expected lemma, VERB or NOUN, with lemmas")
        found.setdefault((row[0], row[1]), []).append(frozenset(row[2].split()))
    return {key: tuple(sets) for key, sets in found.items()}


def is_non_event(lemma: str, pos: str, dependents: set[str]) -> bool:
    """Whether a trigger head with these dependent lemmas names no event."""
    return any(words <= dependents for words in non_events().get((lemma, pos), ()))
