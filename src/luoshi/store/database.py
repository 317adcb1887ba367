"""A luoshi database: open, migrate, ingest records in transactions, and ask questions.

Writes happen in batches, one transaction each: an interrupted run leaves whole
documents or none. Documents are keyed by the hash of their text, so ingesting the
same report again adds nothing.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from luoshi.errors import LuoshiError
from luoshi.store.rows import People, PersonRow, Rows, add_record
from luoshi.store.schema import migrate, schema_version

COLUMNS = {
    "documents": ["hash", "doc_id", "lang", "title", "published", "source", "url", "origin",
                  "text", "search_text", "warnings", "record"],
    "events": ["event_id", "hash", "doc_id", "idx", "date", "date_text", "date_basis", "kind",
               "host", "jurisdiction", "level", "province", "meeting_id"],
    "directives": ["directive_id", "kind", "body", "term", "session", "label", "zh", "date_end",
                   "speaker", "topic"],
    "event_directives": ["event_id", "directive_id", "lag_days"],
    "titles": ["event_id", "person_id", "post", "org", "jurisdiction", "date"],
    "participations": ["event_id", "person_id", "role"],
    "mentions": ["event_id", "name"],
    "formulations": ["zh", "en", "scope", "category"],
    "formulation_uses": ["event_id", "zh", "count"],
    "tasks": ["event_id", "list", "ordinal", "text"],
    "credits": ["hash", "name", "role"],
    "fidelity": ["event_id", "directive_id", "echo", "signature_size", "matched", "local",
                 "tasks"],
    "people": ["person_id", "name", "zh", "province", "first_seen", "last_seen"],
}
TYPES = {"published": "DATE", "date": "DATE", "date_end": "DATE", "first_seen": "DATE",
         "last_seen": "DATE", "idx": "INTEGER", "term": "INTEGER", "session": "INTEGER",
         "lag_days": "INTEGER", "count": "INTEGER", "list": "INTEGER", "ordinal": "INTEGER",
         "echo": "DOUBLE", "signature_size": "INTEGER", "tasks": "INTEGER",
         "warnings": "VARCHAR[]", "matched": "VARCHAR[]", "local": "VARCHAR[]",
         "record": "JSON"}
UPSERT_TABLES = ("directives", "formulations")  # shared by many documents: insert if new


@dataclass
class IngestCounts:
    stored: int = 0
    skipped: int = 0

    def __iadd__(self, other: IngestCounts) -> IngestCounts:
        self.stored += other.stored
        self.skipped += other.skipped
        return self


def fts_extension_path() -> str | None:
    """The full-text extension shipped by the duckdb-extension-fts package, if installed."""
    try:
        import duckdb_extension_fts
    except ImportError:
        return None
    folder = Path(duckdb_extension_fts.__file__).parent / "extensions" / f"v{duckdb.__version__}"
    path = folder / "fts.duckdb_extension"
    return str(path) if path.exists() else None


class Database:
    def __init__(self, path: str | os.PathLike[str], read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise LuoshiError("L040", self.path, reason=str(exc).splitlines()[0]) from exc
        if not read_only:
            migrate(self.con)
        elif schema_version(self.con) == 0:
            raise LuoshiError("L040", self.path, reason="not a luoshi database (no schema)")
        self._people: People | None = None

    # -- writing --------------------------------------------------------------------

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def known_hashes(self, hashes: list[str]) -> set[str]:
        if not hashes:
            return set()
        rows = self.con.execute("SELECT hash FROM documents WHERE hash IN (SELECT unnest(?))",
                                [hashes]).fetchall()
        return {r[0] for r in rows}

    def _people_index(self) -> People:
        if self._people is None:
            rows = self.con.execute("SELECT person_id, name, zh, province, CAST(first_seen AS "
                                    "VARCHAR), CAST(last_seen AS VARCHAR) FROM people").fetchall()
            self._people = People([PersonRow(*row) for row in rows])
        return self._people

    def store_batch(self, items: Iterable[tuple[dict[str, Any], str, str]]) -> IngestCounts:
        """Store (record, text, origin) items in one transaction; known texts are skipped."""
        batch = list(items)
        counts = IngestCounts()
        known = self.known_hashes([record["content_hash"] for record, _, _ in batch])
        rows = Rows()
        people = self._people_index()
        seen: set[str] = set()
        for record, text, origin in batch:
            digest = record["content_hash"]
            if digest in known or digest in seen:
                counts.skipped += 1
                continue
            seen.add(digest)
            add_record(rows, record, text, origin, people)
            counts.stored += 1
        touched = people.take_touched()
        if counts.stored:
            self._write(rows, touched)
        return counts

    def _write(self, rows: Rows, people: list[PersonRow]) -> None:
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            for table in COLUMNS:
                if table == "people":
                    data = [(p.person_id, p.name, p.zh, p.province, p.first_seen, p.last_seen)
                            for p in people]
                    self._insert(table, data, "OR REPLACE")
                    continue
                data = getattr(rows, table)
                if isinstance(data, dict):
                    self._insert(table, list(data.values()), "OR IGNORE")
                else:
                    self._insert(table, data, "")
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            self._people = None  # the in-memory index may hold rows that were rolled back
            raise

    def _insert(self, table: str, data: list[tuple[Any, ...]], mode: str) -> None:
        if not data:
            return
        columns = COLUMNS[table]
        frame = pd.DataFrame(data, columns=columns)
        name = f"_luoshi_{table}"
        self.con.register(name, frame)
        try:
            casts = ", ".join(f"CAST({c} AS {TYPES[c]})" if c in TYPES else c for c in columns)
            self.con.execute(f"INSERT {mode} INTO {table} ({', '.join(columns)}) "
                             f"SELECT {casts} FROM {name}")
        finally:
            self.con.unregister(name)

    def set_meta(self, key: str, value: str) -> None:
        self.con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [key, value])

    def get_meta(self, key: str) -> str | None:
        row = self.con.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    def build_search_index(self) -> bool:
        """(Re)build the full-text index over documents; False when FTS is unavailable."""
        path = fts_extension_path()
        if path is None:
            return False
        self.con.execute(f"LOAD '{path}'")
        # RE2 takes no \u escapes: the CJK range is written with its own characters
        self.con.execute("PRAGMA create_fts_index('documents', 'hash', 'search_text', "
                         "stemmer='porter', stopwords='english', "
                         "ignore='(\\.|[^a-z0-9\u4e00-\u9fff])+', "
                         "strip_accents=1, lower=1, overwrite=1)")
        count = self.con.execute("SELECT count(*) FROM documents").fetchone()
        self.set_meta("fts_documents", str(count[0] if count else 0))
        return True

    def counts(self) -> dict[str, int]:
        tables = ["documents", "events", "people", "directives", "formulation_uses", "meetings"]
        result = {}
        for table in tables:
            row = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()
            result[table] = int(row[0]) if row else 0
        return result


def open_database(path: str | os.PathLike[str] = "luoshi.duckdb",
                  read_only: bool = False) -> Database:
    return Database(path, read_only=read_only)
