"""End to end at scale: generate N reports, `luoshi ingest` them, time the analyses.

    python bench/scale.py [--count 100000] [--jobs 2] [--keep DIR]

Generates the corpus to a JSON Lines file (streamed: the generator holds no list), runs
the real `luoshi ingest FILE --jobs J` as a subprocess, and prints one figure a line:
generation time, ingest wall time and docs/s, the peak memory of the largest process
(ingest's main process or one of its workers), database size in total and per 1,000
reports, and the latency of each analysis on the resulting database (target: under 1 s
at 100,000 reports). With --keep the corpus and database stay in DIR for bench/web.py.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate
from speed import analysis_latencies, figure

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--keep", type=Path, default=None,
                        help="keep the corpus and the database in this folder")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        corpus, db = folder / f"corpus{args.count}.jsonl", folder / f"luoshi{args.count}.duckdb"
        for stale in folder.glob(db.name + "*"):
            stale.unlink()
        started = time.perf_counter()
        with corpus.open("w", encoding="utf-8") as out:
            for report in generate(args.count, seed=8, duplicates=0.05):
                out.write(json.dumps({"id": report.doc_id, "text": report.text,
                                      "published": report.published}, ensure_ascii=False) + "\n")
        figure(f"generate {args.count:,} reports", time.perf_counter() - started, "s")
        figure("corpus size", corpus.stat().st_size / 1e6, "MB")
        started = time.perf_counter()
        subprocess.run([str(Path(sys.executable).parent / "luoshi"), "ingest", str(corpus), "--db",
                        str(db), "--jobs", str(args.jobs), "-q"], check=True, cwd=ROOT)
        seconds = time.perf_counter() - started
        figure(f"ingest, {args.jobs} processes", seconds, "s")
        figure("ingest", args.count / seconds, "docs/s")
        figure("ingest", corpus.stat().st_size / 1e6 / seconds, "MB/s")
        figure("peak memory (largest ingest process)",
               resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, "MB")
        size = sum(p.stat().st_size for p in folder.glob(db.name + "*")) / 1e6
        figure("database size", size, "MB")
        figure("database size per 1,000 reports", size / args.count * 1000, "MB")
        analysis_latencies(db)
    return 0


if __name__ == "__main__":
    sys.exit(main())
