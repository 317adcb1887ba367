"""Golden tests: every gold corpus scored field by field, against pinned floors.

The seeds and the development set are read from ../shared (never copied here); the
project's own reports are in tests/corpus. `floors.json` pins, per corpus, the overall
score and each field's score that a change may not fall below: raising a floor after an
improvement is welcome, lowering one needs a reason in the commit.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from luoshi.evaluate import Report, load_golds, score
from luoshi.ingest.readers import read_file
from luoshi.kb import load_kb
from luoshi.pipeline import extract_document
from tests.conftest import DEV, OWN, SEEDS, gold_pairs

FLOORS = json.loads((Path(__file__).with_name("floors.json")).read_text(encoding="utf-8"))
CORPORA = {"seeds": SEEDS, "dev": DEV, "en": OWN / "en", "zh": OWN / "zh",
           "pairs": OWN / "pairs"}


@cache
def corpus_report(name: str) -> Report:
    folder = CORPORA[name]
    if not folder.exists():
        pytest.skip(f"{folder} is not here (../shared must be checked out beside the project)")
    kb = load_kb()
    records: list[dict[str, Any]] = []
    for path, _gold in gold_pairs(folder):
        for item in read_file(path):
            assert not isinstance(item, Exception), item
            records.append(extract_document(item, kb).to_dict())
    return score(load_golds(folder), records)


@pytest.mark.parametrize("name", sorted(CORPORA))
def test_golden_overall_at_or_above_floor(name: str) -> None:
    report = corpus_report(name)
    assert not report.missing
    assert report.overall >= FLOORS[name]["overall"], "\n".join(report.lines())


@pytest.mark.parametrize("name", sorted(CORPORA))
def test_golden_every_field_at_or_above_floor(name: str) -> None:
    report = corpus_report(name)
    low = {field: round(value, 3) for field, value in report.field_scores().items()
           if value < FLOORS[name]["fields"].get(field, FLOORS[name]["field_default"])}
    assert not low, f"{name}: fields below their floor: {low}\n" + "\n".join(report.lines())


# Formulations found on the seeds that their gold lists leave out. Each is a real use of a
# catalogued formulation ("comprehensively deepen reform", "Party Central Committee with
# Comrade Xi Jinping at its core"); the issue asks for none, so this may only go down.
SEED_FORMULATIONS_OUTSIDE_GOLD = 14


def test_golden_seeds_meet_the_acceptance_bar() -> None:
    """Issue 2: overall >= 0.95, every field >= 0.8 (formulations outside gold: pinned)."""
    report = corpus_report("seeds")
    assert report.overall >= 0.95
    assert min(report.field_scores().values()) >= 0.8
    assert report.spurious_formulations <= SEED_FORMULATIONS_OUTSIDE_GOLD


def test_golden_chinese_reports_meet_the_acceptance_bar() -> None:
    """Issue 4: the project's Chinese reports score overall >= 0.90."""
    assert corpus_report("zh").overall >= 0.90
