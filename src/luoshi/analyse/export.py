"""Export the store: CSV or Parquet tables, JSON Lines records, a GraphML network, SQLite.

The SQLite file opens in Datasette as it is: one table per store table, lists as JSON
text, and a `records` table of one JSON record per report.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from xml.sax.saxutils import quoteattr

from luoshi.analyse.people import network
from luoshi.errors import LuoshiError
from luoshi.store.database import COLUMNS, Database

EXPORT_FORMATS = ("csv", "parquet", "jsonl", "graphml", "sqlite")
TABLES = [*COLUMNS, "meetings"]


def export(db: Database, to: str, out: str | Path) -> list[Path]:
    """Write the store in format `to` at `out` (a folder for csv/parquet); the files made."""
    target = Path(out)
    if to not in EXPORT_FORMATS:
        raise LuoshiError("L045", str(target), reason=f"unknown format {to!r}")
    try:
        return {"csv": _tables, "parquet": _tables, "jsonl": _jsonl, "graphml": _graphml,
                "sqlite": _sqlite}[to](db, target, to)
    except OSError as exc:
        raise LuoshiError("L045", str(target), reason=exc.strerror or str(exc)) from exc


def _tables(db: Database, folder: Path, fmt: str) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for table in TABLES:
        path = folder / f"{table}.{fmt}"
        option = "(HEADER, DELIMITER ',')" if fmt == "csv" else "(FORMAT parquet)"
        db.con.execute(f"COPY {table} TO '{_quoted(path)}' {option}")
        made.append(path)
    return made


def _quoted(path: Path) -> str:
    return str(path).replace("'", "''")


def _jsonl(db: Database, path: Path, _fmt: str) -> list[Path]:
    with path.open("w", encoding="utf-8") as handle:
        cursor = db.con.execute("SELECT record FROM documents ORDER BY doc_id, hash")
        while rows := cursor.fetchmany(1000):
            for (record,) in rows:
                handle.write(json.dumps(json.loads(record), ensure_ascii=False) + "\n")
    return [path]


def _graphml(db: Database, path: Path, _fmt: str) -> list[Path]:
    edges = network(db)
    people = db.con.execute("SELECT person_id, name, zh, province FROM people").fetchall()
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
             '<key id="name" for="node" attr.name="name" attr.type="string"/>',
             '<key id="province" for="node" attr.name="province" attr.type="string"/>',
             '<key id="meetings" for="edge" attr.name="meetings" attr.type="int"/>',
             '<graph id="co-attendance" edgedefault="undirected">']
    for person_id, name, _zh, province in people:
        lines.append(f"<node id={quoteattr(person_id)}><data key=\"name\">"
                     f"{_text(name)}</data><data key=\"province\">{_text(province or '')}"
                     "</data></node>")
    for row in edges.itertuples(index=False):
        lines.append(f"<edge source={quoteattr(str(row.source))} "
                     f"target={quoteattr(str(row.target))}>"
                     f"<data key=\"meetings\">{row.meetings}</data></edge>")
    lines += ["</graph>", "</graphml>"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [path]


def _text(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _sqlite(db: Database, path: Path, _fmt: str) -> list[Path]:
    if path.exists():
        path.unlink()
    target = sqlite3.connect(path)
    try:
        for table in TABLES:
            cursor = db.con.execute(f"SELECT * FROM {table}")
            columns = [d[0] for d in cursor.description]
            target.execute(f"CREATE TABLE {table} ({', '.join(columns)})")
            marks = ", ".join("?" * len(columns))
            while rows := cursor.fetchmany(1000):
                target.executemany(f"INSERT INTO {table} VALUES ({marks})",
                                   [tuple(_cell(v) for v in row) for row in rows])
        target.commit()
    finally:
        target.close()
    return [path]


def _cell(value: object) -> object:
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    if value is None or isinstance(value, int | float | str | bytes):
        return value
    return str(value)
