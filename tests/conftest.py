"""Shared fixtures: the coder is loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def coder():
    from dyadwatch.coder import Coder

    return Coder()


@pytest.fixture(scope="session")
def nlp():
    from dyadwatch.nlp import load_pipeline

    return load_pipeline()


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the test when that folder is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not available")
    return path
