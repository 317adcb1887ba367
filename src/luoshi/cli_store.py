"""The store's verbs: ingest, and the analyses that read the database.

Each verb opens the database, calls one function of `luoshi.analyse`, prints the
DataFrames it returns (a table for people, or CSV/JSON for programs), and turns a
LuoshiError into one line on standard error and exit code 1.
"""

from __future__ import annotations

import functools
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import click

from luoshi.batch import RunSummary, default_jobs, extracted
from luoshi.cli import echo_error, main
from luoshi.errors import LuoshiError
from luoshi.ingest.readers import DEFAULT_MAX_BYTES

F = TypeVar("F", bound=Callable[..., Any])
OUTPUTS = ("table", "csv", "json")
DEFAULT_DB = "luoshi.duckdb"
WRITE_LOCK_TIMEOUT = 60.0  # seconds: readers hold the file for one request, a minute is plenty


def db_option(func: F) -> F:
    return click.option("--db", default=DEFAULT_DB, show_default=True,
                        type=click.Path(dir_okay=False), help="The database file.")(func)


def output_option(func: F) -> F:
    return click.option("--output", "-f", "out_format", type=click.Choice(OUTPUTS),
                        default="table", show_default=True, help="How to print results.")(func)


def show(frame: Any, out_format: str, title: str | None = None) -> None:
    """Print one DataFrame: aligned text, CSV or JSON records."""
    if out_format == "csv":
        click.echo(frame.to_csv(index=False), nl=False)
    elif out_format == "json":
        click.echo(frame.to_json(orient="records", force_ascii=False, date_format="iso"))
    else:
        if title:
            click.secho(title, bold=True)
        click.echo("(none)" if frame.empty else frame.to_string(index=False))


@contextmanager
def analyses(db_path: str) -> Iterator[Any]:
    """The database's analyses, read-only; a LuoshiError ends the command with one line."""
    from luoshi.analyse import open_analyses

    try:
        with open_analyses(db_path) as handle:
            yield handle
    except LuoshiError as exc:
        echo_error(exc.line())
        sys.exit(1)


def handles_errors(func: F) -> F:
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        import duckdb

        try:
            return func(*args, **kwargs)
        except LuoshiError as exc:
            echo_error(exc.line())
            sys.exit(1)
        except duckdb.Error as exc:  # out of memory or disk, a broken file: one line, and
            # what earlier transactions stored stays stored
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            echo_error(LuoshiError("L040", str(kwargs.get("db") or "database"),
                                   reason=reason).line())
            sys.exit(1)
    return wrapper  # type: ignore[return-value]


@main.command()
@click.argument("paths", nargs=-1)
@db_option
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=default_jobs,
              show_default="all cores", help="Worker processes for extraction.")
@click.option("--fail-fast", is_flag=True, help="Stop at the first bad input.")
@click.option("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, show_default=True)
@click.option("--quiet", "-q", is_flag=True, help="No progress line.")
@click.option("--parquet", type=click.Path(exists=True, file_okay=False),
              help="Store the records of `luoshi extract --engine dask -o DIR` instead.")
@click.option("--batch-size", type=click.IntRange(min=1),
              help="Documents per transaction.  [default: 500]")
@click.option("--lock-timeout", type=click.FloatRange(min=0), default=WRITE_LOCK_TIMEOUT,
              show_default=True, help="Seconds to wait for readers to let go of the database.")
@click.option("--exclusive", is_flag=True,
              help="Hold the database for the whole run: faster, but readers wait till the end.")
@handles_errors
def ingest(paths: tuple[str, ...], db: str, jobs: int, fail_fast: bool, max_bytes: int,
           quiet: bool, batch_size: int | None, lock_timeout: float,
           parquet: str | None, exclusive: bool) -> None:
    """Extract the reports in PATHS and store them in the database (idempotent).

    The same text is stored once however often it is ingested; each batch is one
    transaction, so an interrupted run leaves whole documents and a re-run completes it.
    The database is locked only while a batch is written: readers (`luoshi search`,
    the web interface) go on answering between batches.

    Example:

        luoshi ingest samples/ --db luoshi.duckdb
    """
    from luoshi.distributed import counted, parquet_extractions
    from luoshi.store.database import open_database
    from luoshi.store.ingest import BATCH_SIZE, IngestSummary
    from luoshi.store.ingest import ingest as ingest_all

    line = ProgressLine(quiet)
    run = RunSummary(line.error)
    summary = IngestSummary()
    started = time.perf_counter()

    def progress(count: int) -> None:
        rate = run.done / max(time.perf_counter() - started, 1e-9)
        line.show(f"{run.done} documents, {rate:,.0f} docs/s")

    with open_database(db, exclusive=exclusive, lock_timeout=lock_timeout) as database:
        items = (counted(parquet_extractions(parquet), run) if parquet
                 else extracted(paths or ("-",), run, fail_fast, max_bytes, jobs))
        ingest_all(database, items, summary, batch_size=batch_size or BATCH_SIZE,
                   progress=progress)
        # postings are written with their documents; this covers a database restored
        # or written by an older luoshi
        if not database.search_index_is_current():
            database.build_search_index()
        database.checkpoint()
    line.end()
    summary.failed = run.failed
    elapsed = time.perf_counter() - started
    click.echo(f"{summary.line()} in {elapsed:.1f} s", err=True)
    sys.exit(1 if run.failed else 0)


class ProgressLine:
    """A progress line on standard error, rewritten in place, that error lines do not join."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.pending = False  # a progress line is shown without its newline

    def show(self, text: str) -> None:
        if not self.quiet:
            click.echo(f"\r{text}", nl=False, err=True)
            self.pending = True

    def end(self) -> None:
        if self.pending:
            click.echo("", err=True)
            self.pending = False

    def error(self, text: str) -> None:
        self.end()
        echo_error(text)


@main.command()
@click.argument("directive")
@db_option
@output_option
def cascade(directive: str, db: str, out_format: str) -> None:
    """Every meeting that studied DIRECTIVE (id, Chinese or English name), by date.

    Example:

        luoshi cascade cpc-20
    """
    with analyses(db) as handle:
        result = handle.cascade(directive)
    info = result.directive
    if out_format != "table":
        show(result.meetings, out_format)
        return
    click.secho(f"{info['id']}: {info['label'] or ''} {info['zh'] or ''} "
                f"(ended {info['date_end'] or 'unknown'})", bold=True)
    show(result.meetings.drop(columns=["meeting_id"]), out_format, "Meetings")
    show(result.by_level, out_format, "By level")
    click.echo(f"Provinces not seen ({len(result.provinces_not_seen)}): "
               + (", ".join(result.provinces_not_seen) or "none"))


@main.command()
@click.option("--by", type=click.Choice(["province", "level", "kind", "directive"]),
              default="level", show_default=True)
@click.option("--directive", help="Only meetings studying this directive.")
@db_option
@output_option
def lag(by: str, directive: str | None, db: str, out_format: str) -> None:
    """Response-lag statistics (days after the directive ended), in meetings.

    Example:

        luoshi lag --by province --directive cpc-20
    """
    with analyses(db) as handle:
        show(handle.lag(by, directive), out_format)


@main.command()
@click.argument("directive")
@click.option("--by", type=click.Choice(["province", "level", "kind"]), default="level",
              show_default=True)
@db_option
@output_option
def fidelity(directive: str, by: str, db: str, out_format: str) -> None:
    """How faithfully meetings echoed DIRECTIVE's signature formulations.

    Example:

        luoshi fidelity cpc-20 --by province
    """
    with analyses(db) as handle:
        result = handle.fidelity(directive, by)
    show(result.by_group, out_format, f"Echo of {result.directive['id']} by {by}")
    if out_format == "table":
        show(result.lowest, out_format, "Echo least")
        show(result.highest, out_format, "Echo most")


@main.command()
@click.argument("formulation", required=False)
@click.option("--by", type=click.Choice(["month", "year", "province", "level"]),
              default="month", show_default=True)
@click.option("--top", is_flag=True, help="The most used formulations per province and year.")
@click.option("--local", is_flag=True, help="Formulations used mostly in one province.")
@db_option
@output_option
def tifa(formulation: str | None, by: str, top: bool, local: bool, db: str,
         out_format: str) -> None:
    """Where and when FORMULATION (Chinese key or English wording) is used.

    Example:

        luoshi tifa 两个确立 --by province
    """
    if not (formulation or top or local):
        raise click.UsageError("give a FORMULATION, --top or --local")
    with analyses(db) as handle:
        if top:
            show(handle.tifa_top(), out_format, "Most used, per province and year")
        if local:
            show(handle.tifa_local(), out_format, "Used mostly in one province")
        if formulation:
            show(handle.tifa(formulation, by), out_format)


@main.command()
@click.argument("name")
@db_option
@output_option
def person(name: str, db: str, out_format: str) -> None:
    """NAME's posts over time and the meetings they presided, spoke at or attended.

    Example:

        luoshi person "Wang Hao"
    """
    with analyses(db) as handle:
        result = handle.person(name)
    show(result.people, out_format, "People")
    show(result.posts, out_format, "Posts")
    show(result.meetings, out_format, "Meetings")


@main.command()
@click.option("--min-meetings", type=int, default=1, show_default=True)
@db_option
@output_option
def network(min_meetings: int, db: str, out_format: str) -> None:
    """The co-attendance graph: pairs of people and the meetings they shared.

    Example:

        luoshi network --min-meetings 2 --output csv
    """
    with analyses(db) as handle:
        show(handle.network(min_meetings), out_format)


@main.command()
@click.argument("query")
@click.option("--limit", type=int, default=20, show_default=True)
@db_option
@output_option
def search(query: str, limit: int, db: str, out_format: str) -> None:
    """Full-text search over the stored reports (English words or Chinese).

    Example:

        luoshi search "common prosperity"
    """
    with analyses(db) as handle:
        show(handle.search(query, limit), out_format)


@main.command()
@click.option("--duplicates", is_flag=True, help="Only meetings with several reports.")
@db_option
@output_option
def meetings(duplicates: bool, db: str, out_format: str) -> None:
    """Meetings with their number of reports; --duplicates shows why reports were merged.

    Example:

        luoshi meetings --duplicates
    """
    with analyses(db) as handle:
        show(handle.meetings(duplicates), out_format)


@main.command()
@click.option("--to", "to", type=click.Choice(["csv", "parquet", "jsonl", "graphml", "sqlite"]),
              required=True)
@click.option("--out", "out", required=True, type=click.Path(),
              help="A folder for csv and parquet, a file otherwise.")
@db_option
def export(to: str, out: str, db: str) -> None:
    """Export the database (the sqlite file opens in Datasette as it is).

    Example:

        luoshi export --to sqlite --out luoshi.sqlite
    """
    with analyses(db) as handle:
        made = handle.export(to, out)
    for path in made:
        click.echo(str(path))
