"""Line breaks end sentences: a headline, a dateline, a photo caption or a byline stands on
its own line and is never glued to the paragraph after it.

A pipeline component placed before the parser marks the first word after a line break as a
sentence start; the parser keeps boundaries set before it.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

NAME = "dyadwatch_line_breaks"


@Language.component(NAME)
def line_breaks(doc: Doc) -> Doc:
    """Mark each token that follows a line break as the start of a sentence."""
    after_break = False
    for token in doc:
        if token.is_space:
            after_break = after_break or "\n" in token.text
            continue
        if after_break:
            token.is_sent_start = True
        after_break = False
    return doc
