"""Speed, memory and correctness of extraction and ingest on a generated corpus.

    python bench/speed.py [--count 10000] [--quick]

Prints one figure a line: extraction docs/s on one core and on all cores, MB/s, peak
memory, the ratio of extraction time to a bare single pass of the lexicon over the same
texts (the floor no extractor can beat), ingest docs/s, database size per 1,000
reports, the latency of each analysis, and how many generated reports came out with the
date, jurisdiction and level, directive and lag the generator planted (in all and by
the level of the meeting).

One-core figures are CPU time of this process (other load on the machine does not
lower them); figures for several processes are wall-clock time.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import Report, generate
from luoshi.batch import Extracted, default_jobs, extract_entries, extract_stream
from luoshi.ingest.readers import InputDoc, content_id
from luoshi.kb import load_kb
from luoshi.normalize import fold
from luoshi.pipeline import extract_document, warm_up


def figure(name: str, value: float, unit: str) -> None:
    print(f"{name:<38s} {value:>12,.1f} {unit}", flush=True)


def timed(func: Callable[[], object]) -> float:
    """Wall-clock seconds."""
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def cpu_timed(func: Callable[[], object]) -> float:
    """CPU seconds of this process: what one core does, whatever else the machine runs."""
    start = time.process_time()
    func()
    return time.process_time() - start


def correct(report: Report, record: dict[str, object]) -> bool:
    expected = report.expected
    events = record.get("events") or [{}]
    event = events[0]  # type: ignore[index]
    directives = {d["id"]: d for d in event.get("directives") or []}
    place = event.get("jurisdiction") or {}
    main = directives.get(expected["directive"]) or {}
    return (event.get("date") == expected["date"] and place.get("name") == expected["jurisdiction"]
            and place.get("level") == expected["level"]
            and main.get("lag_days") == expected["lag_days"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--quick", action="store_true", help="2,000 reports, under 2 minutes")
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--dask", type=int, default=None, metavar="N",
                        help="also compare Dask LocalClusters of 1 and 2 workers on N reports "
                             "(default 2,000 with --quick, 6,000 otherwise; 0 skips)")
    args = parser.parse_args(argv)
    count = 2_000 if args.quick else args.count
    kb = load_kb()
    reports = list(generate(count, seed=7, duplicates=0.05))
    docs = [InputDoc(r.doc_id, r.text, r.doc_id, published=r.published) for r in reports]
    megabytes = sum(len(d.text.encode("utf-8")) for d in docs) / 1e6
    print(f"corpus: {count} generated reports, {megabytes:.1f} MB")

    warm_up(kb)  # lazy tables and imports are not the steady state
    list(extract_entries(docs[:100]))
    kb.lexicon.scan(fold(docs[0].text))
    records: list[dict[str, object]] = []
    # what `luoshi extract` and `ingest` do on one core: batches of documents, each step
    # over a whole batch; timed as the per-language runs below are, the records kept for
    # the checks made apart, so that holding thousands of them does not weigh on the timing
    one = cpu_timed(lambda: list(extract_entries(docs)))
    records.extend(e.as_dict() for e in extract_entries(docs) if isinstance(e, Extracted))
    figure("extract, one core", count / one, "docs/s")
    figure("extract, one core", megabytes / one, "MB/s")
    for lang in ("en", "zh"):
        subset = [d for d, r in zip(docs, reports, strict=True) if r.expected["lang"] == lang]
        seconds = cpu_timed(lambda subset=subset: list(extract_entries(subset)))
        figure(f"extract {lang} only, one core", len(subset) / seconds, "docs/s")
    single = cpu_timed(lambda: [extract_document(d, kb) for d in docs])
    figure("extract one report at a time, one core", count / single, "docs/s")
    scan = cpu_timed(lambda: [kb.lexicon.scan(fold(d.text)) for d in docs])
    figure("bare lexicon scan, one core", count / scan, "docs/s")
    figure("extract time / bare scan time", one / scan, "x")
    jobs = args.jobs or default_jobs()
    many = timed(lambda: [e for e in extract_stream(iter(docs), jobs) if isinstance(e, Extracted)])
    figure(f"extract, {jobs} processes", count / many, "docs/s")
    right = sum(correct(r, rec) for r, rec in zip(reports, records, strict=True))
    figure("planted date+place+level+lag recovered", 100 * right / count, "%")
    for level in ("province", "city", "county"):
        pairs = [(r, rec) for r, rec in zip(reports, records, strict=True)
                 if r.expected["level"] == level]
        if pairs:
            figure(f"  of {level} meetings ({len(pairs)})",
                   100 * sum(correct(r, rec) for r, rec in pairs) / len(pairs), "%")
    figure("peak memory (this process)",
           resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "MB")
    bench_ingest(reports, docs, records, count)
    dask_count = args.dask if args.dask is not None else (2_000 if args.quick else 6_000)
    if dask_count:
        bench_dask(dask_count)
    return 0


def bench_dask(count: int) -> None:
    """The Dask engine on LocalClusters of one and two worker processes, cluster start-up
    and the workers' loading of the knowledge base left out."""
    import json

    from dask.distributed import Client, LocalCluster

    from luoshi.distributed import run_on_dask

    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus.jsonl"
        with corpus.open("w", encoding="utf-8") as out:
            for report in generate(count, seed=11, duplicates=0.05):
                out.write(json.dumps({"id": report.doc_id, "text": report.text,
                                      "published": report.published}, ensure_ascii=False) + "\n")
        rates = {}
        for workers in (1, 2):
            with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                              dashboard_address=None) as cluster, Client(cluster) as client:
                client.run(load_kb)
                seconds = timed(lambda client=client: run_on_dask(
                    [corpus], Path(folder) / "parquet", client=client))
            rates[workers] = count / seconds
            figure(f"Dask LocalCluster, {workers} worker{'s' if workers > 1 else ''}",
                   rates[workers], "docs/s")
        figure("Dask 2 workers / 1 worker", rates[2] / rates[1], "x")


def bench_ingest(reports: list[Report], docs: list[InputDoc], records: list[dict[str, object]],
                 count: int) -> None:
    from luoshi.store.database import open_database
    from luoshi.store.meetings import cluster_meetings

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.duckdb"
        with open_database(path) as db:
            items = [(rec, doc.text, doc.origin) for rec, doc in zip(records, docs, strict=True)]
            seconds = timed(lambda: [db.store_batch(items[i:i + 500])
                                     for i in range(0, len(items), 500)])
            figure("ingest (store only)", count / seconds, "docs/s")
            figure("meeting clustering", timed(lambda: cluster_meetings(db)), "s")
            clusters = dict(db.con.execute(
                "SELECT hash, meeting_id FROM events WHERE idx = 0").fetchall())
        precision, recall, pairs = clustering_scores(reports, clusters)
        figure(f"same-meeting pairs found ({pairs} planted)", 100 * recall, "% recall")
        figure("same-meeting pairs merged rightly", 100 * precision, "% precision")
        figure("database size per 1,000 reports", path.stat().st_size / 1e6 / count * 1000, "MB")
        analysis_latencies(path)


def clustering_scores(reports: list[Report], clusters: dict[str, str]) -> tuple[float, float, int]:
    """Pairwise precision and recall of the stored meetings (by content hash: a text
    reported twice word for word is stored once) against the planted ones."""
    def pairs(groups: dict[str, list[str]]) -> set[tuple[str, str]]:
        return {(a, b) for members in groups.values() for a in members for b in members if a < b}

    truth: dict[str, list[str]] = {}
    found: dict[str, list[str]] = {}
    for report in reports:
        truth.setdefault(report.expected["meeting"], []).append(report.doc_id)
        meeting = clusters.get(content_id(report.text))
        if meeting is not None:
            found.setdefault(meeting, []).append(report.doc_id)
    true_pairs, found_pairs = pairs(truth), pairs(found)
    right = len(true_pairs & found_pairs)
    return (right / len(found_pairs) if found_pairs else 1.0,
            right / len(true_pairs) if true_pairs else 1.0, len(true_pairs))


def analysis_latencies(path: Path) -> None:
    from luoshi.analyse import open_analyses

    with open_analyses(path) as handle:
        for name, call in [("cascade", lambda: handle.cascade("cpc-20")),
                           ("lag by province", lambda: handle.lag("province")),
                           ("fidelity", lambda: handle.fidelity("cpc-20")),
                           ("tifa by month", lambda: handle.tifa("两个确立")),
                           ("tifa top", handle.tifa_top),
                           ("person", lambda: handle.person("Li Qiang")),
                           ("network", handle.network),
                           ("meetings with several reports",
                            lambda: handle.meetings(duplicates=True)),
                           ("search", lambda: handle.search("common prosperity"))]:
            figure(f"analysis: {name}", 1000 * timed(call), "ms")


if __name__ == "__main__":
    sys.exit(main())
