"""Full-text search over the stored reports (DuckDB's full-text index, BM25 ranking).

Chinese is indexed as character bigrams (store/search_text.py), so 学习贯彻 finds
reports containing it in one piece, without a word segmenter.
"""

from __future__ import annotations

import pandas as pd

from luoshi.store.database import Database, fts_extension_path
from luoshi.store.search_text import search_text


def search(db: Database, query: str, limit: int = 20) -> pd.DataFrame:
    """Reports ranked by relevance to `query`, with a snippet around the first hit."""
    terms = search_text(query).strip()
    if not terms:
        return pd.DataFrame(columns=["doc_id", "title", "published", "score", "snippet"])
    if _has_index(db):
        frame = db.con.execute("""
            SELECT doc_id, title, published, score, text FROM (
                SELECT *, fts_main_documents.match_bm25(hash, ?, conjunctive := 1) AS score
                FROM documents) WHERE score IS NOT NULL
            ORDER BY score DESC, doc_id LIMIT ?""", [terms, limit]).df()
    else:  # no index (extension missing): a scan, slower but the same answer set
        frame = db.con.execute("""
            SELECT doc_id, title, published, 1.0 AS score, text FROM documents
            WHERE contains(lower(text), lower(?)) ORDER BY doc_id LIMIT ?""",
            [query.strip(), limit]).df()
    frame["snippet"] = [snippet(text, query) for text in frame.pop("text")]
    return frame


def _has_index(db: Database) -> bool:
    path = fts_extension_path()
    if path is None:
        return False
    db.con.execute(f"LOAD '{path}'")
    row = db.con.execute("SELECT count(*) FROM duckdb_schemas() "
                         "WHERE schema_name = 'fts_main_documents'").fetchone()
    return bool(row and row[0])


def snippet(text: str, query: str, width: int = 80) -> str:
    """The text around the first occurrence of a query word, on one line."""
    lowered = text.lower()
    positions = [p for word in query.lower().split() if (p := lowered.find(word)) >= 0]
    start = max(0, min(positions) - width // 2) if positions else 0
    return " ".join(text[start:start + width].split())
