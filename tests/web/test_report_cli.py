"""`luoshi report` (one self-contained file), `luoshi serve`'s checks, and the read-only
connection that waits out a writer's lock."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from luoshi.cli import main
from luoshi.web.db import DatabaseUnavailable, connect_readonly, reading

pytestmark = pytest.mark.issue(6)


def test_report_is_one_self_contained_file(web_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "cpc-20.html"
    result = CliRunner().invoke(main, ["report", "--directive", "cpc-20", "--out", str(out),
                                       "--db", str(web_db)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>")
    # no file or network fetched: no src= or href= to anything but in-page anchors
    assert not re.search(r'<script[^>]+src=', html)
    assert not re.search(r'<link[^>]+href=', html)
    assert 'href="/' not in html  # links to the server's pages are left out
    assert "Plotly" in html and len(html) > 1_000_000  # plotly.js inlined
    for chart in ("timeline", "lags", "fidelity"):
        assert f'id="chart-{chart}"' in html and f'id="chart-data-{chart}"' in html
    assert 'id="responders"' in html and 'id="not-seen"' in html
    assert "cpc-20" in html and "20th National Congress" in html
    assert html.count("<script>") == 2 and html.count("</script>") == 2 + 3  # 3 JSON blocks


def test_report_by_chinese_name(web_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    result = CliRunner().invoke(main, ["report", "--directive", "党的二十大", "--out", str(out),
                                       "--db", str(web_db)])
    assert result.exit_code == 0, result.output
    assert "cpc-20" in out.read_text(encoding="utf-8")


def test_report_unknown_directive_is_one_line(web_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    result = CliRunner().invoke(main, ["report", "--directive", "cpc-99", "--out", str(out),
                                       "--db", str(web_db)])
    assert result.exit_code == 1
    assert "[L041] unknown directive 'cpc-99'" in result.output
    assert not out.exists()


def test_report_and_serve_refuse_a_missing_database(tmp_path: Path) -> None:
    missing = str(tmp_path / "none.duckdb")
    for args in (["report", "--directive", "cpc-20", "--out", str(tmp_path / "r.html")],
                 ["serve"]):
        result = CliRunner().invoke(main, [*args, "--db", missing])
        assert result.exit_code == 1
        assert "[L040]" in result.output and "no such database file" in result.output
    assert not Path(missing).exists()  # read-only: nothing created


def test_serve_help_names_the_defaults() -> None:
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0
    assert "127.0.0.1" in result.output and "8000" in result.output
    assert "luoshi.duckdb" in result.output


def test_reading_is_read_only(web_db: Path) -> None:
    import duckdb

    with reading(web_db) as con, pytest.raises(duckdb.Error):
        con.execute("DELETE FROM documents")


def test_not_a_luoshi_database(tmp_path: Path) -> None:
    import duckdb

    path = tmp_path / "other.duckdb"
    duckdb.connect(str(path)).close()
    with pytest.raises(DatabaseUnavailable, match="not a luoshi database"):
        connect_readonly(path)


def _release(writer: subprocess.Popen[str], kill: bool = False) -> None:
    if kill:
        writer.kill()
    writer.wait(timeout=30)
    if writer.stdout is not None:
        writer.stdout.close()


def _hold_write_lock(path: Path, seconds: float) -> subprocess.Popen[str]:
    """Another process opens the database for writing and keeps it `seconds`."""
    code = ("import duckdb, sys, time\n"
            "con = duckdb.connect(sys.argv[1])\n"
            "print('locked', flush=True)\n"
            "time.sleep(float(sys.argv[2]))\n"
            "con.close()\n")
    writer = subprocess.Popen([sys.executable, "-c", code, str(path), str(seconds)],
                              stdout=subprocess.PIPE, text=True)
    assert writer.stdout is not None
    assert writer.stdout.readline().strip() == "locked"
    return writer


def test_connect_waits_for_a_writer_to_release_the_lock(web_db: Path, tmp_path: Path) -> None:
    path = tmp_path / "copy.duckdb"
    shutil.copy(web_db, path)
    writer = _hold_write_lock(path, 0.8)
    try:
        started = time.monotonic()
        con = connect_readonly(path, retry_seconds=10)
        waited = time.monotonic() - started
        assert con.execute("SELECT count(*) FROM documents").fetchone()[0] > 0  # type: ignore[index]
        con.close()
        assert waited > 0.2  # it did wait for the writer
    finally:
        _release(writer)


def test_connect_gives_up_on_a_long_lock(web_db: Path, tmp_path: Path) -> None:
    path = tmp_path / "copy.duckdb"
    shutil.copy(web_db, path)
    writer = _hold_write_lock(path, 5)
    try:
        with pytest.raises(DatabaseUnavailable, match="locked") as caught:
            connect_readonly(path, retry_seconds=0.3)
        assert caught.value.busy
    finally:
        _release(writer, kill=True)


def test_server_answers_503_while_locked(web_db: Path, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from fastapi.testclient import TestClient

    from luoshi.web import create_app, db

    path = tmp_path / "copy.duckdb"
    shutil.copy(web_db, path)
    monkeypatch.setattr(db, "RETRY_SECONDS", 0.2)
    monkeypatch.setattr(db.connect_readonly, "__defaults__", (0.2,))
    writer = _hold_write_lock(path, 5)
    try:
        with TestClient(create_app(path)) as client:
            response = client.get("/api/overview")
            assert response.status_code == 503 and response.headers["retry-after"] == "2"
            assert client.get("/").status_code == 503
    finally:
        _release(writer, kill=True)
    with TestClient(create_app(path)) as client:
        assert client.get("/api/overview").status_code == 200
