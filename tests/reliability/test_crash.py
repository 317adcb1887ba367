"""Crash safety: `luoshi ingest` killed with SIGKILL at random moments, then run to the end.

A real ingest subprocess on 300 generated reports (batches of 20, so that kills land
between batches, inside one, during meeting clustering or the full-text index build) is
killed five times at random delays. After each kill the database must open (read-only,
as a reader would, and read-write) and hold only whole documents: every table's rows
are exactly the facts of the records stored (tests/reliability/consistency.py). A final
run must then complete, and the database must hold exactly what one clean run makes.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import time
from pathlib import Path

import pytest

from luoshi.analyse import open_analyses
from luoshi.errors import LuoshiError
from luoshi.store.database import connect_readonly, open_database
from tests.reliability.conftest import popen
from tests.reliability.consistency import broken, contents
from tests.store.conftest import make_record

pytestmark = pytest.mark.issue(8)

KILLS = 5
BATCH = "20"


def ingest_args(source: Path, db: Path) -> list[str]:
    return ["ingest", str(source), "--db", str(db), "--batch-size", BATCH, "--jobs", "1", "-q"]


def run_to_end(source: Path, db: Path) -> str:
    process = popen(*ingest_args(source, db))
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 0, stderr.decode()
    return stderr.decode()


def killed_run(source: Path, db: Path, delay: float) -> bool:
    """Start an ingest and SIGKILL it after `delay` seconds; False if it ended first."""
    process = popen(*ingest_args(source, db), stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL)
    try:
        process.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        return True
    return False


@pytest.fixture(scope="module")
def clean_run(generated_jsonl: Path, tmp_path_factory: pytest.TempPathFactory,
              ) -> tuple[Path, float]:
    """The database of one uninterrupted run, and how long that run took."""
    path = tmp_path_factory.mktemp("clean") / "clean.duckdb"
    started = time.monotonic()
    run_to_end(generated_jsonl, path)
    return path, time.monotonic() - started


def test_killed_ingest_leaves_whole_documents_and_a_rerun_completes(
        generated_jsonl: Path, clean_run: tuple[Path, float], tmp_path: Path) -> None:
    seed = int(os.environ.get("LUOSHI_CRASH_SEED", random.randrange(10**6)))
    rng = random.Random(seed)
    path = tmp_path / "crash.duckdb"
    clean_db, run_seconds = clean_run
    history: list[tuple[float, bool, int]] = []
    for _ in range(KILLS):
        delay = rng.uniform(0.3, run_seconds)
        was_killed = killed_run(generated_jsonl, path, delay)
        if not path.exists() or not has_schema(path):  # killed before it created the file
            history.append((round(delay, 2), was_killed, 0))  # or its first migration
            continue
        con = connect_readonly(path, timeout=5)
        try:
            problems = broken(con)
            stored = con.execute("SELECT count(*) FROM documents").fetchone()
        finally:
            con.close()
        history.append((round(delay, 2), was_killed, stored[0] if stored else 0))
        assert not problems, f"seed {seed}, after kills {history}: {problems}"
        with open_database(path) as database:  # opens for writing: the log replays
            assert database.counts()["documents"] == history[-1][2]
    assert any(killed for _, killed, _ in history), f"seed {seed}: no run was killed"
    run_to_end(generated_jsonl, path)
    with open_database(path, read_only=True) as after, \
            open_database(clean_db, read_only=True) as clean:
        assert not broken(after.con, complete=True), f"seed {seed}, kills {history}"
        assert not broken(clean.con, complete=True)
        expected, found = contents(clean.con), contents(after.con)
        differ = {table: (sorted(set(map(repr, found[table])) - set(map(repr, rows)))[:2],
                          sorted(set(map(repr, rows)) - set(map(repr, found[table])))[:2])
                  for table, rows in expected.items() if found[table] != rows}
        assert not differ, f"seed {seed}, kills {history}: extra, missing rows {differ}"
    with open_analyses(path) as after_analyses, open_analyses(clean_db) as clean_analyses:
        for query in ("party committee", "两个确立"):
            assert after_analyses.search(query).equals(clean_analyses.search(query))


@pytest.mark.parametrize("reopen", [False, True])
def test_people_resolve_the_same_after_reopening(tmp_path: Path, reopen: bool) -> None:
    """A run that restarts must give people the ids one uninterrupted run gives them.

    Wang Hao in 2010, again in 2022 (too far apart: a second person, -2), in 2012 (the
    first, whose row is rewritten and so moves in the table), then in 2016, which is
    within reach of both and goes to the first made, reopened or not.
    """
    path = tmp_path / "people.duckdb"
    days = ["2010-05-01", "2022-05-01", "2012-05-01", "2016-05-01"]
    records = [make_record(f"d{i}", f"text {i}", date=day, lag=None,
                           people=[("Wang Hao", "spoke", "Governor")])
               for i, day in enumerate(days)]
    database = open_database(path)
    try:
        for number, record in enumerate(records):
            if reopen:
                database.close()
                database = open_database(path)
            database.store_batch([(record, f"text {number}", "x.txt")])
        rows = database.con.execute(
            "SELECT e.date::VARCHAR, p.person_id FROM participations p "
            "JOIN events e USING (event_id) ORDER BY e.date").fetchall()
    finally:
        database.close()
    assert rows == [("2010-05-01", "wang-hao-zhejiang"), ("2012-05-01", "wang-hao-zhejiang"),
                    ("2016-05-01", "wang-hao-zhejiang"), ("2022-05-01", "wang-hao-zhejiang-2")]


def has_schema(path: Path) -> bool:
    """Whether the file got its schema: a run killed between DuckDB creating the file and
    the first migration's commit leaves an empty file, which readers refuse (L040) and
    the next ingest migrates."""
    try:
        connect_readonly(path, timeout=5).close()
    except LuoshiError as exc:
        if "no schema" in str(exc):
            return False
        raise
    return True
