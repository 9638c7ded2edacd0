"""The project's real coder gives the same events in this process and on the pool."""

from __future__ import annotations

import pytest

from dyadwatch.config import Config
from dyadwatch.model import Document
from dyadwatch.scale import code_parallel, default_coder

DOCS = [
    Document(id="r1", date="2023-04-02",
             text="Ruritania's foreign minister met the Freedonian ambassador in the capital."),
    Document(id="r2", date="2023-04-03",
             text="Freedonia condemned the border closure and recalled its envoy."),
    Document(id="r3", date="2023-04-04", text="It rained all day."),
]  # fmt: skip


def real_coder_or_skip():
    try:
        return default_coder(Config())
    except NotImplementedError:
        pytest.skip("the coder is not built yet")


def as_dicts(outcomes):
    return [(o.doc_id, [e.to_dict() for e in o.events], o.error is None) for o in outcomes]


def test_real_coder_pool_equals_in_process():
    coder = real_coder_or_skip()
    expected = as_dicts(coder.code_many(DOCS))
    assert as_dicts(code_parallel(DOCS, Config(), workers=2, chunk_size=1)) == expected
