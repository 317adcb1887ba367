"""The Dask engine: partitions, Parquet, and records identical to a single-process run."""

from __future__ import annotations

import itertools
import json
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from luoshi.batch import RunSummary, extracted
from luoshi.cli import main
from luoshi.distributed import jsonl_ranges, parquet_extractions, partition_documents, plan
from luoshi.errors import InputError, LuoshiError
from luoshi.ingest.readers import iter_inputs
from tests.conftest import OWN, SEEDS

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
pytest.importorskip("dask.distributed")
pytest.importorskip("pyarrow")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Generated reports in a JSONL file (with a broken line), the seeds, our English reports."""
    from generate import generate

    folder = tmp_path_factory.mktemp("corpus")
    lines = [json.dumps({"id": r.doc_id, "text": r.text, "published": r.published},
                        ensure_ascii=False) for r in generate(400, seed=21, duplicates=0.05)]
    lines.insert(123, "{broken json")
    lines.insert(200, json.dumps({"text": "No id: the 24th, the county held a meeting."}))
    (folder / "generated.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for source in [*SEEDS.glob("*.txt"), *(OWN / "en").glob("*.txt")]:
        (folder / source.name).write_bytes(source.read_bytes())
    (folder / "bad.txt").write_bytes(b"\x00\x01\x02binary\xff\xfe" * 50)
    return folder


def single_process(paths: list[Path]) -> tuple[dict[str, dict[str, Any]], int]:
    summary = RunSummary()
    records = {e.item.origin: e.record.to_dict() for e in extracted(paths, summary)
               if e.record is not None}
    return records, summary.failed


def test_distributed_jsonl_ranges_cover_the_file_on_line_boundaries(tmp_path: Path) -> None:
    path = tmp_path / "lines.jsonl"
    lines = [f'{{"text": "{"x" * (n % 37)}"}}\n'.encode() for n in range(500)]
    path.write_bytes(b"".join(lines) + b'{"text": "last line, no newline"}')
    data = path.read_bytes()
    for target in (1, 100, 1000, 7000, 10**6):
        ranges = list(jsonl_ranges(path, target))
        assert ranges[0][0] == 0 and ranges[-1][1] == len(data)
        for (_, end, first), (start, _, next_first) in itertools.pairwise(ranges):
            assert start == end and data[end - 1:end] == b"\n"
            assert next_first == data[:start].count(b"\n") + 1
            assert next_first > first


def test_distributed_partitions_read_what_a_single_reader_reads(corpus: Path) -> None:
    partitions, errors = plan([corpus], target=50_000)
    assert not errors and len(partitions) > 5
    assert any(p.jsonl for p in partitions) and any(p.files for p in partitions)
    whole = [(e.origin, e.doc_id, e.text) if not isinstance(e, InputError) else e.line()
             for e in iter_inputs([corpus])]
    pieces = [(e.origin, e.doc_id, e.text) if not isinstance(e, InputError) else e.line()
              for p in partitions for e in partition_documents(p)]
    assert pieces == whole


def test_distributed_records_equal_single_process_on_a_local_cluster(
        corpus: Path, tmp_path: Path) -> None:
    """Two worker processes of a real dask.distributed LocalCluster, through the CLI."""
    out = tmp_path / "parquet"
    result = CliRunner().invoke(main, ["extract", str(corpus), "--engine", "dask", "--jobs", "2",
                                       "-o", str(out)])
    assert result.exit_code == 1  # the broken line and the binary file
    assert "[L006]" in result.output and "generated.jsonl: broken JSON on line 124" in result.output
    assert "bad.txt" in result.output
    assert len(list(out.glob("part-*.parquet"))) >= 2
    expected, failed = single_process([corpus])
    assert failed == 2
    got = {e.item.origin: e.record.to_dict() for e in parquet_extractions(out)
           if e.record is not None}
    assert got.keys() == expected.keys() and len(got) > 400
    assert got == expected


def test_distributed_ingest_parquet_stores_the_run(corpus: Path, tmp_path: Path) -> None:
    from luoshi.store.database import Database

    out, db = tmp_path / "parquet", tmp_path / "l.duckdb"
    runner = CliRunner()
    runner.invoke(main, ["extract", str(corpus / "generated.jsonl"), "--engine", "dask",
                         "--jobs", "1", "-o", str(out)])
    result = runner.invoke(main, ["ingest", "--parquet", str(out), "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output
    again = runner.invoke(main, ["ingest", "--parquet", str(out), "--db", str(db), "-q"])
    assert "0 stored" in again.output
    with Database(db, read_only=True) as database:
        stored = database.con.execute("select count(*) from documents").fetchone()
    assert stored is not None and stored[0] == len(list(parquet_extractions(out)))


def test_distributed_errors_are_one_line(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["extract", str(tmp_path), "--engine", "dask"])
    assert result.exit_code == 2 and "-o" in result.output
    (tmp_path / "empty").mkdir()
    with pytest.raises(LuoshiError, match=r"\[L047\].*no part-\*\.parquet"):
        next(parquet_extractions(tmp_path / "empty"))
    (tmp_path / "notparquet").mkdir()
    (tmp_path / "notparquet" / "part-00000.parquet").write_text("not parquet")
    with pytest.raises(LuoshiError, match=r"\[L047\].*part-00000.parquet"):
        next(parquet_extractions(tmp_path / "notparquet"))
