"""The pages' data: parameterised SQL aggregates over one read-only connection.

Each function returns the model its page renders and its /api/ twin returns. They
aggregate in DuckDB and fetch at most a few hundred rows, so a page stays fast on a
database of 100,000 reports. An unknown id raises NotFound.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, Literal

import duckdb

from luoshi.analyse.cascade import LEVEL_ORDER, MAINLAND_EXCLUDED
from luoshi.analyse.directive import find_directive
from luoshi.analyse.search import snippet
from luoshi.kb import load_kb
from luoshi.store import search_index
from luoshi.web import models as m
from luoshi.web.highlight import facts_of

Con = duckdb.DuckDBPyConnection
SortKey = Literal["lag", "date", "jurisdiction", "echo", "reports"]
Order = Literal["asc", "desc"]
SORT_COLUMNS: dict[str, str] = {"lag": "lag_days", "date": "date", "jurisdiction": "jurisdiction",
                                "echo": "echo", "reports": "reports"}
LATEST = 20  # meetings on the overview
TOP = 15  # directives and formulations on the overview
RESPONDERS = 100  # rows of a directive's responders table unless asked for more
REPORTS_USING = 50
PERSON_MEETINGS = 200
PLACE_MEETINGS = 100
OFFICIALS = 100
SEARCH_LIMIT = 10  # hits per search page: each hit's text is read for its snippet


class NotFound(Exception):
    """No such directive, formulation, person, place or document."""

    def __init__(self, what: str, key: str) -> None:
        super().__init__(f"unknown {what} {key!r}")
        self.what = what
        self.key = key


def _rows(con: Con, sql: str, params: Sequence[object] = ()) -> list[dict[str, Any]]:
    cursor = con.execute(sql, list(params))
    names = [d[0] for d in cursor.description or []]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _one(con: Con, sql: str, params: Sequence[object] = ()) -> dict[str, Any] | None:
    rows = _rows(con, sql, params)
    return rows[0] if rows else None


def _scalar(con: Con, sql: str, params: Sequence[object] = ()) -> Any:
    row = con.execute(sql, list(params)).fetchone()
    return row[0] if row else None


def _level_rank(level: str) -> int:
    return LEVEL_ORDER.index(level) if level in LEVEL_ORDER else len(LEVEL_ORDER)


# -- overview -------------------------------------------------------------------------

def counts(con: Con) -> m.Counts:
    row = _one(con, """
        SELECT (SELECT count(*) FROM documents) AS documents,
               (SELECT count(*) FROM meetings) AS meetings,
               (SELECT count(*) FROM events) AS events,
               (SELECT count(*) FROM people) AS people,
               (SELECT count(DISTINCT directive_id) FROM event_directives) AS directives,
               (SELECT count(DISTINCT zh) FROM formulation_uses) AS formulations,
               (SELECT count(DISTINCT jurisdiction) FROM events) AS places""")
    assert row is not None
    return m.Counts(**row)


def overview(con: Con) -> m.Overview:
    latest = _rows(con, """
        WITH latest AS (SELECT * FROM meetings WHERE date IS NOT NULL
                        ORDER BY date DESC, meeting_id LIMIT ?)
        SELECT l.meeting_id, CAST(l.date AS VARCHAR) AS date, l.jurisdiction, l.level, l.kind,
               l.host, l.reports, min(e.doc_id) AS doc_id
        FROM latest l LEFT JOIN events e USING (meeting_id)
        GROUP BY l.meeting_id, l.date, l.jurisdiction, l.level, l.kind, l.host, l.reports
        ORDER BY l.date DESC, l.meeting_id""", [LATEST])
    directives = _rows(con, """
        WITH per AS (
            SELECT ed.directive_id, e.meeting_id, min(ed.lag_days) AS lag_days
            FROM event_directives ed JOIN events e USING (event_id) GROUP BY ALL),
        top AS (SELECT directive_id, count(*) AS meetings, median(lag_days) AS median_lag
                FROM per GROUP BY directive_id ORDER BY meetings DESC, directive_id LIMIT ?)
        SELECT top.directive_id, d.label, d.zh, CAST(d.date_end AS VARCHAR) AS date_end,
               top.meetings, top.median_lag
        FROM top LEFT JOIN directives d USING (directive_id)
        ORDER BY top.meetings DESC, top.directive_id""", [TOP])
    formulations = _rows(con, """
        WITH top AS (SELECT fu.zh, count(DISTINCT e.meeting_id) AS meetings
                     FROM formulation_uses fu JOIN events e USING (event_id)
                     GROUP BY fu.zh ORDER BY meetings DESC, fu.zh LIMIT ?)
        SELECT top.zh, f.en, top.meetings FROM top LEFT JOIN formulations f USING (zh)
        ORDER BY top.meetings DESC, top.zh""", [TOP])
    return m.Overview(counts=counts(con),
                      latest_meetings=[m.MeetingRow(**r) for r in latest],
                      top_directives=[m.DirectiveCount(**r) for r in directives],
                      top_formulations=[m.FormulationCount(**r) for r in formulations])


# -- one directive --------------------------------------------------------------------

DIRECTIVE_MEETINGS = """
SELECT e.meeting_id, min(e.date) AS date, any_value(e.jurisdiction) AS jurisdiction,
       coalesce(any_value(e.level), 'unknown') AS level, any_value(e.province) AS province,
       any_value(e.kind) AS kind, any_value(e.host) AS host, min(ed.lag_days) AS lag_days,
       count(DISTINCT e.hash) AS reports, max(f.echo) AS echo, min(e.doc_id) AS doc_id
FROM event_directives ed JOIN events e USING (event_id)
LEFT JOIN fidelity f ON f.event_id = e.event_id AND f.directive_id = ed.directive_id
WHERE ed.directive_id = ?
GROUP BY e.meeting_id
"""


def resolve_directive(con: Con, key: str) -> str:
    """The directive id for an id, Chinese name or English label; NotFound otherwise."""
    found = find_directive(con, key)
    if found is None:
        raise NotFound("directive", key)
    return found


def directive_info(con: Con, directive_id: str) -> m.DirectiveInfo:
    row = _one(con, "SELECT directive_id AS id, label, zh, kind, CAST(date_end AS VARCHAR) "
                    "AS date_end FROM directives WHERE directive_id = ?", [directive_id])
    if row:
        return m.DirectiveInfo(**row)
    entry = load_kb().directive_by_id.get(directive_id)
    if entry is None:
        return m.DirectiveInfo(id=directive_id, label=None, zh=None, kind=None, date_end=None)
    return m.DirectiveInfo(id=entry.id, label=entry.label, zh=entry.zh, kind=entry.kind,
                           date_end=entry.date_end)


def mainland_provinces() -> list[str]:
    return sorted(p.name for p in load_kb().places
                  if p.level == "province" and p.name not in MAINLAND_EXCLUDED)


def directive_page(con: Con, key: str, sort: SortKey = "lag", order: Order = "asc",
                   limit: int | None = RESPONDERS) -> m.DirectivePage:
    """The cascade of one directive; `limit` responders (None: all) sorted by `sort`."""
    directive_id = resolve_directive(con, key)
    con.execute("CREATE OR REPLACE TEMP TABLE _web_dm AS " + DIRECTIVE_MEETINGS, [directive_id])
    try:
        return _directive_page(con, directive_id, sort, order, limit)
    finally:
        con.execute("DROP TABLE IF EXISTS _web_dm")


def _directive_page(con: Con, directive_id: str, sort: SortKey, order: Order,
                    limit: int | None) -> m.DirectivePage:
    totals = _one(con, "SELECT count(*) AS meetings, coalesce(sum(reports), 0) AS reports "
                       "FROM _web_dm")
    assert totals is not None
    timeline = _rows(con, "SELECT CAST(date AS VARCHAR) AS date, level, count(*) AS meetings "
                          "FROM _web_dm WHERE date IS NOT NULL GROUP BY ALL ORDER BY date, level")
    lag_bins = _rows(con, "SELECT level, lag_days, count(*) AS meetings FROM _web_dm "
                          "WHERE lag_days IS NOT NULL GROUP BY ALL ORDER BY level, lag_days")
    echo_bins = _rows(con, "SELECT level, round(echo, 2) AS echo, count(*) AS meetings "
                           "FROM _web_dm WHERE echo IS NOT NULL GROUP BY ALL "
                           "ORDER BY level, echo")
    by_level = _rows(con, """
        SELECT level, count(*) AS meetings, sum(reports) AS reports,
               median(lag_days) AS median_lag, quantile_cont(lag_days, 0.9) AS p90_lag,
               min(lag_days) AS min_lag, max(lag_days) AS max_lag,
               round(avg(echo), 3) AS mean_echo
        FROM _web_dm GROUP BY level""")
    by_level.sort(key=lambda r: _level_rank(r["level"]))
    column = SORT_COLUMNS[sort]
    direction = "DESC" if order == "desc" else "ASC"
    responders = _rows(con, f"""
        SELECT meeting_id, CAST(date AS VARCHAR) AS date, jurisdiction, level, province, kind,
               host, lag_days, echo, reports, doc_id
        FROM _web_dm ORDER BY {column} {direction} NULLS LAST, date NULLS LAST, meeting_id
        LIMIT ?""", [limit if limit is not None else 2**62])
    seen = {r[0] for r in con.execute("SELECT DISTINCT province FROM _web_dm "
                                      "WHERE province IS NOT NULL").fetchall()}
    return m.DirectivePage(
        directive=directive_info(con, directive_id), meetings=totals["meetings"],
        reports=totals["reports"],
        timeline=[m.TimelinePoint(**r) for r in timeline],
        lag_bins=[m.LagBin(**r) for r in lag_bins],
        echo_bins=[m.EchoBin(**r) for r in echo_bins],
        by_level=[m.LevelSummary(**r) for r in by_level],
        responders=[m.Responder(**r) for r in responders], sort=sort, order=order,
        provinces_not_seen=[p for p in mainland_provinces() if p not in seen])


# -- one formulation ------------------------------------------------------------------

def resolve_formulation(con: Con, key: str) -> str:
    wanted = key.strip()
    row = con.execute("SELECT zh FROM formulations WHERE zh = ? OR lower(en) = lower(?) "
                      "LIMIT 1", [wanted, wanted]).fetchone()
    if row:
        return str(row[0])
    lowered = wanted.lower()
    for entry in load_kb().formulations:
        if lowered in {entry.zh, entry.en.lower(), *entry.variants_zh,
                       *(v.lower() for v in entry.variants_en)}:
            return entry.zh
    raise NotFound("formulation", key)


def tifa_page(con: Con, key: str) -> m.TifaPage:
    zh = resolve_formulation(con, key)
    info = _one(con, "SELECT zh, en, scope, category FROM formulations WHERE zh = ?", [zh])
    if info is None:
        entry = next((f for f in load_kb().formulations if f.zh == zh), None)
        info = {"zh": zh, "en": entry.en if entry else None,
                "scope": entry.scope if entry else None,
                "category": entry.category if entry else None}
    con.execute("CREATE OR REPLACE TEMP TABLE _web_fu AS SELECT e.meeting_id, e.hash, e.doc_id, "
                "e.date, e.province, e.jurisdiction, fu.count FROM formulation_uses fu "
                "JOIN events e USING (event_id) WHERE fu.zh = ?", [zh])
    try:
        return _tifa_page(con, m.FormulationInfo(**info))
    finally:
        con.execute("DROP TABLE IF EXISTS _web_fu")


def _tifa_page(con: Con, info: m.FormulationInfo) -> m.TifaPage:
    per_meeting = """
        SELECT meeting_id, min(date) AS date, any_value(province) AS province,
               sum(count) AS uses
        FROM _web_fu GROUP BY meeting_id"""
    totals = _one(con, f"SELECT count(*) AS meetings, coalesce(sum(uses), 0) AS uses "
                       f"FROM ({per_meeting})")
    assert totals is not None
    by_month = _rows(con, f"""
        SELECT strftime(date, '%Y-%m') AS period, count(*) AS meetings, sum(uses) AS uses
        FROM ({per_meeting}) WHERE date IS NOT NULL GROUP BY ALL ORDER BY period""")
    by_province = _rows(con, f"""
        SELECT coalesce(province, 'unknown') AS province, count(*) AS meetings,
               sum(uses) AS uses
        FROM ({per_meeting}) GROUP BY ALL ORDER BY meetings DESC, province""")
    reports = _rows(con, """
        WITH top AS (
            SELECT hash, doc_id, min(date) AS date, any_value(jurisdiction) AS jurisdiction,
                   sum(count) AS uses
            FROM _web_fu GROUP BY hash, doc_id ORDER BY date DESC NULLS LAST, doc_id LIMIT ?)
        SELECT top.doc_id, d.title, CAST(d.published AS VARCHAR) AS published,
               CAST(top.date AS VARCHAR) AS date, top.jurisdiction, top.uses
        FROM top JOIN documents d USING (hash)
        ORDER BY top.date DESC NULLS LAST, top.doc_id""", [REPORTS_USING])
    return m.TifaPage(formulation=info, meetings=totals["meetings"],
                      uses=int(totals["uses"]),
                      by_month=[m.PeriodCount(**r) for r in by_month],
                      by_province=[m.ProvinceCount(**r) for r in by_province],
                      reports=[m.UsingReport(**r) for r in reports])


# -- one person -----------------------------------------------------------------------

def person_page(con: Con, person_id: str) -> m.PersonPage:
    info = _one(con, "SELECT person_id, name, zh, province, CAST(first_seen AS VARCHAR) AS "
                     "first_seen, CAST(last_seen AS VARCHAR) AS last_seen FROM people "
                     "WHERE person_id = ?", [person_id])
    if info is None:
        raise NotFound("person", person_id)
    # the person's events first (a few hundred at most), then everything from those
    con.execute("""
        CREATE OR REPLACE TEMP TABLE _web_pe AS
        SELECT p.event_id, p.role, e.meeting_id, e.date, e.kind, e.host, e.jurisdiction,
               e.hash, e.doc_id
        FROM (SELECT event_id, role FROM participations WHERE person_id = ?) p
        JOIN events e USING (event_id)""", [person_id])
    try:
        return _person_page(con, m.PersonInfo(**info))
    finally:
        con.execute("DROP TABLE IF EXISTS _web_pe")


def _person_page(con: Con, info: m.PersonInfo) -> m.PersonPage:
    posts = _rows(con, """
        SELECT t.post, t.org, t.jurisdiction, CAST(min(t.date) AS VARCHAR) AS first_seen,
               CAST(max(t.date) AS VARCHAR) AS last_seen,
               count(DISTINCT e.meeting_id) AS meetings
        FROM (SELECT * FROM titles WHERE person_id = ?) t
        JOIN _web_pe e USING (event_id)  -- a post is recorded where its holder took part
        GROUP BY ALL ORDER BY first_seen NULLS LAST, t.post""", [info.person_id])
    total = _scalar(con, "SELECT count(DISTINCT meeting_id) FROM _web_pe")
    meetings = _rows(con, """
        WITH studied AS (
            SELECT event_id, directive_id FROM event_directives
            WHERE event_id IN (SELECT event_id FROM _web_pe))
        SELECT e.meeting_id, CAST(min(e.date) AS VARCHAR) AS date, any_value(e.kind) AS kind,
               any_value(e.host) AS host, any_value(e.jurisdiction) AS jurisdiction,
               arg_min(e.role, CASE e.role WHEN 'presided' THEN 1 WHEN 'spoke' THEN 2
                   WHEN 'reported' THEN 3 ELSE 4 END) AS role,
               count(DISTINCT e.hash) AS reports,
               string_agg(DISTINCT s.directive_id, ', ') AS directives,
               min(e.doc_id) AS doc_id
        FROM _web_pe e LEFT JOIN studied s USING (event_id)
        GROUP BY e.meeting_id ORDER BY min(e.date) DESC NULLS LAST, e.meeting_id LIMIT ?""",
        [PERSON_MEETINGS])
    return m.PersonPage(person=info, posts=[m.PostRow(**r) for r in posts],
                        meetings=[m.PersonMeeting(**r) for r in meetings],
                        meetings_total=int(total or 0))


# -- one place ------------------------------------------------------------------------

def place_page(con: Con, name: str) -> m.PlacePage:
    con.execute("CREATE OR REPLACE TEMP TABLE _web_pl AS SELECT event_id, meeting_id, date, "
                "jurisdiction, level, province, kind, host, hash, doc_id FROM events "
                "WHERE jurisdiction = ?", [name])
    try:
        return _place_page(con, name)
    finally:
        con.execute("DROP TABLE IF EXISTS _web_pl")


def _place_page(con: Con, name: str) -> m.PlacePage:
    info = _one(con, """
        SELECT any_value(jurisdiction) AS name, mode(level) AS level,
               mode(province) AS province, count(DISTINCT meeting_id) AS meetings,
               count(DISTINCT hash) AS reports
        FROM _web_pl HAVING count(*) > 0""")
    if info is None:
        raise NotFound("place", name)
    by_month = _rows(con, """
        SELECT strftime(date, '%Y-%m') AS period, count(*) AS meetings, sum(reports) AS uses
        FROM (SELECT meeting_id, min(date) AS date, count(DISTINCT hash) AS reports
              FROM _web_pl GROUP BY meeting_id)
        WHERE date IS NOT NULL GROUP BY ALL ORDER BY period""")
    meetings = _rows(con, """
        SELECT meeting_id, CAST(min(date) AS VARCHAR) AS date, any_value(jurisdiction)
               AS jurisdiction, any_value(level) AS level, any_value(kind) AS kind,
               any_value(host) AS host, count(DISTINCT hash) AS reports, min(doc_id) AS doc_id
        FROM _web_pl GROUP BY meeting_id ORDER BY min(date) DESC NULLS LAST, meeting_id
        LIMIT ?""", [PLACE_MEETINGS])
    officials = _rows(con, """
        WITH took_part AS (
            SELECT p.person_id, h.meeting_id, h.date
            FROM (SELECT person_id, event_id FROM participations
                  WHERE event_id IN (SELECT event_id FROM _web_pl)) p
            JOIN _web_pl h USING (event_id)),
        top AS (SELECT person_id, count(DISTINCT meeting_id) AS meetings,
                       CAST(max(date) AS VARCHAR) AS last_seen
                FROM took_part GROUP BY person_id ORDER BY meetings DESC, person_id LIMIT ?),
        posts AS (SELECT person_id, string_agg(DISTINCT post, ', ' ORDER BY post) AS posts
                  FROM titles WHERE event_id IN (SELECT event_id FROM _web_pl)
                  AND person_id IN (SELECT person_id FROM top) GROUP BY person_id)
        SELECT top.person_id, pe.name, top.meetings, top.last_seen, posts.posts
        FROM top JOIN people pe USING (person_id) LEFT JOIN posts USING (person_id)
        ORDER BY top.meetings DESC, top.person_id""", [OFFICIALS])
    directives = _rows(con, """
        SELECT ed.directive_id, any_value(d.label) AS label,
               count(DISTINCT e.meeting_id) AS meetings
        FROM (SELECT event_id, directive_id FROM event_directives
              WHERE event_id IN (SELECT event_id FROM _web_pl)) ed
        JOIN _web_pl e USING (event_id)
        LEFT JOIN directives d USING (directive_id)
        GROUP BY ed.directive_id ORDER BY meetings DESC, ed.directive_id LIMIT ?""", [TOP])
    return m.PlacePage(place=m.PlaceInfo(**info), by_month=[m.PeriodCount(**r) for r in by_month],
                       meetings=[m.MeetingRow(**r) for r in meetings],
                       officials=[m.Official(**r) for r in officials],
                       directives=[m.DirectiveHere(**r) for r in directives])


# -- one document ---------------------------------------------------------------------

def document_page(con: Con, doc_id: str) -> m.DocumentPage:
    """A stored report by doc_id (or content hash), its record and the facts' spans."""
    # two plain lookups: one filter with OR would read every report's text
    hashes = [r[0] for r in con.execute(
        "SELECT hash FROM documents WHERE doc_id = ? ORDER BY ingested_at, hash LIMIT 20",
        [doc_id]).fetchall()]
    if not hashes:
        hashes = [r[0] for r in con.execute("SELECT hash FROM documents WHERE hash = ?",
                                            [doc_id]).fetchall()]
    if not hashes:
        raise NotFound("document", doc_id)
    row = _one(con, """
        SELECT doc_id, hash, lang, title, CAST(published AS VARCHAR) AS published, source, url,
               origin, text, CAST(record AS VARCHAR) AS record
        FROM documents WHERE hash = ?""", [hashes[0]])
    assert row is not None
    text = row.pop("text") or ""
    record = json.loads(row.pop("record") or "{}")
    people = _rows(con, """
        SELECT DISTINCT pe.name, pe.person_id
        FROM (SELECT event_id FROM events WHERE hash = ?) e
        JOIN participations p USING (event_id) JOIN people pe USING (person_id)
        ORDER BY pe.name""", [row["hash"]])
    return m.DocumentPage(document=m.DocumentInfo(**row), text=text, record=record,
                          facts=facts_of(record, len(text), text),
                          people=[m.PersonLink(**p) for p in people],
                          others=hashes[1:])


# -- search ---------------------------------------------------------------------------

def _store_index_search(con: Con, query: str, limit: int) -> list[dict[str, Any]] | None:
    """Ranked hits from the store's postings; None for a database from before them (opened
    read-only, so not migrated), where a scan answers instead."""
    found = con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = "
                        "'search_terms_recent' AND NOT temporary").fetchone()
    if not (found and found[0]):
        return None
    names = ("doc_id", "title", "published", "score", "text")
    return [dict(zip(names, (*row[:2], None if row[2] is None else str(row[2]), *row[3:5]),
                     strict=True))
            for row in search_index.search(con, query, limit)]


def search_page(con: Con, query: str, limit: int = SEARCH_LIMIT) -> m.SearchPage:
    """Reports ranked by BM25 (a plain scan when there is no index), with snippets."""
    if not search_index.terms(query):
        return m.SearchPage(query=query, hits=[])
    rows = _store_index_search(con, query, limit)
    if rows is None:  # no index at all: a scan, slower but the same answer set
        rows = _rows(con, """
            SELECT doc_id, title, CAST(published AS VARCHAR) AS published, 1.0 AS score, text
            FROM documents WHERE contains(lower(text), lower(?)) ORDER BY doc_id LIMIT ?""",
            [query.strip(), limit])
    hits = [m.SearchHit(doc_id=r["doc_id"], title=r["title"], published=r["published"],
                        score=float(r["score"]), snippet=snippet(r["text"] or "", query))
            for r in rows]
    return m.SearchPage(query=query, hits=hits)
