"""Full-text search over the stored reports (the store's postings, BM25 ranking).

Chinese is indexed as character bigrams (store/search_index.py), so 学习贯彻 finds
reports containing it in one piece, without a word segmenter.
"""

from __future__ import annotations

import pandas as pd

from luoshi.store import search_index
from luoshi.store.database import Database

COLUMNS = ["doc_id", "title", "published", "score", "snippet"]


def search(db: Database, query: str, limit: int = 20) -> pd.DataFrame:
    """Reports holding every word of `query`, best first, with a snippet around the first hit."""
    rows = search_index.search(db.con, query, limit)
    return pd.DataFrame([(doc_id, title, published, score, snippet(text, query))
                         for doc_id, title, published, score, text in rows], columns=COLUMNS)


def snippet(text: str, query: str, width: int = 80) -> str:
    """The text around the first occurrence of a query word, on one line."""
    lowered = text.lower()
    positions = [p for word in query.lower().split() if (p := lowered.find(word)) >= 0]
    start = max(0, min(positions) - width // 2) if positions else 0
    return " ".join(text[start:start + width].split())
