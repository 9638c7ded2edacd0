"""Polite, bounded HTTP fetching for the watcher (httpx, asyncio).

One :class:`Fetcher` lives for one cycle. Every request:

* asks robots.txt first (read once per host and cycle; a robots.txt that answers 4xx allows
  everything, one that cannot be reached blocks the host for this cycle), and keeps the
  larger of ``per_host_delay`` and the host's ``Crawl-delay`` between two requests to it;
* sends ``If-None-Match`` / ``If-Modified-Since`` when it has validators (a 304 is not an
  error: nothing changed);
* is retried after a timeout, a connection error or a 5xx with exponential backoff and
  jitter, and after a 429 once its ``Retry-After`` has passed (a wait longer than
  ``max_backoff`` fails the fetch and says when to come back);
* reads the body as a stream and stops at ``max_bytes``;
* follows at most ``max_redirects`` redirects, each checked against robots.txt, and fails
  on a loop.

Anything that still fails raises :class:`FetchError` with a one-line reason.
"""

from __future__ import annotations

import asyncio
import email.utils
import random
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from types import TracebackType
from typing import Self
from urllib.parse import urljoin
from urllib.robotparser import RobotFileParser

import httpx

from ..errors import DyadwatchError
from .settings import FetchSettings
from .urls import is_web_url, origin

REDIRECTS = (301, 302, 303, 307, 308)
ROBOTS_MAX_BYTES = 512 * 1024


class FetchError(DyadwatchError):
    """A URL that could not be fetched; ``retry_after`` is the server's wait in seconds."""

    def __init__(self, url: str, reason: str, retry_after: float | None = None):
        super().__init__(f"{url}: {reason}")
        self.url, self.reason, self.retry_after = url, reason, retry_after


class _Retryable(Exception):
    """A failure worth another try (timeout, connection error, 5xx, 429)."""

    def __init__(self, reason: str, retry_after: float | None = None):
        super().__init__(reason)
        self.reason, self.retry_after = reason, retry_after


@dataclass
class Response:
    """A fetched resource: 200 with its body, or 304 (``body`` empty)."""

    url: str
    status: int
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None
    location: str | None = None
    content_type: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def retry_after_seconds(value: str | None, now: float | None = None) -> float | None:
    """A ``Retry-After`` header (seconds or an HTTP date) as seconds from now; None if absent."""
    if value is None or not value.strip():
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def backoff_delay(attempt: int, base: float, cap: float, rng: random.Random) -> float:
    """Exponential backoff with equal jitter: half of ``base * 2**attempt`` plus a random half."""
    full = min(cap, base * 2**attempt)
    return full / 2 + rng.uniform(0, full / 2)


class Fetcher:
    """Fetches URLs under one cycle's manners; use as an async context manager."""

    def __init__(self, settings: FetchSettings, sleep: Callable[[float], Awaitable[None]] | None = None,
                 rng: random.Random | None = None):  # fmt: skip
        self.settings = settings
        self.sleep = sleep or asyncio.sleep
        self.rng = rng or random.Random()
        self.client = httpx.AsyncClient(
            timeout=httpx.Timeout(settings.timeout), follow_redirects=False,
            headers={"User-Agent": settings.user_agent},
            limits=httpx.Limits(max_connections=max(1, settings.concurrency)),
        )  # fmt: skip
        self._slots = asyncio.Semaphore(max(1, settings.concurrency))
        self._host_locks: dict[str, asyncio.Lock] = {}
        self._last_start: dict[str, float] = {}
        self._robots: dict[str, RobotFileParser | str] = {}
        self.requests = 0

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, t: type[BaseException] | None, v: BaseException | None,
                        tb: TracebackType | None) -> None:  # fmt: skip
        await self.client.aclose()

    async def get(self, url: str, etag: str | None = None,
                  last_modified: str | None = None) -> Response:  # fmt: skip
        """Fetch ``url`` (conditionally when validators are given); raises FetchError."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        visited = {url}
        current = url
        for _ in range(self.settings.max_redirects + 1):
            await self._check_robots(current)
            resp = await self._with_retries(current, headers, self.settings.max_bytes)
            if resp.status not in REDIRECTS:
                return resp
            target = urljoin(current, resp.location or "")
            if not resp.location or not is_web_url(target):
                raise FetchError(url, f"redirect from {current} to no usable address")
            if target in visited:
                raise FetchError(url, f"redirect loop at {target}")
            visited.add(target)
            current = target
        raise FetchError(url, f"more than {self.settings.max_redirects} redirects")

    # -- robots.txt -----------------------------------------------------------------------

    async def _check_robots(self, url: str) -> None:
        if not self.settings.robots:
            return
        host = origin(url)
        lock = self._host_locks.setdefault("robots " + host, asyncio.Lock())
        async with lock:
            if host not in self._robots:
                self._robots[host] = await self._load_robots(host)
        rules = self._robots[host]
        if isinstance(rules, str):
            raise FetchError(url, rules)
        if not rules.can_fetch(self.settings.user_agent, url):
            raise FetchError(url, "disallowed by robots.txt")

    async def _load_robots(self, host: str) -> RobotFileParser | str:
        """The parsed rules, or the reason the host is blocked for this cycle."""
        url = host + "/robots.txt"
        rules = RobotFileParser(url)
        try:
            resp = await self._with_retries(url, {}, ROBOTS_MAX_BYTES)
            hops = 0
            while resp.status in REDIRECTS and resp.location and hops < 5:
                url, hops = urljoin(url, resp.location), hops + 1
                resp = await self._with_retries(url, {}, ROBOTS_MAX_BYTES)
        except FetchError as e:
            if e.reason.startswith("HTTP 4"):
                rules.parse([])  # no robots.txt: everything is allowed
                return rules
            return f"robots.txt cannot be read ({e.reason}); host skipped this cycle"
        rules.parse(resp.body.decode("utf-8", errors="replace").splitlines())
        return rules

    # -- one request, retried -------------------------------------------------------------

    async def _with_retries(self, url: str, headers: dict[str, str], max_bytes: int) -> Response:
        s = self.settings
        for attempt in range(s.retries + 1):
            try:
                async with self._slot(url):
                    return await self._once(url, headers, max_bytes)
            except _Retryable as e:
                tries = f"{attempt + 1} {'try' if attempt == 0 else 'tries'}"
                if attempt == s.retries:
                    raise FetchError(
                        url, f"{e.reason} (gave up after {tries})", e.retry_after
                    ) from None
                delay = e.retry_after
                if delay is None:
                    delay = backoff_delay(attempt, s.backoff, s.max_backoff, self.rng)
                elif delay > s.max_backoff:
                    raise FetchError(
                        url, f"{e.reason}; asked to wait {delay:.0f} s", delay
                    ) from None
                await self.sleep(delay)
        raise FetchError(url, "no attempt made (retries < 0)")

    @asynccontextmanager
    async def _slot(self, url: str) -> AsyncIterator[None]:
        """Wait for the host's turn (per-host delay, Crawl-delay), then for a free connection."""
        host = origin(url)
        delay = self.settings.per_host_delay
        rules = self._robots.get(host)
        if isinstance(rules, RobotFileParser):
            delay = max(delay, float(rules.crawl_delay(self.settings.user_agent) or 0))
        lock = self._host_locks.setdefault(host, asyncio.Lock())
        async with lock:
            loop = asyncio.get_running_loop()
            wait = self._last_start.get(host, -1e18) + delay - loop.time()
            if wait > 0:
                await self.sleep(wait)
            self._last_start[host] = loop.time()
        async with self._slots:
            yield

    async def _once(self, url: str, headers: dict[str, str], max_bytes: int) -> Response:
        self.requests += 1
        try:
            async with self.client.stream("GET", url, headers=headers) as r:
                return await self._read(url, r, max_bytes)
        except httpx.TimeoutException as e:
            raise _Retryable(f"timed out ({type(e).__name__})") from e
        except httpx.DecodingError as e:
            raise FetchError(url, f"cannot decode the response ({e})") from e
        except httpx.TransportError as e:
            raise _Retryable(f"connection failed ({type(e).__name__}: {e})") from e

    async def _read(self, url: str, r: httpx.Response, max_bytes: int) -> Response:
        code = r.status_code
        etag, modified = r.headers.get("ETag"), r.headers.get("Last-Modified")
        if code in REDIRECTS or code == 304:
            return Response(url, code, b"", etag, modified, r.headers.get("Location"))
        if code == 429:
            raise _Retryable(
                "HTTP 429 too many requests", retry_after_seconds(r.headers.get("Retry-After"))
            )
        if code >= 500:
            raise _Retryable(f"HTTP {code}", retry_after_seconds(r.headers.get("Retry-After")))
        if code >= 400:
            raise FetchError(url, f"HTTP {code}")
        declared = r.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > max_bytes:
            raise FetchError(url, f"{int(declared):,} bytes, over the {max_bytes:,}-byte limit")
        body = bytearray()
        async for chunk in r.aiter_bytes():
            body += chunk
            if len(body) > max_bytes:
                raise FetchError(url, f"over the {max_bytes:,}-byte limit (stopped reading)")
        return Response(str(r.url), code, bytes(body), etag, modified,
                        content_type=r.headers.get("Content-Type"))  # fmt: skip
