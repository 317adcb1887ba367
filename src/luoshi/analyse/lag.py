"""Response lags: how many days after a directive's end its meetings were held, by group."""

from __future__ import annotations

import pandas as pd

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
    column = LAG_GROUPS[by]
    # summarised by DuckDB (as `lag_summary` would, median and 90th percentile
    # interpolated as pandas does): a million meetings need not come out as a DataFrame
    return db.con.execute(f"""
        SELECT coalesce({column}, 'unknown') AS {column}, count(*) AS meetings,
               CAST(sum(reports) AS BIGINT) AS reports, median(lag_days) AS median_lag,
               quantile_cont(lag_days, 0.9) AS p90_lag, min(lag_days) AS min_lag,
               max(lag_days) AS max_lag
        FROM ({MEETING_DIRECTIVES}) WHERE {where}
        GROUP BY 1 ORDER BY median_lag, 1""", params).df()
