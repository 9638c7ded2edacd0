"""Running the evaluation suites with a coder: seeds gold, PLOVER GSR, PETR-2 GSR.

Each suite reads its files from the shared folder at run time (nothing is copied into the
package), codes the texts with ``coder.code_many`` and scores the events. Results carry
their figures, the targets they are held to, and tables for the terminal and for
docs/benchmarks.md.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Protocol

from ..errors import DataError
from ..model import Document, Event
from .gold import load_gold, score_gold
from .goldfile import read_jsonl
from .petr_gsr import load_petr_gsr, score_petr
from .plover_gsr import load_plover_gsr, score_plover
from .suites import SUITE_FILES
from .tables import figures_table, gold_table, markdown_table


class CodedItem(Protocol):
    """What the suites read from each outcome of ``code_many`` (dyadwatch.coder.Outcome)."""

    @property
    def doc_id(self) -> str: ...

    @property
    def events(self) -> list[Event]: ...

    @property
    def error(self) -> Exception | None: ...


class BatchCoder(Protocol):
    """What the suites need from a coder: the batched ``code_many``."""

    def code_many(self, items: Iterable[Document]) -> Iterator[CodedItem]: ...


@dataclass(frozen=True)
class Figure:
    """One reported figure and the target it is held to (None: reported only)."""

    name: str
    value: float | int
    target: str | None = None
    met: bool | None = None


@dataclass
class SuiteResult:
    """One suite's figures, plus extra tables (rich) and markdown for the benchmark doc."""

    name: str
    title: str
    figures: list[Figure]
    notes: str = ""
    tables: list[Any] = field(default_factory=list)
    markdown: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "suite": self.name,
            "title": self.title,
            "figures": {f.name: f.value for f in self.figures},
            "targets": {f.name: f.target for f in self.figures if f.target},
            "met": {f.name: f.met for f in self.figures if f.met is not None},
            "notes": self.notes,
        }


def at_least(name: str, value: float, bound: float) -> Figure:
    return Figure(name, value, f">= {bound:.2f}", value >= bound)


def find_shared(explicit: Path | None = None, cwd: Path | None = None) -> Path | None:
    """The shared folder: `explicit` if given, else ``../shared`` from `cwd`, else beside
    the repository that holds this package. Returns None when none of them exists."""
    if explicit is not None:
        return explicit if explicit.is_dir() else None
    here = (cwd or Path.cwd()) / ".." / "shared"
    if here.is_dir():
        return here.resolve()
    beside = Path(__file__).resolve().parents[3] / ".." / "shared"
    return beside.resolve() if beside.is_dir() else None


def available_suites(shared: Path) -> list[str]:
    """Suites whose files all exist under `shared`, in the standard order."""
    return [n for n, files in SUITE_FILES.items() if all((shared / f).is_file() for f in files)]


def code_documents(
    coder: BatchCoder, documents: Iterable[Document]
) -> tuple[dict[str, list[Event]], list[str]]:
    """Code documents in batches; returns events by document id and the ids that failed."""
    events: dict[str, list[Event]] = {}
    failed: list[str] = []
    for outcome in coder.code_many(documents):
        if outcome.error is not None:
            failed.append(outcome.doc_id)
        events.setdefault(outcome.doc_id, []).extend(outcome.events)
    return events, failed


GOLD_TITLES = {"seeds": "Seed articles (gold events)", "news-dev": "News-dev reports (gold events)"}
# (core recall, precision) each gold suite is held to
GOLD_TARGETS = {"seeds": (0.85, 0.75), "news-dev": (0.70, 0.70)}


def run_gold_suite(name: str, coder: BatchCoder, shared: Path) -> SuiteResult:
    """Code a corpus with gold events (seeds, news-dev) and score it by the gold rule."""
    corpus, gold_path = (shared / f for f in SUITE_FILES[name])
    documents = [Document.from_dict(row) for _, row in read_jsonl(corpus)]
    for doc in documents:
        if not isinstance(doc.text, str) or not doc.id:
            raise DataError(f"{corpus}: document {doc.id!r} has no id or text")
    events, failed = code_documents(coder, documents)
    score = score_gold(load_gold(gold_path), [e for evs in events.values() for e in evs])
    forbidden = score.forbidden_hits
    figures = [
        at_least("core recall", score.core_recall, GOLD_TARGETS[name][0]),
        at_least("precision", score.precision, GOLD_TARGETS[name][1]),
        Figure("forbidden asserted", forbidden, "= 0", forbidden == 0),
        Figure("diagnostic: core recall, dates ignored", score.core_recall_any_date),
    ]
    notes = (
        f"{score.core_matched}/{score.core_total} core events found, "
        f"{score.matched_predictions}/{score.predictions} predictions matched"
        + (f", {len(failed)} documents failed" if failed else "")
    )
    return SuiteResult(name, GOLD_TITLES[name], figures, notes, tables=[gold_table(score)])


def run_plover(coder: BatchCoder, shared: Path) -> SuiteResult:
    """Code every PLOVER GSR example and score type, dyad and both per record."""
    records = load_plover_gsr(shared / SUITE_FILES["plover"][0])
    events, failed = code_documents(coder, (r.document() for r in records))
    score = score_plover(records, events, failed)
    top_type, top_dyad, top_both = score.top_rates
    figures = [
        Figure("type (any event)", score.type_rate),
        Figure("dyad (any event)", score.dyad_rate),
        Figure("both (any event)", score.both_rate),
        at_least("type (most confident event)", top_type, 0.70),
        Figure("dyad (most confident event)", top_dyad),
        at_least("both (most confident event)", top_both, 0.60),
        Figure("event-level type precision", score.event_type_precision),
        Figure("events per record", round(score.events_per_record, 3)),
    ]
    columns = ("type", "records", "type recall", "type+dyad recall")
    rows = score.type_rows()
    notes = f"{score.records} records" + (f", {score.errors} failed to code" if failed else "")
    return SuiteResult(
        "plover", "PLOVER GSR (CAMEO manual examples)", figures, notes,
        tables=[figures_table("PLOVER GSR recall by type", rows, columns)],
        markdown="PLOVER GSR recall by gold type:\n\n" + markdown_table(rows, columns),
    )  # fmt: skip


def run_petr2(coder: BatchCoder, shared: Path) -> SuiteResult:
    """Code the PETR-2 validation sentences and score CAMEO roots and triples."""
    data = load_petr_gsr(shared / SUITE_FILES["petr2"][0])
    events, failed = code_documents(coder, (r.document() for r in data.records))
    score = score_petr(data, events, failed)
    figures = [
        Figure("root precision", score.root.precision),
        Figure("root recall", score.root.recall),
        Figure("root F1", score.root.f1, "reported"),
        at_least("triple F1", score.triple.f1, 0.40),
    ]
    notes = f"{score.records} records, {score.skipped} skipped (no text)" + (
        f", {score.errors} failed to code" if failed else ""
    )
    return SuiteResult("petr2", "PETR-2 GSR validation (CAMEO root codes)", figures, notes)


RUNNERS: dict[str, Callable[[BatchCoder, Path], SuiteResult]] = {
    "seeds": partial(run_gold_suite, "seeds"),
    "news-dev": partial(run_gold_suite, "news-dev"),
    "plover": run_plover,
    "petr2": run_petr2,
}


def run_suites(coder: BatchCoder, shared: Path, names: Sequence[str]) -> list[SuiteResult]:
    """Run the named suites in order; raises DataError for an unknown name."""
    unknown = [n for n in names if n not in RUNNERS]
    if unknown:
        raise DataError(f"unknown suite {unknown[0]!r}; known: {', '.join(RUNNERS)}")
    return [RUNNERS[n](coder, shared) for n in names]


def summary_rows(results: Sequence[SuiteResult]) -> list[tuple[str, str, float | int, str, str]]:
    """(suite, figure, value, target, met) rows over all results."""
    rows = []
    for r in results:
        for f in r.figures:
            met = "" if f.met is None else ("yes" if f.met else "no")
            rows.append((r.name, f.name, f.value, f.target or "", met))
    return rows


SUMMARY_COLUMNS = ("suite", "figure", "value", "target", "met")


def summary_markdown(results: Sequence[SuiteResult]) -> str:
    """The markdown recorded in docs/benchmarks.md: figures with targets, notes, extras."""
    parts = [markdown_table(summary_rows(results), SUMMARY_COLUMNS)]
    notes = [f"- {r.title}: {r.notes}" for r in results if r.notes]
    if notes:
        parts.append("\n".join(notes))
    parts += [r.markdown for r in results if r.markdown]
    return "\n\n".join(parts)
