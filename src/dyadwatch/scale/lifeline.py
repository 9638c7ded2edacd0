"""Worker processes that end when the process that started them dies.

A pool's workers wait on a queue from their parent; if the parent is killed (``kill -9``)
nothing tells them, and they would live on holding a loaded pipeline each. Every worker
therefore asks Linux to send it SIGTERM when its parent dies (``prctl(PR_SET_PDEATHSIG)``)
and, where that is not available, runs a watchdog thread that exits the process once its
parent has gone (the parent id changes when a process is orphaned).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
import threading
import time

PR_SET_PDEATHSIG = 1
WATCH_SECONDS = 1.0


def die_with_parent(interval: float = WATCH_SECONDS) -> None:
    """Make this process exit soon after its parent dies: a death signal and a watchdog."""
    parent = os.getppid()
    _set_death_signal()
    if os.getppid() != parent:  # the parent died before the signal was asked for
        os._exit(1)
    watchdog = threading.Thread(target=_watch, args=(parent, interval), daemon=True,
                                name="dyadwatch-parent-watchdog")  # fmt: skip
    watchdog.start()


def _set_death_signal() -> bool:
    """Ask Linux for SIGTERM when the parent dies; False where that cannot be had."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watch(parent: int, interval: float) -> None:
    while True:
        time.sleep(interval)
        if os.getppid() != parent:
            os._exit(1)
