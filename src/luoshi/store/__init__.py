"""The embedded DuckDB store: a normalised schema of records, written idempotently."""

from luoshi.store.database import Database, open_database

__all__ = ["Database", "open_database"]
