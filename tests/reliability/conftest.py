"""Helpers for the reliability suite: the real CLI, in-process or as a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from luoshi.cli import main

ROOT = Path(__file__).resolve().parents[2]
# the console script's own entry point, with this interpreter (the venv need not be on PATH)
LUOSHI = [sys.executable, "-c", "from luoshi.cli import main; main(prog_name='luoshi')"]


def run_cli(*args: str, stdin: bytes | None = None) -> Result:
    """`luoshi ARGS` in this process, stderr apart from stdout."""
    return CliRunner().invoke(main, list(args), input=stdin, catch_exceptions=False)


def error_lines(stderr: str) -> list[str]:
    """The coded error lines of a run's standard error (progress and summary left out)."""
    return [line for line in stderr.splitlines() if line.startswith("[L")]


def subprocess_env() -> dict[str, str]:
    """The environment for a `luoshi` subprocess: this checkout's sources first."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"),
                                                      env.get("PYTHONPATH")]))
    return env


def popen(*args: str, **kwargs: Any) -> subprocess.Popen[bytes]:
    """`luoshi ARGS` started as a subprocess (pipes for its output unless given)."""
    kwargs.setdefault("stdout", subprocess.PIPE)
    kwargs.setdefault("stderr", subprocess.PIPE)
    return subprocess.Popen([*LUOSHI, *args], env=subprocess_env(), **kwargs)


# Reports the peak resident memory of this process's own image at exit: ru_maxrss would
# include the memory of the forking test process, which Linux carries across exec.
MEASURED = """
import atexit, pathlib, sys
def report():
    status = pathlib.Path("/proc/self/status").read_text()
    peak = next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM"))
    sys.stderr.write(f"peak-memory-kb {peak}\\n")
atexit.register(report)
from luoshi.cli import main
main(prog_name="luoshi")
"""


def run_measured(*args: str, timeout: float = 120) -> tuple[int, str, str, float]:
    """`luoshi ARGS` as a subprocess: exit code, stdout, stderr and its peak memory in MB."""
    if not Path("/proc/self/status").exists():
        pytest.skip("peak memory is read from /proc (Linux)")
    process = subprocess.run([sys.executable, "-c", MEASURED, *args], env=subprocess_env(),
                             capture_output=True, timeout=timeout, check=False)
    stderr = process.stderr.decode()
    peak = [line for line in stderr.splitlines() if line.startswith("peak-memory-kb ")]
    return (process.returncode, process.stdout.decode(), stderr,
            int(peak[-1].split()[1]) / 1024)


@pytest.fixture(scope="session")
def generated_jsonl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """300 generated reports (a tenth of them reposts) as one JSON Lines file."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from generate import generate
    finally:
        sys.path.remove(str(ROOT / "bench"))
    path = tmp_path_factory.mktemp("generated") / "reports.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for report in generate(300, seed=11, duplicates=0.1):
            handle.write(report.line() + "\n")
    return path
