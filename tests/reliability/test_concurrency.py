"""Concurrent use: readers go on answering while `luoshi ingest` writes.

DuckDB allows one read-write process or many read-only ones on a file, never both.
`luoshi ingest` holds the file only while it writes a batch; readers open it read-only
for each question through `connect_readonly`, which waits while a batch is written.
These tests run a real ingest subprocess and, beside it, readers that must never wait
longer than their timeout, must see the count of reports grow batch by batch, and must
see the final count when the ingest has ended; and two ingests at once that must
together store each report once.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from luoshi.errors import DatabaseBusy, LuoshiError
from luoshi.store.database import connect_readonly, open_database
from tests.reliability.conftest import popen, subprocess_env
from tests.reliability.consistency import broken
from tests.store.conftest import make_record

pytestmark = pytest.mark.issue(8)

READ_TIMEOUT = 10.0  # seconds a reader may wait for a batch; a batch takes well under one


@dataclass
class Reader:
    """Counts the documents again and again until told to stop, as a web page would."""

    path: Path
    counts: list[int] = field(default_factory=list)
    waits: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)

    def run(self) -> None:
        while not self.stop.is_set():
            if not self.path.exists():
                time.sleep(0.01)
                continue
            started = time.monotonic()
            try:
                con = connect_readonly(self.path, timeout=READ_TIMEOUT)
            except LuoshiError as exc:  # DatabaseBusy included: waited beyond the timeout
                if "no schema" not in str(exc):  # the file exists before its first migration
                    self.errors.append(exc.line())
                continue
            try:
                self.waits.append(time.monotonic() - started)
                row = con.execute("SELECT count(*) FROM documents").fetchone()
                self.counts.append(row[0] if row else -1)
            finally:
                con.close()
            time.sleep(0.005)


def ingest(source: Path, db: Path, *extra: str) -> list[str]:
    return ["ingest", str(source), "--db", str(db), "--jobs", "1", "-q", "--batch-size", "20",
            *extra]


def test_readers_answer_while_ingest_writes(generated_jsonl: Path, tmp_path: Path) -> None:
    path = tmp_path / "shared.duckdb"
    reader = Reader(path)
    thread = threading.Thread(target=reader.run)
    thread.start()
    try:
        process = popen(*ingest(generated_jsonl, path))
        _, stderr = process.communicate(timeout=120)
    finally:
        reader.stop.set()
        thread.join()
    assert process.returncode == 0, stderr.decode()
    assert not reader.errors, reader.errors[:3]
    assert max(reader.waits) < READ_TIMEOUT
    final = int(stderr.decode().split("ingest: ")[1].split()[0])
    # the writer lets readers in at least once a second: they saw the ingest under way
    during = [c for c in reader.counts if 0 < c < final]
    assert during, f"no reader got in during the ingest: {sorted(set(reader.counts))}"
    assert reader.counts == sorted(reader.counts), "a reader saw the count go down"
    con = connect_readonly(path, timeout=READ_TIMEOUT)
    try:
        assert con.execute("SELECT count(*) FROM documents").fetchone() == (final,)
        assert not broken(con, complete=True)
    finally:
        con.close()


def test_two_ingests_at_once_store_each_report_once(generated_jsonl: Path,
                                                    tmp_path: Path) -> None:
    """Each holds the file per batch, so they interleave; the People index of each is
    reloaded when the other has written people, so no person row is left stale."""
    path = tmp_path / "two.duckdb"
    alone = tmp_path / "alone.duckdb"
    with open_database(path):
        pass  # both find the schema made
    runs = [popen(*ingest(generated_jsonl, path)) for _ in range(2)]
    outputs = [run.communicate(timeout=120)[1].decode() for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    single = popen(*ingest(generated_jsonl, alone))
    assert single.communicate(timeout=120) and single.returncode == 0
    with open_database(path, read_only=True) as both, \
            open_database(alone, read_only=True) as one:
        assert not broken(both.con, complete=True)
        counts = one.counts()
        assert both.counts()["documents"] == counts["documents"]
        assert both.counts()["events"] == counts["events"]
    stored = [int(out.split("ingest: ")[1].split()[0]) for out in outputs]
    assert sum(stored) == counts["documents"], outputs


def test_reader_gives_up_after_its_timeout_with_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "held.duckdb"
    script = ("import sys; from luoshi.store.database import open_database; "
              f"db = open_database({str(path)!r}); print('open', flush=True); sys.stdin.read()")
    writer = subprocess.Popen([sys.executable, "-c", script], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, env=subprocess_env())
    try:
        assert writer.stdout is not None and writer.stdout.readline() == b"open\n"
        started = time.monotonic()
        with pytest.raises(DatabaseBusy) as caught:
            connect_readonly(path, timeout=0.5)
        assert 0.4 < time.monotonic() - started < 3
        line = caught.value.line()
        assert line.startswith(f"[L046] {path}: busy: ") and "0.5 s" in line, line
        assert f"PID {writer.pid}" in line
    finally:
        writer.communicate(b"")
    connect_readonly(path, timeout=0.5).close()  # free again once the writer has gone


def test_writer_lets_go_of_the_file_between_batches(tmp_path: Path) -> None:
    """A non-exclusive writer holds the file only while it writes: between two batches
    (however long the next one takes to extract) a reader in another process gets in."""
    path = tmp_path / "between.duckdb"
    database = open_database(path, exclusive=False)
    try:
        database.store_batch([(make_record("one", "one text"), "one text", "one.txt")])
        reader = subprocess.run(
            [sys.executable, "-c", "import sys; from luoshi.store.database import "
             "connect_readonly; con = connect_readonly(sys.argv[1], timeout=2); "
             "print(con.execute('SELECT count(*) FROM documents').fetchone()[0])", str(path)],
            capture_output=True, text=True, env=subprocess_env(), timeout=60, check=False)
        assert reader.returncode == 0, reader.stderr
        assert reader.stdout.strip() == "1"
        database.store_batch([(make_record("two", "two text"), "two text", "two.txt")])
    finally:
        database.close()
