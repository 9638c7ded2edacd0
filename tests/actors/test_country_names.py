"""Dyad sides as people type them: names, demonyms, adjectives and codes, with suggestions."""

from __future__ import annotations

import pytest

from dyadwatch.actors.names import resolve_side, suggestions
from dyadwatch.errors import InputError


@pytest.mark.parametrize(
    ("typed", "code"),
    [("Armenia", "ARM"), ("Armenian", "ARM"), ("armenians", "ARM"), ("ARM", "ARM"), ("am", "ARM"),
     ("Kosovo", "XKX"), ("Kosovar", "XKX"), ("XKX", "XKX"), ("the Netherlands", "NLD"),
     ("  south   korea ", "KOR"), ("Republic of Armenia", "ARM"), ("RUSGOV", "RUSGOV"),
     ("NATO", "NATO"), ("European Union", "EU"), ("Azerbaijani", "AZE")],
)  # fmt: skip
def test_names_resolve(typed: str, code: str) -> None:
    assert resolve_side(typed) == code


@pytest.mark.parametrize(
    ("typed", "suggested"),
    [("KOS", "XKX"), ("Armenai", "ARM"), ("Azerbaijn", "AZE"), ("Kazakhistan", "KAZ")],
)
def test_unknown_names_suggest_the_nearest(typed: str, suggested: str) -> None:
    with pytest.raises(InputError, match=rf"did you mean .*\({suggested}\)"):
        resolve_side(typed)
    assert suggested in [code for code, _ in suggestions(typed)]


@pytest.mark.parametrize("typed", ["", "   ", "Qwxzzy", "RUSXYZ"])
def test_nothing_matches_without_a_guess(typed: str) -> None:
    with pytest.raises(InputError):
        resolve_side(typed)
