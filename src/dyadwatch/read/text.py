"""Plain-text input: one ``.txt`` file is one document.

The id is the file name without its extension; the date is the run's ``--date``, since
a text file has no metadata. The bytes must be UTF-8: a file with bytes that are not is
rejected with the offset of the first one, rather than coded with guessed characters.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from ..model import Document
from .checks import ReadContext

MAX_BYTES_PER_CHAR = 4  # the most bytes one character takes in UTF-8
MIN_BYTE_CAP = 32 << 20  # below this, an over-long file is read so its length can be told


def byte_cap(max_chars: int) -> int:
    """The most bytes read from one file: enough for ``max_chars`` characters, and never
    under 32 MiB so that a moderately over-long document is reported in characters."""
    return max(max_chars * MAX_BYTES_PER_CHAR, MIN_BYTE_CAP)


def read_file_bytes(path: Path, max_bytes: int) -> bytes:
    """Return the bytes of ``path``, refusing binary files and files over ``max_bytes``.

    Raises ValueError with a one-line reason: missing, unreadable, too large, or binary
    (a NUL byte, which no text file holds).
    """
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ValueError(f"file is {size:,} bytes, over the {max_bytes:,}-byte limit")
        data = path.read_bytes()
    except FileNotFoundError as e:
        raise ValueError("no such file") from e
    except IsADirectoryError as e:
        raise ValueError("is a directory") from e
    except OSError as e:
        raise ValueError(f"cannot read file: {e.strerror or e}") from e
    if len(data) > max_bytes:  # a file that grew, or a pipe whose size stat cannot tell
        raise ValueError(f"file is over the {max_bytes:,}-byte limit")
    nul = data.find(b"\0")
    if nul >= 0:
        raise ValueError(f"binary file, not text (NUL byte at offset {nul:,})")
    return data


def decode_utf8(data: bytes) -> str:
    """Decode ``data`` as UTF-8; raises ValueError naming the first bad byte and its offset."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise ValueError(
            f"not valid UTF-8: byte 0x{data[e.start]:02x} at offset {e.start:,}"
        ) from e


def read_text(path: Path | str, ctx: ReadContext) -> Iterator[Document | InputError]:
    """Yield the one Document of a ``.txt`` file, or the InputError that stops it.

    Needs the run's date in ``ctx.date`` (a text file carries none). The error's
    ``doc`` is the path as given.
    """
    path = Path(path)
    name = str(path)
    max_chars = ctx.config.max_chars
    try:
        data = read_file_bytes(path, byte_cap(max_chars))
        text = decode_utf8(data)
        if ctx.date is None:
            raise ValueError("no date: a text file needs --date YYYY-MM-DD")
        doc = Document(id=path.name.rsplit(".", 1)[0], text=text, date=ctx.date)
        yield ctx.accept(doc, name)
    except ValueError as e:
        yield InputError(str(e), doc=name)
