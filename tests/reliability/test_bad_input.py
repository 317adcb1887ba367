"""Bad input through the real CLI: each bad file is one line on stderr, the rest is processed.

A folder holds good reports in every encoding luoshi reads (they must be decoded and
extracted exactly as their UTF-8 text is) beside files that cannot be reports: binary,
empty, NUL bytes, a truncated page without text, broken JSON lines, a broken link, a
pipe, a file that cannot be opened. `luoshi extract` and `luoshi ingest` must name each
bad file once with its reason, process the others, print a summary and exit 1;
`--fail-fast` stops at the first bad file.
"""

from __future__ import annotations

import codecs
import json
import os
import random
from pathlib import Path
from typing import Any

import pytest

from luoshi.pipeline import extract
from luoshi.store.database import open_database
from tests.reliability.conftest import error_lines, run_cli, run_measured

pytestmark = pytest.mark.issue(8)

ZH = ("新华社杭州10月24日电 10月24日，浙江省委常委会召开会议，传达学习党的二十大精神。"
      "会议强调，要深刻领悟“两个确立”的决定性意义。省委书记易炼红主持会议并讲话。")
TW = ("新華社杭州10月24日電 10月24日，浙江省委常委會召開會議，傳達學習黨的二十大精神。"
      "會議強調，要深刻領悟「兩個確立」的決定性意義。省委書記易煉紅主持會議並講話。")
EN = ("HANGZHOU, Oct. 25 -- On October 24, the Standing Committee of the Zhejiang Provincial "
      "Party Committee held a meeting to study the spirit of the 20th CPC National Congress. "
      "Yi Lianhong, Secretary of the Provincial Party Committee, presided over the meeting.")


def _zh(n: int) -> str:
    """The Chinese report with a line of its own, so that each file is a different text."""
    return f"{ZH}\n第{n}期"


# good file -> (its bytes, the text they must decode to)
GOOD: dict[str, tuple[bytes, str]] = {
    "01_english.txt": (EN.encode(), EN),
    "02_utf8_bom.txt": (codecs.BOM_UTF8 + _zh(2).encode(), _zh(2)),
    "03_gb18030.txt": (_zh(3).encode("gb18030"), _zh(3)),
    "04_gbk.txt": (_zh(4).encode("gbk"), _zh(4)),
    "05_big5.txt": (TW.encode("big5"), TW),
    "06_utf16le_bom.txt": (codecs.BOM_UTF16_LE + _zh(6).encode("utf-16-le"), _zh(6)),
    "07_utf16be_bom.txt": (codecs.BOM_UTF16_BE + _zh(7).encode("utf-16-be"), _zh(7)),
    "08_utf16le.txt": (_zh(8).encode("utf-16-le"), _zh(8)),
    "09_utf16be.txt": (_zh(9).encode("utf-16-be"), _zh(9)),
    # UTF-8 read as Latin-1 and saved again as UTF-8
    "10_mojibake.txt": (_zh(10).encode().decode("latin-1").encode(), _zh(10)),
}
TRUNCATED_PAGE = (f"<html><head><title>省委常委会召开会议</title></head><body><div><p>{_zh(11)}"
                  "<p>会议要").encode()
# bad file -> (its bytes, error code, words the reason must contain)
BAD: dict[str, tuple[bytes, str, str]] = {
    "20_binary.txt": (random.Random(8).randbytes(4096), "L00", ""),  # L002 or L003
    "21_empty.txt": (b"", "L004", "empty"),
    "22_blank.txt": (b" \r\n\t \n", "L004", "empty"),
    "23_nul.txt": (EN.encode()[:80] + b"\x00\x00" + EN.encode()[80:], "L002", "NUL"),
    "24_elf.txt": (b"\x7fELF\x02\x01\x01" + bytes(range(256)) * 8, "L002", ""),
    "25_truncated_head.html": (b"<html><head><title>x</title><sty", "L008", "no main text"),
    "26_bad_json.json": (b'{"text": "unterminated', "L006", "broken JSON"),
    "27_no_text.json": (b'{"title": "no text"}', "L007", "no 'text' field"),
}
JSONL_LINES = [
    json.dumps({"id": "jsonl-good-1", "text": EN + " First line."}),
    '{"id": "jsonl-broken", "text": "cut off',
    json.dumps({"id": "jsonl-no-text", "title": "x"}),
    "",
    "[1, 2",
    json.dumps({"id": "jsonl-good-2", "text": _zh(30), "url": {"not": "a string"}}),
    # a lone surrogate escaped in JSON: no file or database can hold it as it is
    '{"id": "jsonl-surrogate", "text": "' + EN + ' \\ud800 end"}',
]
JSONL_ERRORS = ["line 2", "line 3", "line 5"]
JSONL_GOOD = ["jsonl-good-1", "jsonl-good-2", "jsonl-surrogate"]


def make_folder(folder: Path) -> dict[str, str]:
    """Write the good and bad files; return {bad path: expected code} for the unusual ones."""
    folder.mkdir()
    for name, (data, _) in GOOD.items():
        (folder / name).write_bytes(data)
    (folder / "11_truncated.html").write_bytes(TRUNCATED_PAGE)
    for name, (data, _, _) in BAD.items():
        (folder / name).write_bytes(data)
    (folder / "28_lines.jsonl").write_text("\n".join(JSONL_LINES) + "\n", encoding="utf-8")
    (folder / "40_broken_link.txt").symlink_to(folder / "gone.txt")
    os.mkfifo(folder / "41_pipe.txt")
    (folder / "42_folder.txt").mkdir()  # named like a report: walked as a folder, holds nothing
    (folder / "43_denied.txt").write_bytes(EN.encode())
    (folder / "44_denied.jsonl").write_bytes(EN.encode())
    return {str(folder / "40_broken_link.txt"): "broken symbolic link",
            str(folder / "41_pipe.txt"): "a pipe",
            str(folder / "43_denied.txt"): "Permission denied",
            str(folder / "44_denied.jsonl"): "Permission denied"}


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, dict[str, str]]:
    """The mixed folder; the 'denied' files cannot be opened, also when tests run as root."""
    unusual = make_folder(tmp_path / "reports")
    denied = {p for p, why in unusual.items() if why == "Permission denied"}
    real_open = Path.open

    def refusing_open(self: Path, *args: Any, **kwargs: Any) -> Any:
        if str(self) in denied:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refusing_open)
    return tmp_path / "reports", unusual


def expected_failures(folder: Path, unusual: dict[str, str]) -> int:
    return len(BAD) + len(JSONL_ERRORS) + len(unusual)


def check_error_lines(stderr: str, folder: Path, unusual: dict[str, str]) -> None:
    """One line per bad file (per bad line of a JSONL file), naming it and the reason."""
    lines = error_lines(stderr)
    assert len(lines) == expected_failures(folder, unusual), stderr
    for name, (_, code, reason) in BAD.items():
        [line] = [x for x in lines if f"{folder / name}:" in x]
        assert line.startswith(f"[{code}"), line
        assert reason in line
    for path, reason in unusual.items():
        [line] = [x for x in lines if f"{path}:" in x]
        assert line.startswith("[L001]") and reason in line, line
    jsonl = [x for x in lines if str(folder / "28_lines.jsonl") in x]
    assert len(jsonl) == len(JSONL_ERRORS)
    for line, where in zip(jsonl, JSONL_ERRORS, strict=True):
        assert where in line, line
    assert all(name not in stderr for name in GOOD)


def comparable(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if k not in ("doc_id", "content_hash")}


def test_extract_reports_each_bad_file_once_and_extracts_the_rest(folder: Any) -> None:
    path, unusual = folder
    result = run_cli("extract", str(path), "--jobs", "1")
    assert result.exit_code == 1
    check_error_lines(result.stderr, path, unusual)
    records = {r["doc_id"]: r for r in map(json.loads, result.stdout.splitlines())}
    expected_ids = {Path(n).stem for n in GOOD} | {"11_truncated", *JSONL_GOOD}
    assert set(records) == expected_ids
    # every encoding is read as the text it holds: the same record as from the UTF-8 text
    for name, (_, text) in GOOD.items():
        assert comparable(records[Path(name).stem]) == comparable(extract(text).to_dict()), name
    assert records["03_gb18030"]["events"][0]["kind"] == "standing_committee_meeting"
    assert "\ufffd" not in json.dumps(records["jsonl-good-2"], ensure_ascii=False)
    assert f"extract: {len(expected_ids)} documents, " \
           f"{expected_failures(path, unusual)} failed" in result.stderr


def test_extract_parallel_reports_the_same(folder: Any) -> None:
    path, _ = folder
    serial = run_cli("extract", str(path), "--jobs", "1")
    parallel = run_cli("extract", str(path), "--jobs", "2")
    assert parallel.exit_code == 1
    assert parallel.stdout == serial.stdout
    assert error_lines(parallel.stderr) == error_lines(serial.stderr)


def test_ingest_reports_each_bad_file_once_and_stores_the_rest(folder: Any,
                                                               tmp_path: Path) -> None:
    path, unusual = folder
    db = str(tmp_path / "bad.duckdb")
    result = run_cli("ingest", str(path), "--db", db, "--jobs", "1")
    assert result.exit_code == 1
    check_error_lines(result.stderr, path, unusual)
    good = len(GOOD) + 1 + len(JSONL_GOOD)
    failed = expected_failures(path, unusual)
    assert f"ingest: {good} stored, 0 skipped, {failed} failed" in result.stderr
    with open_database(db, read_only=True) as database:
        assert database.counts()["documents"] == good
    again = run_cli("ingest", str(path), "--db", db, "--jobs", "1", "--quiet")
    assert again.exit_code == 1
    assert f"ingest: 0 stored, {good} skipped, {failed} failed" in again.stderr
    assert len(error_lines(again.stderr)) == failed


@pytest.mark.parametrize("verb", ["extract", "ingest"])
def test_fail_fast_stops_at_the_first_bad_file(folder: Any, tmp_path: Path, verb: str) -> None:
    path, _ = folder
    args = ["--db", str(tmp_path / "ff.duckdb")] if verb == "ingest" else []
    result = run_cli(verb, str(path), "--jobs", "1", "--fail-fast", *args)
    assert result.exit_code == 1
    [line] = error_lines(result.stderr)
    assert str(path / "20_binary.txt") in line  # the first bad file in sorted order
    done = len(GOOD) + 1  # the files sorted before it
    if verb == "ingest":
        assert f"ingest: {done} stored, 0 skipped, 1 failed" in result.stderr
        with open_database(args[1], read_only=True) as database:
            assert database.counts()["documents"] == done
    else:
        assert len(result.stdout.splitlines()) == done
        assert f"extract: {done} documents, 1 failed" in result.stderr


def test_only_good_files_exit_zero(tmp_path: Path) -> None:
    for name, (data, _) in GOOD.items():
        (tmp_path / name).write_bytes(data)
    result = run_cli("extract", str(tmp_path), "--jobs", "1")
    assert result.exit_code == 0, result.stderr
    assert error_lines(result.stderr) == []


def test_bad_paths_given_directly(tmp_path: Path) -> None:
    """Named on the command line (not found in a folder), bad paths fail the same way."""
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "link.txt").symlink_to(tmp_path / "missing.txt")
    (tmp_path / "good.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "data.csv").write_text("a,b", encoding="utf-8")
    names = ["pipe.txt", "link.txt", "missing.txt", "data.csv", "good.txt"]
    result = run_cli("extract", *(str(tmp_path / n) for n in names), "--jobs", "1")
    assert result.exit_code == 1
    lines = error_lines(result.stderr)
    assert [line[:6] for line in lines] == ["[L001]", "[L001]", "[L011]", "[L009]"]
    assert all(str(tmp_path / n) in line for n, line in zip(names, lines, strict=False))
    assert len(result.stdout.splitlines()) == 1


def test_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    """A file name with bytes that are not UTF-8 is processed and printed without crashing."""
    (tmp_path / os.fsdecode(b"report-\xff.txt")).write_bytes(EN.encode())
    (tmp_path / os.fsdecode(b"empty-\xfe.txt")).write_bytes(b"")
    result = run_cli("extract", str(tmp_path), "--jobs", "1")
    assert result.exit_code == 1
    [line] = error_lines(result.stderr)
    assert "empty-\ufffd.txt: empty file" in line
    [record] = map(json.loads, result.stdout.splitlines())
    assert record["doc_id"] == "report-\ufffd"
    ingest = run_cli("ingest", str(tmp_path), "--db", str(tmp_path / "x.duckdb"), "-q")
    assert "ingest: 1 stored, 0 skipped, 1 failed" in ingest.stderr


@pytest.mark.parametrize(("data", "code"), [
    (b"", "L004"), (random.Random(3).randbytes(2000), "L00"), (b"ab\x00cd" * 100, "L002"),
])
def test_stdin_bad_input_is_one_line(data: bytes, code: str) -> None:
    result = run_cli("extract", "-", stdin=data)
    assert result.exit_code == 1
    [line] = error_lines(result.stderr)
    assert line.startswith(f"[{code}") and "<stdin>" in line


def test_stdin_larger_than_the_limit_is_refused() -> None:
    result = run_cli("extract", "--max-bytes", "1000", stdin=EN.encode() * 10)
    assert result.exit_code == 1
    [line] = error_lines(result.stderr)
    assert line.startswith("[L005] <stdin>: too large")
    assert result.stdout == ""


def test_100_mb_files_are_refused_in_bounded_memory(tmp_path: Path) -> None:
    """A 100 MB text and a 100 MB JSONL line are one L005 line each, never read whole."""
    line = EN.encode() + b"\n"
    copies = 100 * 1024 * 1024 // len(line) + 1
    with (tmp_path / "huge.txt").open("wb") as handle:
        for _ in range(copies // 1024 + 1):
            handle.write(line * 1024)
    with (tmp_path / "huge.jsonl").open("wb") as handle:
        handle.write(b'{"id": "huge", "text": "')
        for _ in range(copies // 1024 + 1):
            handle.write(line.rstrip() * 1024)
        handle.write(b'"}\n' + json.dumps({"id": "after", "text": EN}).encode() + b"\n")
    (tmp_path / "small.txt").write_bytes(line)
    code, _, stderr, peak_mb = run_measured("extract", "--jobs", "1", str(tmp_path))
    assert code == 1
    lines = error_lines(stderr)
    assert [line[:6] for line in lines] == ["[L005]", "[L005]"]
    assert f"{tmp_path / 'huge.jsonl'}:1: too large" in lines[0]
    assert f"{tmp_path / 'huge.txt'}: too large" in lines[1]
    assert "extract: 2 documents, 2 failed" in stderr
    assert peak_mb < 150, f"peak memory {peak_mb:.0f} MB for 200 MB of input"


def test_ingest_database_failure_is_one_line_and_keeps_what_was_stored(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """DuckDB failing (here: out of memory while grouping meetings) ends `luoshi ingest`
    with one line naming the database, not a traceback; the stored batches stay."""
    import duckdb

    from luoshi.store import ingest as store_ingest

    def out_of_memory(db: object) -> int:
        raise duckdb.OutOfMemoryException("Out of Memory Error: could not allocate block\nhint")

    monkeypatch.setattr(store_ingest, "cluster_meetings", out_of_memory)
    (tmp_path / "zh.txt").write_text(ZH, encoding="utf-8")
    db = str(tmp_path / "oom.duckdb")
    result = run_cli("ingest", str(tmp_path / "zh.txt"), "--db", db, "--jobs", "1", "-q")
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines()[-1] == (
        f"[L040] {db}: database: Out of Memory Error: could not allocate block")
    assert "Traceback" not in result.stderr
    with open_database(db, read_only=True) as database:
        assert database.counts()["documents"] == 1
