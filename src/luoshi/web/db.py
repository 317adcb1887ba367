"""The one way the web interface opens the database: read-only, briefly, retrying on a lock.

`luoshi ingest` holds DuckDB's write lock only while it writes a batch, so a reader that
finds the file locked waits a moment and tries again rather than failing. Every page and
API endpoint opens its own short-lived connection through `reading()` and closes it when
the answer is built; nothing else in `luoshi.web` opens the database (`connect_readonly`
below is the one door, and it goes through the store's own lock-waiting opener).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

RETRY_SECONDS = 3.0  # how long a page waits for a writer's batch to commit


class DatabaseUnavailable(Exception):
    """The database cannot be read: missing, not a luoshi database, or locked too long."""

    def __init__(self, path: str, reason: str, busy: bool = False) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
        self.busy = busy


def connect_readonly(path: str | os.PathLike[str],
                     retry_seconds: float = RETRY_SECONDS) -> duckdb.DuckDBPyConnection:
    """A read-only connection to `path`, retrying while a writer holds the lock.

    The store's `connect_readonly` does the opening and the waiting (ingest's batches
    hold the file for a moment each); a page waits at most `retry_seconds`. Raises
    DatabaseUnavailable when the file is missing, is not a luoshi database, or stays
    locked that long.
    """
    from luoshi.errors import DatabaseBusy, LuoshiError
    from luoshi.store.database import connect_readonly as store_connect

    name = str(path)
    try:
        return store_connect(name, timeout=retry_seconds)
    except DatabaseBusy as exc:
        raise DatabaseUnavailable(name, f"locked by a writer for more than {retry_seconds:g} "
                                        "s; try again shortly", busy=True) from exc
    except LuoshiError as exc:
        reason = str(exc.fields.get("reason") or exc.line())
        raise DatabaseUnavailable(name, reason) from exc


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
