"""What a luoshi database must satisfy whenever it can be opened, killed runs included.

Each check is a query returning the rows that break it, so a failure shows them. The
record JSON stored with each document is the reference: the rows of the other tables
must be exactly the record's facts, no more (a repeated batch) and no fewer (a batch cut
in half).
"""

from __future__ import annotations

from typing import Any

import duckdb

# every array of an event in the record, and the table holding one row per element
EVENT_ARRAYS = {
    "participations": "people",
    "event_directives": "directives",
    "formulation_uses": "formulations",
    "tasks": "tasks",
    "mentions": "referenced_people",
}

# keys no two rows may share (the tables hold no primary-key index to refuse them)
KEYS = {"documents": "hash", "events": "event_id", "meetings": "meeting_id",
        "people": "person_id", "directives": "directive_id", "formulations": "zh"}

CHECKS: dict[str, str] = {
    **{f"{table} with a repeated {key}":
       f"SELECT {key} FROM {table} GROUP BY {key} HAVING count(*) > 1"
       for table, key in KEYS.items()},
    "search postings repeated": "SELECT hash FROM search_docs GROUP BY hash HAVING count(*) > 1",
    "event without its document":
        "SELECT event_id FROM events WHERE hash NOT IN (SELECT hash FROM documents)",
    "document whose events are not its record's":
        """SELECT d.hash FROM documents d
           LEFT JOIN (SELECT hash, count(*) AS n FROM events GROUP BY hash) e USING (hash)
           WHERE coalesce(e.n, 0) != coalesce(json_array_length(d.record, '$.events'), 0)""",
    "credits not the record's":
        """SELECT d.hash FROM documents d
           LEFT JOIN (SELECT hash, count(*) AS n FROM credits GROUP BY hash) c USING (hash)
           WHERE coalesce(c.n, 0) != coalesce(json_array_length(d.record, '$.credits'), 0)""",
    "credits without a document":
        "SELECT hash FROM credits WHERE hash NOT IN (SELECT hash FROM documents)",
    **{f"{table} not the record's {field}": f"""
        SELECT e.event_id FROM events e JOIN documents d USING (hash)
        LEFT JOIN (SELECT event_id, count(*) AS n FROM {table} GROUP BY event_id) t
            USING (event_id)
        WHERE coalesce(t.n, 0) != coalesce(json_array_length(
            d.record, '$.events[' || e.idx || '].{field}'), 0)"""
       for table, field in EVENT_ARRAYS.items()},
    **{f"{table} without an event": f"""
        SELECT event_id FROM {table} WHERE event_id NOT IN (SELECT event_id FROM events)"""
       for table in [*EVENT_ARRAYS, "titles", "fidelity"]},
    "titles not the record's":
        """SELECT e.event_id FROM events e JOIN documents d USING (hash)
           LEFT JOIN (SELECT event_id, count(*) AS n FROM titles GROUP BY event_id) t
               USING (event_id)
           WHERE coalesce(t.n, 0) != coalesce(list_sum(list_transform(json_extract(
               json_extract(d.record, '$.events[' || e.idx || '].people'), '$[*].titles'),
               titles -> json_array_length(titles))), 0)""",
    "fidelity not the record's":
        """SELECT e.event_id FROM events e JOIN documents d USING (hash)
           LEFT JOIN (SELECT event_id, count(*) AS n FROM fidelity GROUP BY event_id) f
               USING (event_id)
           WHERE coalesce(f.n, 0) != CASE WHEN json_type(
               d.record, '$.events[' || e.idx || '].fidelity') = 'OBJECT' THEN 1 ELSE 0 END""",
    "person of a participation or title not in people":
        """SELECT person_id FROM participations WHERE person_id NOT IN (
               SELECT person_id FROM people)
           UNION ALL SELECT person_id FROM titles WHERE person_id NOT IN (
               SELECT person_id FROM people)""",
    "person's first and last day not those of their meetings":
        """SELECT pe.person_id FROM people pe LEFT JOIN (
               SELECT p.person_id, min(e.date) AS first, max(e.date) AS last
               FROM participations p JOIN events e USING (event_id) GROUP BY p.person_id
           ) seen USING (person_id)
           WHERE pe.first_seen IS DISTINCT FROM seen.first
              OR pe.last_seen IS DISTINCT FROM seen.last""",
    "directive not catalogued":
        """SELECT directive_id FROM event_directives
           WHERE directive_id NOT IN (SELECT directive_id FROM directives)""",
    "formulation not catalogued":
        "SELECT zh FROM formulation_uses WHERE zh NOT IN (SELECT zh FROM formulations)",
    "event of a missing meeting":
        """SELECT event_id FROM events
           WHERE meeting_id IS NOT NULL AND meeting_id NOT IN (SELECT meeting_id FROM meetings)""",
    "document without its search postings":
        "SELECT hash FROM documents WHERE hash NOT IN (SELECT hash FROM search_docs)",
    "search postings without their document":
        "SELECT hash FROM search_docs WHERE hash NOT IN (SELECT hash FROM documents)",
    "meeting whose report count is wrong":
        """SELECT m.meeting_id FROM meetings m
           LEFT JOIN (SELECT meeting_id, count(*) AS n FROM events GROUP BY meeting_id) e
               USING (meeting_id)
           WHERE m.reports != coalesce(e.n, 0)""",
}

# after a run that completed: nothing left pending
COMPLETE: dict[str, str] = {
    "event without a meeting": "SELECT event_id FROM events WHERE meeting_id IS NULL",
}


def broken(con: duckdb.DuckDBPyConnection, complete: bool = False) -> dict[str, list[Any]]:
    """{check: the first offending rows} for every check that fails."""
    found = {}
    for name, query in {**CHECKS, **(COMPLETE if complete else {})}.items():
        rows = con.execute(query).fetchmany(5)
        if rows:
            found[name] = rows
    return found


# every stored table, without columns that record when (not what) was stored
TABLES = ["documents", "events", "meetings", "directives", "event_directives", "people",
          "titles", "participations", "mentions", "formulations", "formulation_uses", "tasks",
          "credits", "fidelity"]


def contents(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, sorted: two databases with equal contents hold the same."""
    result = {}
    for table in TABLES:
        columns = [row[0] for row in con.execute(f"DESCRIBE {table}").fetchall()
                   if row[0] != "ingested_at"]
        result[table] = con.execute(
            f"SELECT {', '.join(columns)} FROM {table} ORDER BY ALL").fetchall()
    return result
