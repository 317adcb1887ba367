"""The analysts' questions over a luoshi database, as pandas DataFrames.

    >>> db = luoshi.open("luoshi.duckdb")
    >>> db.cascade("cpc-20").by_level
    >>> db.lag(by="province")
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from luoshi.analyse import cascade as _cascade
from luoshi.analyse import export as _export
from luoshi.analyse import fidelity as _fidelity
from luoshi.analyse import lag as _lag
from luoshi.analyse import meetings as _meetings
from luoshi.analyse import people as _people
from luoshi.analyse import search as _search
from luoshi.analyse import tifa as _tifa
from luoshi.store.database import Database

__all__ = ["Analyses", "open_analyses"]


class Analyses:
    """One database and the questions it answers; every answer counts meetings."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Analyses:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def cascade(self, directive: str) -> _cascade.Cascade:
        return _cascade.cascade(self.db, directive)

    def lag(self, by: str = "level", directive: str | None = None) -> pd.DataFrame:
        return _lag.lag(self.db, by, directive)

    def fidelity(self, directive: str, by: str = "level") -> _fidelity.FidelityReport:
        return _fidelity.fidelity(self.db, directive, by)

    def tifa(self, formulation: str, by: str = "month") -> pd.DataFrame:
        return _tifa.tifa(self.db, formulation, by)

    def tifa_top(self, per: str = "province", period: str | None = "year",
                 limit: int = 5) -> pd.DataFrame:
        return _tifa.tifa_top(self.db, per, period, limit)

    def tifa_local(self) -> pd.DataFrame:
        return _tifa.tifa_local(self.db)

    def person(self, name: str) -> _people.PersonReport:
        return _people.person(self.db, name)

    def network(self, min_meetings: int = 1) -> pd.DataFrame:
        return _people.network(self.db, min_meetings)

    def search(self, query: str, limit: int = 20) -> pd.DataFrame:
        return _search.search(self.db, query, limit)

    def meetings(self, duplicates: bool = False) -> pd.DataFrame:
        return _meetings.duplicates(self.db) if duplicates else _meetings.meetings(self.db)

    def export(self, to: str, out: str | Path) -> list[Path]:
        return _export.export(self.db, to, out)

    def counts(self) -> dict[str, int]:
        return self.db.counts()


def open_analyses(path: str | os.PathLike[str] = "luoshi.duckdb",
                  read_only: bool = True) -> Analyses:
    """Open a database for questions (read-only by default: an ingest may be running)."""
    return Analyses(Database(path, read_only=read_only))
