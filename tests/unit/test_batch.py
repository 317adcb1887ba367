"""Many documents through the pipeline: a batch at a time, in input order, one document's
failure its own (an extractor bug becomes an L010 line, not a stopped run)."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from luoshi import batch, pipeline
from luoshi.batch import Extracted, extract_entries, extract_stream
from luoshi.errors import MESSAGES, InputError, LuoshiError
from luoshi.extract.doc import Doc
from luoshi.ingest.readers import InputDoc
from luoshi.kb.loader import KB
from luoshi.pipeline import extract_document

TEXTS = (
    "On the 24th, the Hunan Provincial Party Committee held a standing committee meeting. "
    "Zhang Xiaoming presided over the meeting.",
    "10月24日，湖南省委召开常委会会议，张小明主持会议并讲话。",
    "On November 15th, the Longjiang provincial government held a party group meeting.",
)


def entries(count: int) -> list[InputDoc | InputError]:
    """Documents with a read error after every fifth, as a folder of files gives them."""
    made: list[InputDoc | InputError] = []
    for number in range(count):
        made.append(InputDoc(f"d{number}", f"{TEXTS[number % 3]} ({number})", f"d{number}.txt",
                             published="2022-10-25"))
        if number % 5 == 4:
            made.append(InputError("L004", f"empty{number}.txt"))
    return made


def outline(results: list[Extracted | InputError]) -> list[str]:
    """Each result as its document's id and record, or its error line."""
    return [r.line() if isinstance(r, InputError) else
            f"{r.item.doc_id} {r.error.line() if r.error else r.as_json()}" for r in results]


def expected(items: list[InputDoc | InputError]) -> list[str]:
    return [i.line() if isinstance(i, InputError) else
            f"{i.doc_id} {Extracted(i, record=extract_document(i)).as_json()}" for i in items]


@pytest.mark.parametrize("count", [0, 1, batch.CHUNK - 1, batch.CHUNK, 2 * batch.CHUNK + 3])
def test_extract_entries_keeps_input_order_across_batches(count: int) -> None:
    items = entries(count)
    assert outline(list(extract_entries(items))) == expected(items)


@pytest.mark.parametrize("jobs", [1, 2])
def test_extract_stream_keeps_read_errors_in_their_place(jobs: int) -> None:
    items = entries(batch.SMALL_RUN + batch.CHUNK + 5)  # past the in-process threshold
    assert outline(list(extract_stream(items, jobs))) == expected(items)


def crashing(step_name: str) -> tuple[pipeline.Step, ...]:
    """The pipeline with one step that raises on a text holding 'BOOM'."""
    def run_or_crash(step: pipeline.Step) -> pipeline.Step:
        def run(doc: Doc, kb: KB) -> None:
            if "BOOM" in doc.text:
                raise ValueError("extractor bug")
            step.run(doc, kb)
        return dataclasses.replace(step, run=run) if step.name == step_name else step
    return tuple(map(run_or_crash, pipeline.STEPS))


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_extractor_bug_fails_its_document_only(monkeypatch: pytest.MonkeyPatch,
                                                  jobs: int) -> None:
    items = entries(batch.SMALL_RUN + 10)
    good = expected(items)
    broken = InputDoc("boom", TEXTS[0] + " BOOM", "boom.txt")
    items.insert(7, broken)
    monkeypatch.setattr(pipeline, "STEPS", crashing("people"))  # workers fork with it
    results = list(extract_stream(items, jobs))
    failed = results.pop(7)
    assert isinstance(failed, Extracted) and failed.item is broken and not failed.ok
    assert failed.error is not None and failed.error.line() == \
        "[L010] boom.txt: extraction failed: ValueError('extractor bug')"
    assert outline(results) == good


@pytest.mark.parametrize("kind", [InputError, *LuoshiError.__subclasses__()])
def test_errors_come_back_from_a_worker_whole(kind: type[LuoshiError]) -> None:
    # an unpicklable error used to leave the run waiting for a worker's result forever
    fields = {"reason": "ValueError('x')", "size": 3, "limit": 2, "line": 4, "suffix": ".doc",
              "directive": "cpc-99", "hint": "cpc", "formulation": "x", "person": "X",
              "holder": "pid 1", "seconds": 5}
    for code in MESSAGES:
        error = kind(code, "dir/a file.txt", **fields)
        again = pickle.loads(pickle.dumps(error))
        assert type(again) is kind and again.line() == error.line() and again.code == code
