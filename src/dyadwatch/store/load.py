"""Loading `dyadwatch code` output (event JSONL) for ingest, and telling it from document JSONL."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from ..model import Event

EVENT_KEYS = {"event", "evidence", "doc_id"}


def is_event_file(path: Path) -> bool:
    """True when the first record of a .jsonl file is an event record, not a document.

    A file that cannot be read or decoded is not an event file: the document readers then
    report what is wrong with it.
    """
    if path.suffix.lower() not in (".jsonl", ".ndjson") or not path.is_file():
        return False
    try:
        with path.open("rb") as fh:
            for raw in fh:
                if raw.strip():
                    first = json.loads(raw.decode("utf-8"))
                    return isinstance(first, dict) and EVENT_KEYS <= first.keys()
    except (OSError, ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
        return False
    return False


def read_event_records(path: Path) -> Iterator[Event | InputError]:
    """Each line of an event JSONL file as an Event, or an InputError naming file and line."""
    try:
        fh = path.open("rb")
    except OSError as e:
        yield InputError(f"cannot read ({e.strerror or e})", doc=str(path))
        return
    with fh:
        for n, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            yield _event(raw, str(path), n)


def load_event_records(path: Path, errors: list[str]) -> list[Event]:
    """The events of an event JSONL file; each bad line's message goes to ``errors``."""
    good: list[Event] = []
    for rec in read_event_records(path):
        if isinstance(rec, InputError):
            errors.append(str(rec))
        else:
            good.append(rec)
    return good


def _event(raw: bytes, name: str, line: int) -> Event | InputError:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        return InputError(f"not valid UTF-8: byte 0x{raw[e.start]:02x}", doc=name, line=line)
    if "\0" in text:
        return InputError("NUL byte in the line: binary data, not JSON", doc=name, line=line)
    try:
        data = json.loads(text)
    except RecursionError:
        return InputError("not an event record (JSON nested too deeply)", doc=name, line=line)
    except ValueError as e:
        return InputError(f"not an event record ({e})", doc=name, line=line)
    if not isinstance(data, dict):
        return InputError("not an event record (not a JSON object)", doc=name, line=line)
    try:
        return Event.from_dict(data)
    except (KeyError, TypeError, ValueError, AttributeError, RecursionError) as e:
        return InputError(f"not an event record ({type(e).__name__}: {e})", doc=name, line=line)
