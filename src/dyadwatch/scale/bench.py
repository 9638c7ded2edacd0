"""The speed benchmark: the coder against the parse floor, in one process and on a pool.

The corpus is built from the project's own demo articles: their sentences shuffled with
``random.Random(seed)`` into news-length documents (400 to 700 words). Three runs over the
same documents: (a) spaCy alone (``nlp.pipe``, same pipeline and batch size), (b) the full
coder in this process, (c) the worker pool. Loading time is measured apart from coding time.
"""

from __future__ import annotations

import json
import os
import random
import re
import resource
import statistics
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import Config
from ..errors import DataError
from ..model import Document
from .pool import CoderFactory, WorkerPool, default_coder

ARTICLES = Path(__file__).resolve().parents[1] / "demo" / "articles.jsonl"
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'A-Z0-9])")
MIN_WORDS, MAX_WORDS = 400, 700


def load_sentences(path: Path = ARTICLES) -> tuple[list[str], list[str]]:
    """Every sentence and every date of the articles in ``path`` (JSON Lines with text, date).

    Raises DataError naming the file (and line) when it is missing or holds no text.
    """
    if not path.exists():
        raise DataError(f"{path}: demo articles not found")
    sentences: list[str] = []
    dates: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                text = record["text"]
            except (ValueError, KeyError, TypeError) as e:
                raise DataError(f"{path}, line {number}: not an article with a 'text'") from e
            if not isinstance(text, str):
                raise DataError(f"{path}, line {number}: 'text' is not a string")
            sentences.extend(s.strip() for s in SENTENCE_END.split(text) if s.strip())
            if isinstance(record.get("date"), str):
                dates.append(record["date"])
    if not sentences:
        raise DataError(f"{path}: no article text")
    return sentences, dates or ["2022-01-01"]


def build_corpus(n_docs: int = 2000, seed: int = 42, articles: Path = ARTICLES) -> list[Document]:
    """``n_docs`` documents of 400-700 words of shuffled demo sentences, the same every time."""
    sentences, dates = load_sentences(articles)
    rng = random.Random(seed)
    docs = []
    for i in range(n_docs):
        target = rng.randint(MIN_WORDS, MAX_WORDS)
        chosen: list[str] = []
        words = 0
        while words < target:
            sentence = rng.choice(sentences)
            chosen.append(sentence)
            words += len(sentence.split())
        docs.append(Document(id=f"speed-{i:05d}", text=" ".join(chosen), date=rng.choice(dates)))
    return docs


@dataclass
class Measure:
    """One timed run: documents and words coded, seconds, load seconds, peak memory (bytes)."""

    name: str
    documents: int
    words: int
    seconds: float
    load_seconds: float = 0.0
    peak_rss: dict[str, int] = field(default_factory=dict)
    events: int | None = None
    workers: int = 1

    @property
    def docs_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0


def _own_peak_rss() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _words(docs: list[Document]) -> int:
    return sum(len(d.text.split()) for d in docs)


def measure_parse_floor(docs: list[Document], batch_size: int,
                        load: Callable[[], Any] | None = None) -> Measure:  # fmt: skip
    """(a) spaCy alone over the texts: ``load`` gives the pipeline (default: load_pipeline)."""
    if load is None:
        from ..nlp import load_pipeline

        load = load_pipeline
    began = time.perf_counter()
    nlp = load()
    loaded = time.perf_counter()
    for _ in nlp.pipe((d.text for d in docs), batch_size=batch_size):
        pass
    done = time.perf_counter()
    return Measure("parse floor (spaCy alone)", len(docs), _words(docs), done - loaded,
                   loaded - began, {"this process": _own_peak_rss()})  # fmt: skip


def _count_events(outcomes: Iterable[Any]) -> int:
    return sum(len(o.events) for o in outcomes)


def measure_coder(docs: list[Document], config: Config,
                  factory: CoderFactory = default_coder) -> Measure:  # fmt: skip
    """(b) the full coder in this process."""
    began = time.perf_counter()
    coder = factory(config)
    loaded = time.perf_counter()
    events = _count_events(coder.code_many(docs))
    done = time.perf_counter()
    return Measure("coder, 1 worker (in process)", len(docs), _words(docs), done - loaded,
                   loaded - began, {"this process": _own_peak_rss()}, events)  # fmt: skip


def measure_pool(docs: list[Document], config: Config, workers: int = 2,
                 factory: CoderFactory = default_coder) -> Measure:  # fmt: skip
    """(c) the worker pool; the start (each worker loading its coder) is timed apart."""
    began = time.perf_counter()
    with WorkerPool(config, workers, coder_factory=factory) as pool:
        loaded = time.perf_counter()
        events = _count_events(pool.code_many(docs))
        done = time.perf_counter()
        rss = {f"worker {n}": v for n, v in enumerate(pool.stats.peak_rss.values(), start=1)}
    return Measure(f"pool, {workers} workers", len(docs), _words(docs), done - loaded,
                   loaded - began, rss, events, workers)  # fmt: skip


def measure_in_blocks(docs: list[Document], config: Config, workers: int, blocks: int,
                      factory: CoderFactory = default_coder,
                      load: Callable[[], Any] | None = None) -> tuple[Measure, Measure, Measure]:  # fmt: skip
    """(a), (b) and (c) in turn on each of ``blocks`` consecutive slices of ``docs``, each
    loaded once before the first slice. A block's three runs are seconds apart, so a machine
    whose speed drifts during a long run slows all three alike; each run's time is the sum
    over the blocks."""
    if load is None:
        from ..nlp import load_pipeline

        load = load_pipeline
    size = -(-len(docs) // blocks)
    parts = [docs[i : i + size] for i in range(0, len(docs), size)]
    loads = [time.perf_counter()]
    nlp = load()
    loads.append(time.perf_counter())
    coder = factory(config)
    loads.append(time.perf_counter())
    seconds = [0.0, 0.0, 0.0]
    events = [0, 0]
    with WorkerPool(config, workers, coder_factory=factory) as pool:
        loads.append(time.perf_counter())
        for part in parts:
            marks = [time.perf_counter()]
            for _ in nlp.pipe((d.text for d in part), batch_size=config.batch_size):
                pass
            marks.append(time.perf_counter())
            events[0] += _count_events(coder.code_many(part))
            marks.append(time.perf_counter())
            events[1] += _count_events(pool.code_many(part))
            marks.append(time.perf_counter())
            for k in range(3):
                seconds[k] += marks[k + 1] - marks[k]
        rss = {f"worker {n}": v for n, v in enumerate(pool.stats.peak_rss.values(), start=1)}
    here = {"this process": _own_peak_rss()}
    n, w = len(docs), _words(docs)
    floor = Measure("parse floor (spaCy alone)", n, w, seconds[0], loads[1] - loads[0], here)
    single = Measure("coder, 1 worker (in process)", n, w, seconds[1], loads[2] - loads[1],
                     peak_rss=here, events=events[0])  # fmt: skip
    pooled = Measure(f"pool, {workers} workers", n, w, seconds[2], loads[3] - loads[2],
                     peak_rss=rss, events=events[1], workers=workers)  # fmt: skip
    return floor, single, pooled


@dataclass
class SpeedReport:
    """The three runs, once or in several rounds (a, b, c, a, b, c, ...): on a shared machine
    whose speed drifts, each round's ratios compare runs made minutes apart, and the report
    gives the median of each."""

    floors: list[Measure]
    singles: list[Measure]
    pools: list[Measure]
    blocks: int = 1

    @property
    def floor(self) -> Measure:
        return _median_run(self.floors)

    @property
    def single(self) -> Measure:
        return _median_run(self.singles)

    @property
    def pool(self) -> Measure:
        return _median_run(self.pools)

    @property
    def time_ratios(self) -> list[float]:
        """(b)/(a) of each round: how many times the parse alone the full coder takes."""
        return [_ratio(b, a) for a, b in zip(self.floors, self.singles, strict=True)]

    @property
    def speedups(self) -> list[float]:
        """(b)/(c) of each round: how much faster the pool codes than one process."""
        return [_ratio(b, c) for b, c in zip(self.singles, self.pools, strict=True)]

    @property
    def time_ratio(self) -> float:
        return statistics.median(self.time_ratios)

    @property
    def speedup(self) -> float:
        return statistics.median(self.speedups)

    def markdown(self) -> str:
        """The figures as a markdown table (each run's median round) plus the two ratios."""
        mib = 2**20
        lines = [
            "| run | documents | words | seconds | docs/s | words/s | load s | peak RSS (MiB) |",
            "|---|---:|---:|---:|---:|---:|---:|---|",
        ]
        for m in (self.floor, self.single, self.pool):
            rss = ", ".join(f"{k}: {v / mib:.0f}" for k, v in m.peak_rss.items())
            lines.append(
                f"| {m.name} | {m.documents} | {m.words} | {m.seconds:.1f} | "
                f"{m.docs_per_second:.1f} | {m.words_per_second:.0f} | {m.load_seconds:.1f} | "
                f"{rss} |"
            )
        rounds = len(self.floors)
        lines.append("")
        if self.blocks > 1:
            lines.append(
                f"- each round in {self.blocks} blocks of about "
                f"{-(-self.floor.documents // self.blocks)} documents, (a), (b), (c) in turn "
                "on each block; a run's time is the sum over its blocks"
            )
        if rounds > 1:
            lines.append(
                f"- {rounds} rounds of (a), (b), (c) in turn; the table gives each "
                "run's median round, the ratios are the medians of the rounds' ratios"
            )
        lines.append(
            f"- coder time / parse time (b/a): {self.time_ratio:.2f}{_each(self.time_ratios)}"
        )
        lines.append(
            f"- pool speed-up over one process (b/c): {self.speedup:.2f} with "
            f"{self.pool.workers} workers on {os.cpu_count()} cores{_each(self.speedups)}"
        )
        return "\n".join(lines)


def _each(values: list[float]) -> str:
    """ " (rounds: 1.10, 1.12, 1.11)" for several rounds; nothing for one."""
    return f" (rounds: {', '.join(f'{v:.2f}' for v in values)})" if len(values) > 1 else ""


def _ratio(numerator: Measure, denominator: Measure) -> float:
    return numerator.seconds / denominator.seconds if denominator.seconds else 0.0


def _median_run(runs: list[Measure]) -> Measure:
    """The run of median time (the lower middle one of an even number)."""
    return sorted(runs, key=lambda m: m.seconds)[(len(runs) - 1) // 2]


def run_speed(
    docs: list[Document],
    config: Config | None = None,
    workers: int = 2,
    coder_factory: CoderFactory | None = None,
    load_nlp: Callable[[], Any] | None = None,
    rounds: int = 1,
    blocks: int = 1,
) -> SpeedReport:
    """Measure (a), (b) and (c) over ``docs`` in this order, ``rounds`` times in turn; with
    ``blocks`` above one, each round runs them in turn block by block."""
    if rounds < 1 or blocks < 1:
        raise ValueError(f"rounds and blocks must be at least 1, not {rounds} and {blocks}")
    config = config or Config()
    factory = coder_factory or default_coder
    report = SpeedReport([], [], [], blocks)
    for _ in range(rounds):
        if blocks > 1:
            a, b, c = measure_in_blocks(docs, config, workers, blocks, factory, load_nlp)
            report.floors.append(a)
            report.singles.append(b)
            report.pools.append(c)
            continue
        report.floors.append(measure_parse_floor(docs, config.batch_size, load_nlp))
        report.singles.append(measure_coder(docs, config, factory))
        report.pools.append(measure_pool(docs, config, workers, factory))
    return report
