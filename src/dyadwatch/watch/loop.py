"""Watching until stopped: a cycle whenever a source is due, the store closed in between."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

from ..store.watchstate import WatchStore
from .cycle import LazyCoder, OnLog, Progress, _quiet, run_cycle
from .notify import Printer
from .settings import WatchSettings

MIN_SLEEP, MAX_SLEEP = 1.0, 300.0


def next_due(db: Path, settings: WatchSettings, now: dt.datetime) -> float:
    """Seconds until the next source is due (0 when one is due now)."""
    with WatchStore(db) as store:
        states = store.sources()
    waits = []
    for source in settings.sources:
        state = states.get(source.name)
        if state is None or state.next_poll is None:
            return 0.0
        waits.append((state.next_poll - now).total_seconds())
    return max(0.0, min(waits, default=MAX_SLEEP))


def watch_forever(db: Path, settings: WatchSettings, coder: LazyCoder | None = None,
                  progress: Progress = _quiet, printer: Printer | None = None,
                  stop: threading.Event | None = None, on_log: OnLog | None = None) -> int:  # fmt: skip
    """Run cycles until ``stop`` is set (or Ctrl-C); the coder is loaded once and kept.

    Returns the number of cycles run; each cycle's report goes to ``progress``.
    """
    coder = coder or LazyCoder()
    stop = stop or threading.Event()
    cycles = 0
    while not stop.is_set():
        run_cycle(db, settings, coder, progress=progress, printer=printer, on_log=on_log)
        cycles += 1
        wait = next_due(db, settings, dt.datetime.now())
        stop.wait(min(MAX_SLEEP, max(MIN_SLEEP, wait)))
    return cycles
