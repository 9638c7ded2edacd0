"""A small web site on 127.0.0.1 for the watch tests: feeds, pages, faults, a webhook."""

from __future__ import annotations

import datetime as dt
import html
import json
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    chunks: Iterable[bytes] | None = None  # streamed without Content-Length


Route = Reply | Callable[["Request"], Reply]


@dataclass
class Request:
    path: str
    headers: dict[str, str]
    body: bytes = b""
    answered: int = 200


class Site:
    """Routes by path; counts hits; keeps what was POSTed. Use as a context manager."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        self.host = host
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        self.arrivals: list[tuple[str, float]] = []  # (path, monotonic time) of each GET
        self.posts: list[Request] = []
        self.post_reply = Reply(200)  # how POSTs (the webhook) are answered
        self.lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:  # quiet
                pass

            def do_GET(self) -> None:
                site._serve(self)

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                reply = site.post_reply
                with site.lock:
                    site.posts.append(Request(self.path, dict(self.headers), body, reply.status))
                if reply.delay:
                    time.sleep(reply.delay)
                try:
                    self.send_response(reply.status)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                except (BrokenPipeError, ConnectionResetError):
                    self.close_connection = True

        class Server(ThreadingHTTPServer):
            daemon_threads = True

            def handle_error(self, request: Any, client_address: Any) -> None:
                pass  # a client that hangs up on a big page is expected

        self.server = Server((host, 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> Self:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def url(self, path: str) -> str:
        return f"http://{self.host}:{self.server.server_address[1]}{path}"

    def webhook_alerts(self) -> list[dict[str, Any]]:
        """The alerts POSTed and answered with a 2xx."""
        return [json.loads(p.body) for p in self.posts if p.answered < 300]

    def _serve(self, h: BaseHTTPRequestHandler) -> None:
        path = h.path
        with self.lock:
            self.hits[path] += 1
            self.arrivals.append((path, time.monotonic()))
        route = self.routes.get(path)
        if route is None:
            reply = Reply(404, b"not here")
        elif callable(route):
            reply = route(Request(path, dict(h.headers)))
        else:
            reply = route
        if reply.delay:
            time.sleep(reply.delay)
        etag = reply.headers.get("ETag")
        if reply.status == 200 and etag and h.headers.get("If-None-Match") == etag:
            reply = Reply(304, headers={"ETag": etag})
        try:
            h.send_response(reply.status)
            for k, v in reply.headers.items():
                h.send_header(k, v)
            if reply.chunks is not None:  # streamed; a declared Content-Length stays as given
                h.send_header("Connection", "close")
                h.end_headers()
                for chunk in reply.chunks:
                    h.wfile.write(chunk)
                h.close_connection = True
                return
            h.send_header("Content-Length", str(len(reply.body)))
            h.end_headers()
            h.wfile.write(reply.body)
        except (BrokenPipeError, ConnectionResetError):
            h.close_connection = True


def html_page(title: str, date: str, text: str, canonical: str | None = None) -> bytes:
    """An article page: the text's paragraphs in <article>, the date in a meta tag."""
    paras = "".join(f"<p>{html.escape(p.strip())}</p>\n" for p in text.split("\n\n") if p.strip())
    link = f'<link rel="canonical" href="{html.escape(canonical)}">' if canonical else ""
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}'
        f'</title><meta name="date" content="{date}">{link}</head><body>'
        f"<nav><a href='/'>Home</a> | <a href='/world'>World</a></nav>"
        f"<header><h1>{html.escape(title)}</h1></header><article>\n{paras}</article>"
        "<footer>Written for the tests.</footer>"
        "</body></html>"
    ).encode()


def rss(items: Iterable[tuple[str, str, str]], extra: str = "") -> bytes:
    """An RSS 2.0 feed of (title, link, YYYY-MM-DD) items."""
    body = []
    for title, link, date in items:
        when = format_datetime(dt.datetime.fromisoformat(date).replace(hour=9, tzinfo=dt.UTC))
        body.append(
            f"<item><title>{html.escape(title)}</title><link>{html.escape(link)}</link>"
            f"<guid>{html.escape(link)}</guid><pubDate>{when}</pubDate></item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>'
        f"<title>Test wire</title><link>http://127.0.0.1/</link><description>tests</description>"
        f"{extra}{''.join(body)}</channel></rss>"
    ).encode()


def feed_reply(body: bytes, etag: str | None = None) -> Reply:
    headers = {"Content-Type": "application/rss+xml"}
    if etag:
        headers["ETag"] = etag
    return Reply(200, body, headers)


def page_reply(body: bytes, etag: str | None = None) -> Reply:
    headers = {"Content-Type": "text/html; charset=utf-8"}
    if etag:
        headers["ETag"] = etag
    return Reply(200, body, headers)
