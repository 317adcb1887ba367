"""Records written by hand for the store's tests: the store reads only the record contract."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest

from luoshi.store.database import Database, open_database
from luoshi.store.meetings import cluster_meetings


def make_record(doc_id: str, text: str, *, date: str | None = "2022-10-24",
                place: str | None = "Zhejiang", level: str = "province",
                province: str | None = "Zhejiang", kind: str = "party_group_meeting",
                directive: str | None = "cpc-20", lag: int | None = 2, lang: str = "en",
                people: list[tuple[str, str, str]] | None = None,
                formulations: list[str] | None = None, echo: float | None = None,
                ) -> dict[str, Any]:
    """A record dict as `luoshi extract` writes it; people are (name, role, post)."""
    directives = [] if directive is None else [{
        "id": directive, "kind": "congress", "body": "CPC", "term": 20, "session": None,
        "label": "20th National Congress of the CPC", "zh": "党的二十大",
        "date_end": "2022-10-22", "lag_days": lag}]
    return {
        "doc_id": doc_id, "lang": lang, "title": f"title of {doc_id}", "published": date,
        "source": None, "credits": [], "warnings": [],
        "content_hash": hashlib.sha1(text.encode()).hexdigest()[:16],
        "events": [{
            "date": date, "date_basis": "stated", "kind": kind, "host": f"{place} host",
            "jurisdiction": {"name": place, "level": level, "province": province},
            "directives": directives,
            "people": [{"name": n, "role": r, "titles": [{"post": p, "org": None,
                                                          "jurisdiction": place}]}
                       for n, r, p in people or []],
            "referenced_people": ["Xi Jinping"],
            "formulations": [{"zh": zh, "en": zh, "count": 1, "spans": [[0, 1]]}
                             for zh in formulations or []],
            "tasks": [],
            "fidelity": None if echo is None else {
                "directive": directive, "echo": echo, "signature": ["两个确立", "中国式现代化"],
                "matched": ["两个确立"] if echo else [], "local": [], "tasks": 0},
        }],
    }


def store(db: Database, *records: tuple[dict[str, Any], str]) -> None:
    db.store_batch([(record, text, f"{record['doc_id']}.txt") for record, text in records])
    cluster_meetings(db)


@pytest.fixture
def db(tmp_path: Path) -> Database:
    database = open_database(tmp_path / "test.duckdb")
    yield database  # type: ignore[misc]
    database.close()
