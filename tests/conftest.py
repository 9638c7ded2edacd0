"""Shared fixtures: the coder is loaded once per test session."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from dyadwatch.actors import ActorMention
    from dyadwatch.actors.resolve import DocActors
    from dyadwatch.attributes.places import DocumentPlaces
    from dyadwatch.events.roles import RoleFinder

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def coder():
    from dyadwatch.coder import Coder

    return Coder()


@pytest.fixture(scope="session")
def full_coder(coder):
    """The coder that also keeps acts the text denies or only calls possible."""
    import copy
    from dataclasses import replace

    full = copy.copy(coder)
    full.config = replace(coder.config, keep_unrealised=True)
    return full


@pytest.fixture(scope="session")
def nlp():
    from dyadwatch.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def analyse(coder):
    """Parses a text and finds its actors and places as the coder does, without coding it."""
    from dyadwatch.actors.resolve import state_tokens
    from dyadwatch.attributes.places import DocumentPlaces
    from dyadwatch.events.roles import RoleFinder

    def run(text: str, date: str = "2023-05-01") -> Analysed:
        doc = coder.nlp(text)
        names = coder.actor_finder.names(doc, date)
        places = DocumentPlaces(
            doc, coder.gazetteer, (m.country for m in names.values()), holders=state_tokens(names)
        )
        actors = coder.actor_finder(doc, date, places, names)
        return Analysed(doc, actors, places, RoleFinder(actors))

    return run


@dataclass
class Analysed:
    """One parsed text with the coder's actor, place and role readers over it."""

    doc: Doc
    actors: DocActors
    places: DocumentPlaces
    roles: RoleFinder

    def token(self, word: str, nth: int = 0) -> Token:
        """The nth token (from 0) whose text is ``word``."""
        found = [t for t in self.doc if t.text == word]
        if len(found) <= nth:
            raise LookupError(word)
        return found[nth]

    def actor(self, word: str, nth: int = 0) -> ActorMention | None:
        """The actor the noun phrase headed by ``word`` names."""
        return self.actors.for_np(self.token(word, nth))


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the test when that folder is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not available")
    return path
