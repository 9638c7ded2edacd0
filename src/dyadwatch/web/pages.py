"""What each page of the web app shows, as plain data: the HTML templates and the JSON API
both render these dictionaries, so the API mirrors the pages.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ..actors.names import resolve_side
from ..analysis.dyad import dyad_view
from ..analysis.timeline import span_words
from ..errors import InputError
from ..store.queries import WebQueries
from ..store.reader import StoreReader
from .highlight import Segment, conflicts, excerpt, segments

QUADS = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
         4: "material conflict"}  # fmt: skip
FACTUALITIES = ("asserted", "reported", "hedged", "hypothetical", "negated")


class NotFound(InputError):
    """A page asked for something the store does not hold."""


@dataclass(frozen=True)
class DyadFilters:
    """The dyad page's filters; empty ones let everything through."""

    event: str | None = None
    quad: int | None = None
    factuality: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None

    def keep(self, rec: dict[str, Any]) -> bool:
        return ((self.event is None or rec.get("event") == self.event.upper())
                and (self.quad is None or rec.get("quad_code") == self.quad)
                and (self.factuality is None or rec.get("factuality") == self.factuality))  # fmt: skip

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.event, "quad": self.quad, "factuality": self.factuality,
                "from": self.start.isoformat() if self.start else None,
                "to": self.end.isoformat() if self.end else None}  # fmt: skip


def overview(reader: StoreReader, n: int = 20) -> dict[str, Any]:
    """The most active dyads, each with its monthly trend."""
    return WebQueries(reader).active_dyads(n)


def resolve_dyad(a: str, b: str) -> tuple[str, str]:
    """Both sides as codes; InputError (with suggestions) for a name nothing matches."""
    return resolve_side(a), resolve_side(b)


def dyad_page(reader: StoreReader, a: str, b: str, filters: DyadFilters, limit: int = 300
              ) -> dict[str, Any]:  # fmt: skip
    """The dyad view with its filters applied to the listed events, timeline and links.

    Series, reciprocity and alerts cover every event of the date range (dated finely enough
    for each), whatever the other filters.
    """
    a, b = resolve_dyad(a, b)
    view = dyad_view(reader, a, b, filters.start, filters.end, limit)
    data = view.to_dict()
    kept = {e["id"] for e in view.events if filters.keep(e)}
    data["events"] = [e for e in data["events"] if e["id"] in kept]
    for e in data["events"]:
        e["when"] = span_words(e.get("date"), e.get("date_precision"))
    timeline = data["timeline"]
    timeline["marks"] = [m for m in timeline["marks"] if m["id"] in kept]
    timeline["listed"] = [i for i in timeline["listed"] if i in kept]
    timeline["links"] = [k for k in timeline["links"] if k["source"] in kept or k["target"] in kept]
    labels = {e["id"]: f"{e['event']} {e['direction']}" for e in view.events}
    for k in timeline["links"]:
        k["source_label"], k["target_label"] = labels[k["source"]], labels[k["target"]]
    data["links"] = [k for k in data["links"] if k["source"] in kept or k["target"] in kept]
    data["filters"] = filters.to_dict()
    data["directions"] = list(view.directions)
    data["shown_events"] = len(data["events"])
    return data


def _mention_view(m: dict[str, Any], text: str | None) -> dict[str, Any]:
    ev = m.get("evidence") or {}
    start, end = ev.get("start"), ev.get("end")
    doc = m.get("document") or {}
    out = {"mention_id": m["id"], "doc_id": m["doc_id"], "event": m.get("event"),
           "date": m.get("date"), "date_precision": m.get("date_precision"),
           "factuality": m.get("factuality"), "evidence": " ".join((ev.get("text") or "").split()),
           "document": {k: doc.get(k) for k in ("url", "outlet", "title", "date")},
           "context": None, "steps": list(m.get("steps") or [])}  # fmt: skip
    if text and isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
        out["context"] = excerpt(text, start, end)
    return out


def event_page(reader: StoreReader, event_id: str) -> dict[str, Any]:
    """A merged event, each source's evidence inside its article, conflicts, merge checks."""
    record = reader.event(event_id)
    if record is None:
        raise NotFound(f"no event {event_id!r} in the store", doc="event")
    mentions = reader.mentions_of(record["id"])
    texts = WebQueries(reader).texts(sorted({m["doc_id"] for m in mentions}))
    views = [_mention_view(m, texts.get(m["doc_id"])) for m in mentions]
    documents: dict[str, list[dict[str, Any]]] = {}
    for v in views:
        documents.setdefault(v["doc_id"], []).append(v)
    record["when"] = span_words(record.get("date"), record.get("date_precision"))
    return {
        "event": record,
        "documents": [
            {"doc_id": d, "document": ms[0]["document"], "mentions": ms}
            for d, ms in documents.items()
        ],
        "n_documents": len(documents),
        "n_mentions": len(views),
        "conflicts": conflicts(mentions),
        "merge": record.get("merge") or [],
    }


def document_page(reader: StoreReader, doc_id: str) -> dict[str, Any]:
    """A document's text cut into plain and highlighted pieces, each piece naming its events."""
    doc = WebQueries(reader).document(doc_id)
    if doc is None:
        raise NotFound(f"no document {doc_id!r} in the store", doc="document")
    spans = []
    for m in doc["mentions"]:
        ev = m.get("evidence") or {}
        spans.append((ev.get("start"), ev.get("end"), m["event_id"] or m["id"], m.get("event")))
    pieces: list[Segment] = segments(doc["text"] or "", spans)
    doc["pieces"] = [p.to_dict() for p in pieces]
    doc["events"] = [{"event_id": m["event_id"], "mention_id": m["id"], "event": m.get("event"),
                      "actor": (m.get("actor") or {}).get("code"),
                      "recipient": (m.get("recipient") or {}).get("code"),
                      "when": span_words(m.get("date"), m.get("date_precision")),
                      "evidence": " ".join(((m.get("evidence") or {}).get("text") or "").split())}
                     for m in doc["mentions"]]  # fmt: skip
    del doc["mentions"]
    return doc


def search_page(reader: StoreReader, words: str, limit: int = 50) -> dict[str, Any]:
    """Mentions whose evidence holds every word searched for."""
    hits = WebQueries(reader).search(words, limit) if words.strip() else []
    for h in hits:
        h["when"] = span_words(h.get("date"), h.get("date_precision"))
        h["evidence"] = " ".join(h["evidence"].split())
    return {"q": words, "hits": hits}
