"""The fetcher against a local site: conditional GET, retries, 429, caps, redirects, robots."""

from __future__ import annotations

import asyncio
import random
from itertools import pairwise

import pytest
from watch_site import Reply, Site

from dyadwatch.watch.fetch import Fetcher, FetchError, backoff_delay, retry_after_seconds
from dyadwatch.watch.settings import FetchSettings

BIG = 50 * 1024 * 1024


def fast(**changes: object) -> FetchSettings:
    base: dict[str, object] = {"timeout": 1.0, "retries": 2, "backoff": 0.01, "max_backoff": 5.0,
                               "per_host_delay": 0.0, "max_bytes": 1_000_000}  # fmt: skip
    base.update(changes)
    return FetchSettings(**base)  # type: ignore[arg-type]


class Sleeps:
    """A sleep that records what it was asked to wait, and waits almost nothing."""

    def __init__(self) -> None:
        self.asked: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.asked.append(seconds)
        await asyncio.sleep(0)


def fetch(site: Site, path: str, settings: FetchSettings, sleeps: Sleeps | None = None,
          **validators: str):  # fmt: skip
    async def go():
        async with Fetcher(settings, sleep=sleeps, rng=random.Random(42)) as f:
            return await f.get(site.url(path), **validators)

    return asyncio.run(go())


def flaky(failures: list[Reply], then: Reply):
    """A route that answers with each failure once, then with ``then``."""
    queue = list(failures)
    return lambda request: queue.pop(0) if queue else then


def big_chunks():
    for _ in range(BIG // 65536):
        yield b"x" * 65536


OK = Reply(200, b"<html><body>fine</body></html>", {"ETag": '"v1"'})


@pytest.mark.parametrize(("route", "hits", "asked"), [
    (flaky([Reply(500), Reply(503)], OK), 3, None),
    (flaky([Reply(429, headers={"Retry-After": "1"})], OK), 2, [1.0]),
    (flaky([Reply(502, headers={"Retry-After": "2"})], OK), 2, [2.0]),
    (flaky([Reply(200, delay=2.5)], OK), 2, None),
])  # fmt: skip
def test_transient_failures_are_retried(route, hits: int, asked: list[float] | None) -> None:
    sleeps = Sleeps()
    with Site() as site:
        site.routes["/a"] = route
        resp = fetch(site, "/a", fast(), sleeps)
        assert resp.status == 200 and b"fine" in resp.body
        assert site.hits["/a"] == hits
    if asked is not None:
        assert sleeps.asked == asked


@pytest.mark.parametrize(("route", "reason"), [
    (Reply(500), "HTTP 500 (gave up after 3 tries)"),
    (Reply(200, delay=2.5), "timed out"),
    (Reply(429, headers={"Retry-After": "3600"}), "asked to wait 3600 s"),
    (Reply(404), "HTTP 404"),
    (Reply(200, headers={"Content-Length": str(BIG)}, chunks=big_chunks()),
     "52,428,800 bytes, over the 1,000,000-byte limit"),
    (Reply(200, chunks=big_chunks()), "over the 1,000,000-byte limit (stopped reading)"),
    (Reply(302, headers={"Location": "/a"}), "redirect loop"),
])  # fmt: skip
def test_failures_that_stay_failures(route: Reply, reason: str) -> None:
    with Site() as site:
        site.routes["/a"] = route
        with pytest.raises(FetchError) as info:
            fetch(site, "/a", fast(), Sleeps())
    assert reason in str(info.value)


def test_retry_after_is_kept_on_the_error() -> None:
    with Site() as site:
        site.routes["/a"] = Reply(429, headers={"Retry-After": "3600"})
        with pytest.raises(FetchError) as info:
            fetch(site, "/a", fast(), Sleeps())
    assert info.value.retry_after == 3600.0


def test_redirects_are_followed_up_to_the_limit() -> None:
    with Site() as site:
        for n in range(6):
            site.routes[f"/r{n}"] = Reply(301, headers={"Location": f"/r{n + 1}"})
        site.routes["/r6"] = OK
        assert fetch(site, "/r3", fast(max_redirects=5)).url == site.url("/r6")
        with pytest.raises(FetchError, match="more than 5 redirects"):
            fetch(site, "/r0", fast(max_redirects=5))


def test_conditional_get_gives_not_modified() -> None:
    with Site() as site:
        site.routes["/a"] = OK
        first = fetch(site, "/a", fast())
        again = fetch(site, "/a", fast(), etag=first.etag)
    assert first.etag == '"v1"' and again.not_modified and again.body == b""


@pytest.mark.parametrize(("robots", "path", "allowed"), [
    ("User-agent: *\nDisallow: /private/\n", "/private/a", False),
    ("User-agent: *\nDisallow: /private/\n", "/a", True),
    ("User-agent: dyadwatch\nDisallow: /\n", "/a", False),
    ("User-agent: otherbot\nDisallow: /\n", "/a", True),
])  # fmt: skip
def test_robots_txt_is_honoured(robots: str, path: str, allowed: bool) -> None:
    with Site() as site:
        site.routes["/robots.txt"] = Reply(200, robots.encode(), {"Content-Type": "text/plain"})
        site.routes[path] = OK
        if allowed:
            assert fetch(site, path, fast()).status == 200
        else:
            with pytest.raises(FetchError, match="disallowed by robots.txt"):
                fetch(site, path, fast())
            assert site.hits[path] == 0


def test_unreachable_robots_txt_blocks_the_host() -> None:
    with Site() as site:
        site.routes["/robots.txt"] = Reply(500)
        site.routes["/a"] = OK
        with pytest.raises(FetchError, match="robots.txt cannot be read"):
            fetch(site, "/a", fast(), Sleeps())
        assert site.hits["/a"] == 0


@pytest.mark.parametrize(("robots", "delay", "gap"), [
    ("", 0.3, 0.3),
    ("User-agent: *\nCrawl-delay: 1\n", 0.1, 1.0),
])  # fmt: skip
def test_requests_to_one_host_are_spaced(robots: str, delay: float, gap: float) -> None:
    async def go(site: Site) -> None:
        async with Fetcher(fast(per_host_delay=delay)) as f:
            await asyncio.gather(*(f.get(site.url(f"/p{n}")) for n in range(3)))

    with Site() as site:
        site.routes["/robots.txt"] = Reply(200, robots.encode())
        for n in range(3):
            site.routes[f"/p{n}"] = OK
        asyncio.run(go(site))
    times = [t for path, t in site.arrivals if path.startswith("/p")]
    assert len(times) == 3
    assert all(b - a >= gap - 0.02 for a, b in pairwise(times))


@pytest.mark.parametrize(("value", "seconds"), [
    ("120", 120.0), (" 0 ", 0.0), ("", None), (None, None), ("soon", None),
    ("Wed, 21 Oct 2015 07:28:00 GMT", 10.0),
])  # fmt: skip
def test_retry_after_values(value: str | None, seconds: float | None) -> None:
    now = 1445412470.0  # ten seconds before the date above
    assert retry_after_seconds(value, now=now) == seconds


@pytest.mark.parametrize("attempt", [0, 1, 2, 5, 10])
def test_backoff_grows_with_jitter_and_a_cap(attempt: int) -> None:
    rng = random.Random(attempt)
    full = min(30.0, 1.0 * 2**attempt)
    delays = [backoff_delay(attempt, 1.0, 30.0, rng) for _ in range(50)]
    assert all(full / 2 <= d <= full for d in delays)
    assert len(set(delays)) > 1
