"""Evidence inside its article: excerpts around a quote, a text cut at every coded span, and
the details on which a merged event's sources disagree.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any

CONTEXT_CHARS = 400
COMPARED = (  # (label, how to read it from a mention record)
    ("type", lambda m: m.get("event")),
    ("mode", lambda m: m.get("mode")),
    ("date", lambda m: f"{m.get('date')} ({m.get('date_precision')})"),
    ("actor", lambda m: (m.get("actor") or {}).get("code")),
    ("recipient", lambda m: (m.get("recipient") or {}).get("code")),
    ("factuality", lambda m: m.get("factuality")),
    ("place", lambda m: (m.get("event_loc") or {}).get("name")),
    ("quantities", lambda m: "; ".join(q.get("text", "") for q in m.get("quantities") or [])),
    ("stated reason", lambda m: m.get("stated_reason")),
)


def excerpt(text: str, start: int, end: int, chars: int = CONTEXT_CHARS) -> dict[str, str]:
    """The words before, the evidence itself and the words after, cut at spaces."""
    lo, hi = max(0, start - chars), min(len(text), end + chars)
    if lo > 0 and " " in text[lo:start]:
        lo = text.index(" ", lo) + 1
    if hi < len(text) and " " in text[end:hi]:
        hi = text.rindex(" ", end, hi)
    return {"before": ("…" if lo > 0 else "") + text[lo:start], "match": text[start:end],
            "after": text[end:hi] + ("…" if hi < len(text) else "")}  # fmt: skip


@dataclass
class Segment:
    """A piece of a document's text and the coded events whose evidence covers it."""

    text: str
    events: list[dict[str, str]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "events": self.events}


def segments(text: str, spans: list[tuple[Any, Any, str, Any]]) -> list[Segment]:
    """``text`` cut at every boundary of ``spans`` (start, end, event id, type).

    Spans with offsets outside the text are left out; overlapping spans give pieces that
    name every event covering them.
    """
    good = [(s, e, i, t) for s, e, i, t in spans
            if isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)]  # fmt: skip
    cuts = sorted({0, len(text), *(s for s, *_ in good), *(e for _, e, *_ in good)})
    out = []
    for lo, hi in itertools.pairwise(cuts):
        covering = [{"event_id": i, "event": t or ""} for s, e, i, t in good if s <= lo and hi <= e]
        unique = list({c["event_id"]: c for c in covering}.values())
        out.append(Segment(text[lo:hi], unique))
    return out


def conflicts(mentions: list[dict[str, Any]]) -> dict[str, Any]:
    """The details on which the mentions of one event differ, one column per mention."""
    columns = [{"mention_id": m["id"], "doc_id": m["doc_id"]} for m in mentions]
    rows = []
    for label, read in COMPARED:
        values = [read(m) or "" for m in mentions]
        if len(set(values)) > 1:
            rows.append({"detail": label, "values": [str(v) for v in values]})
    return {"columns": columns, "rows": rows}
