"""Settings with defaults and help text, in one place."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import CODER_NAME


def _setting(default: object, help: str) -> object:
    return field(default=default, metadata={"help": help})


@dataclass
class Config:
    """What a coding run needs besides its input; each field carries its help text."""

    actors: list[Path] = field(default_factory=list,
                               metadata={"help": "extra actor files (CSV, TSV or YAML)"})  # fmt: skip
    triggers: list[Path] = field(
        default_factory=list,
        metadata={"help": "extra trigger files (the triggers.tsv format; later rows win)"},
    )
    batch_size: int = _setting(32, "documents parsed together by spaCy's nlp.pipe")
    max_chars: int = _setting(200_000, "longer documents are skipped with an error, not coded")
    min_english: float = _setting(0.5, "score below which a text is reported as not English")
    coder: str = _setting(CODER_NAME, "name and version written into every event")
    keep_unrealised: bool = _setting(
        False,
        "also write acts the text denies or only calls possible (factuality negated or "
        "hypothetical); by default the output holds acts told as done, reported or hedged",
    )
    chars_per_worker: int = _setting(
        100_000, "characters of text each worker process must have to be worth starting"
    )
