"""Following sources: feeds, pages and folders in, events stored exactly once, alerts out.

``settings``  what to follow and how (TOML configuration)
``fetch``     polite HTTP: robots.txt, per-host delay, conditional GET, retries, size caps
``sources``   polling a feed, a page or a folder into articles
``fetchrun``  one cycle's fetching on its own thread
``cycle``     one cycle: triage, code in batches, commit with the watch state, alerts
``alerts``    which alerts new articles raise; ``notify`` sends them
``loop``      cycles until stopped
"""

from .cycle import CycleReport, LazyCoder, run_cycle
from .loop import watch_forever
from .settings import AlertSettings, FetchSettings, Source, WatchSettings, load_settings

__all__ = [
    "AlertSettings", "CycleReport", "FetchSettings", "LazyCoder", "Source", "WatchSettings",
    "load_settings", "run_cycle", "watch_forever",
]  # fmt: skip
