"""Where and when formulations (tifa) are used, counted in meetings.

A formulation is "used by a meeting" when any report of the meeting uses it; `uses`
adds up the occurrences in those reports.
"""

from __future__ import annotations

import pandas as pd

from luoshi.errors import LuoshiError
from luoshi.kb import load_kb
from luoshi.store.database import Database

TIFA_GROUPS = {"month": "strftime(date, '%Y-%m')", "province": "province", "level": "level",
               "year": "CAST(year(date) AS VARCHAR)"}
LOCAL_SHARE = 0.8  # a formulation used mostly (this share of meetings) in one province
LOCAL_MIN_MEETINGS = 3  # fewer meetings than this say nothing about where it belongs

USES = """
SELECT e.meeting_id, any_value(e.date) AS date, any_value(e.province) AS province,
       any_value(e.level) AS level, fu.zh, sum(fu.count) AS uses
FROM formulation_uses fu JOIN events e USING (event_id)
GROUP BY e.meeting_id, fu.zh
"""


def resolve_formulation(db: Database, query: str) -> str:
    """The canonical zh key of a formulation from its key, Chinese or English wording."""
    kb = load_kb()
    wanted = query.strip().lower()
    row = db.con.execute("SELECT zh FROM formulations WHERE zh = ? OR lower(en) = ? LIMIT 1",
                         [query.strip(), wanted]).fetchone()
    if row:
        return str(row[0])
    for entry in kb.formulations:
        if wanted in {entry.zh, entry.en.lower(), *entry.variants_zh,
                      *(v.lower() for v in entry.variants_en)}:
            return entry.zh
    raise LuoshiError("L042", formulation=query)


def tifa(db: Database, query: str, by: str = "month") -> pd.DataFrame:
    """Meetings and uses of one formulation per month, year, province or level."""
    if by not in TIFA_GROUPS:
        raise ValueError(f"by must be one of {', '.join(TIFA_GROUPS)}")
    key = resolve_formulation(db, query)
    group = TIFA_GROUPS[by]
    return db.con.execute(
        f"SELECT {group} AS {by}, count(*) AS meetings, sum(uses) AS uses "
        f"FROM ({USES}) WHERE zh = ? GROUP BY ALL ORDER BY {by} NULLS LAST",
        [key]).df()


def tifa_top(db: Database, per: str = "province", period: str | None = "year",
             limit: int = 5) -> pd.DataFrame:
    """The `limit` formulations used by most meetings, per province (or level) and period."""
    keys = [TIFA_GROUPS[per]] + ([TIFA_GROUPS[period]] if period else [])
    names = [per] + ([period] if period else [])
    select = ", ".join(f"{k} AS {n}" for k, n in zip(keys, names, strict=True))
    return db.con.execute(f"""
        SELECT * FROM (
            SELECT {select}, zh, count(*) AS meetings,
                   row_number() OVER (PARTITION BY {', '.join(keys)}
                                      ORDER BY count(*) DESC, zh) AS rank
            FROM ({USES}) GROUP BY {', '.join(keys)}, zh)
        WHERE rank <= ? ORDER BY {', '.join(names)}, rank""", [limit]).df()


def tifa_local(db: Database) -> pd.DataFrame:
    """Formulations used mostly in one province: its share of the meetings using them."""
    frame = db.con.execute(f"""
        WITH per AS (SELECT zh, province, count(*) AS meetings FROM ({USES})
                     WHERE province IS NOT NULL GROUP BY ALL),
             total AS (SELECT zh, sum(meetings) AS total FROM per GROUP BY zh)
        SELECT per.zh, per.province, per.meetings, total.total,
               round(per.meetings / total.total, 3) AS share
        FROM per JOIN total USING (zh)
        WHERE total.total >= ? AND per.meetings / total.total >= ?
        ORDER BY share DESC, total DESC, zh""", [LOCAL_MIN_MEETINGS, LOCAL_SHARE]).df()
    scope = {f.zh: f.scope for f in load_kb().formulations}
    frame["scope"] = frame["zh"].map(lambda zh: scope.get(zh, "unknown"))
    return frame
