"""HTML found inside a text field: told apart from prose and reduced to its visible text.

A JSONL record's ``text`` is meant to be plain prose, but scraped corpora often carry the
page's markup in it. Coding markup as prose invents events (a ``<script>`` body read as a
sentence), so a text that holds HTML tags is parsed with lxml and only the words a reader
of the page would see are kept: scripts, styles and comments go, block elements end lines.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

_TAG = re.compile(
    r"</?(?:html|head|body|p|div|span|a|br|hr|h[1-6]|script|style|noscript|iframe|table|tr|td|"
    r"th|ul|ol|li|article|section|header|footer|nav|aside|main|meta|link|img|em|strong|b|i|"
    r"blockquote|figure|figcaption|form|input|button|template|svg|title)\b[^<>]*>",
    re.IGNORECASE,
)
_INVISIBLE = ("script", "style", "noscript", "template", "head", "svg", "iframe", "form")
_BLOCKS = frozenset(
    [
        "p",
        "div",
        "br",
        "hr",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "tr",
        "table",
        "ul",
        "ol",
        "article",
        "section",
        "header",
        "footer",
        "blockquote",
        "figure",
        "figcaption",
        "main",
        "aside",
        "nav",
        "title",
    ]
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # what XML cannot hold
_BLANKS = re.compile(r"[ \t\u00a0]+")
_LINES = re.compile(r"\n\s*\n\s*(?:\n\s*)+")


def looks_like_html(text: str) -> bool:
    """True when ``text`` holds at least one HTML tag (``<p>``, ``</div>``, ``<script ...>``)."""
    return "<" in text and _TAG.search(text) is not None


def strip_markup(text: str) -> str:
    """The visible text of an HTML fragment or page; ``text`` itself when it holds no tags.

    Raises ValueError when the markup cannot be parsed at all.
    """
    if not looks_like_html(text):
        return text
    try:
        root = lxml_html.document_fromstring(_CONTROL.sub(" ", text))
    except (etree.ParserError, ValueError) as e:
        raise ValueError(f"'text' holds HTML that cannot be parsed: {e}") from e
    for element in list(root.iter(*_INVISIBLE)):
        if element.getparent() is not None:
            element.drop_tree()
    etree.strip_elements(root, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCKS:
            element.tail = "\n" + (element.tail or "")
    lines = (_BLANKS.sub(" ", line).strip() for line in root.text_content().split("\n"))
    return _LINES.sub("\n\n", "\n".join(lines)).strip()
