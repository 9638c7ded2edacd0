"""Actors: the knowledge base (data files) and the resolution of mentions in text.

The names below load on first use, so a module that needs only the data files (the store
reads ``actors.blocs``) does not load spaCy with the resolution rules.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .kb import ActorEntry, Form, KnowledgeBase, Role
    from .mention import ActorMention
    from .resolve import ActorFinder, DocActors

_HOME = {"ActorEntry": "kb", "Form": "kb", "KnowledgeBase": "kb", "Role": "kb",
         "ActorMention": "mention", "ActorFinder": "resolve", "DocActors": "resolve"}  # fmt: skip
__all__ = ["ActorEntry", "ActorFinder", "ActorMention", "DocActors", "Form", "KnowledgeBase",
           "Role"]  # fmt: skip


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f".{_HOME[name]}", __name__), name)
