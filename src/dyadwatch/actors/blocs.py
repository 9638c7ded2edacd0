"""Small blocs and their member states (``data/blocs.tsv``), for dyads that run through a bloc.

Kazakhstan leaving a CIS agreement is a move in its relation with Russia: the dyad view lists
a state's dealings with a bloc under each member's dyad, marked with the bloc's code.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

from ..errors import DataError
from ..tables import read_table, split_list

BLOCS_FILE = Path(__file__).parent / "data" / "blocs.tsv"
COUNTRY_RE = re.compile(r"[A-Z]{3}")


@lru_cache(maxsize=4)
def load_blocs(path: Path = BLOCS_FILE) -> Mapping[str, frozenset[str]]:
    """Bloc code -> member countries; raises DataError naming the file and line of a bad row."""
    blocs: dict[str, frozenset[str]] = {}
    for number, row in read_table(path, required=("code", "members"), allowed=("code", "members")):
        members = split_list(row["members"])
        bad = [m for m in members if not COUNTRY_RE.fullmatch(m)]
        if not row["code"] or not members or bad:
            raise DataError(
                f"{path.name}:{number}: a code and |-separated alpha-3 members are needed"
            )
        blocs[row["code"].upper()] = frozenset(members)
    return blocs


def blocs_of(country: str, blocs: Mapping[str, frozenset[str]] | None = None) -> list[str]:
    """The codes of the listed blocs ``country`` (alpha-3) belongs to, sorted."""
    blocs = load_blocs() if blocs is None else blocs
    return sorted(code for code, members in blocs.items() if country.upper() in members)
