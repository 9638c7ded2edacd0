"""An act another party calls by a name of its choosing.

"The ministry pointed to what it called extrajudicial killings by Russian police": the text
tells two acts, the killings (as the ministry tells them) and the ministry's charge against
the doer, which the name makes.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..actors import ActorMention
from .clauses import clause_subject
from .roles import RoleFinder
from .triggers import NAMING_VERBS


def namer(token: Token, roles: RoleFinder, doer: ActorMention) -> ActorMention | None:
    """The actor of another country that calls the act at ``token`` so, if any."""
    if token.dep_ != "oprd" or token.head.lemma_.lower() not in NAMING_VERBS:
        return None
    found = roles.np_actor(clause_subject(token.head))
    if found is None or not found.country or found.country == doer.country:
        return None
    return found
