"""The worker pool gives the single-process outcomes, in input order, errors included."""

from __future__ import annotations

import pytest
from scale_fakes import FakeCoder, fake_coder, make_corpus

from dyadwatch.errors import InputError
from dyadwatch.model import Document
from dyadwatch.scale import WorkerPool, code_parallel
from dyadwatch.scale.pool import PoolError


def summary(outcomes):
    return [
        (o.doc_id, [e.to_dict() for e in o.events], None if o.error is None else str(o.error))
        for o in outcomes
    ]


def with_errors(docs):
    """Reader errors at the start, in the middle, twice in a row and at the end."""
    items = list(docs)
    for at in (len(items), len(items) // 2, len(items) // 2, 0):
        items.insert(at, InputError("not JSON", doc="in.jsonl", line=at + 1))
    return items


@pytest.fixture(scope="module")
def pool():
    with WorkerPool(workers=2, chunk_size=4, in_flight=3, coder_factory=fake_coder) as p:
        yield p


@pytest.mark.parametrize(
    ("n", "errors"), [(0, False), (1, False), (7, False), (50, False), (50, True), (3, True)]
)
def test_pool_equals_single_process_in_order(pool, n, errors):
    items = make_corpus(n)
    if errors:
        items = with_errors(items)
    expected = summary(FakeCoder().code_many(items))
    got = list(pool.code_many(items))
    assert summary(got) == expected
    assert [o.doc_id for o in got] == [
        i.id if isinstance(i, Document) else "in.jsonl" for i in items
    ]


@pytest.mark.parametrize("at", [0, 5, 20])
def test_input_errors_pass_through_in_place_without_workers(pool, at):
    items = make_corpus(20)
    error = InputError("bad record", doc="feed.jsonl", line=at + 1)
    items.insert(at, error)
    got = list(pool.code_many(items))
    assert got[at].error is error
    assert [o.error is None for o in got].count(False) == 2  # it and the unreadable document


def test_coder_errors_keep_their_place_and_message(pool):
    docs = make_corpus(10)
    got = list(pool.code_many(docs))
    bad = [o for o in got if o.error is not None]
    assert [o.doc_id for o in bad] == ["d0005"]
    assert isinstance(bad[0].error, InputError)
    assert bad[0].error.doc == "d0005" and bad[0].error.reason == "text cannot be coded"
    assert got[5].document is docs[5]


def test_pool_reports_peak_memory_per_worker(pool):
    list(pool.code_many(make_corpus(40)))
    assert pool.stats.peak_rss
    assert all(0 < rss < 2**30 for rss in pool.stats.peak_rss.values())


def test_code_parallel_streams_lazily():
    stream = code_parallel(make_corpus(30), workers=2, chunk_size=8, coder_factory=fake_coder)
    first = next(stream)
    assert first.doc_id == "d0000"
    stream.close()


def broken_factory(config):
    raise OSError("no pipeline here")


def test_worker_that_cannot_load_reports_an_error():
    with pytest.raises(PoolError, match="no pipeline here"):
        list(code_parallel(make_corpus(3), workers=2, coder_factory=broken_factory))


@pytest.mark.parametrize(("kwargs"), [{"workers": 0}, {"chunk_size": 0}])
def test_pool_rejects_bad_sizes(kwargs):
    with pytest.raises(ValueError):
        WorkerPool(coder_factory=fake_coder, **kwargs)
