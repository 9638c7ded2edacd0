"""How many workers an input is worth, and loading nothing when there is nothing to code."""

from __future__ import annotations

import pytest
from scale_fakes import fake_coder, make_corpus

from dyadwatch.config import Config
from dyadwatch.errors import InputError
from dyadwatch.model import Document
from dyadwatch.pipeline import Unseen
from dyadwatch.scale import code_stream
from dyadwatch.scale.plan import plan_workers


def docs(*sizes: int) -> list[Document]:
    return [Document(id=f"d{i}", text="x" * n, date="2024-01-01") for i, n in enumerate(sizes)]


@pytest.mark.parametrize(
    ("sizes", "requested", "workers"),
    [
        ((), 4, 1),
        ((500,), 4, 1),  # one short article: no pool
        ((900, 900), 2, 1),  # a handful of documents: no second worker
        ((1000,) * 19, 2, 1),
        ((1000,) * 20, 2, 2),
        ((1000,) * 100, 2, 2),  # never more than asked for
        ((1000,) * 100, 4, 4),
        ((1000,) * 25, 4, 2),
        ((5000,) * 100, 1, 1),
    ],
)
def test_plan_workers(sizes, requested, workers):
    items = docs(*sizes)
    planned, stream = plan_workers(items, requested, chars_per_worker=10_000)
    assert planned == workers
    assert list(stream) == items  # the whole stream, in order


def test_plan_reads_ahead_only_as_far_as_it_needs():
    def endless():
        n = 0
        while True:
            yield Document(id=f"d{n}", text="x" * 1000)
            n += 1

    planned, stream = plan_workers(endless(), 2, chars_per_worker=10_000)
    assert planned == 2 and next(stream).id == "d0"


def test_input_errors_count_for_nothing():
    items = [InputError("bad", doc="a"), *docs(500)]
    planned, stream = plan_workers(items, 2, chars_per_worker=100)
    assert planned == 2 and list(stream) == items


def test_empty_stream_builds_no_coder():
    def factory(config):
        raise AssertionError("the coder was built")

    assert list(code_stream(iter(()), Config(), workers=1, coder_factory=factory)) == []


@pytest.mark.parametrize("workers", [1, 2])
def test_small_input_is_coded_in_process_or_pool_alike(workers):
    corpus = make_corpus(6)
    ids = [o.doc_id for o in code_stream(corpus, Config(chars_per_worker=1), workers=workers,
                                          coder_factory=fake_coder)]  # fmt: skip
    assert ids == [d.id for d in corpus]


def test_unseen_drops_and_counts_known_documents():
    items = [*docs(10, 20, 30), InputError("bad", doc="x")]
    fresh = Unseen(lambda d: d.id != "d1")
    assert [getattr(i, "id", None) for i in fresh(items)] == ["d1", None]
    assert fresh.skipped == 2
