"""Shared sample texts for the reader tests, written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

from dyadwatch.errors import InputError
from dyadwatch.model import Document

ENGLISH = (
    "The foreign ministers of the two neighbouring states met on Monday in the border town "
    "to discuss the reopening of the river crossing, which has been closed since the floods "
    "of last spring. Officials said they were close to an agreement on customs checks."
)
SPANISH = (
    "Los ministros de Exteriores de los dos estados vecinos se reunieron el lunes en la "
    "ciudad fronteriza para hablar de la reapertura del paso sobre el río, cerrado desde "
    "las inundaciones de la primavera pasada. Los funcionarios dijeron que estaban cerca "
    "de un acuerdo sobre los controles aduaneros."
)
GERMAN = (
    "Die Außenminister der beiden Nachbarstaaten trafen sich am Montag in der Grenzstadt, "
    "um über die Wiedereröffnung des Flussübergangs zu sprechen, der seit dem Hochwasser "
    "im vergangenen Frühjahr gesperrt ist. Beamte sagten, eine Einigung über die "
    "Zollkontrollen sei nahe."
)


def record(
    doc_id: str = "d1", text: str = ENGLISH, date: str = "2024-03-05", **extra: object
) -> str:
    """One JSONL line of the input contract."""
    return json.dumps({"id": doc_id, "text": text, "date": date, **extra})


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def summary(items: list[Document | InputError]) -> list[str]:
    """Each item as ``doc:<id>`` or ``err:<line>:<message>``, for compact asserts."""
    out = []
    for item in items:
        if isinstance(item, InputError):
            out.append(f"err:{item.line}:{item}")
        else:
            out.append(f"doc:{item.id}")
    return out
