"""A synthetic event store for speed tests: millions of merged events, built in seconds.

Random columns come from ``numpy.random.default_rng(seed)`` in chunks, go to DuckDB as Arrow
tables, and the events table is then written once, sorted by
(actor_country, recipient_country, date) like a real store after ``optimize``. No Python
loop runs per row. Country activity is skewed (Zipf-like) so a few dyads are very busy, as
in real news coverage. A few organisations (NATO, the EU, the CIS ...) act and are acted on
too, so dyad queries also meet the events that run through a bloc.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa

from ..errors import StoreError
from . import schema

COUNTRIES = (
    "USA", "RUS", "CHN", "UKR", "GBR", "FRA", "DEU", "IRN", "ISR", "TUR", "IND", "PAK", "KAZ",
    "JPN", "KOR", "PRK", "SAU", "SYR", "IRQ", "EGY", "POL", "BLR", "GEO", "ARM", "AZE", "VEN",
    "BRA", "MEX", "CAN", "AUS", "NGA", "ETH", "SDN", "LBY", "AFG", "UZB", "KGZ", "TJK", "MDA",
    "SRB", "NATO", "EU", "UN", "CIS", "G7", "SCO", "CSTO",
)  # fmt: skip
# PLOVER type, quad class, typical intensity
TYPES = (
    ("AGREE", 1, 4.0), ("CONSULT", 1, 2.0), ("SUPPORT", 1, 3.0), ("CONCEDE", 1, 4.5),
    ("COOPERATE", 2, 5.0), ("AID", 2, 7.0), ("RETREAT", 2, 3.0), ("REQUEST", 1, 1.0),
    ("ACCUSE", 3, -2.0), ("REJECT", 3, -4.0), ("THREATEN", 3, -6.0), ("PROTEST", 3, -3.0),
    ("SANCTION", 4, -5.0), ("MOBILIZE", 4, -6.5), ("COERCE", 4, -7.0), ("ASSAULT", 4, -9.0),
)  # fmt: skip
SECTORS = ("", "GOV", "MIL")
START = dt.date(2015, 1, 1)
DAYS = 3652


def _chunk(rng: np.random.Generator, first: int, size: int) -> pa.Table:
    n = len(COUNTRIES)
    weights = 1.0 / np.arange(1, n + 1)
    weights /= weights.sum()
    actor = rng.choice(n, size=size, p=weights)
    recipient = rng.choice(n, size=size, p=weights)
    recipient = np.where(recipient == actor, (recipient + 1) % n, recipient)
    kind = rng.integers(0, len(TYPES), size=size)
    base = np.array([t[2] for t in TYPES])[kind]
    intensity = np.clip(base + rng.normal(0, 1.0, size=size), -10, 10).round(1)
    return pa.table({
        "n": pa.array(np.arange(first, first + size, dtype=np.int64)),
        "actor": pa.array(actor.astype(np.int16)), "recipient": pa.array(recipient.astype(np.int16)),
        "actor_sector": pa.array(rng.integers(0, len(SECTORS), size=size).astype(np.int8)),
        "recipient_sector": pa.array(rng.integers(0, len(SECTORS), size=size).astype(np.int8)),
        "day": pa.array(rng.integers(0, DAYS, size=size).astype(np.int32)),
        "kind": pa.array(kind.astype(np.int8)), "intensity": pa.array(intensity),
        "n_sources": pa.array(rng.integers(1, 4, size=size).astype(np.int32)),
    })  # fmt: skip


def build_synthetic_store(path: Path, n_events: int = 10_000_000, seed: int = 42,
                          chunk: int = 1_000_000) -> int:  # fmt: skip
    """Create a store at ``path`` (which must not exist) holding ``n_events`` random events.

    Returns the number of events written.
    """
    if path.exists():
        raise StoreError(f"{path}: already exists; remove it or choose another path")
    rng = np.random.default_rng(seed)
    con = duckdb.connect(str(path))
    try:
        schema.create(con)
        con.execute(
            "CREATE TEMP TABLE raw (n BIGINT, actor SMALLINT, recipient SMALLINT, actor_sector "
            "TINYINT, recipient_sector TINYINT, day INTEGER, kind TINYINT, intensity DOUBLE, "
            "n_sources INTEGER)"
        )
        for first in range(0, n_events, chunk):
            con.register("_chunk", _chunk(rng, first, min(chunk, n_events - first)))
            con.execute("INSERT INTO raw SELECT * FROM _chunk")
            con.unregister("_chunk")
        con.register(
            "_countries", pa.table({"i": list(range(len(COUNTRIES))), "code": list(COUNTRIES)})
        )
        con.register("_types", pa.table({"i": list(range(len(TYPES))), "event": [t[0] for t in TYPES],
                                         "quad": [t[1] for t in TYPES]}))  # fmt: skip
        con.register(
            "_sectors", pa.table({"i": list(range(len(SECTORS))), "sector": list(SECTORS)})
        )
        con.execute("DROP TABLE events")
        con.execute(f"""
            CREATE TABLE events AS
            SELECT 'syn-' || lpad(CAST(r.n AS VARCHAR), 9, '0') AS event_id,
                   DATE '{START.isoformat()}' + r.day AS date,
                   CAST(DATE '{START.isoformat()}' + r.day AS VARCHAR) AS date_str,
                   'day' AS date_precision, t.event, NULL::VARCHAR AS mode,
                   CAST(t.quad AS TINYINT) AS quad_code, r.intensity,
                   a.code || sa.sector AS actor_code, a.code AS actor_country,
                   b.code || sb.sector AS recipient_code, b.code AS recipient_country,
                   r.n_sources, CAST(0.8 AS DOUBLE) AS confidence, NULL::VARCHAR AS record, NULL::VARCHAR AS merge
            FROM raw r JOIN _countries a ON a.i = r.actor JOIN _countries b ON b.i = r.recipient
            JOIN _types t ON t.i = r.kind JOIN _sectors sa ON sa.i = r.actor_sector
            JOIN _sectors sb ON sb.i = r.recipient_sector
            ORDER BY actor_country, recipient_country, date, event_id""")
        con.execute("DROP TABLE raw")
        con.execute("CHECKPOINT")
        return con.execute("SELECT count(*) FROM events").fetchone()[0]  # type: ignore[index]
    except duckdb.Error as e:
        raise StoreError(f"{path}: building the synthetic store failed ({e})") from e
    finally:
        con.close()
