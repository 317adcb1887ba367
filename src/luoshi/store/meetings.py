"""One meeting, many reports: cluster the events that report the same meeting.

A Party daily, the government site and two machine translations of one original are
four reports of one meeting; analyses count meetings. Two events are the same meeting
when all of these hold:

1. the same day and the same place (jurisdiction, or host when no place is known);
   undated events are never merged, as nothing shows they are the same day;
2. compatible kinds (equal, or one of them unknown, `other`) and, when both name
   directives, at least one directive in common: a party group meeting in the morning
   and a study session in the afternoon stay two;
3. similar content: the sets of extracted facts (people, formulations, directives)
   overlap by Jaccard >= FACT_MIN, which holds across languages and translations, or
   the texts are near-duplicates by MinHash (datasketch) Jaccard >= TEXT_MIN, which
   catches reposts with other boilerplate.

The reason for every merge is stored in `meetings.explanation`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

import duckdb
import numpy as np
import xxhash
from datasketch import MinHash

from luoshi.store.database import Database
from luoshi.store.transaction import transaction

FACT_MIN = 0.3  # translations lose some formulations; people and directives carry it
TEXT_MIN = 0.5  # word or character shingles of reposts of one text
SCHEME = "affine32"  # datasketch's default, named: signatures made with shared permutations
# shingles are hashed by xxHash (datasketch's own suggestion), ten times faster than its
# default SHA-1
NUM_PERM = 128  # MinHash permutations: Jaccard error about 1/sqrt(128) = 0.09
MAX_BLOCK = 500  # events of one place on one day compared pairwise; beyond, by date order
EVENTS_PER_READ = 50_000  # staged events of whole (day, place) blocks clustered and written at once
WORD = re.compile(r"[a-z0-9]+|[\u4e00-\u9fff]")
# a meeting's host, place, level and kind: its first report's that has them (any_value
# may change from run to run; a re-run must store what one clean run stores)
FIRST_REPORTED = ", ".join(f"arg_min({column}, event_id) FILTER (WHERE {column} IS NOT NULL)"
                           for column in ("host", "jurisdiction", "level", "kind"))


@dataclass
class EventFacts:
    event_id: str
    day: str | None
    place: str | None
    kind: str
    lang: str
    hash: str
    meeting: str | None = None  # the meeting an earlier run gave it
    explanation: str | None = None  # why that meeting merged its reports
    directives: set[str] = field(default_factory=set)
    facts: set[str | int] = field(default_factory=set)  # names, or hashes of them
    texts: dict[str, str] | None = field(default=None, repr=False)  # shared by a chunk
    _minhash: MinHash | None = None

    def minhash(self) -> MinHash:
        if self._minhash is None:
            assert self.texts is not None
            tokens = WORD.findall(self.texts.get(self.hash, "").lower())
            width = 4 if self.lang == "zh" else 3
            shingles = {" ".join(tokens[i:i + width]).encode("utf-8")
                        for i in range(max(1, len(tokens) - width + 1))}
            self._minhash = MinHash(num_perm=NUM_PERM, permutations=_permutations(),
                                    scheme=SCHEME, hashfunc=xxhash.xxh32_intdigest)
            self._minhash.update_batch(list(shingles))
        return self._minhash


@lru_cache(maxsize=1)
def _permutations() -> tuple[object, object]:
    """The MinHash permutations, drawn once (datasketch draws them for every MinHash)."""
    reference = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    permutations: tuple[object, object] = reference.permutations
    return permutations


def _stage(con: duckdb.DuckDBPyConnection) -> np.ndarray:
    """Put the events of every (day, place) block that gained an event without a meeting
    into the temporary table `_todo`, numbered block by block, and their facts into
    `_todo_directives` and `_todo_facts`, sorted by block; return the number of events
    in each block, in block order.

    Each table is made by one query that reads the tables once whatever the number of
    reports, and holds plain rows sorted by block (which DuckDB sorts on disk when they
    do not fit in memory, and reads back a block range at a time by its zone maps); the
    facts are kept as 64-bit hashes (their Jaccard is the same)."""
    con.execute("""
        CREATE OR REPLACE TEMP TABLE _todo_blocks AS
        SELECT date, place, row_number() OVER (ORDER BY date, place) AS block FROM (
            SELECT DISTINCT date, coalesce(jurisdiction, host) AS place FROM events
            WHERE meeting_id IS NULL AND date IS NOT NULL
              AND coalesce(jurisdiction, host) IS NOT NULL)""")
    con.execute("""
        CREATE OR REPLACE TEMP TABLE _todo AS
        SELECT b.block, e.event_id, CAST(e.date AS VARCHAR) AS day, b.place,
               coalesce(e.kind, 'other') AS kind, coalesce(d.lang, 'en') AS lang, e.hash,
               e.meeting_id, m.explanation
        FROM events e
        JOIN _todo_blocks b ON e.date = b.date AND coalesce(e.jurisdiction, e.host) = b.place
        JOIN (SELECT hash, lang FROM documents) d USING (hash)
        LEFT JOIN meetings m USING (meeting_id)
        ORDER BY b.block, e.event_id""")
    con.execute("""
        CREATE OR REPLACE TEMP TABLE _todo_directives AS
        SELECT t.block, t.event_id, d.directive_id FROM event_directives d
        JOIN _todo t USING (event_id) ORDER BY t.block, d.directive_id""")
    con.execute("""
        CREATE OR REPLACE TEMP TABLE _todo_facts AS
        SELECT block, event_id, fact FROM (
            SELECT t.block, t.event_id, hash('f:' || f.zh) AS fact FROM formulation_uses f
            JOIN _todo t USING (event_id)
            UNION ALL
            SELECT t.block, t.event_id, hash('p:' || lower(pe.name)) FROM participations p
            JOIN people pe USING (person_id) JOIN _todo t ON p.event_id = t.event_id)
        ORDER BY block""")
    sizes = con.execute("SELECT count(*) FROM _todo GROUP BY block ORDER BY block").fetchnumpy()
    return np.asarray(next(iter(sizes.values())), dtype=np.int64)


def _reads(sizes: np.ndarray) -> Iterator[tuple[int, int]]:
    """Ranges [first, last] of block numbers (from 1) holding about EVENTS_PER_READ events."""
    ends = np.cumsum(sizes)
    first, done = 1, 0
    while first <= len(sizes):
        last = int(np.searchsorted(ends, done + EVENTS_PER_READ, side="left")) + 1
        last = max(first, min(last, len(sizes)))
        yield first, last
        done = int(ends[last - 1])
        first = last + 1


def _load_blocks(con: duckdb.DuckDBPyConnection, first: int, last: int,
                 ) -> list[list[EventFacts]]:
    """The staged events of blocks first..last, block by block, with their facts; texts
    are read later, only for the pairs that need a MinHash."""
    table = con.execute("SELECT block, event_id, day, place, kind, lang, hash, meeting_id, "
                        "explanation FROM _todo WHERE block BETWEEN ? AND ?",
                        [first, last]).to_arrow_table()
    columns = {name: table.column(name).to_pylist() for name in table.column_names}
    texts: dict[str, str] = {}  # filled by _read_texts for the pairs that need them
    events: dict[str, EventFacts] = {}
    blocks: dict[int, list[EventFacts]] = defaultdict(list)
    for i, event_id in enumerate(columns["event_id"]):
        event = EventFacts(event_id, columns["day"][i], columns["place"][i],
                           columns["kind"][i], columns["lang"][i], columns["hash"][i],
                           meeting=columns["meeting_id"][i],
                           explanation=columns["explanation"][i], texts=texts)
        events[event_id] = event
        blocks[columns["block"][i]].append(event)
    for event_id, directive in con.execute(
            "SELECT event_id, directive_id FROM _todo_directives WHERE block BETWEEN ? AND ?",
            [first, last]).fetchall():
        events[event_id].directives.add(directive)
        events[event_id].facts.add("d:" + directive)
    facts = con.execute("SELECT event_id, fact FROM _todo_facts WHERE block BETWEEN ? AND ?",
                        [first, last]).to_arrow_table()
    for event_id, fact in zip(facts.column("event_id").to_pylist(),
                              facts.column("fact").to_pylist(), strict=True):
        events[event_id].facts.add(fact)
    return [blocks[b] for b in sorted(blocks)]


def _read_texts(con: duckdb.DuckDBPyConnection, events: list[EventFacts]) -> None:
    """Fill the read's shared text store for these events (one query for all of them)."""
    wanted = sorted({e.hash for e in events if e.texts is not None and e.hash not in e.texts})
    if not wanted or events[0].texts is None:
        return
    store = events[0].texts
    for digest, text in con.execute(
            "SELECT hash, text FROM documents WHERE hash IN (SELECT unnest(?::VARCHAR[]))",
            [wanted]).fetchall():
        store[digest] = text or ""


def _comparable(a: EventFacts, b: EventFacts) -> bool:
    """Kinds and directives allow a and b to be one meeting (the day and place are equal)."""
    if a.kind != b.kind and "other" not in (a.kind, b.kind):
        return False
    return not (a.directives and b.directives and not a.directives & b.directives)


def same_meeting(a: EventFacts, b: EventFacts, texts: bool = True) -> str | None:
    """Why a and b are one meeting, or None when they are not. Without `texts`, only
    the facts are compared (a pair the facts do not join may still be joined by text)."""
    if not _comparable(a, b):
        return None
    facts = len(a.facts & b.facts) / len(a.facts | b.facts) if a.facts | b.facts else 0.0
    shared = sorted(a.directives & b.directives) or ["none named"]
    why = (f"same day {a.day}, same place {a.place}, kind {a.kind}/{b.kind}, "
           f"directives {', '.join(shared)}; facts Jaccard {facts:.2f}")
    if facts >= FACT_MIN:
        return why
    if texts and a.lang == b.lang:
        text = a.minhash().jaccard(b.minhash())
        if text >= TEXT_MIN:
            return f"{why}; text MinHash Jaccard {text:.2f} ({a.lang})"
    return None


class _Clusters:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.why: dict[str, list[str]] = defaultdict(list)

    def find(self, item: str) -> str:
        root = self.parent.setdefault(item, item)
        while root != self.parent[root]:
            root = self.parent[root]
        self.parent[item] = root
        return root

    def union(self, a: str, b: str, why: str | None) -> None:
        ra, rb = sorted((self.find(a), self.find(b)))
        if ra != rb:
            self.parent[rb] = ra
            self.why[ra] += [*self.why.pop(rb, []), *([why] if why else [])]

    def keep(self, events: list[EventFacts]) -> None:
        """The meetings earlier runs made of these events, with their reasons."""
        groups: dict[str, list[EventFacts]] = defaultdict(list)
        for event in events:
            self.find(event.event_id)
            if event.meeting is not None:
                groups[event.meeting].append(event)
        for members in groups.values():
            for other in members[1:]:
                self.union(members[0].event_id, other.event_id, None)
            if members[0].explanation:
                self.why[self.find(members[0].event_id)] = [members[0].explanation]


def cluster_meetings(db: Database) -> int:
    """Assign a meeting to every event without one; return the number of meetings made.

    Only the (day, place) blocks that gained events are redone. They are staged by one
    query a table (`_stage`), then clustered `EVENTS_PER_READ` events at a time, so Python
    holds one read's events, and each read's meetings are written in a transaction of
    their own (one transaction for all held every updated row in memory): a run killed
    during this step leaves whole blocks with meetings and the others without, and the
    next run completes it. Texts are read only for the pairs whose facts do not decide
    (one query a read), and pairs of events that both had a meeting already are not
    compared again.
    """
    with db.holding() as con:
        row = con.execute("SELECT count(*) FROM events WHERE meeting_id IS NULL").fetchone()
        if not (row and row[0]):
            return 0
        staged = ("_todo_blocks", "_todo", "_todo_directives", "_todo_facts", "_assign", "_why")
        try:
            sizes = _stage(con)
            con.execute("CREATE OR REPLACE TEMP TABLE _assign "
                        "(event_id VARCHAR, meeting_id VARCHAR)")
            con.execute("CREATE OR REPLACE TEMP TABLE _why (meeting_id VARCHAR, explanation VARCHAR)")
            made = 0
            for first, last in _reads(sizes):
                with transaction(con):
                    made += _cluster(con, first, last)
                    _write_meetings(con)
        finally:
            for table in staged:
                con.execute(f"DROP TABLE IF EXISTS {table}")
        return made + _single_meetings(db)


def _cluster(con: duckdb.DuckDBPyConnection, first: int, last: int) -> int:
    """Cluster blocks first..last into `_assign` (event, meeting) and `_why`."""
    con.execute("DELETE FROM _assign")
    con.execute("DELETE FROM _why")
    clusters = _Clusters()
    pending: list[tuple[EventFacts, EventFacts]] = []
    for events in _load_blocks(con, first, last):
        clusters.keep(events)
        for i, a in enumerate(events):
            for b in events[i + 1:i + MAX_BLOCK]:
                if a.meeting is not None and b.meeting is not None:
                    continue  # decided when the later of them came in
                if clusters.find(a.event_id) == clusters.find(b.event_id):
                    continue
                why = same_meeting(a, b, texts=False)
                if why:
                    clusters.union(a.event_id, b.event_id, why)
                elif why is None and a.lang == b.lang and _comparable(a, b):
                    pending.append((a, b))
    if pending:  # pairs that only their texts can tell apart: read the missing texts at once
        _read_texts(con, [e for pair in pending for e in pair])
        for a, b in pending:
            if clusters.find(a.event_id) != clusters.find(b.event_id):
                why = same_meeting(a, b)
                if why:
                    clusters.union(a.event_id, b.event_id, why)
    import pyarrow as pa

    event_ids = list(clusters.parent)
    assigned = pa.table({"event_id": event_ids,
                         "meeting_id": [clusters.find(e) for e in event_ids]})
    con.register("_assigned", assigned)
    con.execute("INSERT INTO _assign SELECT event_id, meeting_id FROM _assigned")
    con.unregister("_assigned")
    explanations = [(root, "; ".join(why)) for root, why in clusters.why.items() if why]
    if explanations:
        reasons = pa.table({"meeting_id": [e[0] for e in explanations],
                            "explanation": [e[1] for e in explanations]})
        con.register("_reasons", reasons)
        con.execute("INSERT INTO _why SELECT meeting_id, explanation FROM _reasons")
        con.unregister("_reasons")
    return len(set(assigned.column("meeting_id").to_pylist()))


def _write_meetings(con: duckdb.DuckDBPyConnection) -> None:
    """One read's assignments into events and meetings, one statement each."""
    con.execute("UPDATE events SET meeting_id = a.meeting_id FROM _assign a "
                "WHERE events.event_id = a.event_id")
    con.execute("DELETE FROM meetings WHERE meeting_id IN (SELECT meeting_id FROM _assign) "
                "OR meeting_id IN (SELECT event_id FROM _assign)")
    con.execute(f"""
        INSERT INTO meetings
        SELECT meeting_id, count(*), min(date), {FIRST_REPORTED}, NULL
        FROM events WHERE meeting_id IN (SELECT meeting_id FROM _assign)
        GROUP BY meeting_id""")
    con.execute("UPDATE meetings SET explanation = w.explanation FROM _why w "
                "WHERE meetings.meeting_id = w.meeting_id")


def _single_meetings(db: Database) -> int:
    """Events that cannot be compared (no day or no place) are meetings of their own."""
    with transaction(db.con) as con:
        row = con.execute("SELECT count(*) FROM events WHERE meeting_id IS NULL").fetchone()
        con.execute("UPDATE events SET meeting_id = event_id WHERE meeting_id IS NULL")
        con.execute(f"""
            INSERT INTO meetings
            SELECT meeting_id, count(*), min(date), {FIRST_REPORTED}, NULL
            FROM events WHERE meeting_id NOT IN (SELECT meeting_id FROM meetings)
            GROUP BY meeting_id""")
    return int(row[0]) if row else 0
