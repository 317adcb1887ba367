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
from dataclasses import dataclass, field
from typing import Any

import duckdb

from luoshi.store.transaction import transaction

LATIN_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
CJK = "\u3400-\u4dbf\u4e00-\u9fff"
CJK_ANY = re.compile(f"[{CJK}]")
CJK_BIGRAM = re.compile(f"(?=([{CJK}][{CJK}]))")
CJK_SINGLE = re.compile(f"(?<![{CJK}])[{CJK}](?![{CJK}])")
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
# New postings go to search_terms_recent; `compact` moves them into search_terms, which
# it keeps sorted by term, so that a query reads only the row groups holding its terms
RECENT_SCHEMA = """
CREATE TABLE IF NOT EXISTS search_terms_recent (term UBIGINT, doc UBIGINT, tf USMALLINT);
"""
COMPACT_SHARE = 0.1  # compact when the recent postings reach this share of the sorted ones
COMPACT_MIN = 200_000  # ... and at least this many (below, scanning them costs little)
COMPACT_MAX = 200_000_000  # postings sorted in one go at most (some 2 million reports): the
# 88 million of a million reports sort in 22 s at 717 MB peak (two threads, 384 MB cache),
# and search over them then takes 0.4-0.7 s instead of 2.5 s; beyond, a sort would take
# minutes at the end of an ingest, and queries read both tables


def terms(text: str) -> Counter[str]:
    """The index terms of a text, with their counts."""
    lowered = text.lower().replace("’", "'")
    found = [word for word in LATIN_WORD.findall(lowered) if word not in STOP_WORDS]
    if CJK_ANY.search(lowered):
        found += CJK_BIGRAM.findall(lowered)  # overlapping: the pattern is all lookahead
        found += CJK_SINGLE.findall(lowered)
    return Counter(found)


def doc_number(content_hash: str) -> int:
    """A document's number in the index: its content hash (64 bits of hex) as an integer."""
    return int(content_hash[:16], 16)


@dataclass
class Postings:
    """Postings of several documents, column by column (as they go into DuckDB)."""

    docs: list[int] = field(default_factory=list)
    hashes: list[str] = field(default_factory=list)
    lengths: list[int] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)
    term_docs: list[int] = field(default_factory=list)
    tfs: list[int] = field(default_factory=list)

    def add(self, content_hash: str, text: str) -> None:
        counts = terms(text)
        number = doc_number(content_hash)
        self.docs.append(number)
        self.hashes.append(content_hash)
        self.lengths.append(sum(counts.values()))
        self.terms.extend(counts)
        self.term_docs.extend([number] * len(counts))
        tfs = counts.values()
        self.tfs.extend(tfs if len(text) < MAX_TF else (min(tf, MAX_TF) for tf in tfs))


def write(con: duckdb.DuckDBPyConnection, postings: Postings) -> None:
    """Add documents' postings (inside the caller's transaction); terms are hashed by DuckDB."""
    if not postings.docs:
        return
    import pyarrow as pa

    con.register("new_search_docs", pa.table({
        "doc": pa.array(postings.docs, pa.uint64()),
        "hash": pa.array(postings.hashes, pa.string()),
        "length": pa.array(postings.lengths, pa.int32())}))
    con.register("new_search_terms", pa.table({
        "term": pa.array(postings.terms, pa.string()),
        "doc": pa.array(postings.term_docs, pa.uint64()),
        "tf": pa.array(postings.tfs, pa.uint16())}))
    try:
        con.execute("INSERT INTO search_docs SELECT doc, hash, length FROM new_search_docs")
        con.execute("INSERT INTO search_terms_recent SELECT hash(term), doc, tf "
                    "FROM new_search_terms")
    finally:
        con.unregister("new_search_docs")
        con.unregister("new_search_terms")


def compact(con: duckdb.DuckDBPyConnection, force: bool = False) -> bool:
    """Merge the recent postings into the sorted table when they have grown large enough
    (a rewrite of the sorted table: amortised, each posting is rewritten a few times
    as the index grows tenfold). One transaction; True when it ran."""
    recent = con.execute("SELECT count(*) FROM search_terms_recent").fetchone()
    sorted_rows = con.execute("SELECT count(*) FROM search_terms").fetchone()
    new, old = (recent[0] if recent else 0), (sorted_rows[0] if sorted_rows else 0)
    if not new or (not force and (new < COMPACT_MIN or new < COMPACT_SHARE * old
                                  or new + old > COMPACT_MAX)):
        return False
    with transaction(con):
        con.execute("""CREATE TABLE search_terms_merged AS
                       SELECT * FROM (SELECT * FROM search_terms
                                      UNION ALL SELECT * FROM search_terms_recent)
                       ORDER BY term, doc""")
        con.execute("DROP TABLE search_terms")
        con.execute("ALTER TABLE search_terms_merged RENAME TO search_terms")
        # dropped, not emptied: deleting 100 million rows in a transaction needs memory
        # for its undo, which DuckDB's bounded cache does not have
        con.execute("DROP TABLE search_terms_recent")
        con.execute(RECENT_SCHEMA)
    return True


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
        postings = Postings()
        for digest, text in chunk:
            postings.add(digest, text)
        write(con, postings)
    return len(missing)


QUERY = f"""
WITH query AS (SELECT DISTINCT hash(unnest(?::VARCHAR[])) AS term),
stats AS (SELECT count(*)::DOUBLE AS n, avg(length) AS avgdl FROM search_docs),
hits AS (SELECT term, doc, tf FROM search_terms WHERE term IN (SELECT term FROM query)
         UNION ALL
         SELECT term, doc, tf FROM search_terms_recent WHERE term IN (SELECT term FROM query)),
df AS (SELECT term, count(*) AS df FROM hits GROUP BY term),
matched AS (SELECT doc FROM hits GROUP BY doc HAVING count(*) = (SELECT count(*) FROM query)),
scored AS (
    SELECT hits.doc,
           sum(ln(1 + (stats.n - df.df + 0.5) / (df.df + 0.5)) * hits.tf * ({K1} + 1)
               / (hits.tf + {K1} * (1 - {B} + {B} * search_docs.length / stats.avgdl))) AS score
    FROM hits JOIN matched USING (doc) JOIN df USING (term) JOIN search_docs USING (doc), stats
    GROUP BY hits.doc),
-- rank first, then read documents for the best (and their ties) only; scores equal but
-- for rounding (sums in another order) rank by doc_id, so answers are stable
best AS (SELECT round(score, 9) AS score FROM scored ORDER BY score DESC LIMIT ?),
tied AS (SELECT doc, score FROM scored WHERE round(score, 9) >= (SELECT min(score) FROM best)),
top AS (SELECT search_docs.hash, documents.doc_id, tied.score
        FROM tied JOIN search_docs USING (doc) JOIN documents USING (hash)
        ORDER BY round(tied.score, 9) DESC, documents.doc_id, search_docs.hash LIMIT ?)
SELECT top.doc_id, documents.title, documents.published, top.score, documents.text
FROM top JOIN documents USING (hash)
ORDER BY round(top.score, 9) DESC, top.doc_id, top.hash
"""


def search(con: duckdb.DuckDBPyConnection, query: str, limit: int = 20) -> list[tuple[Any, ...]]:
    """(doc_id, title, published, score, text) of the best documents holding every term."""
    wanted = list(terms(query))
    if not wanted:
        return []
    return con.execute(QUERY, [wanted, limit, limit]).fetchall()
