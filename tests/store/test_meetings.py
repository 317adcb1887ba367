"""One meeting, many reports: clustering and its explanations."""

from __future__ import annotations

from luoshi.store.database import Database
from luoshi.store.meetings import EventFacts, same_meeting
from tests.store.conftest import make_record, store

PEOPLE = [("Wang Hao", "presided", "Governor"), ("Xu Wenguang", "attended", "Vice Governor")]
TIFA = ["两个确立", "两个维护", "中国式现代化"]


def test_meetings_translations_and_original_are_one_meeting(db: Database) -> None:
    store(db,
          (make_record("en1", "Governor Wang Hao presided", people=PEOPLE, formulations=TIFA),
           "Governor Wang Hao presided"),
          (make_record("en2", "Wang Hao chaired", people=PEOPLE, formulations=TIFA[:2]),
           "Wang Hao chaired"),
          (make_record("zh", "王浩主持", lang="zh", people=PEOPLE, formulations=TIFA),
           "王浩主持"))
    rows = db.con.execute("SELECT reports, explanation FROM meetings").fetchall()
    assert len(rows) == 1 and rows[0][0] == 3
    assert "facts Jaccard" in rows[0][1] and "cpc-20" in rows[0][1]


def test_meetings_two_meetings_of_one_body_on_one_day_stay_two(db: Database) -> None:
    store(db,
          (make_record("am", "morning", people=PEOPLE, formulations=TIFA), "morning"),
          (make_record("pm", "afternoon", kind="theory_study_group", directive="cpc-20-3",
                       people=PEOPLE, formulations=TIFA), "afternoon"))
    assert db.con.execute("SELECT count(*) FROM meetings").fetchone() == (2,)


def test_meetings_undated_reports_are_never_merged(db: Database) -> None:
    store(db,
          (make_record("u1", "one", date=None, people=PEOPLE), "one"),
          (make_record("u2", "two", date=None, people=PEOPLE), "two"))
    assert db.con.execute("SELECT count(*) FROM meetings").fetchone() == (2,)


def test_meetings_text_near_duplicates_merge_without_shared_facts() -> None:
    text = " ".join(f"word{i}" for i in range(200))
    texts = {"ha": text + " [ad_1]", "hb": "Share This Post " + text}
    a = EventFacts("a", "2022-10-24", "Zhejiang", "other", "en", "ha", texts=texts)
    b = EventFacts("b", "2022-10-24", "Zhejiang", "other", "en", "hb", texts=texts)
    assert same_meeting(a, b, texts=False) is None  # the facts alone do not join them
    why = same_meeting(a, b)
    assert why is not None and "text MinHash" in why


def test_meetings_text_duplicates_merge_in_the_store(db: Database) -> None:
    """Two reposts with no facts in common are one meeting by their texts (read from the
    store only for such pairs)."""
    text = " ".join(f"word{i}" for i in range(200))
    store(db, (make_record("r1", "x1", formulations=["两个确立", "共同富裕"]), text + " [ad_1]"),
          (make_record("r2", "x2", formulations=["两个维护", "中国式现代化"]),
           "Share This Post " + text),
          (make_record("r3", "x3", formulations=["三个务必", "八八战略"]),
           " ".join(f"other{i}" for i in range(200))))
    rows = db.con.execute("SELECT meeting_id, count(*) FROM events GROUP BY 1 "
                          "ORDER BY 2 DESC").fetchall()
    assert [n for _, n in rows] == [2, 1]
    why = db.con.execute("SELECT explanation FROM meetings WHERE reports = 2").fetchone()
    assert why is not None and "text MinHash" in why[0]


def test_meetings_later_ingest_joins_an_existing_meeting(db: Database) -> None:
    store(db, (make_record("first", "first", people=PEOPLE, formulations=TIFA), "first"))
    store(db, (make_record("second", "second", people=PEOPLE, formulations=TIFA), "second"))
    assert db.con.execute("SELECT reports FROM meetings").fetchall() == [(2,)]
