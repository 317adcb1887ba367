"""The one way the web interface opens the database: read-only, briefly, retrying on a lock.

`luoshi ingest` holds DuckDB's write lock only while it writes a batch, so a reader that
finds the file locked waits a moment and tries again rather than failing. Every page and
API endpoint opens its own short-lived connection through `reading()` and closes it when
the answer is built; nothing in `luoshi.web` calls `duckdb.connect` anywhere else.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

RETRY_SECONDS = 3.0  # how long a reader waits for a writer's batch to commit
FIRST_PAUSE = 0.02
LONGEST_PAUSE = 0.25


class DatabaseUnavailable(Exception):
    """The database cannot be read: missing, not a luoshi database, or locked too long."""

    def __init__(self, path: str, reason: str, busy: bool = False) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
        self.busy = busy


def _locked(exc: duckdb.Error) -> bool:
    text = str(exc).lower()
    return "lock" in text or "resource temporarily unavailable" in text


def connect_readonly(path: str | os.PathLike[str],
                     retry_seconds: float = RETRY_SECONDS) -> duckdb.DuckDBPyConnection:
    """A read-only connection to `path`, retrying while a writer holds the lock.

    Raises DatabaseUnavailable when the file is missing, is not a luoshi database, or
    stays locked for `retry_seconds`.
    """
    name = str(path)
    if not Path(name).is_file():
        raise DatabaseUnavailable(name, "no such database file")
    deadline = time.monotonic() + retry_seconds
    pause = FIRST_PAUSE
    while True:
        try:
            con = duckdb.connect(name, read_only=True)
            break
        except duckdb.Error as exc:
            if not _locked(exc):
                raise DatabaseUnavailable(name, str(exc).splitlines()[0]) from exc
            if time.monotonic() + pause > deadline:
                raise DatabaseUnavailable(name, "locked by a writer; try again shortly",
                                          busy=True) from exc
            time.sleep(pause)
            pause = min(pause * 2, LONGEST_PAUSE)
    try:
        con.execute("SELECT 1 FROM schema_migrations LIMIT 1")
    except duckdb.Error as exc:
        con.close()
        raise DatabaseUnavailable(name, "not a luoshi database (no schema)") from exc
    return con


def database_version(path: str | os.PathLike[str]) -> tuple[int, ...]:
    """Changes whenever a writer commits: the size and time of the file and its WAL."""
    version: list[int] = []
    for name in (str(path), f"{path}.wal"):
        try:
            stat = Path(name).stat()
        except OSError:
            version.extend((-1, -1))
        else:
            version.extend((stat.st_mtime_ns, stat.st_size))
    return tuple(version)


@contextmanager
def reading(path: str | os.PathLike[str]) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection for one unit of work, closed afterwards."""
    con = connect_readonly(path)
    try:
        yield con
    finally:
        con.close()
