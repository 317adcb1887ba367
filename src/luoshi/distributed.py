"""The same extraction on a Dask cluster, written as partitioned Parquet.

The driver only plans: it walks the inputs and cuts them into partitions of about
`PARTITION_BYTES` (whole files grouped together; a large JSON Lines file split at line
boundaries, each piece knowing the number of its first line). Each worker reads its own
partition, extracts every document with the ordinary pipeline, and writes
`part-NNNNN.parquet` (one row per document: ids, text, the record as JSON) with a
`.tmp` name renamed when complete, so a folder never holds half a partition. Errors come
back to the driver as lines; `luoshi ingest --parquet DIR` stores the folder.

Records are those of a single-process run: same readers, same document ids and origins,
same pipeline (a test compares them on a real `LocalCluster`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from luoshi.batch import Extracted, RunSummary, extract_entries
from luoshi.errors import InputError, LuoshiError
from luoshi.ingest.readers import (
    DEFAULT_MAX_BYTES,
    JSONL_SUFFIXES,
    InputDoc,
    display,
    read_file,
    read_jsonl_range,
    walk,
)

PARTITION_BYTES = 8 * 1024 * 1024  # input per task: seconds of work, a few MB of Parquet
MIN_PARTITION_BYTES = 256 * 1024  # smaller tasks cost more to schedule than to run
TASKS_PER_WORKER = 4  # enough tasks that a slow one does not leave the other workers idle
SCAN_BLOCK = 1024 * 1024  # read size when looking for line boundaries in a JSONL file
PARQUET_COLUMNS = ("doc_id", "origin", "content_hash", "published", "url", "text", "record")


@dataclass(frozen=True)
class Partition:
    """Input files read whole, or one byte range [start, end) of a JSONL file."""

    index: int
    files: tuple[str, ...] = ()
    jsonl: str | None = None
    start: int = 0
    end: int = 0
    first_line: int = 1


@dataclass
class PartitionResult:
    index: int
    documents: int = 0
    errors: list[str] = field(default_factory=list)
    path: str | None = None


def plan(paths: Iterable[str | Path], target: int | None = None, workers: int = 1,
         ) -> tuple[list[Partition], list[InputError]]:
    """Partitions of the inputs under `paths`, in input order; walk errors apart.

    Without a `target` size, partitions are `PARTITION_BYTES` or smaller, so that each
    worker gets at least `TASKS_PER_WORKER` of them.
    """
    files: list[Path] = []
    errors: list[InputError] = []
    for item in walk(paths):
        if isinstance(item, InputError):
            errors.append(item)
        elif str(item) == "-":
            raise LuoshiError("L048", reason="--engine dask reads files and folders, "
                              "not standard input")
        else:
            files.append(item)
    sizes = [_size(path) for path in files]
    if target is None:
        share = sum(sizes) // max(1, workers * TASKS_PER_WORKER)
        target = max(MIN_PARTITION_BYTES, min(PARTITION_BYTES, share))
    partitions: list[Partition] = []
    group: list[str] = []
    group_bytes = 0

    def close_group() -> None:
        nonlocal group, group_bytes
        if group:
            partitions.append(Partition(len(partitions), files=tuple(group)))
        group, group_bytes = [], 0

    for path, size in zip(files, sizes, strict=True):
        if path.suffix.lower() in JSONL_SUFFIXES and size > target:
            close_group()
            for start, end, first_line in jsonl_ranges(path, target):
                partitions.append(Partition(len(partitions), jsonl=str(path), start=start,
                                            end=end, first_line=first_line))
            continue
        group.append(str(path))
        group_bytes += size
        if group_bytes >= target:
            close_group()
    close_group()
    return partitions, errors


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # the worker reports why it cannot be read


def jsonl_ranges(path: Path, target: int) -> Iterator[tuple[int, int, int]]:
    """(start, end, number of the first line) of pieces of about `target` bytes, cut
    just after a newline, covering the whole file."""
    start, line, position, lines_before = 0, 1, 0, 0
    with path.open("rb") as handle:
        while block := handle.read(SCAN_BLOCK):
            cut = target - (position - start)
            while 0 <= cut < len(block):
                newline = block.find(b"\n", cut)
                if newline < 0:
                    break
                end = position + newline + 1
                lines = lines_before + block.count(b"\n", 0, newline + 1)
                yield start, end, line
                start, line = end, lines + 1
                cut = newline + 1 + target
            lines_before += block.count(b"\n")
            position += len(block)
    if position > start:
        yield start, position, line


def partition_documents(partition: Partition, max_bytes: int = DEFAULT_MAX_BYTES,
                        ) -> Iterator[InputDoc | InputError]:
    if partition.jsonl is not None:
        yield from read_jsonl_range(Path(partition.jsonl), partition.start, partition.end,
                                    partition.first_line, max_bytes)
        return
    for name in partition.files:
        yield from read_file(Path(name), max_bytes)


def run_partition(partition: Partition, out_dir: str,
                  max_bytes: int = DEFAULT_MAX_BYTES) -> PartitionResult:
    """On a worker: read, extract and write one partition as Parquet."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    result = PartitionResult(partition.index)
    rows: dict[str, list[Any]] = {name: [] for name in PARQUET_COLUMNS}
    for done in extract_entries(partition_documents(partition, max_bytes)):
        error = done if isinstance(done, InputError) else done.error
        if error is not None:
            result.errors.append(error.line())
            continue
        assert isinstance(done, Extracted) and done.record is not None
        item, record = done.item, done.record
        for name, value in (("doc_id", item.doc_id), ("origin", item.origin),
                            ("content_hash", record.content_hash),
                            ("published", item.published), ("url", item.url),
                            ("text", item.text), ("record", done.as_json())):
            rows[name].append(value)
        result.documents += 1
    table = pa.table({name: pa.array(values, type=pa.string()) for name, values in rows.items()})
    target = Path(out_dir) / f"part-{partition.index:05d}.parquet"
    temporary = target.with_suffix(".parquet.tmp")
    pq.write_table(table, temporary, compression="zstd")
    temporary.replace(target)
    result.path = str(target)
    return result


def require_dask() -> None:
    try:
        import dask.distributed  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError as exc:
        raise LuoshiError("L048", reason=f"{exc.name} is not installed; "
                          "pip install 'luoshi[cluster]'") from None


def run_on_dask(paths: Iterable[str | Path], out_dir: str | Path, scheduler: str | None = None,
                workers: int | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
                on_error: Callable[[str], None] | None = None,
                on_progress: Callable[[int], None] | None = None,
                target: int | None = None, client: Any = None) -> tuple[int, int]:
    """Extract everything under `paths` on a cluster into `out_dir`: (documents, failed).

    Without a scheduler address (or a `client` already connected) a LocalCluster of
    `workers` processes, one thread each, is started and stopped here.
    """
    require_dask()
    from dask.distributed import Client, LocalCluster

    if client is not None:
        return _run(client, paths, out_dir, max_bytes, on_error, on_progress, target)
    cluster = None if scheduler else LocalCluster(
        n_workers=workers or 1, threads_per_worker=1, processes=True, dashboard_address=None)
    try:
        with Client(scheduler or cluster) as own_client:
            return _run(own_client, paths, out_dir, max_bytes, on_error, on_progress, target)
    finally:
        if cluster is not None:
            cluster.close()


def _run(client: Any, paths: Iterable[str | Path], out_dir: str | Path, max_bytes: int,
         on_error: Callable[[str], None] | None, on_progress: Callable[[int], None] | None,
         target: int | None) -> tuple[int, int]:
    from dask.distributed import as_completed

    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob("part-*.parquet*"):
        stale.unlink()  # a folder holds one run: mixing two would store both
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    partitions, walk_errors = plan(paths, target, workers)
    failed = len(walk_errors)
    for error in walk_errors:
        if on_error:
            on_error(error.line())
    documents = 0
    futures = client.map(run_partition, partitions, out_dir=str(folder.resolve()),
                         max_bytes=max_bytes, pure=False)
    for future in as_completed(futures):
        result: PartitionResult = future.result()
        documents += result.documents
        failed += len(result.errors)
        for line in result.errors:
            if on_error:
                on_error(line)
        if on_progress:
            on_progress(documents)
    return documents, failed


def parquet_extractions(folder: str | Path, batch_rows: int = 500) -> Iterator[Extracted]:
    """The documents of a partitioned Parquet folder, as extractions ready to store.

    Read a row group at a time, in partition order: memory stays flat.
    """
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise LuoshiError("L047", str(folder), reason="pyarrow is not installed; "
                          "pip install 'luoshi[cluster]'") from None
    parts = sorted(Path(folder).glob("part-*.parquet"))
    if not parts:
        raise LuoshiError("L047", display(folder), reason="no part-*.parquet files (made by "
                          "`luoshi extract --engine dask -o DIR`)")
    for part in parts:
        try:
            handle = pq.ParquetFile(part)
            missing = set(PARQUET_COLUMNS) - set(handle.schema_arrow.names)
            if missing:
                raise LuoshiError("L047", display(part), reason="not a luoshi partition "
                                  f"(no {', '.join(sorted(missing))} column)")
            for batch in handle.iter_batches(batch_size=batch_rows,
                                             columns=list(PARQUET_COLUMNS)):
                for row in batch.to_pylist():
                    item = InputDoc(row["doc_id"], row["text"], row["origin"],
                                    published=row["published"], url=row["url"])
                    yield Extracted(item, record_json=row["record"])
        except (OSError, ValueError) as exc:  # pyarrow's errors derive from these
            raise LuoshiError("L047", display(part), reason=f"unreadable ({exc})") from None


def counted(extractions: Iterable[Extracted], summary: RunSummary) -> Iterator[Extracted]:
    """The extractions, each counted as done in `summary` (for progress and the summary)."""
    for extraction in extractions:
        summary.done += 1
        yield extraction
