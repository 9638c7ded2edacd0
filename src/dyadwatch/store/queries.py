"""Read-only queries behind the web pages: active dyads, documents and their text, search.

Every value reaches SQL as a bound parameter. The dyad overview first counts events per
directed pair (the events table is sorted by that pair, so this is one fast scan) and then
reads the recent months of the chosen pairs only.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from .reader import SERIES_DAY, SERIES_PRECISIONS, StoreReader

TREND_MONTHS = 12
MONTHLY = SERIES_PRECISIONS["month"]


def _marks(values: list[str]) -> str:
    """One ``?`` per value, for an IN list of bound parameters."""
    return ", ".join("?" * len(values))


def _month(day: dt.date, back: int) -> dt.date:
    index = day.year * 12 + day.month - 1 - back
    return dt.date(index // 12, index % 12 + 1, 1)


class WebQueries:
    """The queries of the web pages, on an open :class:`StoreReader`."""

    def __init__(self, reader: StoreReader):
        self.reader = reader

    def _has_texts(self) -> bool:
        """Whether the store keeps document texts (stores written before it did have none)."""
        rows = self.reader._q(
            "SELECT count(*) FROM duckdb_tables() WHERE table_name = ?", ["document_texts"]
        )
        return bool(rows[0][0])

    def active_dyads(self, n: int = 20, months: int = TREND_MONTHS) -> dict[str, Any]:
        """The ``n`` undirected dyads with most events, each with its recent monthly counts.

        A dyad's trend counts its events dated to the day, week or month over the ``months``
        months up to its own latest such event (none when it has only year-dated ones).
        """
        rows = self.reader._q(
            "SELECT least(actor_country, recipient_country) AS a, "
            "greatest(actor_country, recipient_country) AS b, sum(n), sum(s), max(last) FROM ("
            "SELECT actor_country, recipient_country, count(*) AS n, "
            "coalesce(sum(intensity), 0) AS s, "
            f"max(date) FILTER (WHERE date_precision IN ({_marks(MONTHLY)})) AS last "
            "FROM events WHERE actor_country <> recipient_country GROUP BY ALL) "
            "GROUP BY ALL ORDER BY 3 DESC, a, b LIMIT ?",
            [*MONTHLY, n],
        )
        windows = {(a, b): [_month(last, k) for k in range(months - 1, -1, -1)]
                   for a, b, _, _, last in rows if last is not None}  # fmt: skip
        since = min((w[0] for w in windows.values()), default=None)
        trend = self._monthly(set(windows), since) if since else {}
        dyads = []
        for a, b, count, intensity, _ in rows:
            window = windows.get((a, b), [])
            by_month = trend.get((a, b), {})
            dyads.append({"a": a, "b": b, "events": int(count), "intensity": round(intensity, 1),
                          "monthly": [by_month.get(p, 0) for p in window],
                          "trend_from": window[0].isoformat()[:7] if window else None,
                          "trend_to": window[-1].isoformat()[:7] if window else None})  # fmt: skip
        return {"dyads": dyads}

    def _monthly(self, pairs: set[tuple[str, str]], since: dt.date
                 ) -> dict[tuple[str, str], dict[dt.date, int]]:  # fmt: skip
        sides = sorted({side for pair in pairs for side in pair})
        rows = self.reader._q(
            f"SELECT actor_country, recipient_country, CAST(date_trunc('month', {SERIES_DAY}) "
            "AS DATE) AS m, count(*) FROM events WHERE actor_country IN (SELECT unnest(?)) "
            "AND recipient_country IN (SELECT unnest(?)) AND date >= ? "
            f"AND date_precision IN ({_marks(MONTHLY)}) GROUP BY ALL",
            [sides, sides, since, *MONTHLY],
        )
        out: dict[tuple[str, str], dict[dt.date, int]] = {}
        for x, y, month, count in rows:
            key = (min(x, y), max(x, y))
            if key in pairs:
                counts = out.setdefault(key, {})
                counts[month] = counts.get(month, 0) + int(count)
        return out

    def document(self, doc_id: str) -> dict[str, Any] | None:
        """A document's details, its text (when the store holds it) and its coded mentions."""
        rows = self.reader._q(
            "SELECT doc_id, date, url, title, outlet, origin, n_mentions FROM documents "
            "WHERE doc_id = ?",
            [doc_id],
        )
        if not rows:
            return None
        keys = ("doc_id", "date", "url", "title", "outlet", "origin", "n_mentions")
        doc = dict(zip(keys, rows[0], strict=True))
        doc["text"] = self.texts([doc_id]).get(doc_id)
        mentions = self.reader._q(
            "SELECT mention_id, event_id, record FROM mentions WHERE doc_id = ? "
            "ORDER BY mention_id",
            [doc_id],
        )
        doc["mentions"] = [json.loads(r) | {"event_id": e} for _, e, r in mentions]
        return doc

    def texts(self, doc_ids: list[str]) -> dict[str, str]:
        """The stored text of each of these documents that has one."""
        if not self._has_texts():
            return {}
        rows = self.reader._q(
            "SELECT doc_id, text FROM document_texts WHERE doc_id IN (SELECT unnest(?))",
            [doc_ids],
        )
        return dict(rows)

    def search(self, words: str, limit: int = 50) -> list[dict[str, Any]]:
        """Mentions whose evidence holds every word of ``words`` (any case), newest first."""
        terms = [t for t in words.split() if t][:8]
        if not terms:
            return []
        cond = " AND ".join("contains(lower(ev), ?)" for _ in terms)
        rows = self.reader._q(
            "SELECT mention_id, event_id, doc_id, record FROM (SELECT mention_id, event_id, "
            "doc_id, date, record, json_extract_string(record, '$.evidence.text') AS ev "
            f"FROM mentions) WHERE {cond} ORDER BY date DESC NULLS LAST, mention_id LIMIT ?",
            [t.lower() for t in terms] + [limit],
        )
        out = []
        for mention_id, event_id, doc_id, record in rows:
            rec = json.loads(record)
            out.append({"mention_id": mention_id, "event_id": event_id, "doc_id": doc_id,
                        "event": rec.get("event"), "date": rec.get("date"),
                        "date_precision": rec.get("date_precision"),
                        "actor": (rec.get("actor") or {}).get("code"),
                        "recipient": (rec.get("recipient") or {}).get("code"),
                        "evidence": (rec.get("evidence") or {}).get("text") or ""})  # fmt: skip
        return out
