"""Coverage-guided fuzzing of the readers and the Document serialiser with atheris.

Not part of the pytest run (the file is not named test_*); run it for as long as you like:

    pip install -e '.[fuzz]'
    python tests/fuzz/fuzz_readers.py -max_total_time=600 [CORPUS_DIR]

Each input's first byte picks a reader (JSON Lines, plain text, HTML); the rest is the
file. Every item read must be a Document or a one-line InputError (the project's own input
errors are the expected outcome for bad input); every Document must survive the serialiser
round trip (``to_dict`` -> JSON -> ``from_dict``) unchanged and hash. Anything else raised
is a crash, and libFuzzer saves the input that caused it.
"""

from __future__ import annotations

import io
import json
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["dyadwatch"]):
    from dyadwatch.errors import InputError
    from dyadwatch.model import Document
    from dyadwatch.read import ReadContext, read_html, read_jsonl, read_text

FOLDER = Path(tempfile.mkdtemp(prefix="dyadwatch-fuzz-"))
SUFFIXES = (".jsonl", ".txt", ".html")


def check(item: object) -> None:
    if isinstance(item, InputError):
        message = str(item)
        if "\n" in message:
            raise AssertionError(f"a message of more than one line: {message!r}")
        message.encode("utf-8")
        return
    if not isinstance(item, Document):
        raise TypeError(f"a reader gave {type(item).__name__}")
    line = json.dumps(item.to_dict(), ensure_ascii=False).encode("utf-8")
    if Document.from_dict(json.loads(line)) != item:
        raise AssertionError(f"round trip changed document {item.id!r}")
    if len(item.content_hash) != 16:
        raise AssertionError("bad content hash")


def read(kind: int, data: bytes) -> list[object]:
    ctx = ReadContext(date="2024-03-05")
    if kind == 0:
        stream = io.BufferedReader(io.BytesIO(data))  # type: ignore[arg-type]
        return list(read_jsonl("fuzz.jsonl", ctx, stream=stream))
    path = FOLDER / f"doc{SUFFIXES[kind]}"
    path.write_bytes(data)
    reader = read_text if kind == 1 else read_html
    return list(reader(path, ctx))


def one_input(data: bytes) -> None:
    if not data:
        return
    kind = data[0] % len(SUFFIXES)
    items = read(kind, data[1:])
    if kind and len(items) != 1:
        raise AssertionError(f"{SUFFIXES[kind]} gave {len(items)} items, not 1")
    for item in items:
        check(item)


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
