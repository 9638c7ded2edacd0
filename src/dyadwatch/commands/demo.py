"""`dyadwatch demo`: code the bundled demo articles and show what came out."""

from __future__ import annotations

import json
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from .root import app

console = Console(highlight=False)


def demo_articles() -> Path:
    """Path of the bundled demo articles (JSONL in the input contract)."""
    return Path(str(resources.files("dyadwatch.demo") / "articles.jsonl"))


@app.command("demo")
def demo_command(
    output: Annotated[Path, typer.Option("-o", "--output", help="where to write the events")] = Path("out/demo-events.jsonl"),
    rows: Annotated[int, typer.Option(help="events to show in the table")] = 40,
) -> None:  # fmt: skip
    """Code the bundled demo articles, write their events, and print a summary table."""
    from ..pipeline import code_items
    from ..read import read_inputs

    output.parent.mkdir(parents=True, exist_ok=True)
    events, coded, skipped = [], 0, 0
    with output.open("w", encoding="utf-8") as out:
        for outcome in code_items(read_inputs([demo_articles()])):
            if outcome.error is not None:
                skipped += 1
                console.print(f"skipped {outcome.error}", markup=False)
                continue
            coded += 1
            for event in outcome.events:
                out.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
                events.append(event)
    table = Table(title=f"dyadwatch demo: {len(events)} events from {coded} articles")
    for col in ("doc", "date", "actor", "event", "recipient", "factuality", "words"):
        table.add_column(col, overflow="fold")
    for ev in events[:rows]:
        table.add_row(
            ev.doc_id,
            ev.date or "",
            ev.actor.code if ev.actor else "",
            ev.event,
            ev.recipient.code if ev.recipient else "",
            ev.factuality,
            ev.event_text,
        )
    console.print(table)
    types = Counter(ev.event for ev in events)
    console.print("by type: " + ", ".join(f"{k} {v}" for k, v in types.most_common()))
    dyads = Counter(
        (ev.actor.country, ev.recipient.country)
        for ev in events
        if ev.actor and ev.recipient and ev.actor.country and ev.recipient.country
    )
    console.print("top dyads: " + ", ".join(f"{a}→{b} {n}" for (a, b), n in dyads.most_common(6)))
    gold = Path(str(resources.files("dyadwatch.demo") / "gold.jsonl"))
    if gold.exists():
        from ..evaluate.gold import score_gold
        from ..evaluate.goldfile import load_gold

        score = score_gold(load_gold(gold), events)
        console.print(f"against the demo gold: core recall {score.core_recall:.2f}, precision "
                      f"{score.precision:.2f}, forbidden hits {score.forbidden_hits}")  # fmt: skip
    console.print(f"coded {coded} documents, skipped {skipped}; events written to {output}")
