"""Rendering the pages: Jinja2 templates shipped with the package, escaped by default.

Links to sources are kept only for ``http`` and ``https`` addresses; the style sheet is
inlined in every page, and no page loads anything from another host.
"""

from __future__ import annotations

import functools
from typing import Any
from urllib.parse import quote, urlsplit

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from . import svg


def safe_url(url: Any) -> str | None:
    """``url`` when it is an http(s) address with a host, else None."""
    if not isinstance(url, str):
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def _path(value: Any) -> str:
    return quote(str(value), safe="")


@functools.lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=PackageLoader("dyadwatch.web", "templates"),
                      autoescape=select_autoescape(["html"]), trim_blocks=True,
                      lstrip_blocks=True)  # fmt: skip
    env.filters["safe_url"] = safe_url
    env.filters["path"] = _path
    env.globals["timeline_svg"] = lambda page: Markup(svg.timeline(page))
    env.globals["series_svg"] = lambda page, unit: Markup(
        svg.series(page["series"], page["directions"], unit)
    )
    env.globals["sparkline"] = lambda values: Markup(svg.sparkline(values))
    return env


def render(template: str, **context: Any) -> str:
    """One page as a string."""
    return environment().get_template(template).render(**context)
