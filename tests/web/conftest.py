"""A fixture database for the web tests: the seed reports, generated reports, and a report
whose text holds markup (it must show as text)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from luoshi.batch import Extracted, extract_stream
from luoshi.ingest.readers import InputDoc, iter_inputs
from luoshi.store.database import open_database
from luoshi.store.ingest import IngestSummary, ingest
from luoshi.web import create_app
from tests.conftest import ROOT, SEEDS

GENERATED = 300
EVIL_ID = "evil-markup"
EVIL_TEXT = (
    "<script>document.title='pwned'</script> Zhejiang meeting & <b>bold</b>\n\n"
    "On October 24, the Party Group of the Zhejiang Provincial Government held a meeting to "
    "study and implement the spirit of the 20th National Congress of the CPC. Wang Hao, "
    "Governor, presided over the meeting and spoke. <script>alert('x')</script> "
    "<img src=x onerror=alert(1)> The meeting called for upholding the \"Two Establishments\"."
)


def _inputs() -> list[InputDoc]:
    sys.path.insert(0, str(ROOT / "bench"))
    from generate import generate

    docs = [InputDoc(r.doc_id, r.text, r.doc_id, published=r.published)
            for r in generate(GENERATED, seed=11)]
    docs.append(InputDoc(EVIL_ID, EVIL_TEXT, f"{EVIL_ID}.txt", published="2022-10-25"))
    return docs


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("web") / "web.duckdb"
    seeds = list(iter_inputs([SEEDS])) if SEEDS.exists() else []
    with open_database(path) as database:
        entries = [e for e in extract_stream([*seeds, *_inputs()]) if isinstance(e, Extracted)]
        ingest(database, entries, IngestSummary())
        database.build_search_index()
    return path


@pytest.fixture(scope="session")
def client(web_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(web_db)) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def needs_seeds() -> None:
    if not SEEDS.exists():
        pytest.skip("../shared is not checked out beside the project")
