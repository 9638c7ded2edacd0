"""Rich tables and markdown for evaluation results (presentation only, no scoring)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rich.table import Table

if TYPE_CHECKING:
    from .gold import GoldScore


def _pct(value: float) -> str:
    return f"{value:.3f}"


def gold_table(score: GoldScore) -> Table:
    """Headline figures in the title, one row per document."""
    table = Table(
        title=(
            f"core recall {_pct(score.core_recall)} ({score.core_matched}/{score.core_total})"
            f"  precision {_pct(score.precision)}"
            f" ({score.matched_predictions}/{score.predictions})"
            f"  forbidden hits {score.forbidden_hits}"
        ),
        caption=(
            f"diagnostic only: core recall with dates ignored "
            f"{_pct(score.core_recall_any_date)} ({score.core_matched_any_date}/{score.core_total})"
        ),
    )
    for name in ("doc", "core", "core found", "optional found", "predictions",
                 "false positives", "forbidden hits"):  # fmt: skip
        table.add_column(name, justify="left" if name == "doc" else "right")
    for c in score.per_doc.values():
        table.add_row(c.doc, str(c.core), str(c.core_found), str(c.optional_found),
                      str(c.predictions), str(c.false_positives), str(c.forbidden_hits))  # fmt: skip
    return table


def gold_error_tables(score: GoldScore) -> list[Table]:
    """Misses (core gold not found), false positives and forbidden hits, for debugging."""
    misses = Table(title=f"missed core events ({len(score.misses)})")
    for name in ("doc", "gold", "type", "source", "target", "date", "evidence"):
        misses.add_column(name, overflow="fold")
    for g in score.misses:
        misses.add_row(g.doc, g.id, g.type, g.source, g.target or "", g.date, g.evidence)
    wrong = Table(title=f"false positives ({len(score.false_positives)})")
    for name in ("doc", "type", "actor", "recipient", "date", "factuality", "event_text",
                 "evidence"):  # fmt: skip
        wrong.add_column(name, overflow="fold")
    for e in score.false_positives:
        wrong.add_row(e.doc_id, e.event, e.actor.code if e.actor else "",
                      e.recipient.code if e.recipient else "", e.date or "", e.factuality,
                      e.event_text, e.evidence.text)  # fmt: skip
    forbidden = Table(title=f"forbidden hits ({score.forbidden_hits})")
    for name in ("doc", "gold", "type", "factuality", "event_text", "evidence"):
        forbidden.add_column(name, overflow="fold")
    for e, g in score.forbidden:
        forbidden.add_row(e.doc_id, g.id, e.event, e.factuality, e.event_text, e.evidence.text)
    return [misses, wrong, forbidden]


def figures_table(title: str, rows: Sequence[Sequence[Any]], columns: Sequence[str]) -> Table:
    """A plain rich Table from rows of values."""
    table = Table(title=title)
    for i, name in enumerate(columns):
        table.add_column(name, justify="left" if i == 0 else "right")
    for row in rows:
        table.add_row(*(_cell(v) for v in row))
    return table


def markdown_table(rows: Sequence[Sequence[Any]], columns: Sequence[str]) -> str:
    """A GitHub markdown table from rows of values."""
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def _cell(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.3f}"
    return "" if value is None else str(value)
