"""Streaming, resumable coding runs into a JSON Lines file of events.

Documents are read, coded (in this process or on a worker pool) and written one at a time,
so the corpus is never held in memory; the journal (see journal.py) lets a killed run resume.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import Config
from ..errors import InputError
from ..model import Document, Event
from .journal import Journal
from .plan import plan_workers
from .pool import (
    DEFAULT_CHUNK,
    CoderFactory,
    code_guarded,
    code_parallel,
    default_coder,
    failed_outcome,
)

if TYPE_CHECKING:
    from ..outcome import Outcome


@dataclass
class RunSummary:
    """What one run did: documents coded now, events written, documents skipped, errors."""

    documents: int = 0
    events: int = 0
    skipped: int = 0
    errors: int = 0


def event_line(event: Event) -> bytes:
    """One event as its contract JSON line, UTF-8, ending in a newline."""
    return json.dumps(event.to_dict(), ensure_ascii=False).encode("utf-8") + b"\n"


def code_stream(
    items: Iterable[Document | InputError],
    config: Config | None = None,
    workers: int = 1,
    coder_factory: CoderFactory | None = None,
    chunk_size: int = DEFAULT_CHUNK,
) -> Iterator[Outcome]:
    """Code ``items`` in order: on a pool of up to ``workers`` processes when the input is
    large enough to be worth their start (see plan.py), else in this process.

    The coder is built only when a first item arrives, so an empty stream loads nothing.
    """
    config = config or Config()
    factory = coder_factory or default_coder
    workers, stream = plan_workers(items, workers, config.chars_per_worker)
    first = next(stream, None)
    if first is None:
        return
    stream = chain([first], stream)
    if workers > 1:
        yield from code_parallel(stream, config, workers, chunk_size, coder_factory=factory)
    else:
        yield from code_guarded(factory(config), stream, chunk_size)


def event_lines(outcome: Outcome) -> tuple[Outcome, bytes]:
    """The outcome's events as JSON lines; an outcome whose events cannot be written becomes
    an error naming its document (and no bytes), so one bad document never ends a run."""
    if outcome.error is not None:
        return outcome, b""
    try:
        return outcome, b"".join(event_line(event) for event in outcome.events)
    except (ValueError, TypeError, RecursionError) as exc:  # UnicodeEncodeError is a ValueError
        item = outcome.document or Document(outcome.doc_id, "")
        return failed_outcome(item, "written", exc), b""


def _to_code(stream: Iterable[Document | InputError], journal: Journal, summary: RunSummary,
             hashes: dict[str, str]) -> Iterator[Document | InputError]:  # fmt: skip
    """The items still to code: a document the journal records as done is counted as skipped
    and left out; one whose text cannot be hashed becomes its error. Notes the hash of each
    document sent on in ``hashes`` and drops its old events from the journal."""
    for item in stream:
        if isinstance(item, Document):
            try:
                content_hash = item.content_hash
            except ValueError as exc:  # text no encoding can write (a lone surrogate)
                yield InputError(f"text cannot be hashed ({exc})", doc=item.id)
                continue
            if journal.is_done(item):
                summary.skipped += 1
                continue
            hashes[item.id] = content_hash
            journal.supersede(item.id)
        yield item


def run_jsonl(
    items: Iterable[Document | InputError],
    out: Path,
    config: Config | None = None,
    workers: int = 1,
    resume: bool = False,
    coder_factory: CoderFactory | None = None,
    on_outcome: Callable[[Outcome], None] | None = None,
    sync: bool = False,
) -> RunSummary:
    """Code ``items`` into ``out`` (events as JSON Lines) and keep its journal ``out.done``.

    Without ``resume`` the output and journal start empty. With ``resume`` the documents the
    journal records (same id and content hash) are skipped and the rest are appended; a
    document whose content changed replaces its old events, so a resumed run ends with the
    events of an uninterrupted one. Each document's events are written and flushed as soon
    as it is coded, so a failure keeps every document before it. ``on_outcome`` sees every
    Outcome (for progress and error reports); ``sync`` fsyncs after each document.
    Raises ResumeError when ``out`` and its journal do not fit together.
    """
    journal = Journal(out)
    if resume:
        journal.recover()
    else:
        journal.reset()
    summary = RunSummary()
    hashes: dict[str, str] = {}  # documents sent to the coder and not yet written

    try:
        with out.open("ab") as fh:
            pending = _to_code(items, journal, summary, hashes)
            for outcome in code_stream(pending, config, workers, coder_factory):
                outcome, lines = event_lines(outcome)
                if on_outcome is not None:
                    on_outcome(outcome)
                content_hash = hashes.pop(outcome.doc_id, None)
                if outcome.error is not None:
                    summary.errors += 1
                    continue
                fh.write(lines)
                fh.flush()
                summary.documents += 1
                summary.events += len(outcome.events)
                if content_hash is not None:
                    journal.record(outcome.doc_id, content_hash, fh.tell(), sync=sync)
        journal.compact()
    finally:
        journal.close()
    return summary
