"""A dyad side as a person types it: a country's name, demonym, adjective or code.

``Armenia``, ``Armenian``, ``armenians``, ``AM`` and ``ARM`` all give ``ARM``; ``NATO`` and
finer codes such as ``RUSGOV`` stay as they are. Names come from the actor knowledge base
(``actors/data``) and from pycountry (official names, two-letter codes). When nothing
matches, the error suggests the nearest names (``KOS`` suggests Kosovo, ``XKX``).
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata

import pycountry

from ..errors import InputError
from ..model import SECTORS
from .kb import KnowledgeBase

NAME_FORMS = ("name", "alias", "adjective", "demonym")
_CODE = re.compile(r"^[A-Z][A-Z0-9+]{1,15}$")


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.replace("\u2019", "'").lower().split())


@functools.lru_cache(maxsize=1)
def _index() -> tuple[dict[str, str], dict[str, str]]:
    """(folded name -> code, code -> display name) for countries and the organisations,
    regions and groups that are dyad sides of their own (no country of theirs)."""
    kb = KnowledgeBase.load()
    names: dict[str, str] = {}
    codes: dict[str, str] = {}
    for entry in kb.entries():
        if entry.kind != "person" and (entry.country is None or entry.code == entry.country):
            codes.setdefault(entry.code, entry.name)
    for text, forms in kb.forms.items():
        for form in forms:
            entry = form.entry
            if form.form in NAME_FORMS and entry.code in codes:
                names.setdefault(_fold(text), entry.code)
    for country in pycountry.countries:
        if country.alpha_3 not in codes:
            continue
        for text in (country.name, getattr(country, "official_name", None),
                     getattr(country, "common_name", None), country.alpha_2):  # fmt: skip
            if text:
                names.setdefault(_fold(text), country.alpha_3)
    return names, codes


def _plural(folded: str, names: dict[str, str]) -> str | None:
    for cut in ("s", "es"):
        if folded.endswith(cut) and folded[: -len(cut)] in names:
            return names[folded[: -len(cut)]]
    return None


def resolve_side(text: str) -> str:
    """The dyad-side code for ``text``; raises InputError with suggestions when unknown."""
    names, codes = _index()
    raw = " ".join(text.split())
    if not raw:
        raise InputError("an empty name is not a country or organisation", doc="dyad side")
    upper = raw.upper()
    if upper in codes and (raw.isupper() or len(raw) == 3):
        return upper
    if _CODE.match(upper) and upper[:3] in codes and upper[3:] in SECTORS and raw.isupper():
        return upper
    folded = _fold(raw)
    folded = folded.removeprefix("the ")
    code = names.get(folded) or _plural(folded, names)
    if code:
        return code
    raise InputError(f"no country or organisation called {raw!r}{_suggestion(folded)}",
                     doc="dyad side")  # fmt: skip


def suggestions(text: str, n: int = 3) -> list[tuple[str, str]]:
    """Up to ``n`` (code, name) pairs whose names or codes are closest to ``text``."""
    names, codes = _index()
    folded = _fold(text)
    found = [names[k] for k in sorted(names) if len(folded) >= 2 and k.startswith(folded)]
    if not found:
        found = [names[k] for k in difflib.get_close_matches(folded, list(names), n, 0.7)]
        found += difflib.get_close_matches(folded.upper(), list(codes), n, 0.6)
    unique = list(dict.fromkeys(found))[:n]
    return [(code, codes[code]) for code in unique]


def _suggestion(folded: str) -> str:
    found = suggestions(folded)
    if not found:
        return " (give a country name, demonym or three-letter code such as ARM)"
    return "; did you mean " + " or ".join(f"{name} ({code})" for code, name in found) + "?"
