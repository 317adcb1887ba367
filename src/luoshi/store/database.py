"""A luoshi database: open, migrate, ingest records in transactions, and ask questions.

Writes happen in batches, one transaction each: an interrupted run leaves whole
documents or none. Documents are keyed by the hash of their text, so ingesting the
same report again adds nothing.

DuckDB lets one process write a file or many read it, never both at once. A Database
opened with `exclusive=False` (what `luoshi ingest` does) lets go of the file between
batches when another process wants it: a process that finds the file locked touches
`<file>.knock` (see `knock`), and the writer, which looks at that file's time after each
batch and while idle, closes the file for it. Nobody knocking, the writer keeps the file
(reopening it replays DuckDB's log, a fifth of a second per opening late in a long
ingest), though never more than `MAX_HOLD_SECONDS`. Every opening waits up to
`lock_timeout` seconds for the other side to let go (`connect_readonly` is the readers'
way in) and then fails with one clear line.
"""

from __future__ import annotations

import contextlib
import os
import re
import threading
import time
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from luoshi.errors import DatabaseBusy, LuoshiError
from luoshi.store import search_index
from luoshi.store.rows import People, PersonRow, Rows, add_record
from luoshi.store.schema import migrate, schema_version
from luoshi.store.transaction import transaction

COLUMNS = {
    "documents": ["hash", "doc_id", "lang", "title", "published", "source", "url", "origin",
                  "text", "warnings", "record"],
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
DEFAULT_LOCK_TIMEOUT = 10.0  # seconds to wait for another process to let go of the file
FIRST_PAUSE = 0.01  # seconds between attempts to open a locked file, doubling up to the next
LONGEST_PAUSE = 0.04  # shorter than READER_GAP, so that a waiting reader gets its turn
DEFAULT_DUCKDB_MEMORY = "256MB"  # a writer's; LUOSHI_DUCKDB_MEMORY overrides it
BIG_QUERY_MEMORY = "384MB"  # the end-of-ingest queries'; LUOSHI_DUCKDB_BIG_MEMORY overrides it
WRITER_THREADS = 1  # a writer's DuckDB threads: a batch's inserts gain nothing from more, and
# their threads took CPU from the extracting workers (main process 686 against 822 us of
# CPU a report); the end-of-ingest steps ask for every core (`big_queries`)
HOLD_SECONDS = 0.25  # a knocked-at writer still keeps the file this long across units of
HOLD_PER_OPENING = 2.0  # work, and at least this many times as long as opening it took (the
# log's replay): however often readers knock, writing takes two thirds of the time or more
MAX_HOLD_SECONDS = 5.0  # and, knocked at or not, lets it go after this long (for processes
# that cannot write the knock file)
READER_GAP = 0.05  # then leaves it to the others this long before taking it again
IDLE_SECONDS = 0.05  # an idle writer looks for a knock this often (the next batch is being
# extracted) and lets the file go at once when it finds one
KNOCK_SUFFIX = ".knock"
LOCK_HOLDER = re.compile(r"held in (.*?\(PID \d+\))")  # in DuckDB's lock conflict message
PEOPLE_GENERATION = "people_generation"  # meta key changed by every write of people rows


@dataclass
class IngestCounts:
    stored: int = 0
    skipped: int = 0

    def __iadd__(self, other: IngestCounts) -> IngestCounts:
        self.stored += other.stored
        self.skipped += other.skipped
        return self


def _config(read_only: bool) -> dict[str, str | bool | int | float | list[str]]:
    """DuckDB settings. A writer's cache is bounded (by default DuckDB takes 80% of the
    machine's memory for it, which a long ingest fills with blocks it will not read
    again) and so are its threads; readers keep DuckDB's defaults, which analyses over
    millions of rows need."""
    if read_only:
        return {}
    return {"memory_limit": os.environ.get("LUOSHI_DUCKDB_MEMORY", DEFAULT_DUCKDB_MEMORY),
            "threads": WRITER_THREADS}


def _big_query_memory() -> str:
    return os.environ.get("LUOSHI_DUCKDB_BIG_MEMORY", BIG_QUERY_MEMORY)


def _is_lock_conflict(exc: duckdb.Error) -> bool:
    return "could not set lock" in str(exc).lower()


def knock(path: str) -> None:
    """Ask the process that holds `path` to let go of it at its next pause."""
    with contextlib.suppress(OSError):  # a folder we may not write to: the holder lets go
        Path(path + KNOCK_SUFFIX).touch()  # after MAX_HOLD_SECONDS


def knocked_since(path: str, since: float) -> bool:
    """Whether someone knocked at `path` after `since` (seconds since the epoch)."""
    try:
        return Path(path + KNOCK_SUFFIX).stat().st_mtime >= since
    except OSError:
        return False


def _connect(path: str, read_only: bool, timeout: float) -> duckdb.DuckDBPyConnection:
    """A connection to `path`, retried while another process holds a conflicting lock
    (knocking, so that a writer between batches lets go)."""
    deadline = time.monotonic() + timeout
    pause = FIRST_PAUSE
    while True:
        try:
            return duckdb.connect(path, read_only=read_only, config=_config(read_only))
        except duckdb.Error as exc:
            reason = str(exc).splitlines()[0]
            if not _is_lock_conflict(exc):
                raise LuoshiError("L040", path, reason=reason) from exc
            knock(path)
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                holder = LOCK_HOLDER.search(reason)
                raise DatabaseBusy("L046", path, seconds=f"{timeout:g}",
                                   holder=holder.group(1) if holder else "another process",
                                   ) from exc
            time.sleep(min(pause, remaining))
            pause = min(pause * 2, LONGEST_PAUSE)


def connect_readonly(path: str | os.PathLike[str],
                     timeout: float = DEFAULT_LOCK_TIMEOUT) -> duckdb.DuckDBPyConnection:
    """A read-only connection to a luoshi database, for one unit of work: close it after.

    While `luoshi ingest` writes a batch the file is locked; this retries for up to
    `timeout` seconds, then raises DatabaseBusy (L046). A missing file or one that is not
    a luoshi database raises LuoshiError (L040) at once.
    """
    name = str(path)
    if not Path(name).is_file():
        raise LuoshiError("L040", name, reason="no such database file")
    con = _connect(name, read_only=True, timeout=timeout)
    if schema_version(con) == 0:
        con.close()
        raise LuoshiError("L040", name, reason="not a luoshi database (no schema)")
    return con


class Database:
    """A database file. Exclusive (the default) keeps it open until closed; otherwise it
    is opened for units of work (`holding`) and let go when another process knocks: at
    the end of a unit of work (once it has held the file `HOLD_SECONDS`, and twice as
    long as opening it took, as opening costs a log replay) or, while idle between units,
    within `IDLE_SECONDS`. It lets go after
    `MAX_HOLD_SECONDS` in any case, and leaves the others a gap of `READER_GAP` seconds
    before it takes the file again."""

    def __init__(self, path: str | os.PathLike[str], read_only: bool = False, *,
                 exclusive: bool = True, lock_timeout: float = DEFAULT_LOCK_TIMEOUT) -> None:
        self.path = str(path)
        self.read_only = read_only
        self.exclusive = exclusive
        self.lock_timeout = lock_timeout
        self._con: duckdb.DuckDBPyConnection | None = None
        self._depth = 0  # nested `holding` blocks
        self._opened_at = 0.0
        self._opened_wall = 0.0  # the same instant, on the clock of the knock file's time
        self._hold = HOLD_SECONDS  # how long to keep the file once knocked at
        self._released_at: float | None = None
        self._state = threading.Lock()  # the idle timer's thread releases too
        self._idle: threading.Timer | None = None
        self._people: People | None = None
        self._people_generation: str | None = None
        with self.holding():
            pass  # open once now: a bad path or a locked file fails here, not mid-run

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        """The open connection, opened (waiting for the lock if need be) when it is not."""
        with self._state:
            self._cancel_idle()  # in use: not to be closed under the caller's feet
        if self._con is None:
            if self._released_at is not None:  # readers' turn first
                time.sleep(max(0.0, self._released_at + READER_GAP - time.monotonic()))
            self._opened_wall = time.time()
            started = time.monotonic()
            self._con = self._open()
            self._opened_at = time.monotonic()
            self._hold = max(HOLD_SECONDS, HOLD_PER_OPENING * (self._opened_at - started))
        return self._con

    def _open(self) -> duckdb.DuckDBPyConnection:
        if self.read_only:
            return connect_readonly(self.path, self.lock_timeout)
        con = _connect(self.path, read_only=False, timeout=self.lock_timeout)
        try:
            if not self.exclusive:
                # closing must stay cheap: a checkpoint at each close cost more than the
                # log's replay at the next opening (7.2 against 6.3 CPU seconds to store
                # 10,000 reports), so the log is left for DuckDB to checkpoint when it
                # passes checkpoint_threshold, and `checkpoint` ends the run
                con.execute("PRAGMA disable_checkpoint_on_shutdown")
            if migrate(con):
                # schema changes go into the file at once, not into the log for the next
                # opening to replay (DuckDB 1.5 fails to replay some of them)
                con.execute("CHECKPOINT")
            if self._people is not None and self._meta(con, PEOPLE_GENERATION) != (
                    self._people_generation):
                self._people = None  # another process wrote people since: reload them
        except Exception:
            con.close()
            raise
        return con

    @contextmanager
    def holding(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """The connection for one unit of work; a non-exclusive Database lets go after it."""
        with self._state:
            self._depth += 1
        try:
            yield self.con
        finally:
            with self._state:
                self._depth -= 1
                if not self.exclusive and self._depth == 0 and self._con is not None:
                    held = time.monotonic() - self._opened_at
                    if held >= MAX_HOLD_SECONDS or (held >= self._hold and self._knocked()):
                        self.release()
                    else:
                        self._watch_idle()

    def _knocked(self) -> bool:
        return knocked_since(self.path, self._opened_wall)

    def _watch_idle(self) -> None:
        """While no unit of work runs, look for a knock every IDLE_SECONDS (caller holds
        `_state`)."""
        timer = threading.Timer(IDLE_SECONDS, lambda: self._release_if_idle(timer))
        timer.daemon = True
        self._idle = timer
        timer.start()

    def _release_if_idle(self, timer: threading.Timer) -> None:
        with self._state:
            if self._idle is not timer or self._depth != 0:
                return  # cancelled while it waited: a unit of work began
            self._idle = None
            if self._con is None:
                return
            if (self._knocked()
                    or time.monotonic() - self._opened_at >= MAX_HOLD_SECONDS):
                self.release()
            else:
                self._watch_idle()

    def _cancel_idle(self) -> None:
        if self._idle is not None:
            self._idle.cancel()
            self._idle = None

    @contextmanager
    def big_queries(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """The connection with DuckDB's threads on every core and a larger cache
        (`BIG_QUERY_MEMORY`), for the queries over every event that end an ingest."""
        with self.holding() as con:
            con.execute(f"SET threads = {os.cpu_count() or 1}")
            con.execute(f"SET memory_limit = '{_big_query_memory()}'")
            try:
                yield con
            finally:
                con.execute(f"SET threads = {WRITER_THREADS}")
                con.execute(f"SET memory_limit = '{_config(read_only=False)['memory_limit']}'")

    def checkpoint(self) -> None:
        """Fold the write-ahead log into the file, so that readers need not replay it."""
        with self.holding() as con:
            con.execute("CHECKPOINT")

    def release(self) -> None:
        """Close the file so other processes can open it."""
        if self._con is not None:
            con, self._con = self._con, None
            con.close()
            self._released_at = time.monotonic()

    @staticmethod
    def _meta(con: duckdb.DuckDBPyConnection, key: str) -> str | None:
        row = con.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    # -- writing --------------------------------------------------------------------

    def close(self) -> None:
        with self._state:
            self._cancel_idle()
            self.release()

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
            self._people_generation = self._meta(self.con, PEOPLE_GENERATION)
            rows = self.con.execute("SELECT person_id, name, zh, province, CAST(first_seen AS "
                                    "VARCHAR), CAST(last_seen AS VARCHAR) FROM people").fetchall()
            self._people = People([PersonRow(*row) for row in rows])
        return self._people

    def store_batch(self, items: Iterable[tuple[dict[str, Any], str, str]
                                         | tuple[dict[str, Any], str, str, str]],
                    ) -> IngestCounts:
        """Store (record, text, origin[, record as JSON]) items in one transaction; known
        texts are skipped."""
        batch = list(items)
        counts = IngestCounts()
        with self.holding():
            known = self.known_hashes([item[0]["content_hash"] for item in batch])
            rows = Rows()
            people = self._people_index()
            seen: set[str] = set()
            for record, text, origin, *as_json in batch:
                digest = record["content_hash"]
                if digest in known or digest in seen:
                    counts.skipped += 1
                    continue
                seen.add(digest)
                add_record(rows, record, text, origin, people, as_json[0] if as_json else None)
                counts.stored += 1
            touched = people.take_touched()
            if counts.stored:
                self._write(rows, touched)
        return counts

    def _write(self, rows: Rows, people: list[PersonRow]) -> None:
        generation = uuid.uuid4().hex
        try:
            with transaction(self.con) as con:
                for table in COLUMNS:
                    if table == "people":
                        data = [(p.person_id, p.name, p.zh, p.province, p.first_seen,
                                 p.last_seen) for p in people]
                        self._insert(table, data, "OR REPLACE")
                        continue
                    data = getattr(rows, table)
                    if isinstance(data, dict):
                        self._insert(table, list(data.values()), "OR IGNORE")
                    else:
                        self._insert(table, data, "")
                search_index.write(con, rows.postings)
                self.set_meta(PEOPLE_GENERATION, generation)
        except Exception:
            self._people = None  # the in-memory index may hold rows that were rolled back
            raise
        self._people_generation = generation

    def _insert(self, table: str, data: list[tuple[Any, ...]], mode: str) -> None:
        if not data:
            return
        columns = COLUMNS[table]
        # Arrow columns: DuckDB reads them without a copy, and building them from Python
        # lists is several times faster than a pandas DataFrame
        values = zip(*data, strict=True)  # column by column
        frame = pa.table({c: pa.array(v) for c, v in zip(columns, values, strict=True)})
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
        """Postings for any document stored without them (a database from an older luoshi
        or a restore); documents stored by this version get theirs in their own batch."""
        with self.holding() as con, transaction(con):
            search_index.backfill(con)
        return True

    def search_index_is_current(self) -> bool:
        """Whether every stored document has its postings."""
        with self.holding() as con:
            row = con.execute("SELECT count(*) FROM search_docs").fetchone()
            return row is not None and int(row[0]) == self._document_count()

    def _document_count(self) -> int:
        row = self.con.execute("SELECT count(*) FROM documents").fetchone()
        return int(row[0]) if row else 0

    def counts(self) -> dict[str, int]:
        tables = ["documents", "events", "people", "directives", "formulation_uses", "meetings"]
        result = {}
        for table in tables:
            row = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()
            result[table] = int(row[0]) if row else 0
        return result


def open_database(path: str | os.PathLike[str] = "luoshi.duckdb", read_only: bool = False,
                  *, exclusive: bool = True,
                  lock_timeout: float = DEFAULT_LOCK_TIMEOUT) -> Database:
    return Database(path, read_only=read_only, exclusive=exclusive, lock_timeout=lock_timeout)
