"""The pipeline's shape: no field written by two steps, steps in a documented order; batches
of documents give the records that documents one at a time give."""

import dataclasses
from pathlib import Path

import pytest

from luoshi import pipeline
from luoshi.extract.doc import Doc
from luoshi.ingest.readers import InputDoc
from luoshi.kb.loader import KB
from luoshi.pipeline import extract_batch, extract_document
from luoshi.record import Record

TESTS = Path(__file__).resolve().parents[1]
SHARED = TESTS.parent.parent / "shared" / "corpus"


def test_pipeline_no_field_written_by_two_steps() -> None:
    owners: dict[str, str] = {}
    for step in pipeline.STEPS:
        for field in step.writes:
            assert field not in owners, f"{field} written by {owners[field]} and {step.name}"
            owners[field] = step.name


def test_pipeline_docstring_lists_every_step_in_order() -> None:
    doc = pipeline.__doc__ or ""
    positions = [doc.find(f" {step.name} ") for step in pipeline.STEPS]
    assert all(p >= 0 for p in positions), "every step is named in the module docstring"
    assert positions == sorted(positions)


def test_pipeline_extract_returns_record_with_dict_form() -> None:
    record = pipeline.extract("On the 24th, the provincial government held a party group "
                              "meeting.", published="2022-10-25")
    data = record.to_dict()
    assert data["events"][0]["date"] == "2022-10-24"
    assert data["lang"] == "en"


def test_pipeline_warm_up_loads_what_extraction_loads_lazily() -> None:
    import sys

    from luoshi.pipeline import WARM_UP_TEXTS, extract, warm_up

    warm_up()
    assert "pypinyin" in sys.modules
    english, chinese = (extract(text, published="2022-10-25") for text in WARM_UP_TEXTS)
    assert english.events[0].people[0].name == "Zhang Xiaoming"
    assert chinese.events[0].people[0].name == "Zhang Xiaoming"  # read by pypinyin


def real_reports() -> list[InputDoc]:
    """The seed, dev and test-corpus reports, English and Chinese."""
    paths = sorted(SHARED.glob("*/*.txt")) + sorted(TESTS.glob("corpus/*/*.txt"))
    return [InputDoc(path.stem, path.read_text(encoding="utf-8"), str(path)) for path in paths]


def test_extract_batch_makes_the_records_extract_document_makes() -> None:
    items = real_reports()
    one_by_one = [extract_document(item).to_dict() for item in items]
    assert len(items) > 40 and {r["lang"] for r in one_by_one} == {"en", "zh"}
    for size in (1, 7, 64):
        batched = [outcome for first in range(0, len(items), size)
                   for outcome in extract_batch(items[first:first + size])]
        assert [r.to_dict() for r in batched if isinstance(r, Record)] == one_by_one, size


def failing_on(marker: str, step_name: str) -> tuple[pipeline.Step, ...]:
    """The pipeline's steps, with one that raises on a text holding `marker`."""
    def wrapped(step: pipeline.Step) -> pipeline.Step:
        def run(doc: Doc, kb: KB) -> None:
            if marker in doc.text:
                raise RuntimeError("extractor bug")
            step.run(doc, kb)
        return dataclasses.replace(step, run=run) if step.name == step_name else step
    return tuple(map(wrapped, pipeline.STEPS))


@pytest.mark.parametrize("step_name", ["language", "people", "fidelity"])
def test_extract_batch_a_failing_document_leaves_the_others_whole(
        monkeypatch: pytest.MonkeyPatch, step_name: str) -> None:
    items = real_reports()[:9]
    expected = [extract_document(item).to_dict() for item in items]
    broken = [*items[:3], InputDoc("bad", items[3].text + " BOOM", "bad.txt"), *items[3:]]
    monkeypatch.setattr(pipeline, "STEPS", failing_on("BOOM", step_name))
    outcomes = extract_batch(broken)
    assert isinstance(outcomes[3], RuntimeError)
    assert [r.to_dict() for r in outcomes if isinstance(r, Record)] == expected
