"""The JSON API against its own OpenAPI schema: hypothesis draws parameters from the schema
(valid and invalid ones); every answer must be a declared status, never a server error, and
every 200 answer must match its declared response schema.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import quote, urlencode

import jsonschema
import pytest
import webdata
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_web_pages import fetch

from dyadwatch.web import create_app

SAMPLE_WORDS = ["POL", "Belarus", "Polish", "KOS", "border-1", "freight", "ev-x", ""]


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return create_app(webdata.build_store(tmp_path_factory.mktemp("api") / "w.duckdb"),
                      rate=10_000, burst=10_000)  # fmt: skip


@pytest.fixture(scope="module")
def spec(app: Any) -> dict[str, Any]:
    response = fetch(app, "/api/openapi.json")
    assert response.status_code == 200
    return response.json()  # type: ignore[no-any-return]


def _values(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    """Values for one parameter: mostly what the schema allows, sometimes what it does not."""
    options = [s for s in schema.get("anyOf", [schema]) if s.get("type") != "null"]
    base = options[0] if options else {"type": "string"}
    kind = base.get("type")
    if kind == "integer":
        lo, hi = base.get("minimum", -5), base.get("maximum", 5000)
        return st.one_of(st.integers(lo, hi), st.integers(-10, 10_000))
    if base.get("format") == "date":
        return st.one_of(st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)).map(str),
                         st.text(max_size=12))  # fmt: skip
    if "pattern" in base:
        return st.one_of(
            st.from_regex(base["pattern"], fullmatch=True), st.sampled_from(SAMPLE_WORDS)
        )
    return st.one_of(st.sampled_from(SAMPLE_WORDS), st.text(max_size=base.get("maxLength", 40)))


def _operations(spec: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [(path, ops["get"]) for path, ops in spec["paths"].items() if "get" in ops]


def test_schema_lists_every_api_page(spec: dict[str, Any]) -> None:
    paths = {p for p, _ in _operations(spec)}
    assert paths == {"/api/dyads", "/api/dyads/{a}/{b}", "/api/events/{event_id}",
                     "/api/documents/{doc_id}", "/api/search", "/api/resolve"}  # fmt: skip


def _check(app: Any, spec: dict[str, Any], path: str, op: dict[str, Any], data: Any) -> None:
    url, query = path, {}
    for param in op.get("parameters", []):
        value = data.draw(_values(param["schema"]), label=param["name"])
        if param["in"] == "path":
            url = url.replace("{" + param["name"] + "}", quote(str(value) or "x", safe=""))
        elif param.get("required") or data.draw(st.booleans()):
            query[param["name"]] = value
    response = fetch(app, url + ("?" + urlencode(query) if query else ""))
    declared = set(op["responses"]) | {"404"}  # an unknown path segment is a 404 too
    assert str(response.status_code) in declared, (url, query, response.text)
    if response.status_code == 200:
        ref = op["responses"]["200"]["content"]["application/json"]["schema"]
        jsonschema.validate(response.json(), {**ref, "components": spec["components"]})


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_api_answers_as_its_schema_says(app: Any, spec: dict[str, Any], data: Any) -> None:
    path, op = data.draw(st.sampled_from(_operations(spec)), label="operation")
    _check(app, spec, path, op, data)


def test_every_response_model_is_defined(spec: dict[str, Any]) -> None:
    refs = {r.split("/")[-1] for _, op in _operations(spec) for r in
            [op["responses"]["200"]["content"]["application/json"]["schema"].get("$ref", "")] if r}  # fmt: skip
    assert refs <= set(spec["components"]["schemas"])
