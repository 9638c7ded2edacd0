"""HTML input: one saved web page is one document, its article text found by trafilatura.

The article body comes from ``trafilatura.extract`` with ``favor_precision`` (menus,
footers, comments and link lists left out); title, URL, outlet and publication date
come from trafilatura's metadata extraction, which reads the page's meta tags and
markup but does not guess dates from the body text. The run's ``--date`` is used only
when the page states no date. A ``lang`` attribute on ``<html>`` that is not English
rejects the page like a JSONL ``language`` field does.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from ..errors import InputError
from ..model import Document
from .checks import ReadContext, check_date, check_language_field
from .text import read_file_bytes

HTML_BYTES_PER_CHAR = 50  # markup around the text: a page may be this many times its text
MIN_HTML_CAP = 32 << 20
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def read_html(path: Path | str, ctx: ReadContext) -> Iterator[Document | InputError]:
    """Yield the one Document of an ``.html``/``.htm`` file, or the InputError that stops it.

    The id is the file name without its extension; the error's ``doc`` is the path as
    given. Needs a date from the page's metadata or, failing that, ``ctx.date``.
    """
    path = Path(path)
    name = str(path)
    try:
        data = _read(path, ctx.config.max_chars)
        if not data.strip():
            raise ValueError("file is empty")
        doc = document_from_html(data, path.name.rsplit(".", 1)[0], ctx.date)
        yield ctx.accept(doc, name)
    except (TypeError, ValueError) as e:
        yield InputError(str(e), doc=name)


def document_from_html(data: bytes | str, doc_id: str, date: str | None = None) -> Document:
    """Build a Document from the HTML of one page.

    ``date`` is the fallback publication date (``YYYY-MM-DD``), used only when the
    page's metadata has none. Raises ValueError when the page cannot be parsed, has no
    article text, no date, or says it is not in English.
    """
    import trafilatura  # imported here: it takes a quarter of a second to load

    try:
        tree = trafilatura.load_html(data)
    except (ValueError, TypeError, etree.LxmlError) as e:
        raise ValueError(f"cannot parse the HTML: {e}") from e
    if tree is None:
        raise ValueError("cannot parse the HTML: not an HTML page")
    language = check_language_field(tree.get("lang"))
    try:
        meta = trafilatura.extract_metadata(tree, extensive=False)
        text = trafilatura.extract(
            tree, favor_precision=True, include_comments=False, output_format="txt"
        )
    except (ValueError, TypeError, etree.LxmlError) as e:
        raise ValueError(f"cannot extract the article from the HTML: {e}") from e
    if not text or not text.strip():
        raise ValueError("no article text found in the HTML")
    page_date = meta.date if meta is not None else None
    if page_date:
        date = check_date(page_date)
    elif date is None:
        raise ValueError("no date in the page's metadata: give one with --date YYYY-MM-DD")
    return Document(
        id=doc_id,
        text=text,
        date=date,
        url=(meta.url if meta is not None else None) or None,
        title=(meta.title if meta is not None else None) or None,
        outlet=(meta.sitename if meta is not None else None) or None,
        language=language,
    )


def _read(path: Path, max_chars: int) -> bytes:
    """The page's bytes; a UTF-16 page may hold NUL bytes, so it is read without that check."""
    cap = max(max_chars * HTML_BYTES_PER_CHAR, MIN_HTML_CAP)
    try:
        with path.open("rb") as handle:
            head = handle.read(2)
    except FileNotFoundError as e:
        raise ValueError("no such file") from e
    except OSError as e:
        raise ValueError(f"cannot read file: {e.strerror or e}") from e
    if head in _UTF16_BOMS:
        data = path.read_bytes()
        if len(data) > cap:
            raise ValueError(f"file is {len(data):,} bytes, over the {cap:,}-byte limit")
        return data
    return read_file_bytes(path, cap)
