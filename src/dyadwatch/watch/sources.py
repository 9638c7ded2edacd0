"""Polling one source: a feed's new items, a page that may have changed, a folder's new files.

Each poll reports the articles it met as :class:`Found` records through ``emit`` (one per
article, as soon as it is known) and returns a :class:`Polled` summary of the source
itself. Nothing here touches the store: what was seen before comes in as ``seen``.
"""

from __future__ import annotations

import asyncio
import calendar
import datetime as dt
import email.utils
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..config import Config
from ..errors import InputError
from ..model import Document
from ..read import read_inputs, reader_for
from ..read.checks import ReadContext, check_language_field
from ..read.html import document_from_html
from ..store.watchstate import ItemState, SourceState
from .fetch import Fetcher, FetchError, Response
from .settings import Source
from .urls import canonical_url, is_web_url, page_url

ARCHIVE_RELS = ("next", "prev-archive")


@dataclass
class Found:
    """One article (or dropped document) met this cycle: its document, or why there is none.

    ``outcome``: ``fetched`` (``document`` set), ``not-modified`` (a 304), ``skipped``
    (read but not codable: the reason says why) or ``failed`` (not fetched; tried again
    later). Only the last document of a file holding several carries the file's state.
    """

    source: str
    key: str
    url: str | None
    outcome: str = "fetched"
    document: Document | None = None
    reason: str | None = None
    stamp: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    retry_after: float | None = None
    carries_state: bool = True


@dataclass
class Polled:
    """What polling a source itself gave: validators, items listed, or the error."""

    source: Source
    error: str | None = None
    retry_after: float | None = None
    etag: str | None = None
    last_modified: str | None = None
    listed: int = 0
    not_modified: bool = False
    note: str | None = None


Emit = Callable[[Found], None]


def document_from_page(body: bytes, fetched: str, fallback_date: str | None, source: Source,
                       config: Config) -> Document:  # fmt: skip
    """The article of a fetched page, with its canonical URL as id; raises ValueError."""
    doc = document_from_html(body, "page", fallback_date)
    doc.id = doc.url = page_url(fetched, doc.url)
    doc.outlet = source.outlet or doc.outlet
    if source.language:
        doc.language = check_language_field(source.language)
    return ReadContext(config=config).accept(doc, fetched)


async def fetch_article(fetcher: Fetcher, source: Source, key: str, url: str, stamp: str | None,
                        date: str | None, prev: ItemState | None, config: Config) -> Found:  # fmt: skip
    """Fetch and read one article page (conditionally when it was fetched before)."""
    found = Found(source.name, key, url, stamp=stamp)
    try:
        resp = await fetcher.get(
            url, prev.etag if prev else None, prev.last_modified if prev else None
        )
    except FetchError as e:
        found.outcome, found.reason, found.retry_after = "failed", e.reason, e.retry_after
        return found
    found.etag, found.last_modified = resp.etag, resp.last_modified
    if resp.not_modified:
        found.outcome = "not-modified"
        return found
    date = date or _http_date(resp.last_modified) or dt.datetime.now(dt.UTC).date().isoformat()
    try:
        found.document = document_from_page(resp.body, resp.url, date, source, config)
    except (TypeError, ValueError) as e:
        found.outcome, found.reason = "skipped", str(e)
    return found


async def poll_feed(fetcher: Fetcher, source: Source, prev: SourceState | None,
                    seen: Mapping[str, ItemState], claimed: set[str], since: dt.date | None,
                    max_pages: int, config: Config, emit: Emit) -> Polled:  # fmt: skip
    """Read a feed (and, with ``since``, its older archive pages) and fetch its new items."""
    polled = Polled(source)
    resp = await fetcher.get(source.location, prev.etag if prev else None,
                             prev.last_modified if prev else None)  # fmt: skip
    polled.etag, polled.last_modified = resp.etag, resp.last_modified
    if resp.not_modified:
        polled.not_modified = True
        return polled
    entries = await _feed_entries(fetcher, resp, polled, since, max_pages)
    jobs = []
    for entry in entries:
        link = entry.get("link")
        key = canonical_url(link) if link and is_web_url(link) else entry.get("id")
        if not key or key in claimed:
            continue
        claimed.add(key)
        polled.listed += 1
        day = _entry_date(entry)
        if since is not None and day is not None and day < since:
            continue
        stamp = _field(entry, "updated") or _field(entry, "published")
        before = seen.get(key)
        if before is not None and (before.stamp == stamp or before.status == "failed"):
            continue
        if not link or not is_web_url(link):
            emit(Found(source.name, key, None, "skipped", reason="feed item without a web link"))
            continue
        jobs.append(fetch_article(fetcher, source, key, link, stamp,
                                  day.isoformat() if day else None, before, config))  # fmt: skip
    for job in asyncio.as_completed(jobs):
        emit(await job)
    return polled


async def _feed_entries(fetcher: Fetcher, resp: Response, polled: Polled,
                        since: dt.date | None, max_pages: int) -> list[Any]:  # fmt: skip
    """The entries of a fetched feed and, with ``since``, of its archive pages (``next`` or
    ``prev-archive`` links) back to ``since``; raises FetchError for a feed with no items."""
    import feedparser  # imported here: only the watcher needs it

    pages = 0
    entries: list[Any] = []
    while True:
        headers = {"content-location": resp.url,
                   "content-type": resp.content_type or "application/xml"}  # fmt: skip
        parsed = feedparser.parse(resp.body, response_headers=headers)
        usable = [e for e in parsed.entries if e.get("link") or e.get("id")]
        if parsed.get("bozo") and not usable:
            raise FetchError(resp.url, f"not a readable feed ({parsed.get('bozo_exception')})")
        if parsed.get("bozo"):
            polled.note = f"feed not well-formed ({parsed.get('bozo_exception')}); read leniently"
        entries += parsed.entries
        pages += 1
        following = _archive_link(parsed)
        oldest = min((d for d in map(_entry_date, parsed.entries) if d), default=None)
        if since is None or following is None or pages >= max_pages or (oldest and oldest < since):
            return entries
        resp = await fetcher.get(following)


async def poll_page(fetcher: Fetcher, source: Source, seen: Mapping[str, ItemState],
                    claimed: set[str], config: Config, emit: Emit) -> Polled:  # fmt: skip
    """Fetch a page source (conditionally); a changed page replaces its stored version."""
    key = canonical_url(source.location)
    polled = Polled(source, listed=1)
    if key in claimed:
        return polled
    claimed.add(key)
    found = await fetch_article(fetcher, source, key, source.location, None, None,
                                seen.get(key), config)  # fmt: skip
    if found.outcome == "failed":
        polled.error, polled.retry_after = found.reason, found.retry_after
    emit(found)
    return polled


def poll_folder(source: Source, seen: Mapping[str, ItemState], since: dt.date | None,
                settle: float, config: Config, emit: Emit) -> Polled:  # fmt: skip
    """Read the files dropped into a folder since they were last seen (by size and mtime).

    A file still changing (modified less than ``settle`` seconds ago) waits for the next
    cycle; hidden files and files no reader takes are left alone.
    """
    folder = Path(source.location)
    if not folder.is_dir():
        return Polled(source, error=f"{folder}: no such folder")
    polled = Polled(source)
    now = dt.datetime.now().timestamp()
    for path in _files(folder):
        try:
            st = path.stat()
        except OSError:
            continue
        if now - st.st_mtime < settle:
            continue
        changed = dt.datetime.fromtimestamp(st.st_mtime).date()
        if since is not None and changed < since:
            continue
        key, stamp = f"file:{path}", f"{st.st_size}:{st.st_mtime_ns}"
        polled.listed += 1
        if key in seen and seen[key].stamp == stamp:
            continue
        items = list(read_inputs([path], date=changed.isoformat(), config=config))
        for n, item in enumerate(items, 1):
            found = Found(source.name, key, str(path), stamp=stamp, carries_state=n == len(items))
            if isinstance(item, InputError):
                found.outcome, found.reason = "skipped", str(item)
            else:
                found.document = _folder_document(item, source)
            emit(found)
    return polled


def _folder_document(doc: Document, source: Source) -> Document:
    if doc.url and is_web_url(doc.url):
        doc.id = doc.url = canonical_url(doc.url)
    doc.outlet = doc.outlet or source.outlet
    doc.language = doc.language or source.language
    return doc


def _files(folder: Path) -> list[Path]:
    out = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        out += [Path(root) / n for n in sorted(names)
                if not n.startswith(".") and reader_for(n) is not None]  # fmt: skip
    return out


def _entry_date(entry: Any) -> dt.date | None:
    stamp = _field(entry, "published_parsed") or _field(entry, "updated_parsed")
    if not stamp:
        return None
    return dt.datetime.fromtimestamp(calendar.timegm(stamp), dt.UTC).date()


def _field(entry: Any, key: str) -> Any:
    """A feed entry's own field, without feedparser's deprecated updated→published fallback."""
    return dict.get(entry, key)


def _archive_link(parsed: Any) -> str | None:
    for link in parsed.feed.get("links", []) or []:
        if link.get("rel") in ARCHIVE_RELS and link.get("href"):
            return str(link["href"])
    return None


def _http_date(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return email.utils.parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError):
        return None
