"""The store: idempotent, transactional batches, migrations, one row per person."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from luoshi.errors import LuoshiError
from luoshi.store.database import Database, open_database
from luoshi.store.schema import SCHEMA_VERSION, schema_version
from tests.store.conftest import make_record, store


def test_database_same_text_stored_once(db: Database) -> None:
    text = "The provincial government held a party group meeting."
    record = make_record("a", text)
    first = db.store_batch([(record, text, "a.txt")])
    again = db.store_batch([(record, text, "a.txt"), (record, text, "copy.txt")])
    assert (first.stored, first.skipped) == (1, 0)
    assert (again.stored, again.skipped) == (0, 2)
    assert db.counts()["documents"] == 1


def test_database_failed_batch_leaves_nothing(db: Database, monkeypatch: pytest.MonkeyPatch,
                                              ) -> None:
    good = make_record("good", "good text")
    db.store_batch([(good, "good text", "good.txt")])
    original = db._insert

    def fail_on_tasks(table: str, data: list[tuple[object, ...]], mode: str) -> None:
        if table == "participations":
            raise RuntimeError("disk full")
        original(table, data, mode)

    monkeypatch.setattr(db, "_insert", fail_on_tasks)
    bad = make_record("bad", "bad text", people=[("Wang Hao", "spoke", "Governor")])
    with pytest.raises(RuntimeError):
        db.store_batch([(bad, "bad text", "bad.txt")])
    monkeypatch.undo()
    assert db.con.execute("SELECT doc_id FROM documents").fetchall() == [("good",)]
    assert db.con.execute("SELECT count(*) FROM events").fetchone() == (1,)
    again = db.store_batch([(bad, "bad text", "bad.txt")])  # the re-run completes it
    assert again.stored == 1


def test_database_schema_version_and_migrations_run_once(tmp_path: Path) -> None:
    path = tmp_path / "m.duckdb"
    open_database(path).close()
    with open_database(path) as db:
        assert schema_version(db.con) == SCHEMA_VERSION
        names = db.con.execute("SELECT name FROM schema_migrations").fetchall()
    assert len(names) == SCHEMA_VERSION


def test_database_read_only_refuses_a_file_that_is_not_luoshi(tmp_path: Path) -> None:
    path = tmp_path / "other.duckdb"
    duckdb.connect(str(path)).close()
    with pytest.raises(LuoshiError, match="L040"):
        Database(path, read_only=True)


def test_database_not_a_database_is_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "text.duckdb"
    path.write_text("hello, not a database")
    with pytest.raises(LuoshiError) as info:
        open_database(path)
    assert str(path) in info.value.line() and "\n" not in info.value.line()


def test_database_one_person_row_per_name_and_province(db: Database) -> None:
    store(db,
          (make_record("a", "text a", people=[("Wang Hao", "spoke", "Governor")]), "text a"),
          (make_record("b", "text b", date="2023-03-01",
                       people=[("Wang Hao", "presided", "Governor")]), "text b"),
          (make_record("c", "text c", place="Hunan", province="Hunan",
                       people=[("Wang Hao", "attended", "Director")]), "text c"))
    rows = db.con.execute("SELECT person_id, province, CAST(first_seen AS VARCHAR), "
                          "CAST(last_seen AS VARCHAR) FROM people ORDER BY person_id").fetchall()
    assert rows == [("wang-hao-hunan", "Hunan", "2022-10-24", "2022-10-24"),
                    ("wang-hao-zhejiang", "Zhejiang", "2022-10-24", "2023-03-01")]
