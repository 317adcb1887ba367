"""Many documents through the pipeline: streamed, on one core or on all of them.

Inputs are read lazily and at most `WINDOW_PER_JOB * jobs` documents are in flight, so
memory stays flat whatever the corpus size. Results come back in input order, so a run
with `--jobs 4` writes exactly what a run with `--jobs 1` writes.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from luoshi import jsoncodec
from luoshi.errors import InputError, LuoshiError
from luoshi.ingest.readers import DEFAULT_MAX_BYTES, InputDoc, iter_inputs
from luoshi.record import Record

WINDOW_PER_JOB = 256  # documents in flight per worker: enough to hide scheduling, a few MB
# documents sent to a worker at once, and extracted as one batch (`pipeline.extract_batch`):
# amortises pickling and keeps each step in the processor's caches (past 64, no faster),
# without starving other workers
CHUNK = 64
SMALL_RUN = 64  # fewer documents than this run in-process: a worker pool costs more to start


class Extracted:
    """One input document and what became of it: its record, or the error it raised.

    Worker processes send the record back as JSON (`record_json`): cheaper to pass between
    processes than the dataclasses, and what a store or a JSON Lines output wants anyway;
    `record` turns it back into a Record only when someone asks.
    """

    def __init__(self, item: InputDoc, record: Record | None = None,
                 error: LuoshiError | None = None, record_json: str | None = None) -> None:
        self.item = item
        self.error = error
        self.record_json = record_json
        self._record = record

    @property
    def ok(self) -> bool:
        return self.error is None and (self._record is not None or self.record_json is not None)

    @property
    def record(self) -> Record | None:
        if self._record is None and self.record_json is not None:
            self._record = Record.from_dict(jsoncodec.loads(self.record_json))
        return self._record

    def as_json(self) -> str:
        """The record as one line of JSON."""
        if self.record_json is None:
            assert self._record is not None
            self.record_json = jsoncodec.dumps_record(self._record)
        return self.record_json

    def as_dict(self) -> dict[str, Any]:
        if self._record is not None:
            return self._record.to_dict()
        data: dict[str, Any] = jsoncodec.loads(self.as_json())
        return data


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (
        os.cpu_count() or 1)


def extract_many(items: list[InputDoc], as_json: bool = False) -> list[Extracted]:
    """The extractions of a batch of documents (`pipeline.extract_batch`), in order; with
    `as_json`, their records as JSON only."""
    from luoshi.kb import load_kb
    from luoshi.pipeline import extract_batch

    done = []
    for item, outcome in zip(items, extract_batch(items, load_kb()), strict=True):
        if isinstance(outcome, Exception):  # an extractor bug must not stop a crawl
            done.append(Extracted(item, error=InputError("L010", item.origin,
                                                         reason=repr(outcome))))
        elif as_json:
            done.append(Extracted(item, record_json=jsoncodec.dumps_record(outcome)))
        else:
            done.append(Extracted(item, record=outcome))
    return done


def extract_entries(entries: Iterable[InputDoc | InputError], as_json: bool = False,
                    ) -> Iterator[Extracted | InputError]:
    """In this process: each entry's extraction (or its read error), in order, the
    documents extracted a batch at a time."""
    for chunk in _chunks(iter(entries), CHUNK):
        docs = [entry for entry in chunk if not isinstance(entry, InputError)]
        yield from _in_order(chunk, extract_many(docs, as_json))


def _in_order(chunk: list[InputDoc | InputError], extractions: Iterable[Extracted],
              ) -> Iterator[Extracted | InputError]:
    """The chunk's read errors and its documents' extractions, in the chunk's order."""
    done = iter(extractions)
    for entry in chunk:
        yield entry if isinstance(entry, InputError) else next(done)


def _warm_worker() -> None:
    """A worker loads what extraction loads lazily before its first document (not the
    parent, whose memory holds the database's work)."""
    from luoshi.kb import load_kb
    from luoshi.pipeline import warm_up

    warm_up(load_kb())


def _extract_chunk(items: list[InputDoc]) -> list[tuple[str | None, LuoshiError | None]]:
    """In a worker process: each record as JSON, or its error. The documents themselves
    do not travel back: the main process still has them."""
    return [(done.record_json, done.error) for done in extract_many(items, as_json=True)]


def extract_stream(inputs: Iterable[InputDoc | InputError], jobs: int = 1,
                   ) -> Iterator[Extracted | InputError]:
    """Each input's extraction (or its read error), in input order."""
    iterator = iter(inputs)
    head = list(itertools.islice(iterator, SMALL_RUN))
    if jobs <= 1 or len(head) < SMALL_RUN:
        yield from extract_entries(itertools.chain(head, iterator))
        return
    yield from _parallel(itertools.chain(head, iterator), jobs)


def _parallel(inputs: Iterator[InputDoc | InputError], jobs: int,
              ) -> Iterator[Extracted | InputError]:
    context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    pending: deque[tuple[list[InputDoc | InputError], list[InputDoc], object]] = deque()
    with context.Pool(jobs, initializer=_warm_worker) as pool:
        for chunk in _chunks(inputs, CHUNK):
            docs = [e for e in chunk if not isinstance(e, InputError)]
            pending.append((chunk, docs, pool.apply_async(_extract_chunk, (docs,))))
            while len(pending) * CHUNK >= WINDOW_PER_JOB * jobs:
                yield from _drain(pending.popleft())
        while pending:
            yield from _drain(pending.popleft())


def _drain(entry: tuple[list[InputDoc | InputError], list[InputDoc], object],
           ) -> Iterator[Extracted | InputError]:
    chunk, docs, result = entry
    yield from _in_order(chunk, (
        Extracted(item, error=error, record_json=record_json)
        for item, (record_json, error) in zip(docs, result.get(),  # type: ignore[attr-defined]
                                              strict=True)))


def _chunks(items: Iterator[InputDoc | InputError], size: int,
            ) -> Iterator[list[InputDoc | InputError]]:
    while chunk := list(itertools.islice(items, size)):
        yield chunk


class RunSummary:
    """Counts of a run; each failure is reported through `report` as one line."""

    def __init__(self, report: Callable[[str], None] | None = None) -> None:
        self.done = 0
        self.failed = 0
        self.report = report

    def fail(self, error: LuoshiError) -> None:
        self.failed += 1
        if self.report is not None:
            self.report(error.line())

    def line(self, verb: str) -> str:
        return f"{verb}: {self.done} documents, {self.failed} failed"


def extracted(paths: Iterable[str | Path], summary: RunSummary, fail_fast: bool = False,
              max_bytes: int = DEFAULT_MAX_BYTES, jobs: int = 1) -> Iterator[Extracted]:
    """Successful extractions under `paths`; failures are counted and reported."""
    for entry in extract_stream(iter_inputs(paths, max_bytes=max_bytes), jobs):
        error = entry if isinstance(entry, InputError) else entry.error
        if error is not None:
            summary.fail(error)
            if fail_fast:
                return
            continue
        assert isinstance(entry, Extracted)
        summary.done += 1
        yield entry
