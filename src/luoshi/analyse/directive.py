"""Which directive the user means: an id (cpc-20), a Chinese name (党的二十大) or a label."""

from __future__ import annotations

import duckdb

from luoshi.errors import LuoshiError
from luoshi.kb import load_kb
from luoshi.store.database import Database


def find_directive(con: duckdb.DuckDBPyConnection, query: str) -> str | None:
    """The directive id for an id, Chinese name or English label: the stored directives
    first, then the catalogue; None when neither knows it."""
    wanted = query.strip()
    row = con.execute(
        "SELECT directive_id FROM directives WHERE lower(directive_id) = lower(?) "
        "OR zh = ? OR lower(label) = lower(?) LIMIT 1", [wanted, wanted, wanted]).fetchone()
    if row:
        return str(row[0])
    for entry in load_kb().directives:
        if wanted.lower() in {entry.id.lower(), entry.zh, *(x.lower() for x in entry.labels_en)}:
            return entry.id
    return None


def resolve_directive(db: Database, query: str) -> str:
    """The directive id for `query`, or L041 naming what to try instead."""
    found = find_directive(db.con, query)
    if found is None:
        wanted = query.strip()
        raise LuoshiError("L041", directive=wanted, hint=wanted.split("-")[0] or wanted)
    return found


def directive_info(db: Database, directive_id: str) -> dict[str, object]:
    """The directive's catalogue facts: label, Chinese name, end date."""
    row = db.con.execute("SELECT directive_id, label, zh, CAST(date_end AS VARCHAR) FROM "
                         "directives WHERE directive_id = ?", [directive_id]).fetchone()
    if row:
        return {"id": row[0], "label": row[1], "zh": row[2], "date_end": row[3]}
    entry = load_kb().directive_by_id.get(directive_id)
    if entry is None:
        return {"id": directive_id, "label": None, "zh": None, "date_end": None}
    return {"id": entry.id, "label": entry.label, "zh": entry.zh, "date_end": entry.date_end}
