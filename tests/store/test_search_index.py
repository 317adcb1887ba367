"""The store's full-text index: terms, BM25 ranking, postings in the document's batch."""

from __future__ import annotations

from pathlib import Path

import duckdb
from hypothesis import given
from hypothesis import strategies as st

from luoshi.store import search_index
from luoshi.store.database import Database, open_database
from luoshi.store.schema import MIGRATIONS, migrate
from tests.store.conftest import make_record, store


def test_search_index_terms_words_and_bigrams() -> None:
    terms = search_index.terms("The Party’s 学习贯彻 of common prosperity; Common 2022 党")
    assert terms["common"] == 2 and terms["prosperity"] == 1 and terms["2022"] == 1
    assert terms["party's"] == 1
    assert {"学习", "习贯", "贯彻", "党"} <= set(terms)
    assert "the" not in terms and "of" not in terms  # stop words


@given(st.text(max_size=200))
def test_search_index_terms_never_fail_and_count_positively(text: str) -> None:
    assert all(count > 0 and term for term, count in search_index.terms(text).items())


def test_search_index_ranks_by_bm25_and_needs_every_term(db: Database) -> None:
    store(db,
          (make_record("once", "a"), "Common prosperity was mentioned once among many other "
                                     "words about the plenum and the province and its work."),
          (make_record("twice", "b"), "Common prosperity, common prosperity."),
          (make_record("common", "c"), "Common ground only."),
          (make_record("zh", "d"), "会议强调扎实推进共同富裕。"))
    ranked = [row[0] for row in search_index.search(db.con, "common prosperity")]
    assert ranked == ["twice", "once"]  # "common" alone does not match both words
    assert [row[0] for row in search_index.search(db.con, "共同富裕")] == ["zh"]
    assert search_index.search(db.con, "the of") == []  # only stop words: nothing to find
    assert search_index.search(db.con, "absent") == []


def test_search_index_postings_are_written_with_their_document(db: Database) -> None:
    store(db, (make_record("one", "x"), "One report about common prosperity."))
    assert db.search_index_is_current()
    docs = db.con.execute("SELECT count(*) FROM search_docs").fetchone()
    terms = db.con.execute("SELECT count(*) FROM search_terms_recent").fetchone()
    assert docs == (1,) and terms is not None and terms[0] >= 4


def test_search_index_migration_indexes_older_databases(tmp_path: Path) -> None:
    """A database written before the index (migrations 0001-0002) gets postings for its
    documents when it is opened, and search finds them."""
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE schema_migrations (name VARCHAR PRIMARY KEY, "
                "applied_at TIMESTAMP DEFAULT current_timestamp)")
    for name, apply in MIGRATIONS[:2]:
        apply(con)
        con.execute("INSERT INTO schema_migrations (name) VALUES (?)", [name])
    con.execute("INSERT INTO documents (hash, doc_id, title, text, search_text) VALUES "
                "('00000000000000aa', 'old-1', 'A title', 'common prosperity in 2021', 'x')")
    con.close()
    with open_database(path) as db:
        assert [row[0] for row in search_index.search(db.con, "common prosperity")] == ["old-1"]
        assert db.search_index_is_current()
        assert db.con.execute("SELECT search_text FROM documents").fetchone() == (None,)
        # 0004: the tables that grow with every report keep no primary-key index
        keys = db.con.execute("SELECT count(*) FROM duckdb_constraints() WHERE table_name IN "
                              "('documents', 'events', 'meetings') AND "
                              "constraint_type = 'PRIMARY KEY'").fetchone()
        assert keys == (0,)
        assert db.con.execute("SELECT doc_id, title FROM documents").fetchall() == [
            ("old-1", "A title")]
    again = duckdb.connect(str(path))
    assert migrate(again) == []
    again.close()


def test_search_index_compaction_keeps_answers_and_sorts(db: Database) -> None:
    store(db, *[(make_record(f"d{i}", f"t{i}"), f"Report {i} on common prosperity and reform "
                 f"number {i % 7}.") for i in range(30)])
    before = search_index.search(db.con, "common prosperity", 50)
    assert len(before) == 30
    assert not search_index.compact(db.con)  # few recent postings: left where they are
    assert search_index.compact(db.con, force=True)
    assert db.con.execute("SELECT count(*) FROM search_terms_recent").fetchone() == (0,)
    terms = [row[0] for row in db.con.execute("SELECT term FROM search_terms").fetchall()]
    assert terms == sorted(terms)
    assert search_index.search(db.con, "common prosperity", 50) == before
    store(db, (make_record("late", "late"), "A later report on common prosperity."))
    after = search_index.search(db.con, "common prosperity", 50)
    assert len(after) == 31 and "late" in {row[0] for row in after}  # recent and sorted both
