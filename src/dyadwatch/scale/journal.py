"""The sidecar journal that makes a JSONL coding run resumable.

Beside ``OUT.jsonl`` the run keeps ``OUT.jsonl.done``: one JSON line per coded document,
``{"doc_id", "hash", "offset"}``, appended and flushed only after that document's events are
written and flushed; ``offset`` is the output's size in bytes just after them. On resume the
output is cut back to the last journalled offset (dropping a half-written line and the events
of a document that was not journalled), and journalled documents are skipped by id and
content hash, so no document is coded twice or lost.

A document whose content changed since it was journalled is coded again; at the end of the
run (or, after a crash, at the next resume) the output and the journal are rewritten without
the old version's events, each document keeping only its latest entry. The rewrite goes to
temporary files that are renamed over the output, then over the journal.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import BinaryIO

from ..errors import DyadwatchError
from ..model import Document

SUFFIX = ".done"


class ResumeError(DyadwatchError):
    """An output and its journal that do not fit together, so a run cannot resume."""


def journal_path(out: Path) -> Path:
    """The journal beside ``out``: ``OUT.jsonl`` -> ``OUT.jsonl.done``."""
    return out.with_name(out.name + SUFFIX)


class Journal:
    """The set of documents already coded into one output, and the means to add to it."""

    def __init__(self, out: Path):
        self.out = out
        self.path = journal_path(out)
        self.done: set[tuple[str, str]] = set()
        self.offset = 0
        self.entries: list[tuple[str, str, int]] = []  # (doc id, hash, output size after it)
        self.earlier = 0  # entries before this run
        self.superseded: set[str] = set()  # ids whose earlier entries this run replaces
        self.earlier_ids: set[str] = set()
        self._fh: BinaryIO | None = None

    def reset(self) -> None:
        """Start afresh: empty the output and the journal."""
        self.out.parent.mkdir(parents=True, exist_ok=True)
        self.out.write_bytes(b"")
        self.path.write_bytes(b"")
        self.done.clear()
        self.offset = 0
        self.entries.clear()
        self.earlier = 0
        self.earlier_ids.clear()

    def recover(self) -> None:
        """Read the journal and cut the output back to the last document it records.

        Raises ResumeError when the output is shorter than the journal says (the output was
        replaced or truncated by something else). A missing output and journal start afresh.
        """
        if not self.path.exists():
            if self.out.exists() and self.out.stat().st_size > 0:
                raise ResumeError(
                    f"{self.out} exists without its journal {self.path}: cannot tell which "
                    "documents it holds; code it again without --resume"
                )
            self.reset()
            return
        good = 0
        with self.path.open("rb") as fh:
            for number, raw in enumerate(fh, start=1):
                if not raw.endswith(b"\n"):
                    break  # the run stopped while writing this line
                try:
                    entry = json.loads(raw)
                    key = (str(entry["doc_id"]), str(entry["hash"]))
                    offset = int(entry["offset"])
                except (ValueError, KeyError, TypeError) as e:
                    raise ResumeError(f"{self.path}, line {number}: not a journal entry") from e
                self.done.add(key)
                self.entries.append((*key, offset))
                self.offset = offset
                good += len(raw)
        size = self.out.stat().st_size if self.out.exists() else 0
        if size < self.offset:
            raise ResumeError(
                f"{self.out} has {size} bytes but its journal records {self.offset}: "
                "the output was changed; code it again without --resume"
            )
        with self.path.open("r+b") as fh:
            fh.truncate(good)
        with self.out.open("ab") as fh:
            fh.truncate(self.offset)
        self.earlier = len(self.entries)
        self.compact()
        self.earlier_ids = {doc_id for doc_id, _, _ in self.entries}

    def is_done(self, doc: Document) -> bool:
        """Whether ``doc`` (same id, same content) is already in the output."""
        return (doc.id, doc.content_hash) in self.done

    def supersede(self, doc_id: str) -> None:
        """Say that this run codes ``doc_id`` anew: its earlier entries go at ``compact``."""
        if doc_id in self.earlier_ids:
            self.superseded.add(doc_id)

    def compact(self) -> None:
        """Rewrite output and journal without superseded or repeated documents' events."""
        last = {doc_id: k for k, (doc_id, _, _) in enumerate(self.entries)}
        keep = [last[doc_id] == k and not (doc_id in self.superseded and k < self.earlier)
                for k, (doc_id, _, _) in enumerate(self.entries)]  # fmt: skip
        if all(keep):
            return
        self.close()
        temp_out = self.out.with_name("." + self.out.name + ".compact")
        temp_journal = self.path.with_name("." + self.path.name + ".compact")
        entries: list[tuple[str, str, int]] = []
        start = size = 0
        with self.out.open("rb") as src, temp_out.open("wb") as dst:
            for (doc_id, content_hash, end), kept in zip(self.entries, keep, strict=True):
                if kept:
                    src.seek(start)
                    dst.write(src.read(end - start))
                    size += end - start
                    entries.append((doc_id, content_hash, size))
                start = end
            dst.flush()
            os.fsync(dst.fileno())
        lines = (json.dumps({"doc_id": d, "hash": h, "offset": o}) + "\n" for d, h, o in entries)
        temp_journal.write_text("".join(lines), encoding="utf-8")
        os.replace(temp_out, self.out)
        os.replace(temp_journal, self.path)
        self.earlier -= sum(not k for k in keep[: self.earlier])
        self.entries = entries
        self.done = {(d, h) for d, h, _ in entries}
        self.offset = size
        self.superseded.clear()

    def record(self, doc_id: str, content_hash: str, offset: int, sync: bool = False) -> None:
        """Append one coded document, flushed (and fsynced if ``sync``) before returning."""
        if self._fh is None:
            self._fh = self.path.open("ab")
        line = json.dumps({"doc_id": doc_id, "hash": content_hash, "offset": offset})
        self._fh.write(line.encode() + b"\n")
        self._fh.flush()
        if sync:
            os.fsync(self._fh.fileno())
        self.done.add((doc_id, content_hash))
        self.entries.append((doc_id, content_hash, offset))
        self.offset = offset

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None
