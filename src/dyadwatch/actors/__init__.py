"""Actors: the knowledge base (data files) and the resolution of mentions in text."""

from .kb import ActorEntry, Form, KnowledgeBase, Role
from .mention import ActorMention
from .resolve import ActorFinder, DocActors

__all__ = ["ActorEntry", "ActorFinder", "ActorMention", "DocActors", "Form", "KnowledgeBase",
           "Role"]
