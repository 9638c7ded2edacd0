"""Read-only queries on the event store: one event, a dyad's events and series, top dyads.

A side of a dyad is a country code (``RUS``: every actor of that country, all sectors), a
finer code (``RUSGOV``: actors whose code starts with it) or an organisation's own code
(``NATO``).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb

from ..actors.blocs import blocs_of
from ..errors import StoreError
from .connection import Connection, connect

READ_WAIT = 30.0  # seconds to wait for a writer to finish its commit

EVENT_FIELDS = (
    "event_id, date, date_str, date_precision, event, mode, quad_code, intensity, "
    "actor_code, actor_country, recipient_code, recipient_country, n_sources, confidence, record"
)


def side_filter(country_col: str, code_col: str, spec: str) -> tuple[str, list[str]]:
    """SQL condition (and its parameters) matching one side of a dyad."""
    spec = spec.strip().upper()
    if len(spec) <= 3:
        return f"{country_col} = ?", [spec]
    return (f"({country_col} = ? OR ({country_col} = ? AND starts_with({code_col}, ?)))",
            [spec, spec[:3], spec])  # fmt: skip


# Events sort by the middle of the time their date spans: "2022-07" after July 11, before July 20.
MIDPOINT = (
    "date + CASE date_precision WHEN 'year' THEN 182 WHEN 'month' THEN 14 WHEN 'week' THEN 3 "
    "ELSE 0 END"
)

# Which date precisions a series of each unit may count: a week-dated event (the seven days
# ending on its date) counts in a weekly series, a month-dated one only monthly, a year-dated
# one in none. A week-dated event (``date`` holds the first of its seven days) falls in the
# period holding the middle of its span.
SERIES_PRECISIONS = {"week": ["day", "week"], "month": ["day", "week", "month"]}
SERIES_DAY = "date + CASE WHEN date_precision = 'week' THEN 3 ELSE 0 END"


def via_blocs(spec: str) -> list[str]:
    """The blocs a dyad side given as a country code belongs to; none for a finer code."""
    spec = spec.strip().upper()
    return blocs_of(spec) if len(spec) == 3 else []


def record_from_row(row: tuple[Any, ...]) -> dict[str, Any]:
    """The contract record of an events row (built from its columns when it has no record)."""
    (event_id, _date, date_str, precision, event, mode, quad, intensity, actor_code,
     actor_country, recipient_code, recipient_country, n_sources, confidence, record) = row  # fmt: skip
    if record:
        return json.loads(record)  # type: ignore[no-any-return]

    def actor(code: str | None, country: str | None) -> dict[str, Any] | None:
        if code is None:
            return None
        return {"text": code, "code": code, "country": country, "sector": code[3:] or None,
                "name": None, "wikidata": None}  # fmt: skip

    return {
        "id": event_id, "doc_id": None, "date": date_str, "date_precision": precision,
        "event": event, "mode": mode, "context": [], "actor": actor(actor_code, actor_country),
        "recipient": actor(recipient_code, recipient_country), "event_text": "",
        "evidence": None, "event_loc": None, "quantities": [], "factuality": "asserted",
        "stated_reason": None, "in_response_to": [], "quad_code": quad, "intensity": intensity,
        "cameo": None, "confidence": confidence, "sources": [], "coder": "",
        "corroboration": n_sources,
    }  # fmt: skip


def _union(parts: list[tuple[str, str, list[Any]]], select: str,
           extra: list[Any] | None = None) -> tuple[str, list[Any]]:  # fmt: skip
    """The parts of a dyad query as one UNION ALL, each tagged with its index as ``direction``.

    ``select`` is the text after ``SELECT ? AS direction,`` with ``{where}`` for the part's
    condition; ``extra`` are the values of placeholders ``select`` has after it. The index and
    every value are bound parameters.
    """
    sql = " UNION ALL ".join(
        "SELECT CAST(? AS INTEGER) AS direction, " + select.format(where=where)
        for _, where, _ in parts
    )
    params = [p for i, (_, _, ps) in enumerate(parts) for p in [i, *ps, *(extra or [])]]
    return sql, params


class StoreReader(Connection):
    """A read-only connection to a store; many readers may be open while nobody writes."""

    def __init__(self, path: Path | str):
        """Open ``path`` read-only, waiting up to READ_WAIT s while a writer commits."""
        self.path = Path(path)
        if not self.path.exists():
            raise StoreError(f"{self.path}: no store here (create one with `dyadwatch ingest`)")
        self.con = connect(self.path, read_only=True, wait=READ_WAIT)

    def _q(self, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
        try:
            return self.con.execute(sql, params or []).fetchall()
        except duckdb.Error as e:
            raise StoreError(f"{self.path}: query failed ({e})") from e

    def counts(self) -> dict[str, int]:
        """Rows in each table."""
        return {t: self._q(f"SELECT count(*) FROM {t}")[0][0]
                for t in ("documents", "mentions", "events")}  # fmt: skip

    def resolve_id(self, some_id: str) -> str | None:
        """The merged event id for an event id or a mention id; None if unknown."""
        rows = self._q("SELECT event_id FROM events WHERE event_id = ? LIMIT 1", [some_id])
        if not rows:
            rows = self._q("SELECT event_id FROM mentions WHERE mention_id = ? LIMIT 1", [some_id])
        return rows[0][0] if rows else None

    def event(self, some_id: str) -> dict[str, Any] | None:
        """The merged record of an event (given its id or one of its mention ids)."""
        event_id = self.resolve_id(some_id)
        if event_id is None:
            return None
        rows = self._q(f"SELECT {EVENT_FIELDS} FROM events WHERE event_id = ?", [event_id])
        if not rows:
            return None
        record = record_from_row(rows[0])
        links = self.explicit_links([event_id])
        record["in_response_to"] = [t for s, t in links if s == event_id]
        return record

    def mentions_of(self, event_id: str) -> list[dict[str, Any]]:
        """Each mention of a merged event with its document's url, outlet and title."""
        rows = self._q(
            "SELECT m.record, d.url, d.outlet, d.title, d.date FROM mentions m "
            "LEFT JOIN documents d USING (doc_id) WHERE m.event_id = ? ORDER BY m.doc_id, m.mention_id",
            [event_id],
        )
        out = []
        for record, url, outlet, title, date in rows:
            rec = json.loads(record)
            rec["document"] = {"url": url, "outlet": outlet, "title": title, "date": date}
            out.append(rec)
        return out

    def explicit_links(self, event_ids: list[str]) -> list[tuple[str, str]]:
        """(responding event, event responded to) pairs from the text, for these sources."""
        if not event_ids:
            return []
        rows = self._q(
            "SELECT DISTINCT s.event_id, t.event_id FROM mention_links l "
            "JOIN mentions s ON s.mention_id = l.source_mention "
            "JOIN mentions t ON t.mention_id = l.target_mention "
            "WHERE s.event_id IN (SELECT unnest(?)) AND s.event_id <> t.event_id ORDER BY 1, 2",
            [event_ids],
        )
        return [(s, t) for s, t in rows]

    def _dyad_parts(self, a: str, b: str, start: dt.date | None, end: dt.date | None,
                    ) -> list[tuple[str, str, list[Any]]]:  # fmt: skip
        """(direction label, WHERE clause, params) for A→B and B→A.

        The label never enters the SQL text: queries select the part's index as a bound
        parameter and callers turn it into the label in Python.

        A's dealings with a bloc B belongs to (``actors/data/blocs.tsv``) count as A→B, and the
        bloc's with A as B→A; only for sides given as a country code.
        """
        out = []
        for x, y in ((a, b), (b, a)):
            fx, px = side_filter("actor_country", "actor_code", x)
            fy, py = side_filter("recipient_country", "recipient_code", y)
            where, params = f"({fx} AND {fy})", px + py
            bx, by = via_blocs(x), via_blocs(y)
            if by:
                where += f" OR ({fx} AND recipient_country IN ({', '.join('?' * len(by))}))"
                params += px + by
            if bx:
                where += f" OR (actor_country IN ({', '.join('?' * len(bx))}) AND {fy})"
                params += bx + py
            where = f"({where})"
            if start:
                where, params = where + " AND date >= ?", params + [start]
            if end:
                where, params = where + " AND date <= ?", params + [end]
            out.append((f"{x.upper()}>{y.upper()}", where, params))
        return out

    def dyad_events(self, a: str, b: str, start: dt.date | None = None, end: dt.date | None = None,
                    limit: int = 0) -> tuple[list[dict[str, Any]], int]:  # fmt: skip
        """Events both ways in time order, each with a ``direction``; and how many there are.

        ``limit`` > 0 keeps the latest ``limit`` events (still in time order).
        """
        parts = self._dyad_parts(a, b, start, end)
        # the latest keys are picked first and only those rows read whole, so the sort never
        # carries the large ``record`` column (a window count would defeat the top-N sort)
        union, params = _union(parts, f"event_id, {MIDPOINT} AS mid FROM events WHERE {{where}}")
        total = self._q(f"SELECT count(*) FROM ({union})", params)[0][0]
        sql = f"SELECT direction, event_id, mid FROM ({union}) ORDER BY mid DESC, event_id DESC"
        if limit > 0:
            sql, params = sql + " LIMIT ?", params + [int(limit)]
        keys = self._q(sql, params)[::-1]
        by_id = self._rows_of(parts, keys)
        sides = [(x.strip().upper(), y.strip().upper()) for x, y in ((a, b), (b, a))]
        blocs = {side: set(via_blocs(side)) for side in sides[0]}
        events = []
        for direction, event_id, _ in keys:
            row = by_id[(direction, event_id)]
            rec = record_from_row(row[1:])
            rec["direction"] = parts[row[0]][0]
            x, y = sides[row[0]]
            actor_key, recipient_key = row[10], row[12]
            if recipient_key != y and recipient_key in blocs[y]:
                rec["via"] = recipient_key
            elif actor_key != x and actor_key in blocs[x]:
                rec["via"] = actor_key
            events.append(rec)
        return events, total

    def _rows_of(self, parts: list[tuple[str, str, list[Any]]],
                 keys: list[tuple[Any, ...]]) -> dict[tuple[int, str], tuple[Any, ...]]:  # fmt: skip
        """The whole rows of the (direction, event id, midpoint) ``keys``, by (direction, id).

        Read through the dyad's own conditions and from the earliest date the keys can have
        (a midpoint lies at most half a year after its date), so the store's sort order lets
        the scan skip the rest of the table."""
        if not keys:
            return {}
        ids = list({k[1] for k in keys})
        mids = [k[2] for k in keys]
        select = f"{EVENT_FIELDS} FROM events WHERE {{where}} AND event_id IN (SELECT unnest(?))"
        extra: list[Any] = [ids]
        if all(m is not None for m in mids):
            select += " AND date >= ?"
            extra.append(min(mids) - dt.timedelta(days=183))
        union, params = _union(parts, select, extra)
        return {(row[0], row[1]): row for row in self._q(union, params)}

    def dyad_periods(self, a: str, b: str, start: dt.date | None = None,
                     end: dt.date | None = None) -> list[tuple[Any, ...]]:  # fmt: skip
        """Rows (week, month, direction, quad, count, intensity sum, conflict sum) for a dyad.

        One grouped scan serves both series: ``week`` (its Monday) is None for events dated
        only to the month, which count in ``month`` alone; year-dated events are left out
        (``SERIES_PRECISIONS``). Conflict is the summed magnitude of negative intensity of
        quad 3 and 4 events.
        """
        parts = self._dyad_parts(a, b, start, end)
        monthly, weekly = SERIES_PRECISIONS["month"], SERIES_PRECISIONS["week"]
        union, params = _union(
            parts,
            f"{SERIES_DAY} AS date, date_precision, quad_code, intensity FROM events "
            f"WHERE {{where}} AND date IS NOT NULL "
            f"AND date_precision IN ({', '.join('?' * len(monthly))})",
            monthly,
        )
        rows = self._q(
            f"SELECT CASE WHEN date_precision IN ({', '.join('?' * len(weekly))}) "
            "THEN CAST(date_trunc('week', date) AS DATE) END AS week, "
            "CAST(date_trunc('month', date) AS DATE) AS month, direction, quad_code, "
            "count(*), coalesce(sum(intensity), 0), "
            "coalesce(sum(CASE WHEN quad_code >= 3 THEN greatest(-intensity, 0) END), 0) "
            f"FROM ({union}) GROUP BY ALL",
            [*weekly, *params],
        )
        labelled = [(week, month, parts[i][0], *rest) for week, month, i, *rest in rows]
        return sorted(labelled, key=lambda r: (r[1], r[0] is not None, r[0] or r[1], r[2],
                                               r[3] is not None, r[3] or 0))  # fmt: skip

    def top_dyads(self, n: int = 10, weeks: int = 8) -> list[dict[str, Any]]:
        """The most active undirected dyads, with weekly counts over the last ``weeks`` weeks.

        The weekly counts take only events dated to the day or the week.
        """
        rows = self._q(
            "WITH d AS (SELECT least(actor_country, recipient_country) AS a, "
            f"greatest(actor_country, recipient_country) AS b, {SERIES_DAY} AS date, intensity, "
            "date_precision IN ('day', 'week') AS weekly FROM events "
            "WHERE recipient_country IS NOT NULL AND actor_country IS NOT NULL "
            "AND actor_country <> recipient_country), "
            "last AS (SELECT CAST(date_trunc('week', max(date)) AS DATE) AS w FROM d) "
            "SELECT a, b, count(*) AS n, coalesce(sum(intensity), 0) AS intensity, "
            "list(CAST(date_trunc('week', date) AS DATE)) "
            "FILTER (weekly AND date >= (SELECT w FROM last) - to_days(?)) "
            "FROM d GROUP BY a, b ORDER BY n DESC, a, b LIMIT ?",
            [int(weeks) * 7 - 7, int(n)],
        )
        last = self._q("SELECT CAST(date_trunc('week', max(date)) AS DATE) FROM events")[0][0]
        out = []
        for a, b, count, intensity, recent in rows:
            weekly = [0] * weeks
            for w in recent or []:
                idx = weeks - 1 - (last - w).days // 7
                if 0 <= idx < weeks:
                    weekly[idx] += 1
            out.append({"dyad": [a, b], "events": count, "intensity": round(intensity, 2),
                        "weekly": weekly, "last_week": last.isoformat() if last else None})  # fmt: skip
        return out

    def iter_records(self, batch: int = 10_000) -> Iterator[dict[str, Any]]:
        """Every merged event record, in (date, id) order, with resolved response links."""
        links: dict[str, list[str]] = {}
        for s, t in self._q(
            "SELECT DISTINCT s.event_id, t.event_id FROM mention_links l "
            "JOIN mentions s ON s.mention_id = l.source_mention "
            "JOIN mentions t ON t.mention_id = l.target_mention WHERE s.event_id <> t.event_id "
            "ORDER BY 1, 2"
        ):
            links.setdefault(s, []).append(t)
        cur = self.con.cursor()
        cur.execute(f"SELECT {EVENT_FIELDS} FROM events ORDER BY date, event_id")
        while rows := cur.fetchmany(batch):
            for row in rows:
                rec = record_from_row(row)
                if rec["id"] in links or rec.get("in_response_to"):
                    rec["in_response_to"] = links.get(rec["id"], [])
                yield rec
