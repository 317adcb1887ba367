"""Response lags: how many days after a directive's end its meetings were held, by group."""

from __future__ import annotations

import pandas as pd

from luoshi.analyse.cascade import lag_summary
from luoshi.analyse.directive import resolve_directive
from luoshi.analyse.meetings import MEETING_DIRECTIVES
from luoshi.store.database import Database

LAG_GROUPS = {"province": "province", "level": "level", "kind": "kind",
              "directive": "directive_id"}


def lag(db: Database, by: str = "level", directive: str | None = None) -> pd.DataFrame:
    """Lag statistics per province, level, kind or directive, over meetings with a lag."""
    if by not in LAG_GROUPS:
        raise ValueError(f"by must be one of {', '.join(LAG_GROUPS)}")
    where, params = "lag_days IS NOT NULL", []
    if directive:
        where += " AND directive_id = ?"
        params.append(resolve_directive(db, directive))
    frame = db.con.execute(f"SELECT * FROM ({MEETING_DIRECTIVES}) WHERE {where}", params).df()
    column = LAG_GROUPS[by]
    summary = lag_summary(frame, column)
    return summary.sort_values(["median_lag", column]).reset_index(drop=True)
