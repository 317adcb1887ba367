"""Shared fixtures: the knowledge base, the shared corpus beside the checkout."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from luoshi.kb import KB, load_kb
from luoshi.record import Record

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
DEV = SHARED / "corpus" / "dev"
OWN = ROOT / "tests" / "corpus"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "needs_shared: reads ../shared (the steering checkout)")


@pytest.fixture(scope="session")
def kb() -> KB:
    return load_kb()


@pytest.fixture(scope="session")
def extract_text(kb: KB) -> Any:
    from luoshi.pipeline import extract

    def run(text: str, published: str | None = None) -> Record:
        return extract(text, published=published, kb=kb)

    return run


def gold_pairs(folder: Path) -> list[tuple[Path, dict[str, Any]]]:
    """(report path, gold) for every *.gold.json with a report beside it."""
    pairs = []
    for gold_path in sorted(folder.glob("*.gold.json")):
        stem = gold_path.name.removesuffix(".gold.json")
        for suffix in (".txt", ".html", ".htm"):
            report = gold_path.with_name(stem + suffix)
            if report.exists():
                pairs.append((report, json.loads(gold_path.read_text(encoding="utf-8"))))
                break
    return pairs
