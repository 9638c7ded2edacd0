"""An act another party calls by a name of its choosing.

"The ministry pointed to what it called extrajudicial killings by Russian police": the text
tells two acts, the killings (as the ministry tells them) and the ministry's charge against
the doer, which the name makes.
"""

from __future__ import annotations

from pathlib import Path

from spacy.tokens import Token

from ..actors import ActorMention
from ..tables import words
from .clauses import clause_subject
from .roles import RoleFinder

WORD_LISTS = Path(__file__).parent / "data" / "words.tsv"
# Verbs that give a thing a name of the speaker's choosing: "what it called killings".
NAMING_VERBS = words(WORD_LISTS, "naming_verbs")


def namer(token: Token, roles: RoleFinder, doer: ActorMention) -> ActorMention | None:
    """The actor of another country that calls the act at ``token`` so, if any."""
    if token.dep_ != "oprd" or token.head.lemma_.lower() not in NAMING_VERBS:
        return None
    found = roles.np_actor(clause_subject(token.head))
    if found is None or not found.country or found.country == doer.country:
        return None
    return found
