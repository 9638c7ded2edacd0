"""The event store's tables (DuckDB).

``documents``  one row per ingested document, with the content hash that makes re-ingest a no-op
``mentions``   one row per coded event in one document, its full record (with evidence) as JSON
``document_texts`` the text each document was coded from (evidence offsets point into it)
``mention_links`` explicit response links between mentions (``in_response_to``)
``events``     merged events: one row per real event, keyed for dyad queries by
               (actor_country, recipient_country, date); ``record`` holds the merged contract
               record with its sources, ``merge`` why its mentions were merged

``actor_country``/``recipient_country`` hold the dyad key: the country, or the actor's own
code for an organisation without one (NATO, EU).
"""

from __future__ import annotations

import duckdb

SCHEMA_VERSION = 1

TABLES = {
    "meta": "CREATE TABLE IF NOT EXISTS meta (key VARCHAR, value VARCHAR)",
    "documents": """
        CREATE TABLE IF NOT EXISTS documents (
            doc_id VARCHAR NOT NULL, content_hash VARCHAR NOT NULL, date VARCHAR,
            url VARCHAR, title VARCHAR, outlet VARCHAR, language VARCHAR,
            origin VARCHAR, n_mentions INTEGER, ingested_at TIMESTAMP)""",
    "document_texts": """
        CREATE TABLE IF NOT EXISTS document_texts (doc_id VARCHAR NOT NULL, text VARCHAR)""",
    "mentions": """
        CREATE TABLE IF NOT EXISTS mentions (
            mention_id VARCHAR NOT NULL, doc_id VARCHAR NOT NULL, event_id VARCHAR,
            actor_country VARCHAR, recipient_country VARCHAR, date DATE, record VARCHAR)""",
    "mention_links": """
        CREATE TABLE IF NOT EXISTS mention_links (
            source_mention VARCHAR NOT NULL, target_mention VARCHAR NOT NULL)""",
    "events": """
        CREATE TABLE IF NOT EXISTS events (
            event_id VARCHAR NOT NULL, date DATE, date_str VARCHAR, date_precision VARCHAR,
            event VARCHAR, mode VARCHAR, quad_code TINYINT, intensity DOUBLE,
            actor_code VARCHAR, actor_country VARCHAR,
            recipient_code VARCHAR, recipient_country VARCHAR,
            n_sources INTEGER, confidence DOUBLE, record VARCHAR, merge VARCHAR)""",
}


def create(con: duckdb.DuckDBPyConnection) -> None:
    """Create any missing table; safe to run on an existing store."""
    for ddl in TABLES.values():
        con.execute(ddl)
    row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    if row is None:
        con.execute("INSERT INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])


def sort_events(con: duckdb.DuckDBPyConnection) -> None:
    """Rewrite ``events`` ordered by (actor_country, recipient_country, date).

    DuckDB keeps min/max per row group, so on sorted rows a dyad query reads only the few
    row groups that hold the dyad. Run inside the caller's transaction.
    """
    con.execute(
        "CREATE OR REPLACE TABLE events_sorted AS SELECT * FROM events "
        "ORDER BY actor_country, recipient_country, date, event_id"
    )
    con.execute("DROP TABLE events")
    con.execute("ALTER TABLE events_sorted RENAME TO events")
