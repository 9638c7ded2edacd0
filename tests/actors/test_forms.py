from __future__ import annotations

import json

import pytest

from dyadwatch.actors.forms import cached_tokens, tokenise_forms
from dyadwatch.diskcache import CACHE_ENV, cached_json
from dyadwatch.nlp.phrases import PhraseIndex


def test_matcher_yields_every_occurrence_with_its_form(nlp):
    matcher = PhraseIndex(tokenise_forms(nlp, ["Ruritania", "Ruritanian Navy", "Navy"]))
    doc = nlp.make_doc("The Ruritanian Navy met the Ruritania delegation.")
    found = sorted(matcher(doc))
    assert found == [(1, 3, "Ruritanian Navy"), (2, 3, "Navy"), (5, 6, "Ruritania")]


def test_matcher_is_case_and_token_exact(nlp):
    matcher = PhraseIndex(tokenise_forms(nlp, ["U.S.", "New Delhi"]))
    assert list(matcher(nlp.make_doc("the new delhi office"))) == []
    assert [m[2] for m in matcher(nlp.make_doc("Officials in New Delhi and the U.S. met"))] == [
        "New Delhi",
        "U.S.",
    ]


def test_tokens_are_cached_and_read_back(nlp, tmp_path, monkeypatch):
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    first = cached_tokens(nlp, ["Ruritanian Navy", "Ruritania"])
    (path,) = tmp_path.glob("actor-forms-*.json")
    assert json.loads(path.read_text()) == first == {"Ruritania": ["Ruritania"],
                                                     "Ruritanian Navy": ["Ruritanian", "Navy"]}  # fmt: skip
    # a changed list of forms is a new key, never the old file
    cached_tokens(nlp, ["Ruritania"])
    assert len(list(tmp_path.glob("actor-forms-*.json"))) == 2


def test_cached_json_builds_once(tmp_path, monkeypatch):
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    calls = []

    def build():
        calls.append(1)
        return {"a": [1, 2]}

    assert cached_json("thing", "k1", build) == {"a": [1, 2]}
    assert cached_json("thing", "k1", build) == {"a": [1, 2]}
    assert calls == [1]


@pytest.mark.parametrize("content", ["", "{not json"])
def test_cached_json_rebuilds_a_damaged_file(tmp_path, monkeypatch, content):
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    (tmp_path / "thing-k1.json").write_text(content)
    assert cached_json("thing", "k1", lambda: [3]) == [3]
    assert json.loads((tmp_path / "thing-k1.json").read_text()) == [3]


def test_cached_json_in_an_unwritable_folder_still_answers(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv(CACHE_ENV, str(blocked / "cache"))
    assert cached_json("thing", "k1", lambda: [4]) == [4]
