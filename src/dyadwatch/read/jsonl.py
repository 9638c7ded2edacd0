"""JSON Lines input: one document per line, plain or gzip-compressed, or on stdin.

The file is read one line at a time and a line is never held past a size bound, so a
corpus of any size (or a whole JSON array written on one line by mistake) streams in
bounded memory. Every non-blank line gives exactly one Document or one InputError.
"""

from __future__ import annotations

import gzip
import json
import re
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from ..errors import InputError
from ..model import Document
from .checks import ReadContext, check_date, check_language_field, check_unicode, printable_id
from .markup import strip_markup

OPTIONAL_FIELDS = ("url", "title", "outlet")
CHUNK = 1 << 16
MIN_LINE_BYTES = 32 << 20
_ID_PEEK = re.compile(rb'"id"\s*:\s*"([^"\\]{1,200})"')


def max_line_bytes(max_chars: int) -> int:
    """The longest line read whole: a text of ``max_chars`` characters, each escaped as
    ``\\uXXXX`` (6 bytes), plus room for the other fields, and never under 32 MiB so
    that a moderately over-long document is reported in characters."""
    return max(max_chars * 6 + (1 << 20), MIN_LINE_BYTES)


def read_jsonl(
    path: Path | str, ctx: ReadContext, stream: IO[bytes] | None = None
) -> Iterator[Document | InputError]:
    """Yield one Document or InputError per non-blank line of a JSON Lines file.

    Needs a ``path`` (``.jsonl``, ``.ndjson``, optionally ``.gz``) or, with ``stream``,
    an open binary stream that ``path`` only names (stdin is read as ``"<stdin>"``).
    A file that cannot be opened or read, is binary, or holds no documents gives one
    InputError naming the file; a bad line gives one naming the line (and the document
    id when the line has one), and reading goes on with the next line.
    """
    name = str(path)
    if stream is not None:
        yield from _read_lines(stream, name, ctx)
        return
    try:
        handle = _open(Path(path))
    except OSError as e:
        yield InputError(f"cannot open file: {e.strerror or e}", doc=name)
        return
    with handle:
        yield from _read_lines(handle, name, ctx)


def _open(path: Path) -> IO[bytes]:
    """Open ``path`` for reading bytes, through gzip when its name ends in ``.gz``."""
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rb")
    return path.open("rb")


def _read_lines(stream: IO[bytes], name: str, ctx: ReadContext) -> Iterator[Document | InputError]:
    limit = max_line_bytes(ctx.config.max_chars)
    try:
        head = stream.peek(CHUNK)[:CHUNK] if hasattr(stream, "peek") else b""
    except (OSError, EOFError, zlib.error) as e:
        yield InputError(f"cannot read file: {e}", doc=name)
        return
    nul = head.find(b"\0")
    if nul >= 0 and not _has_record(head):
        yield InputError(f"binary file, not JSON Lines (NUL byte at offset {nul:,})", doc=name)
        return
    offset = 0
    number = 0
    items = 0
    while True:
        number += 1
        try:
            raw = stream.readline(limit + 1)
            if len(raw) > limit and not raw.endswith(b"\n"):
                size = len(raw) + _skip_rest_of_line(stream)
                doc_id = _peek_id(raw)
                items += 1
                offset += size
                yield InputError(
                    f"line is {size:,} bytes, too long for a document of at most "
                    f"{ctx.config.max_chars:,} characters" + _in(name, doc_id),
                    doc=doc_id or name,
                    line=number,
                )
                continue
        except (OSError, EOFError, zlib.error) as e:
            yield InputError(f"cannot read file after line {number - 1}: {e}", doc=name)
            return
        if not raw:
            break
        start, offset = offset, offset + len(raw)
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
            start += 3
        if not raw.strip():
            continue
        if b"\0" in raw:
            items += 1
            yield InputError("NUL byte in the line: binary data, not JSON", doc=name, line=number)
            continue
        items += 1
        yield _parse_line(raw, start, number, name, ctx)
    if items == 0:
        yield InputError("file is empty: no documents", doc=name)


def _parse_line(
    raw: bytes, start: int, number: int, name: str, ctx: ReadContext
) -> Document | InputError:
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        doc_id = _peek_id(raw)
        return InputError(
            f"not valid UTF-8: byte 0x{raw[e.start]:02x} at offset {start + e.start:,} "
            f"of the file{_in(name, doc_id)}",
            doc=doc_id or name,
            line=number,
        )
    try:
        record = json.loads(line)
    except json.JSONDecodeError as e:
        return InputError(f"not valid JSON: {e.msg} (column {e.colno})", doc=name, line=number)
    except RecursionError:
        return InputError("not usable JSON: nested too deeply", doc=name, line=number)
    except ValueError as e:  # e.g. an integer of more digits than Python converts
        return InputError(f"not usable JSON: {e}", doc=name, line=number)
    if not isinstance(record, dict):
        kind = _json_kind(type(record).__name__)
        return InputError(f"a JSON {kind}, not an object", doc=name, line=number)
    return check_record(record, number, name, ctx)


def check_record(
    record: dict[str, Any], number: int, name: str, ctx: ReadContext
) -> Document | InputError:
    """The Document of one input record (a JSON object or a Parquet row), or the InputError
    naming its line (or row) ``number`` of file ``name``."""
    doc_id = record.get("id")
    if isinstance(doc_id, int) and not isinstance(doc_id, bool):
        doc_id = str(doc_id)
    if doc_id is None:
        return InputError("missing 'id'", doc=name, line=number)
    if not isinstance(doc_id, str):
        return InputError(
            f"'id' must be a string, not {_json_kind(type(doc_id).__name__)}", doc=name, line=number
        )
    if not doc_id.strip():
        return InputError("empty 'id'", doc=name, line=number)
    try:
        check_unicode(doc_id, "'id'")
    except ValueError as e:
        return InputError(f"{e} ({printable_id(doc_id)!r})", doc=name, line=number)
    try:
        doc = _document(record, doc_id, ctx)
        return ctx.accept(doc, f"{name}, line {number}")
    except (TypeError, ValueError) as e:
        return InputError(f"{e}{_in(name, doc_id)}", doc=doc_id, line=number)


def _document(record: dict[str, Any], doc_id: str, ctx: ReadContext) -> Document:
    """Build the Document of one record; raises ValueError (TypeError for a
    field of the wrong type) naming the first bad field."""
    if "text" not in record or record["text"] is None:
        raise ValueError("missing 'text'")
    text = record["text"]
    if not isinstance(text, str):
        raise TypeError(f"'text' must be a string, not {_json_kind(type(text).__name__)}")
    check_unicode(text, "'text'")
    text = strip_markup(text)
    date = record.get("date")
    if date is None or date == "":
        if ctx.date is None:
            raise ValueError("missing 'date' (YYYY-MM-DD); --date can give a fallback")
        date = ctx.date
    else:
        date = check_date(date)
    extra: dict[str, str | None] = {}
    for key in OPTIONAL_FIELDS:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise TypeError(f"'{key}' must be a string, not {_json_kind(type(value).__name__)}")
        extra[key] = value or None
    language = check_language_field(record.get("language"))
    return Document(id=doc_id, text=text, date=date, language=language, **extra)


def _has_record(head: bytes) -> bool:
    """Whether the first bytes of a file hold one whole line that looks like a JSON object
    and has no NUL byte: then NUL bytes are damage in some lines, not a binary file."""
    lines = head.split(b"\n")[:-1]  # the last piece may be cut short
    return any(line.strip().startswith(b"{") and b"\0" not in line for line in lines)


def _skip_rest_of_line(stream: IO[bytes]) -> int:
    """Read past the rest of an over-long line without keeping it; return its byte count."""
    skipped = 0
    while True:
        chunk = stream.readline(CHUNK)
        skipped += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return skipped


def _peek_id(raw: bytes) -> str | None:
    """The ``"id"`` of a line that cannot be parsed, when its first bytes show it."""
    match = _ID_PEEK.search(raw[:4096])
    if match is None:
        return None
    try:
        return match.group(1).decode("utf-8")
    except UnicodeDecodeError:
        return None


def _in(name: str, doc_id: str | None) -> str:
    """Name the file in a message whose ``doc`` is a document id rather than the file."""
    return f" (in {name})" if doc_id else ""


def _json_kind(python_type: str) -> str:
    return {
        "list": "array",
        "dict": "object",
        "str": "string",
        "int": "number",
        "float": "number",
        "bool": "boolean",
        "NoneType": "null",
    }.get(python_type, python_type)
