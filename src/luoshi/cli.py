"""The `luoshi` command: each verb parses its options, calls the library, prints.

Data goes to standard output, progress and errors to standard error. Exit codes: 0 all
went well, 1 some inputs failed, 2 usage error.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

import click

from luoshi.batch import Extracted, RunSummary, default_jobs, extracted
from luoshi.errors import LuoshiError
from luoshi.ingest.readers import DEFAULT_MAX_BYTES
from luoshi.record import Record

FORMATS = ("jsonl", "json", "table")


def extracted_records(paths: tuple[str, ...], summary: RunSummary, fail_fast: bool,
                      max_bytes: int, jobs: int = 1) -> Iterator[Record]:
    for item in extracted(paths or ("-",), summary, fail_fast, max_bytes, jobs):
        assert item.record is not None
        yield item.record


def write_extracted(items: Iterator[Extracted], fmt: str, out: TextIO) -> None:
    """Records as `write_records` writes them; JSON Lines straight from the workers' JSON."""
    if fmt != "jsonl":
        write_records((item.record for item in items if item.record is not None), fmt, out)
        return
    for item in items:
        out.write(item.as_json() + "\n")


def echo_error(line: str) -> None:
    click.echo(line, err=True)


def write_records(records: Iterator[Record], fmt: str, out: TextIO) -> None:
    from luoshi.render import record_block

    if fmt == "json":
        out.write(json.dumps([r.to_dict() for r in records], ensure_ascii=False, indent=1))
        out.write("\n")
        return
    for record in records:
        if fmt == "table":
            out.write(record_block(record) + "\n\n")
        else:
            out.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")


@click.group()
@click.version_option(package_name="luoshi")
def main() -> None:
    """luoshi: reports of Chinese Party and government meetings as structured data."""


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl",
              show_default=True, help="jsonl: one record a line; table: for reading.")
@click.option("-o", "--output", type=click.Path(writable=True),
              help="Write here instead of standard output (a folder with --engine dask).")
@click.option("--fail-fast", is_flag=True, help="Stop at the first bad input.")
@click.option("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, show_default=True,
              help="Refuse files larger than this.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=default_jobs,
              show_default="all cores", help="Worker processes (Dask: local workers).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local",
              show_default=True, help="dask: run on a Dask cluster, write partitioned Parquet.")
@click.option("--scheduler", metavar="ADDRESS",
              help="Dask scheduler (tcp://host:8786); default: a local cluster of --jobs workers.")
def extract(paths: tuple[str, ...], fmt: str, output: str | None, fail_fast: bool,
            max_bytes: int, jobs: int, engine: str, scheduler: str | None) -> None:
    """Extract a record from each report in PATHS (files or folders; '-' or none: stdin).

    Examples:

        luoshi extract samples/ --format table

        luoshi extract crawl/ --engine dask -o records/   # then: luoshi ingest --parquet records/
    """
    if engine == "dask" or scheduler:
        sys.exit(extract_on_dask(paths, output, jobs, scheduler, max_bytes))
    if output and Path(output).is_dir():
        raise click.UsageError(f"-o {output} is a folder; records go to a file")
    summary = RunSummary(echo_error)
    items = extracted(paths or ("-",), summary, fail_fast, max_bytes, jobs)
    if output:
        with Path(output).open("w", encoding="utf-8") as handle:
            write_extracted(items, fmt, handle)
    else:
        write_extracted(items, fmt, sys.stdout)
    click.echo(summary.line("extract"), err=True)
    sys.exit(1 if summary.failed else 0)


def extract_on_dask(paths: tuple[str, ...], output: str | None, jobs: int,
                    scheduler: str | None, max_bytes: int) -> int:
    """`luoshi extract --engine dask`: the exit code."""
    from luoshi.distributed import run_on_dask

    if not output:
        raise click.UsageError("--engine dask writes Parquet partitions: give a folder with -o")
    if not paths:
        raise click.UsageError("--engine dask reads files and folders: give PATHS")
    started = time.perf_counter()
    try:
        documents, failed = run_on_dask(paths, output, scheduler=scheduler, workers=jobs,
                                        max_bytes=max_bytes, on_error=echo_error)
    except LuoshiError as exc:
        echo_error(exc.line())
        return 1
    click.echo(f"extract: {documents} documents, {failed} failed, in "
               f"{time.perf_counter() - started:.1f} s; Parquet in {output}", err=True)
    return 1 if failed else 0


@main.command(name="eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--pred", type=click.Path(exists=True, dir_okay=False),
              help="Records (JSON Lines) to score; default: extract the gold folder's reports.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--min", "minimum", type=float, help="Exit 1 when overall is below this.")
@click.option("--errors", is_flag=True, help="List each report's wrong fields.")
def evaluate(gold_dir: str, pred: str | None, as_json: bool, minimum: float | None,
             errors: bool) -> None:
    """Score records against the gold files (*.gold.json) in GOLD_DIR, field by field.

    Example:

        luoshi eval ../shared/corpus/seeds
    """
    from luoshi.evaluate import load_golds, score

    golds = load_golds(Path(gold_dir))
    if pred:
        predictions = [json.loads(line) for line in Path(pred).read_text("utf-8").splitlines()
                       if line.strip()]
    else:
        summary = RunSummary(echo_error)
        predictions = [r.to_dict() for r in extracted_records((gold_dir,), summary, False,
                                                              DEFAULT_MAX_BYTES)]
    report = score(golds, predictions)
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=1))
    else:
        click.echo("\n".join(report.lines()))
        if errors:
            for item in report.errors:
                click.echo(f"  {item['doc_id']}: {', '.join(item['wrong']) or '-'}"
                           + (f"; outside gold: {', '.join(item['formulations_outside_gold'])}"
                              if item["formulations_outside_gold"] else ""))
    sys.exit(1 if minimum is not None and report.overall < minimum else 0)


@main.group()
def kb() -> None:
    """Inspect and check the knowledge base (bundled data merged with your own files)."""


@kb.command("show")
@click.argument("table", type=click.Choice(["formulations", "directives", "jurisdictions",
                                            "posts", "officials", "outlets"]))
@click.option("--grep", help="Only rows containing this text (any column).")
def kb_show(table: str, grep: str | None) -> None:
    """Print a table of the knowledge base as TSV.

    Example:

        luoshi kb show formulations --grep 两个
    """
    from luoshi.kb.check import table_rows

    for line in table_rows(table, grep):
        click.echo(line)


@kb.command("check")
def kb_check() -> None:
    """Check every data file: schema, duplicate keys, colliding variants, date order.

    Example:

        luoshi kb check
    """
    from luoshi.kb import load_kb
    from luoshi.kb.check import check_kb

    problems = check_kb(load_kb())
    for problem in problems:
        click.echo(problem, err=True)
    click.echo(f"kb check: {len(problems)} problems")
    sys.exit(1 if problems else 0)


from luoshi import cli_store, cli_web  # noqa: E402  - register the store, analysis and web verbs

__all__ = ["cli_store", "cli_web", "main"]
