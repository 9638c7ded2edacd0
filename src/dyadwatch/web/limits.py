"""Request limits of the web app: URL and body size, and requests per client per second.

A plain ASGI middleware: a request over a limit is answered at once (414, 413 or 429) and
never reaches the pages. The rate limit is a token bucket per client address.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from typing import Any

MAX_URL = 2048
MAX_BODY = 8192
RATE = 30.0  # requests per second, sustained
BURST = 120  # requests at once


@dataclass
class Bucket:
    tokens: float
    stamp: float = field(default_factory=time.monotonic)


class RateLimiter:
    """Token buckets by client; ``allow`` takes one token or says no."""

    def __init__(self, rate: float = RATE, burst: int = BURST):
        self.rate, self.burst = rate, burst
        self._buckets: dict[str, Bucket] = {}
        self._lock = threading.Lock()

    def allow(self, client: str) -> bool:
        now = time.monotonic()
        with self._lock:
            bucket = self._buckets.setdefault(client, Bucket(float(self.burst), now))
            bucket.tokens = min(self.burst, bucket.tokens + (now - bucket.stamp) * self.rate)
            bucket.stamp = now
            if bucket.tokens < 1:
                return False
            bucket.tokens -= 1
            if len(self._buckets) > 10_000:  # forget idle clients
                self._buckets = {k: b for k, b in self._buckets.items() if now - b.stamp < 60}
            return True


class LimitsMiddleware:
    """Rejects over-long URLs, large bodies and clients over their rate."""

    def __init__(self, app: Any, limiter: RateLimiter | None = None, max_url: int = MAX_URL,
                 max_body: int = MAX_BODY):  # fmt: skip
        self.app, self.limiter = app, limiter or RateLimiter()
        self.max_url, self.max_body = max_url, max_body

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        url = len(scope.get("raw_path") or b"") + len(scope.get("query_string") or b"")
        length = dict(scope.get("headers") or []).get(b"content-length", b"0")
        client = (scope.get("client") or ("?", 0))[0]
        if url > self.max_url:
            await _refuse(send, 414, f"the address is longer than {self.max_url} bytes")
        elif not length.isdigit() or int(length) > self.max_body:
            await _refuse(send, 413, f"the request body is larger than {self.max_body} bytes")
        elif not self.limiter.allow(client):
            await _refuse(send, 429, "too many requests; slow down")
        else:
            await self.app(scope, _capped(receive, self.max_body), send)


def _capped(receive: Any, limit: int) -> Any:
    """``receive`` that stops a body (sent without a length) from growing past ``limit``."""
    seen = 0

    async def inner() -> dict[str, Any]:
        nonlocal seen
        message: dict[str, Any] = await receive()
        seen += len(message.get("body", b""))
        if seen > limit:
            return {"type": "http.disconnect"}
        return message

    return inner


async def _refuse(send: Any, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode())]})  # fmt: skip
    await send({"type": "http.response.body", "body": body})
