"""Which alerts the articles of a cycle raise.

Three kinds, each about the documents stored since alerts were last looked for:

``escalation`` a week a new article contributes to is flagged by the dyad's escalation test
               (:func:`dyadwatch.analysis.alerts.escalation_alerts`, as `dyadwatch dyad` shows)
``response``   a new explicit response link ("in retaliation for ...") between two events
``intensity``  an event of a watched dyad at least ``min_intensity`` intense (either sign)

Each alert has a stable id (the same finding gives the same id), the events behind it with
their evidence and source links, and the keys the outbox uses so a later article about the
same event does not raise it again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from typing import Any

from ..analysis.dyad import dyad_view
from ..datespan import date_span
from ..link.merge import party
from ..model import Actor
from ..store.reader import StoreReader
from ..store.watchstate import Alert, WatchStore
from .settings import AlertSettings


def alert_id(*parts: str) -> str:
    """A stable id for one finding."""
    return "al-" + hashlib.sha1("\0".join(parts).encode()).hexdigest()[:16]


def find_alerts(store: WatchStore, doc_ids: Sequence[str], settings: AlertSettings) -> list[Alert]:
    """The alerts the documents ``doc_ids`` raise (the outbox drops those raised before)."""
    mentions = store.document_mentions(doc_ids)
    reader = store.reader()
    out: list[Alert] = []
    if settings.escalation:
        out += escalations(reader, mentions, set(doc_ids), settings)
    if settings.responses:
        out += responses(reader, store.document_links(doc_ids), settings)
    if settings.min_intensity is not None:
        out += intense_events(reader, mentions, settings)
    return out


def escalations(reader: StoreReader, mentions: list[dict[str, Any]], docs: set[str],
                settings: AlertSettings) -> list[Alert]:  # fmt: skip
    """Flagged weeks of the dyads the mentions touch, where one of ``docs`` reports an event."""
    weeks: dict[tuple[str, str], set[dt.date]] = {}
    for m in mentions:
        pair = _dyad(m)
        span = date_span(m.get("date"), m.get("date_precision"))
        if (
            pair is None
            or span is None
            or m.get("date_precision") == "year"
            or not _watched(pair, settings)
        ):
            continue
        weeks.setdefault(tuple(sorted(pair)), set()).add(
            span[0] - dt.timedelta(days=span[0].weekday())
        )  # type: ignore[arg-type]
    out = []
    for (a, b), touched in sorted(weeks.items()):
        view = dyad_view(reader, a, b, limit=1)
        for flag in view.alerts:
            week = dt.date.fromisoformat(flag["period"])
            if week not in touched or (settings.since and week < settings.since):
                continue
            events, _ = reader.dyad_events(a, b, week, week + dt.timedelta(days=6))
            events = [e for e in events if e["direction"] == flag["direction"]]
            if not any(s.get("doc_id") in docs for e in events for s in e.get("sources") or []):
                continue
            summary = (f"{flag['direction']}: conflict {flag['value']} in the week of {flag['period']}, "
                       f"above its baseline {flag['baseline_mean']} ± {flag['baseline_std']}")  # fmt: skip
            payload = _payload("escalation", alert_id("escalation", flag["direction"], flag["period"]),
                               (a, b), summary, events, flag=flag)  # fmt: skip
            out.append(Alert(payload["id"], "escalation", payload))
    return out


def responses(reader: StoreReader, links: list[tuple[str, str, str, str]],
              settings: AlertSettings) -> list[Alert]:  # fmt: skip
    """One alert per new explicit response link between two distinct events."""
    out = []
    for source_mention, target_mention, source_event, target_event in links:
        if source_event == target_event:
            continue
        answer, cause = reader.event(source_event), reader.event(target_event)
        if answer is None or cause is None:
            continue
        pair = _dyad(answer)
        if pair is None or not _watched(pair, settings):
            continue
        summary = (f"{_who(answer)} {answer['event']} ({answer.get('date')}) in response to "
                   f"{_who(cause)} {cause['event']} ({cause.get('date')})")  # fmt: skip
        payload = _payload("response", alert_id("response", source_mention, target_mention),
                           pair, summary, [answer, cause])  # fmt: skip
        out.append(Alert(payload["id"], "response", payload, (f"{source_event}>{target_event}",)))
    return out


def intense_events(reader: StoreReader, mentions: list[dict[str, Any]],
                   settings: AlertSettings) -> list[Alert]:  # fmt: skip
    """One alert per event of a watched dyad at least ``min_intensity`` intense."""
    threshold = settings.min_intensity or 0.0
    out, done = [], set()
    for m in mentions:
        pair = _dyad(m)
        level = m.get("intensity")
        if pair is None or level is None or abs(level) < threshold or not _watched(pair, settings):
            continue
        span = date_span(m.get("date"), m.get("date_precision"))
        if settings.since and (span is None or span[1] < settings.since):
            continue
        if m["event_id"] in done:
            continue
        done.add(m["event_id"])
        record = reader.event(m["event_id"])
        if record is None:
            continue
        summary = (f"{_who(record)} {record['event']} against {pair[1]} on {record.get('date')}: "
                   f"intensity {record.get('intensity')}")  # fmt: skip
        payload = _payload(
            "intensity", alert_id("intensity", record["id"]), pair, summary, [record]
        )
        keys = tuple(record.get("mentions") or [m["id"]])
        out.append(Alert(payload["id"], "intensity", payload, keys))
    return out


def event_summary(record: dict[str, Any]) -> dict[str, Any]:
    """What an alert says about one event: what, who, when, the evidence and the sources."""
    evidence = record.get("evidence") or {}
    return {
        "id": record.get("id"), "event": record.get("event"), "mode": record.get("mode"),
        "date": record.get("date"), "date_precision": record.get("date_precision"),
        "actor": (record.get("actor") or {}).get("code"),
        "recipient": (record.get("recipient") or {}).get("code"),
        "intensity": record.get("intensity"), "factuality": record.get("factuality"),
        "evidence": evidence.get("text"),
        "sources": [{k: s.get(k) for k in ("doc_id", "url", "outlet", "evidence")}
                    for s in record.get("sources") or []],
    }  # fmt: skip


def _payload(kind: str, ident: str, pair: tuple[str, str], summary: str,
             events: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:  # fmt: skip
    return {"id": ident, "kind": kind, "dyad": list(pair), "summary": summary,
            "events": [event_summary(e) for e in events], **extra}  # fmt: skip


def _dyad(record: dict[str, Any]) -> tuple[str, str] | None:
    a = party(Actor.from_dict(record.get("actor")))
    b = party(Actor.from_dict(record.get("recipient")))
    if a is None or b is None or a == b:
        return None
    return (a, b)


def _watched(pair: tuple[str, str], settings: AlertSettings) -> bool:
    return not settings.dyads or any({a, b} == set(pair) for a, b in settings.dyads)


def _who(record: dict[str, Any]) -> str:
    return str((record.get("actor") or {}).get("code") or "?")
