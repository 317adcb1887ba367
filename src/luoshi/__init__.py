"""luoshi: reports of Chinese Party and government meetings as structured records.

    >>> import luoshi
    >>> record = luoshi.extract(text, published="2022-10-25")
    >>> record.to_dict()
    >>> db = luoshi.open("luoshi.duckdb")
    >>> db.cascade("cpc-20").meetings
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from luoshi.pipeline import extract, extract_document
from luoshi.record import Record

if TYPE_CHECKING:
    from luoshi.analyse import Analyses

__all__ = ["Record", "__version__", "extract", "extract_document", "open"]
__version__ = "0.1.0"


def open(path: str | os.PathLike[str] = "luoshi.duckdb",
         read_only: bool = True) -> Analyses:
    """A database's analyses (cascade, lag, fidelity, tifa, person, search, export).

    Imported on first use: extraction alone needs neither DuckDB nor pandas.
    """
    from luoshi.analyse import open_analyses

    return open_analyses(path, read_only=read_only)
