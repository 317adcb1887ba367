"""The full-text index: postings written with each batch, ranked by BM25 at query time.

Each stored document adds its terms to `search_terms` (term hash, document number, term
frequency) and its length to `search_docs`, in the same transaction as the document. The
index is never rebuilt, so ingesting the millionth report costs what the first did, and
a killed ingest leaves no document without its postings.

Terms are lower-cased Latin words and numbers (English stop words left out) and, for
Chinese, which has no spaces between words, each pair of adjacent characters (学习贯彻 ->
学习 习贯 贯彻; a lone character stands for itself), so a query finds a Chinese phrase
without a word segmenter. A query is split the same way; every term must occur (as in
a search box), and documents are ranked by BM25 (k1 1.2, b 0.75).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import duckdb

LATIN_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")
STOP_WORDS = frozenset(["a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has",
                        "have", "in", "is", "it", "its", "of", "on", "or", "s", "that", "the",
                        "this", "to", "was", "were", "which", "who", "will", "with"])
BACKFILL_BATCH = 2000  # documents read at a time when indexing those without postings
K1 = 1.2
B = 0.75
MAX_TF = 65535  # term frequencies are stored as USMALLINT

SCHEMA = """
CREATE TABLE IF NOT EXISTS search_docs (doc UBIGINT, hash VARCHAR, length INTEGER);
CREATE TABLE IF NOT EXISTS search_terms (term UBIGINT, doc UBIGINT, tf USMALLINT);
"""


def terms(text: str) -> Counter[str]:
    """The index terms of a text, with their counts."""
    counts: Counter[str] = Counter()
    lowered = text.lower()
    for run in CJK_RUN.findall(lowered):
        if len(run) == 1:
            counts[run] += 1
        else:
            counts.update(run[i:i + 2] for i in range(len(run) - 1))
    counts.update(word.replace("’", "'") for word in LATIN_WORD.findall(CJK_RUN.sub(" ", lowered))
                  if word not in STOP_WORDS)
    return counts


def doc_number(content_hash: str) -> int:
    """A document's number in the index: its content hash (64 bits of hex) as an integer."""
    return int(content_hash[:16], 16)


def postings(content_hash: str, text: str) -> tuple[tuple[int, str, int], list[tuple[str, int, int]]]:
    """(doc number, hash, length) and (term, doc number, tf) rows for one document."""
    counts = terms(text)
    number = doc_number(content_hash)
    return ((number, content_hash, sum(counts.values())),
            [(term, number, min(tf, MAX_TF)) for term, tf in counts.items()])


def write(con: duckdb.DuckDBPyConnection, docs: list[tuple[int, str, int]],
          rows: list[tuple[str, int, int]]) -> None:
    """Add documents' postings (inside the caller's transaction); terms are hashed by DuckDB."""
    if not docs:
        return
    import pyarrow as pa

    con.register("new_search_docs", pa.table({
        "doc": pa.array([d[0] for d in docs], pa.uint64()),
        "hash": pa.array([d[1] for d in docs], pa.string()),
        "length": pa.array([d[2] for d in docs], pa.int32())}))
    con.register("new_search_terms", pa.table({
        "term": pa.array([r[0] for r in rows], pa.string()),
        "doc": pa.array([r[1] for r in rows], pa.uint64()),
        "tf": pa.array([r[2] for r in rows], pa.uint16())}))
    try:
        con.execute("INSERT INTO search_docs SELECT doc, hash, length FROM new_search_docs")
        con.execute("INSERT INTO search_terms SELECT hash(term), doc, tf FROM new_search_terms")
    finally:
        con.unregister("new_search_docs")
        con.unregister("new_search_terms")


def backfill(con: duckdb.DuckDBPyConnection) -> int:
    """Postings for every document that has none (a database from before the index);
    inside the caller's transaction. The number of documents indexed."""
    missing = [row[0] for row in con.execute(
        "SELECT hash FROM documents WHERE hash NOT IN (SELECT hash FROM search_docs) "
        "ORDER BY hash").fetchall()]
    for first in range(0, len(missing), BACKFILL_BATCH):
        chunk = con.execute(
            "SELECT hash, coalesce(title, '') || chr(10) || text FROM documents "
            "WHERE hash IN (SELECT unnest(?::VARCHAR[]))",
            [missing[first:first + BACKFILL_BATCH]]).fetchall()
        docs, rows = [], []
        for digest, text in chunk:
            doc, terms = postings(digest, text)
            docs.append(doc)
            rows.extend(terms)
        write(con, docs, rows)
    return len(missing)


QUERY = f"""
WITH query AS (SELECT DISTINCT hash(unnest(?::VARCHAR[])) AS term),
stats AS (SELECT count(*)::DOUBLE AS n, avg(length) AS avgdl FROM search_docs),
hits AS (SELECT term, doc, tf FROM search_terms WHERE term IN (SELECT term FROM query)),
df AS (SELECT term, count(*) AS df FROM hits GROUP BY term),
scored AS (
    SELECT hits.doc,
           sum(ln(1 + (stats.n - df.df + 0.5) / (df.df + 0.5)) * hits.tf * ({K1} + 1)
               / (hits.tf + {K1} * (1 - {B} + {B} * search_docs.length / stats.avgdl))) AS score,
           count(*) AS matched
    FROM hits JOIN df USING (term) JOIN search_docs USING (doc), stats
    GROUP BY hits.doc)
SELECT documents.doc_id, documents.title, documents.published, scored.score, documents.text
FROM scored JOIN search_docs USING (doc) JOIN documents USING (hash)
WHERE scored.matched = (SELECT count(*) FROM query)
ORDER BY scored.score DESC, documents.doc_id
LIMIT ?
"""


def search(con: duckdb.DuckDBPyConnection, query: str, limit: int = 20) -> list[tuple[Any, ...]]:
    """(doc_id, title, published, score, text) of the best documents holding every term."""
    wanted = list(terms(query))
    if not wanted:
        return []
    return con.execute(QUERY, [wanted, limit]).fetchall()
