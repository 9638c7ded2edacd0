"""Source links in the report: only http(s) addresses become links."""

from __future__ import annotations

import pytest

from dyadwatch.report.html import _sources_cell, link_url


@pytest.mark.parametrize(
    ("url", "linked"),
    [
        ("https://news.example/a", True),
        ("http://news.example/a?b=1&c=2", True),
        ("  HTTPS://news.example/a", True),
        ("javascript:alert(1)", False),
        ("JaVaScRiPt:alert(1)", False),
        (" javascript:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("vbscript:msgbox", False),
        ("//news.example/a", False),
        ("https:///nohost", False),
        ("http://[broken", False),
        ("", False),
        (None, False),
    ],
)
def test_only_http_urls_are_links(url: str | None, linked: bool) -> None:
    assert (link_url(url) is not None) == linked
    cell = _sources_cell({"sources": [{"url": url, "outlet": "Wire"}]})
    assert ("<a href" in cell) == linked
    assert "javascript" not in cell.lower()
    assert "Wire" in cell
