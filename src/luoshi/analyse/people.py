"""People across reports: posts over time, meetings by role, and who met whom."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from luoshi.errors import LuoshiError
from luoshi.store.database import Database


@dataclass
class PersonReport:
    people: pd.DataFrame
    posts: pd.DataFrame
    meetings: pd.DataFrame


def person(db: Database, name: str) -> PersonReport:
    """Everyone called `name` (pinyin, any case and spacing, or Chinese)."""
    people = db.con.execute(
        "SELECT person_id, name, zh, province, first_seen, last_seen FROM people "
        "WHERE lower(replace(name, ' ', '')) = lower(replace(?, ' ', '')) OR zh = ? "
        "ORDER BY first_seen", [name, name]).df()
    if people.empty:
        raise LuoshiError("L043", person=name)
    ids = list(people["person_id"])
    posts = db.con.execute("""
        SELECT t.person_id, t.post, t.org, t.jurisdiction, min(t.date) AS first_seen,
               max(t.date) AS last_seen, count(DISTINCT e.meeting_id) AS meetings
        FROM titles t JOIN events e USING (event_id)
        WHERE t.person_id IN (SELECT unnest(?)) GROUP BY ALL ORDER BY first_seen, t.post""",
        [ids]).df()
    meetings = db.con.execute("""
        SELECT p.person_id, e.meeting_id, min(e.date) AS date, any_value(e.kind) AS kind,
               any_value(e.host) AS host, any_value(e.jurisdiction) AS jurisdiction,
               arg_min(p.role, CASE p.role WHEN 'presided' THEN 1 WHEN 'spoke' THEN 2
                   WHEN 'reported' THEN 3 ELSE 4 END) AS role, count(DISTINCT e.hash) AS reports,
               string_agg(DISTINCT ed.directive_id, ', ') AS directives
        FROM participations p JOIN events e USING (event_id)
        LEFT JOIN event_directives ed USING (event_id)
        WHERE p.person_id IN (SELECT unnest(?))
        GROUP BY p.person_id, e.meeting_id ORDER BY date NULLS LAST""", [ids]).df()
    return PersonReport(people, posts, meetings)


def network(db: Database, min_meetings: int = 1) -> pd.DataFrame:
    """Co-attendance: pairs of people at the same meeting, with how many meetings."""
    return db.con.execute("""
        WITH attend AS (SELECT DISTINCT e.meeting_id, p.person_id
                        FROM participations p JOIN events e USING (event_id))
        SELECT a.person_id AS source, b.person_id AS target,
               count(*) AS meetings
        FROM attend a JOIN attend b ON a.meeting_id = b.meeting_id AND a.person_id < b.person_id
        GROUP BY ALL HAVING count(*) >= ? ORDER BY meetings DESC, source, target""",
        [min_meetings]).df()
