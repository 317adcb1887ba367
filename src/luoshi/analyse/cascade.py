"""How one directive cascaded: every meeting that studied it, and lags by level.

`luoshi cascade cpc-20` answers: who responded, when, how fast at each level of the
hierarchy, and which provinces have not been seen responding yet.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from luoshi.analyse.directive import directive_info, resolve_directive
from luoshi.analyse.meetings import MEETING_DIRECTIVES
from luoshi.kb import load_kb
from luoshi.store.database import Database

LEVEL_ORDER = ("central", "province", "city", "county", "township", "unknown")
MAINLAND_EXCLUDED = {"Hong Kong", "Macao", "Taiwan"}  # provinces that hold no such meetings


@dataclass
class Cascade:
    directive: dict[str, object]
    meetings: pd.DataFrame
    by_level: pd.DataFrame
    provinces_not_seen: list[str] = field(default_factory=list)


def lag_summary(frame: pd.DataFrame, by: str) -> pd.DataFrame:
    """Meetings, median and 90th-percentile lag per group (lags of undated meetings left out)."""
    if frame.empty:
        return pd.DataFrame(columns=[by, "meetings", "reports", "median_lag", "p90_lag",
                                     "min_lag", "max_lag"])
    grouped = frame.groupby(frame[by].fillna("unknown"), dropna=False)
    return pd.DataFrame({
        "meetings": grouped.size(),
        "reports": grouped["reports"].sum(),
        "median_lag": grouped["lag_days"].median(),
        "p90_lag": grouped["lag_days"].quantile(0.9),
        "min_lag": grouped["lag_days"].min(),
        "max_lag": grouped["lag_days"].max(),
    }).reset_index().rename(columns={"index": by})


def cascade(db: Database, query: str) -> Cascade:
    directive_id = resolve_directive(db, query)
    meetings = db.con.execute(
        f"SELECT date, jurisdiction, level, province, kind, host, lag_days, echo, reports, "
        f"doc_id, meeting_id FROM ({MEETING_DIRECTIVES}) WHERE directive_id = ? "
        f"ORDER BY date NULLS LAST, lag_days, jurisdiction", [directive_id]).df()
    by_level = lag_summary(meetings, "level")
    if not by_level.empty:
        rank = {level: i for i, level in enumerate(LEVEL_ORDER)}
        by_level = by_level.sort_values("level", key=lambda s: s.map(rank)).reset_index(drop=True)
    seen = set(meetings["province"].dropna())
    provinces = sorted(p.name for p in load_kb().places
                       if p.level == "province" and p.name not in MAINLAND_EXCLUDED)
    return Cascade(directive_info(db, directive_id), meetings, by_level,
                   [p for p in provinces if p not in seen])
