"""Extract and store: documents go into the database in batches, one transaction each.

A batch is written whole or not at all, so killing a run leaves only whole documents;
documents already stored (same content hash) are skipped, and events a killed run left
without a meeting are clustered, so a re-run completes an interrupted one without
duplicates.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from luoshi.batch import Extracted
from luoshi.store import search_index
from luoshi.store.database import Database
from luoshi.store.meetings import cluster_meetings

BATCH_SIZE = 500  # documents per transaction: large enough to amortise the commit


@dataclass
class IngestSummary:
    stored: int = 0
    skipped: int = 0
    failed: int = 0

    def line(self) -> str:
        return f"ingest: {self.stored} stored, {self.skipped} skipped, {self.failed} failed"


def ingest(db: Database, extractions: Iterable[Extracted], summary: IngestSummary,
           batch_size: int = BATCH_SIZE,
           progress: Callable[[int], None] | None = None) -> IngestSummary:
    """Store each extraction; then group the new reports into meetings."""
    for batch in _batches(iter(extractions), batch_size):
        items = [(e.as_dict(), e.item.text, e.item.origin, e.as_json()) for e in batch if e.ok]
        counts = db.store_batch(items)
        summary.stored += counts.stored
        summary.skipped += counts.skipped
        if progress is not None:
            progress(len(batch))
    with db.big_queries():
        cluster_meetings(db)  # also completes the clustering of a run killed before it
        search_index.compact(db.con)  # new postings into the sorted table, when they are many
    return summary


def _batches(items: Iterator[Extracted], size: int) -> Iterator[list[Extracted]]:
    while batch := list(itertools.islice(items, size)):
        yield batch
