"""How faithfully meetings echoed a directive: the share of its signature formulations used.

Counted per meeting (a meeting's echo is the highest among its reports).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from luoshi.analyse.directive import directive_info, resolve_directive
from luoshi.analyse.meetings import MEETING_DIRECTIVES
from luoshi.store.database import Database

FIDELITY_GROUPS = ("province", "level", "kind")
EXTREMES = 5  # meetings shown at each end of the distribution


@dataclass
class FidelityReport:
    directive: dict[str, object]
    by_group: pd.DataFrame
    lowest: pd.DataFrame
    highest: pd.DataFrame


def fidelity(db: Database, query: str, by: str = "level") -> FidelityReport:
    if by not in FIDELITY_GROUPS:
        raise ValueError(f"by must be one of {', '.join(FIDELITY_GROUPS)}")
    directive_id = resolve_directive(db, query)
    frame = db.con.execute(
        f"SELECT m.*, f.matched, f.local, f.tasks FROM ({MEETING_DIRECTIVES}) m "
        f"LEFT JOIN (SELECT e.meeting_id, any_value(fi.matched ORDER BY fi.echo DESC) AS matched,"
        f"  any_value(fi.local ORDER BY fi.echo DESC) AS local, max(fi.tasks) AS tasks"
        f"  FROM fidelity fi JOIN events e USING (event_id) WHERE fi.directive_id = ?"
        f"  GROUP BY e.meeting_id) f USING (meeting_id) "
        f"WHERE m.directive_id = ? AND m.echo IS NOT NULL ORDER BY m.echo, m.date",
        [directive_id, directive_id]).df()
    if frame.empty:
        by_group = pd.DataFrame(columns=[by, "meetings", "mean_echo", "median_echo", "min_echo",
                                         "max_echo"])
    else:
        grouped = frame.groupby(frame[by].fillna("unknown"))
        by_group = pd.DataFrame({
            "meetings": grouped.size(), "mean_echo": grouped["echo"].mean().round(3),
            "median_echo": grouped["echo"].median(), "min_echo": grouped["echo"].min(),
            "max_echo": grouped["echo"].max(),
        }).reset_index().rename(columns={"index": by})
    columns = ["date", "jurisdiction", "level", "kind", "echo", "matched", "local", "tasks",
               "reports", "doc_id"]
    return FidelityReport(directive_info(db, directive_id), by_group,
                          frame[columns].head(EXTREMES).reset_index(drop=True),
                          frame[columns].tail(EXTREMES).iloc[::-1].reset_index(drop=True))
