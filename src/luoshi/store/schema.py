"""The store's schema as named migrations, each applied once in its own transaction.

The schema version is the number of migrations applied; `schema_migrations` records
them. A migration is never edited once released: add a new one instead.
"""

from __future__ import annotations

from collections.abc import Callable

import duckdb

from luoshi.store.transaction import transaction

INITIAL_TABLES = """
CREATE TABLE documents (
    hash VARCHAR PRIMARY KEY,     -- content hash: the same text is stored once
    doc_id VARCHAR NOT NULL,      -- file stem or the input's id
    lang VARCHAR, title VARCHAR, published DATE, source VARCHAR, url VARCHAR,
    origin VARCHAR, text VARCHAR, search_text VARCHAR, warnings VARCHAR[],
    record JSON, ingested_at TIMESTAMP DEFAULT current_timestamp
);
CREATE TABLE events (
    event_id VARCHAR PRIMARY KEY, hash VARCHAR NOT NULL, doc_id VARCHAR, idx INTEGER,
    date DATE, date_text VARCHAR, date_basis VARCHAR, kind VARCHAR, host VARCHAR,
    jurisdiction VARCHAR, level VARCHAR, province VARCHAR, meeting_id VARCHAR
);
CREATE TABLE directives (
    directive_id VARCHAR PRIMARY KEY, kind VARCHAR, body VARCHAR, term INTEGER,
    session INTEGER, label VARCHAR, zh VARCHAR, date_end DATE, speaker VARCHAR, topic VARCHAR
);
CREATE TABLE event_directives (event_id VARCHAR, directive_id VARCHAR, lag_days INTEGER);
CREATE TABLE people (
    person_id VARCHAR PRIMARY KEY, name VARCHAR, zh VARCHAR, province VARCHAR,
    first_seen DATE, last_seen DATE
);
CREATE TABLE titles (
    event_id VARCHAR, person_id VARCHAR, post VARCHAR, org VARCHAR, jurisdiction VARCHAR,
    date DATE
);
CREATE TABLE participations (event_id VARCHAR, person_id VARCHAR, role VARCHAR);
CREATE TABLE mentions (event_id VARCHAR, name VARCHAR);
CREATE TABLE formulations (
    zh VARCHAR PRIMARY KEY, en VARCHAR, scope VARCHAR, category VARCHAR
);
CREATE TABLE formulation_uses (event_id VARCHAR, zh VARCHAR, count INTEGER);
CREATE TABLE tasks (event_id VARCHAR, list INTEGER, ordinal INTEGER, text VARCHAR);
CREATE TABLE credits (hash VARCHAR, name VARCHAR, role VARCHAR);
CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE fidelity (
    event_id VARCHAR, directive_id VARCHAR, echo DOUBLE, signature_size INTEGER,
    matched VARCHAR[], local VARCHAR[], tasks INTEGER
);
"""

MEETINGS_TABLE = """
CREATE TABLE meetings (
    meeting_id VARCHAR PRIMARY KEY, reports INTEGER, date DATE, host VARCHAR,
    jurisdiction VARCHAR, level VARCHAR, kind VARCHAR, explanation VARCHAR
);
CREATE TABLE minhashes (hash VARCHAR PRIMARY KEY, signature UBIGINT[]);
"""


def _initial(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(INITIAL_TABLES)


def _meetings(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(MEETINGS_TABLE)


def _search_index(con: duckdb.DuckDBPyConnection) -> None:
    """Postings written with each document replace DuckDB's full-text index, which had to
    be rebuilt over every document after each ingest; existing documents get theirs here."""
    from luoshi.store import search_index

    con.execute(search_index.SCHEMA)
    con.execute(search_index.RECENT_SCHEMA)  # where backfill writes (0005 for older 0003s)
    search_index.backfill(con)
    con.execute("DROP SCHEMA IF EXISTS fts_main_documents CASCADE")
    con.execute("DELETE FROM meta WHERE key = 'fts_documents'")
    # the column stays (DuckDB 1.5 cannot replay a DROP COLUMN from its write-ahead log),
    # empty: NULLs take no space
    con.execute("UPDATE documents SET search_text = NULL WHERE search_text IS NOT NULL")


KEYLESS_TABLES = {
    "documents": """
        hash VARCHAR NOT NULL, doc_id VARCHAR NOT NULL, lang VARCHAR, title VARCHAR,
        published DATE, source VARCHAR, url VARCHAR, origin VARCHAR, text VARCHAR,
        search_text VARCHAR, warnings VARCHAR[], record JSON,
        ingested_at TIMESTAMP DEFAULT current_timestamp""",
    "events": """
        event_id VARCHAR NOT NULL, hash VARCHAR NOT NULL, doc_id VARCHAR, idx INTEGER,
        date DATE, date_text VARCHAR, date_basis VARCHAR, kind VARCHAR, host VARCHAR,
        jurisdiction VARCHAR, level VARCHAR, province VARCHAR, meeting_id VARCHAR""",
    "meetings": """
        meeting_id VARCHAR NOT NULL, reports INTEGER, date DATE, host VARCHAR,
        jurisdiction VARCHAR, level VARCHAR, kind VARCHAR, explanation VARCHAR""",
}


def _keyless_big_tables(con: duckdb.DuckDBPyConnection) -> None:
    """The tables that grow with every report lose their primary-key indexes.

    DuckDB keeps such an index whole in memory and rewrites it at every checkpoint: at
    100,000 reports a checkpoint took 3 s and 370 MB, growing with the corpus. Keys stay
    unique without it: documents by the content-hash check before each batch (one writer
    at a time), events and meetings because they are derived from documents.
    """
    for table, columns in KEYLESS_TABLES.items():
        con.execute(f"CREATE TABLE {table}_0004 ({columns})")
        con.execute(f"INSERT INTO {table}_0004 SELECT * FROM {table}")
        con.execute(f"DROP TABLE {table}")
        con.execute(f"ALTER TABLE {table}_0004 RENAME TO {table}")
    con.execute("DROP TABLE IF EXISTS minhashes")  # never used: signatures are computed anew


def _sorted_search_terms(con: duckdb.DuckDBPyConnection) -> None:
    """Postings arrive in a table of their own and are merged, sorted by term, into
    search_terms (store/search_index.py: compact)."""
    from luoshi.store import search_index

    con.execute(search_index.RECENT_SCHEMA)


MIGRATIONS: list[tuple[str, Callable[[duckdb.DuckDBPyConnection], None]]] = [
    ("0001_initial", _initial),
    ("0002_meetings", _meetings),
    ("0003_search_index", _search_index),
    ("0004_keyless_big_tables", _keyless_big_tables),
    ("0005_sorted_search_terms", _sorted_search_terms),
]
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply the migrations not yet applied; return their names."""
    con.execute("CREATE TABLE IF NOT EXISTS schema_migrations (name VARCHAR PRIMARY KEY, "
                "applied_at TIMESTAMP DEFAULT current_timestamp)")
    done = {row[0] for row in con.execute("SELECT name FROM schema_migrations").fetchall()}
    applied = []
    for name, apply in MIGRATIONS:
        if name in done:
            continue
        with transaction(con):
            apply(con)
            con.execute("INSERT INTO schema_migrations (name) VALUES (?)", [name])
        applied.append(name)
    return applied


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    try:
        return int(con.execute("SELECT count(*) FROM schema_migrations").fetchone()[0])  # type: ignore[index]
    except duckdb.CatalogException:
        return 0
