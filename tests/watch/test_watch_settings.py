"""Canonical URLs, the configuration file and the command line's checks."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dyadwatch.commands import app
from dyadwatch.errors import InputError
from dyadwatch.watch.settings import load_settings
from dyadwatch.watch.urls import canonical_url, page_url

runner = CliRunner()


@pytest.mark.parametrize(("url", "canonical"), [
    ("HTTP://Example.ORG:80/a/b?utm_source=x&b=2&a=1#top", "http://example.org/a/b?a=1&b=2"),
    ("https://example.org", "https://example.org/"),
    ("https://example.org:8443/x?fbclid=1", "https://example.org:8443/x"),
    ("http://127.0.0.1:5000/story.html", "http://127.0.0.1:5000/story.html"),
    ("file:///tmp/x.html", "file:///tmp/x.html"),
])  # fmt: skip
def test_canonical_urls(url: str, canonical: str) -> None:
    assert canonical_url(url) == canonical


@pytest.mark.parametrize(("fetched", "declared", "expected"), [
    ("http://a.org/x?utm_medium=rss", None, "http://a.org/x"),
    ("http://a.org/x?utm_medium=rss", "/story/1", "http://a.org/story/1"),
    ("http://a.org/amp/1", "http://A.org/1#c", "http://a.org/1"),
    ("http://a.org/x", "http://b.org/stolen", "http://a.org/x"),  # another host cannot be claimed
    ("http://a.org/x", "mailto:desk@a.org", "http://a.org/x"),
])  # fmt: skip
def test_a_page_may_name_its_canonical_url_on_its_own_host(fetched, declared, expected) -> None:
    assert page_url(fetched, declared) == expected


GOOD = """
[watch]
since = 2024-01-01
batch_size = 8

[fetch]
per_host_delay = 2
user_agent = "test-agent/1"

[alerts]
jsonl = "alerts.jsonl"
webhook = "http://127.0.0.1:9/hook"
dyads = [["rus", "kaz"], "POL-BLR"]
min_intensity = 7

[[source]]
feed = "https://example.org/rss"
interval = 300
outlet = "Example"

[[source]]
page = "https://example.org/live"

[[source]]
folder = "drop"
language = "en"
"""


def test_a_configuration_file(tmp_path: Path) -> None:
    path = tmp_path / "watch.toml"
    path.write_text(GOOD, encoding="utf-8")
    s = load_settings(path)
    assert s.since == dt.date(2024, 1, 1) and s.batch_size == 8
    assert s.fetch.per_host_delay == 2.0 and s.fetch.user_agent == "test-agent/1"
    assert s.alerts.jsonl == tmp_path / "alerts.jsonl" and s.alerts.min_intensity == 7.0
    assert s.alerts.dyads == (("RUS", "KAZ"), ("POL", "BLR"))
    assert [(x.kind, x.interval, x.outlet) for x in s.sources] == [
        ("feed", 300.0, "Example"),
        ("page", 900.0, None),
        ("folder", 900.0, None),
    ]
    assert s.sources[2].location == str((tmp_path / "drop").resolve())


@pytest.mark.parametrize(("text", "message"), [
    ("[watch]\nbatchsize = 3\n", "unknown key 'batchsize' in [watch]"),
    ("[fetch]\ntimeout = 'soon'\n", "fetch.timeout must be a number"),
    ("[fetch]\nretries = -1\n", "fetch.retries must be a whole number"),
    ("[alerts]\ndyads = [['RUS']]\n", "is not a pair"),
    ("[watch]\nsince = 'yesterday'\n", "is not a date"),
    ("[[source]]\nfeed = 'ftp://x/rss'\n", "is not an http(s) URL"),
    ("[[source]]\nfeed = 'http://x/rss'\npage = 'http://x/p'\n", "exactly one of feed, page or folder"),
    ("[[source]]\nfeed = 'http://x/rss'\ninterval = 0\n", "interval must be positive"),
    ("[[source]]\nfeed = 'http://x/rss'\ncolour = 'red'\n", "unknown key 'colour' in source 1"),
    ("[watch\n", "not valid TOML"),
    ("[other]\n", "unknown key 'other' in top level"),
])  # fmt: skip
def test_a_bad_configuration_names_the_file_and_key(
    tmp_path: Path, text: str, message: str
) -> None:
    path = tmp_path / "watch.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_settings(path)
    assert message in str(info.value) and str(path) in str(info.value)


@pytest.mark.parametrize(("args", "message"), [
    ([], "nothing to watch"),
    (["--feed", "example.org/rss"], "is not an http(s) URL"),
    (["--feed", "http://127.0.0.1:9/rss", "--since", "June"], "not a date"),
    (["--config", "missing.toml"], "cannot read the configuration"),
])  # fmt: skip
def test_the_command_refuses_what_it_cannot_watch(
    tmp_path: Path, args: list[str], message: str
) -> None:
    result = runner.invoke(app, ["watch", "--once", "--db", str(tmp_path / "w.duckdb"), *args])
    assert result.exit_code == 2
    assert message in " ".join(result.output.split())
