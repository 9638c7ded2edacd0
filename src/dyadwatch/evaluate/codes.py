"""Comparing actor codes the way the gold sets do: whole code, or the country in front.

A CAMEO-style code is an ISO alpha-3 country followed by optional sectors (``RUSGOV``,
``KAZBUS``). Organisations without one country (``NATO``, ``EU``, ``CIS``, ``CPC``) have codes
of their own and compare whole. Generic codes (``IGO``, ``NGO``) stand for any organisation.
Older CAMEO files use a few country codes that ISO spells differently (``JAP`` for Japan).
"""

from __future__ import annotations

from functools import lru_cache

import pycountry

from ..model import SECTORS, Actor

# Old CAMEO country codes and their ISO 3166 alpha-3 spelling.
LEGACY_COUNTRY_CODES = {
    "JAP": "JPN",
    "ITL": "ITA",
    "VTN": "VNM",
    "GMY": "DEU",
    "UKG": "GBR",
    "ROM": "ROU",
    "ZAR": "COD",
    "TMP": "TLS",
    "KOS": "XKX",
}
# Codes that are not in ISO 3166 but act as a country prefix in the gold sets.
EXTRA_COUNTRY_CODES = frozenset({"XKX", "EUR", "WST"})
# Codes that stand for any organisation (intergovernmental, non-governmental, militant group).
GENERIC_ORG_CODES = frozenset({"IGO", "NGO", "IMG", "ISM", "MNC"})
# "---" in front of a sector means "country not known": any country agrees.
UNKNOWN_COUNTRY = "---"


@lru_cache(maxsize=1)
def _iso_alpha3() -> frozenset[str]:
    return frozenset(c.alpha_3 for c in pycountry.countries)


def is_country(prefix: str) -> bool:
    """True when `prefix` (three letters) names a country or a country-like region."""
    return prefix in _iso_alpha3() or prefix in EXTRA_COUNTRY_CODES


def normalise_code(code: str) -> str:
    """Upper-case `code` and rewrite a legacy country prefix (``JAPGOV`` → ``JPNGOV``)."""
    code = code.strip().upper()
    for old, new in LEGACY_COUNTRY_CODES.items():
        if code == old or (code.startswith(old) and not is_country(code[:3])):
            return new + code[len(old) :]
    return code


def actor_country(actor: Actor) -> str | None:
    """The actor's alpha-3 country: ``actor.country`` or the country in front of its code."""
    if actor.country:
        return normalise_code(actor.country)
    code = normalise_code(actor.code or "")
    return code[:3] if is_country(code[:3]) else None


def is_organisation(actor: Actor) -> bool:
    """True for an actor without one country (NATO, the EU) or with the IGO sector; an actor
    coded ``---`` (named, but neither its country nor its kind known) is not."""
    code = normalise_code(actor.code or "")
    if actor.sector == "IGO" or code.startswith("IGO"):
        return True
    return not code.startswith(UNKNOWN_COUNTRY) and actor_country(actor) is None


def code_matches(actor: Actor | None, gold: str) -> bool:
    """Whether the predicted `actor` matches one gold code.

    Needs the predicted actor (None never matches) and a gold code. Returns True when the
    codes are equal, or the gold code starts with a country and the actor's country is the
    same, or the gold code is generic (``IGO``) and the actor is an organisation, or the gold
    code is a bare sector (``BUS``) and the actor has that sector. Other organisation codes
    (``NATO``, ``CPC``) must be equal in full.
    """
    if actor is None or not gold:
        return False
    gold = normalise_code(gold)
    code = normalise_code(actor.code or "")
    if code == gold:
        return True
    if gold.startswith(UNKNOWN_COUNTRY):
        sector = gold[len(UNKNOWN_COUNTRY) :]
        return not sector or sector == (actor.sector or code[3:6])
    if gold[:3] in GENERIC_ORG_CODES:
        return is_organisation(actor)
    if gold in SECTORS:
        return actor.sector == gold
    if is_country(gold[:3]):
        return actor_country(actor) == gold[:3]
    return False


def any_code_matches(actor: Actor | None, golds: list[str]) -> bool:
    """Whether `actor` matches at least one of the gold codes."""
    return any(code_matches(actor, g) for g in golds)
