"""The evaluation suites by name, and the files each reads under the shared folder."""

from __future__ import annotations

SUITE_FILES: dict[str, tuple[str, ...]] = {
    "seeds": ("corpus/seeds.jsonl", "gold/seeds.jsonl"),
    "news-dev": ("corpus/news-dev.jsonl", "gold/news-dev.jsonl"),
    "plover": ("benchmarks/plover-gsr/PLOVER_GSR_CAMEO.txt",),
    "petr2": ("benchmarks/petrarch2-gsr/PETR2_GSR_validation.xml",),
}
SUITES = tuple(SUITE_FILES)
