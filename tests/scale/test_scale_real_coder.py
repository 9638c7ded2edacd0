"""The project's real coder gives the same events one document at a time, in batches in this
process, and on the pool, on short articles that each yield several events."""

from __future__ import annotations

import pytest

from dyadwatch.config import Config
from dyadwatch.errors import InputError
from dyadwatch.model import Document
from dyadwatch.scale import code_parallel, default_coder

DOCS = [
    Document(id="r1", date="2023-04-02", text=(
        "Chile recalled its ambassador from Peru on Saturday. In retaliation, Peru expelled "
        "two Chilean diplomats. Chile accused Peru of moving troops to the border.")),
    Document(id="r2", date="2023-04-03", text=(
        "Russia threatened to cut gas supplies to Moldova. Moldova rejected Russia's demand "
        "for talks. The European Union imposed sanctions on Russia.")),
    Document(id="r3", date="2023-04-04", text=(
        "Japan sent 700 tonnes of aid to Haiti. The Haitian president thanked Japan. "
        "Gangs attacked a police station in Haiti on Monday.")),
    Document(id="r4", date="2023-04-05", text="It rained all day."),
]  # fmt: skip
MIN_EVENTS = {"r1": 3, "r2": 3, "r3": 3, "r4": 0}


def real_coder_or_skip():
    try:
        return default_coder(Config())
    except NotImplementedError:
        pytest.skip("the coder is not built yet")


def as_dicts(outcomes):
    return [(o.doc_id, [e.to_dict() for e in o.events], o.error is None) for o in outcomes]


@pytest.fixture(scope="module")
def in_process():
    return as_dicts(real_coder_or_skip().code_many(DOCS))


def test_the_articles_yield_several_events_each(in_process):
    counts = {doc_id: len(events) for doc_id, events, ok in in_process if ok}
    assert counts.keys() == MIN_EVENTS.keys()
    assert all(counts[k] >= n for k, n in MIN_EVENTS.items()), counts
    assert sum(counts.values()) >= 9


def test_one_document_at_a_time_equals_the_batch(in_process):
    coder = real_coder_or_skip()
    single = [(d.id, [e.to_dict() for e in coder.code(d)], True) for d in DOCS]
    assert single == in_process


def test_real_coder_pool_equals_in_process(in_process):
    items = [*DOCS, InputError("bad line", doc="r5")]
    pooled = as_dicts(code_parallel(items, Config(), workers=2, chunk_size=1))
    assert pooled == [*in_process, ("r5", [], False)]
