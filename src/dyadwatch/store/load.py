"""Loading `dyadwatch code` output (event JSONL) for ingest, and telling it from document JSONL."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from ..model import Event

EVENT_KEYS = {"event", "evidence", "doc_id"}


def is_event_file(path: Path) -> bool:
    """True when the first record of a .jsonl file is an event record, not a document."""
    if path.suffix.lower() not in (".jsonl", ".ndjson") or not path.is_file():
        return False
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                try:
                    first = json.loads(line)
                except json.JSONDecodeError:
                    return False
                return isinstance(first, dict) and EVENT_KEYS <= first.keys()
    return False


def read_event_records(path: Path) -> Iterator[Event | InputError]:
    """Each line of an event JSONL file as an Event, or an InputError naming file and line."""
    try:
        fh = path.open(encoding="utf-8")
    except OSError as e:
        yield InputError(f"cannot read ({e})", doc=str(path))
        return
    with fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                yield Event.from_dict(json.loads(line))
            except (json.JSONDecodeError, KeyError, TypeError, ValueError) as e:
                yield InputError(f"not an event record ({e})", doc=str(path), line=n)
