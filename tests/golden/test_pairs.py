"""One meeting in several reports (tests/corpus/pairs): same facts, one meeting, fidelity."""

from __future__ import annotations

from pathlib import Path

import pytest

from luoshi.analyse import open_analyses
from luoshi.batch import extract_stream
from luoshi.ingest.readers import iter_inputs
from luoshi.kb import load_kb
from luoshi.pipeline import extract
from luoshi.record import Record
from luoshi.store.database import open_database
from luoshi.store.ingest import IngestSummary, ingest
from tests.conftest import OWN

PAIRS = OWN / "pairs"
SAME = ("same_a_en1", "same_a_en2", "same_a_zh")


def record_of(stem: str) -> Record:
    return extract((PAIRS / f"{stem}.txt").read_text(encoding="utf-8"), kb=load_kb(),
                   doc_id=stem)


@pytest.mark.issue(4)
def test_pairs_english_and_chinese_reports_give_the_same_facts() -> None:
    facts = []
    for stem in SAME:
        event = record_of(stem).events[0]
        facts.append((
            {d.id for d in event.directives},
            {f.zh for f in event.formulations} & {"两个确立", "两个维护", "中国式现代化",
                                                  "中华民族伟大复兴", "高质量发展", "全面从严治党"},
            {p.name for p in event.people},
            event.date,
        ))
    assert facts[0] == facts[1] == facts[2], facts


@pytest.mark.issue(10)
@pytest.mark.parametrize(("stem", "echo"), [("fidelity_none", 0.0), ("fidelity_all", 1.0)])
def test_pairs_fidelity_of_none_and_all_signature_formulations(stem: str, echo: float) -> None:
    fidelity = record_of(stem).events[0].fidelity
    assert fidelity is not None and fidelity.directive == "cpc-20"
    assert fidelity.echo == echo, fidelity


@pytest.mark.issue(10)
def test_pairs_ingest_counts_meetings_not_reports(tmp_path: Path) -> None:
    path = tmp_path / "pairs.duckdb"
    with open_database(path) as db:
        entries = [e for e in extract_stream(iter_inputs([PAIRS]), 1) if hasattr(e, "record")]
        ingest(db, entries, IngestSummary())
    with open_analyses(path) as handle:
        meetings = handle.meetings().set_index("meeting_id")
        dups = handle.meetings(duplicates=True)
        by_doc = {doc_id: row for _, row in dups.iterrows() for doc_id in row["doc_ids"]}
        assert sorted(by_doc) == sorted(SAME)
        assert by_doc["same_a_zh"]["reports"] == 3
        assert "Jaccard" in by_doc["same_a_zh"]["explanation"]
        sameday = handle.db.con.execute(
            "SELECT count(DISTINCT meeting_id) FROM events WHERE doc_id LIKE 'sameday_%'"
        ).fetchone()
        assert sameday == (2,)
        assert len(meetings) == len(list(PAIRS.glob("*.txt"))) - 2


# Another outlet's English of the same report: what re-translation changes (verbs, the
# boilerplate around the text), not what was decided
RETRANSLATION = [("presided over", "chaired"), ("held", "convened"), ("pointed out", "noted"),
                 ("emphasized", "stressed"), ("emphasised", "stressed"), ("requires", "demands"),
                 ("[ad_1]", ""), ("Share This Post", ""), ("Add Comment", "")]


def retranslated(text: str) -> str:
    for old, new in RETRANSLATION:
        text = text.replace(old, new)
    return text + "\n\n(Source: a second outlet; Editor: Zhou Min)\n"


@pytest.mark.issue(10)
def test_pairs_seeds_reported_twice_count_once_in_the_cascade(tmp_path: Path) -> None:
    """Every seed and a re-translated copy of it: the cascade of the 20th Congress counts
    each meeting once, with two reports and its fidelity."""
    from tests.conftest import SEEDS

    if not SEEDS.exists():
        pytest.skip("../shared is not checked out beside the project")
    folder = tmp_path / "reports"
    folder.mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        text = seed.read_text(encoding="utf-8")
        (folder / seed.name).write_text(text, encoding="utf-8")
        (folder / f"copy_{seed.name}").write_text(retranslated(text), encoding="utf-8")
    path = tmp_path / "twice.duckdb"
    with open_database(path) as db:
        ingest(db, [e for e in extract_stream(iter_inputs([folder])) if e.record is not None],
               IngestSummary())
    with open_analyses(path) as db:
        cascade = db.cascade("cpc-20").meetings
        stored = db.counts()["documents"]
    assert stored == 10
    assert len(cascade) == 3  # the seeds' three meetings that studied the 20th Congress
    assert list(cascade["reports"]) == [2, 2, 2]
    assert sorted(cascade["lag_days"]) == [2, 24, 33]
    assert cascade["echo"].between(0, 1).all() and cascade["echo"].max() > 0
