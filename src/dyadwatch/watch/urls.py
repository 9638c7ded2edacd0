"""Canonical URLs: one spelling per article, so the same page found twice is stored once.

The canonical form lower-cases the scheme and host, drops the default port, the fragment,
tracking parameters (``utm_*``, ``fbclid``, ``gclid`` ...) and an empty query, and sorts
what is left of the query. A page's own ``<link rel="canonical">`` wins over the address it
was fetched from when it names an http(s) URL on the same host (a page cannot claim another
site's article; copies on other sites are caught by their content hash instead).
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

TRACKING = frozenset({"fbclid", "gclid", "dclid", "mc_cid", "mc_eid", "igshid", "ref_src"})
DEFAULT_PORTS = {"http": 80, "https": 443}


def is_web_url(url: str) -> bool:
    """True for an absolute http or https URL with a host."""
    parts = urlsplit(url.strip())
    return parts.scheme.lower() in DEFAULT_PORTS and bool(parts.hostname)


def canonical_url(url: str) -> str:
    """The canonical spelling of an absolute http(s) URL (other URLs come back stripped)."""
    url = url.strip()
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS or not parts.hostname:
        return url
    host = parts.hostname.lower()
    if parts.port is not None and parts.port != DEFAULT_PORTS[scheme]:
        host = f"{host}:{parts.port}"
    query = sorted(
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith("utm_") and k.lower() not in TRACKING
    )
    return urlunsplit((scheme, host, parts.path or "/", urlencode(query), ""))


def page_url(fetched: str, declared: str | None) -> str:
    """The canonical URL of a page fetched from ``fetched`` that declares ``declared``."""
    if declared:
        absolute = urljoin(fetched, declared.strip())
        if is_web_url(absolute) and _host(absolute) == _host(fetched):
            return canonical_url(absolute)
    return canonical_url(fetched)


def origin(url: str) -> str:
    """``scheme://host[:port]`` of a URL: the unit robots.txt and the rate limit apply to."""
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()
