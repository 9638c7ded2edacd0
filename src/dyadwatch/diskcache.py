"""The user's cache folder, where indexes built from data files are kept between runs.

What is kept there is derived data only (a gazetteer index, tokenised actor names): each file
is named by a key over everything it was built from, so a changed input builds a new file and
a deleted folder costs only one slower start.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

CACHE_ENV = "DYADWATCH_CACHE_DIR"


def cache_dir() -> Path:
    """Where built indexes are kept: $DYADWATCH_CACHE_DIR, else the user's cache folder."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "dyadwatch"


def digest(parts: Iterable[str | bytes], length: int = 20) -> str:
    """A short hex key over ``parts`` (each separated, so ("ab", "c") != ("a", "bc"))."""
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode() if isinstance(part, str) else part)
        h.update(b"\0")
    return h.hexdigest()[:length]


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a part file, so readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    part = path.with_suffix(f".{os.getpid()}.part")
    part.write_bytes(data)
    os.replace(part, path)


def cached_json(name: str, key: str, build: Callable[[], Any]) -> Any:
    """The JSON value cached as ``name-key.json``; built and stored on first use.

    A missing or unreadable file is rebuilt; an unwritable cache folder only costs the
    rebuild next time (the value is still returned).
    """
    path = cache_dir() / f"{name}-{key}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    value = build()
    try:
        write_atomic(path, json.dumps(value, ensure_ascii=False).encode("utf-8"))
    except OSError:
        pass
    return value


def private_dir() -> Path:
    """A fresh folder of this process's own, for when the cache folder cannot be written."""
    return Path(tempfile.mkdtemp(prefix="dyadwatch-"))
