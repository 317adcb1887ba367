"""The web verbs: `luoshi serve` (pages and a JSON API) and `luoshi report` (one HTML file).

Both read the database read-only; `serve` answers while `luoshi ingest` writes, since
each request opens the file briefly and waits out a batch's commit.
"""

from __future__ import annotations

import sys

import click

from luoshi.cli import echo_error, main
from luoshi.cli_store import DEFAULT_DB, db_option
from luoshi.errors import LuoshiError


def _check_database(db: str) -> None:
    """Fail early, in one line, when the database cannot be read."""
    from luoshi.web.db import DatabaseUnavailable, connect_readonly

    try:
        connect_readonly(db).close()
    except DatabaseUnavailable as exc:
        echo_error(LuoshiError("L040", exc.path, reason=exc.reason).line())
        sys.exit(1)


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (the default answers this machine only).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
def serve(db: str, host: str, port: int) -> None:
    """Browse the database in a web browser: directives, formulations, people, reports.

    Pages: / (overview), /directive/ID, /tifa/KEY, /person/ID, /place/NAME, /doc/DOC_ID,
    /search?q=...; the same data as JSON under /api/ (described in /openapi.json). Works offline;
    opens the database read-only.

    Example:

        luoshi serve --db luoshi.duckdb --port 8000
    """
    import uvicorn

    from luoshi.web import create_app

    _check_database(db)
    click.echo(f"luoshi: serving {db} at http://{host}:{port}/ (Ctrl-C stops)", err=True)
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")


@main.command()
@click.option("--directive", required=True, help="Directive id, Chinese or English name.")
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, writable=True),
              help="The HTML file to write.")
@db_option
def report(directive: str, out: str, db: str) -> None:
    """Write one self-contained HTML file on DIRECTIVE's cascade (charts inlined, offline).

    Example:

        luoshi report --directive cpc-20 --out cpc-20.html
    """
    from luoshi.web.queries import NotFound
    from luoshi.web.report import write_report

    _check_database(db)
    try:
        path = write_report(db, directive, out)
    except NotFound:
        hint = directive.split("-")[0] or directive
        echo_error(LuoshiError("L041", directive=directive, hint=hint).line())
        sys.exit(1)
    size = path.stat().st_size
    click.echo(f"report: {path} ({size / 1e6:.1f} MB)", err=True)


__all__ = ["DEFAULT_DB", "report", "serve"]
