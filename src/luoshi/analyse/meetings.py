"""Meetings, not reports: the per-meeting view every analysis counts with.

A meeting reported by four outlets is one row here, with `reports` = 4. Its date is
the earliest reported, its lag the smallest, its echo the highest of its reports (a
fuller report shows more of what the meeting said, not a different meeting).
"""

from __future__ import annotations

import pandas as pd

from luoshi.store.database import Database

MEETING_DIRECTIVES = """
SELECT e.meeting_id, ed.directive_id, min(e.date) AS date, any_value(e.jurisdiction) AS jurisdiction,
       any_value(e.level) AS level, any_value(e.province) AS province,
       any_value(e.host) AS host, any_value(e.kind) AS kind, min(ed.lag_days) AS lag_days,
       count(DISTINCT e.hash) AS reports, max(f.echo) AS echo,
       min(e.doc_id) AS doc_id
FROM events e
JOIN event_directives ed USING (event_id)
LEFT JOIN fidelity f ON f.event_id = e.event_id AND f.directive_id = ed.directive_id
GROUP BY e.meeting_id, ed.directive_id
"""


def duplicates(db: Database) -> pd.DataFrame:
    """Meetings reported more than once, with their reports and why they were merged."""
    return db.con.execute("""
        SELECT m.meeting_id, m.reports, m.date, m.jurisdiction, m.kind, m.host,
               list(e.doc_id ORDER BY e.doc_id) AS doc_ids, m.explanation
        FROM meetings m JOIN events e USING (meeting_id)
        WHERE m.reports > 1
        GROUP BY ALL ORDER BY m.date, m.meeting_id""").df()


def meetings(db: Database) -> pd.DataFrame:
    """Every meeting with its number of reports."""
    return db.con.execute("""
        SELECT meeting_id, reports, date, jurisdiction, level, kind, host, explanation
        FROM meetings ORDER BY date NULLS LAST, meeting_id""").df()
