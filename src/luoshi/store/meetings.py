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
from dataclasses import dataclass, field

from datasketch import MinHash

from luoshi.store.database import Database

FACT_MIN = 0.3  # translations lose some formulations; people and directives carry it
TEXT_MIN = 0.5  # word or character shingles of reposts of one text
NUM_PERM = 128  # MinHash permutations: Jaccard error about 1/sqrt(128) = 0.09
MAX_BLOCK = 500  # events of one place on one day compared pairwise; beyond, by date order
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
    text: str
    directives: set[str] = field(default_factory=set)
    facts: set[str] = field(default_factory=set)
    _minhash: MinHash | None = None

    def minhash(self) -> MinHash:
        if self._minhash is None:
            tokens = WORD.findall(self.text.lower())
            width = 4 if self.lang == "zh" else 3
            shingles = {" ".join(tokens[i:i + width]).encode("utf-8")
                        for i in range(max(1, len(tokens) - width + 1))}
            self._minhash = MinHash(num_perm=NUM_PERM)
            self._minhash.update_batch(list(shingles))
        return self._minhash


def _load_blocks(db: Database) -> dict[tuple[str, str], list[EventFacts]]:
    """Events grouped by (day, place), only for blocks that gained an unassigned event."""
    rows = db.con.execute("""
        WITH touched AS (
            SELECT DISTINCT date, coalesce(jurisdiction, host) AS place FROM events
            WHERE meeting_id IS NULL AND date IS NOT NULL
              AND coalesce(jurisdiction, host) IS NOT NULL)
        SELECT e.event_id, CAST(e.date AS VARCHAR), coalesce(e.jurisdiction, e.host), e.kind,
               d.lang, d.text
        FROM events e JOIN documents d USING (hash)
        JOIN touched t ON t.date = e.date AND t.place = coalesce(e.jurisdiction, e.host)
        ORDER BY e.date, e.event_id""").fetchall()
    events = {r[0]: EventFacts(r[0], r[1], r[2], r[3] or "other", r[4] or "en", r[5] or "")
              for r in rows}
    if events:
        _attach_facts(db, events)
    blocks: dict[tuple[str, str], list[EventFacts]] = defaultdict(list)
    for event in events.values():
        blocks[(event.day or "", event.place or "")].append(event)
    return blocks


def _attach_facts(db: Database, events: dict[str, EventFacts]) -> None:
    ids = list(events)
    for event_id, directive in db.con.execute(
            "SELECT event_id, directive_id FROM event_directives "
            "WHERE event_id IN (SELECT unnest(?))", [ids]).fetchall():
        events[event_id].directives.add(directive)
        events[event_id].facts.add("d:" + directive)
    for event_id, zh in db.con.execute(
            "SELECT event_id, zh FROM formulation_uses WHERE event_id IN (SELECT unnest(?))",
            [ids]).fetchall():
        events[event_id].facts.add("f:" + zh)
    for event_id, name in db.con.execute(
            "SELECT p.event_id, lower(pe.name) FROM participations p "
            "JOIN people pe USING (person_id) WHERE p.event_id IN (SELECT unnest(?))",
            [ids]).fetchall():
        events[event_id].facts.add("p:" + name)


def same_meeting(a: EventFacts, b: EventFacts) -> str | None:
    """Why a and b are one meeting, or None when they are not."""
    if a.kind != b.kind and "other" not in (a.kind, b.kind):
        return None
    if a.directives and b.directives and not a.directives & b.directives:
        return None
    facts = len(a.facts & b.facts) / len(a.facts | b.facts) if a.facts | b.facts else 0.0
    shared = sorted(a.directives & b.directives) or ["none named"]
    why = (f"same day {a.day}, same place {a.place}, kind {a.kind}/{b.kind}, "
           f"directives {', '.join(shared)}; facts Jaccard {facts:.2f}")
    if facts >= FACT_MIN:
        return why
    if a.lang == b.lang:
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

    def union(self, a: str, b: str, why: str) -> None:
        ra, rb = sorted((self.find(a), self.find(b)))
        if ra != rb:
            self.parent[rb] = ra
            self.why[ra] += [*self.why.pop(rb, []), why]


def cluster_meetings(db: Database) -> int:
    """Assign a meeting to every event without one; return the number of meetings made.

    Only the blocks that gained events are redone, and a block's meetings depend only on
    its events, so a run that was killed before this step is completed by the next one.
    """
    with db.holding() as con:
        row = con.execute("SELECT count(*) FROM events WHERE meeting_id IS NULL").fetchone()
        return _cluster(db) if row and row[0] else 0


def _cluster(db: Database) -> int:
    clusters = _Clusters()
    for events in _load_blocks(db).values():
        for i, a in enumerate(events):
            clusters.find(a.event_id)
            for b in events[i + 1:i + MAX_BLOCK]:
                if clusters.find(a.event_id) == clusters.find(b.event_id):
                    continue
                why = same_meeting(a, b)
                if why:
                    clusters.union(a.event_id, b.event_id, why)
    assignment = [(event_id, clusters.find(event_id)) for event_id in clusters.parent]
    con = db.con
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("CREATE OR REPLACE TEMP TABLE _assign (event_id VARCHAR, meeting_id VARCHAR)")
        if assignment:
            con.executemany("INSERT INTO _assign VALUES (?, ?)", assignment)
            con.execute("UPDATE events SET meeting_id = a.meeting_id FROM _assign a "
                        "WHERE events.event_id = a.event_id")
        # events that cannot be compared (no day or no place) are meetings of their own
        con.execute("UPDATE events SET meeting_id = event_id WHERE meeting_id IS NULL")
        con.execute("DELETE FROM meetings WHERE meeting_id NOT IN (SELECT meeting_id FROM events)"
                    " OR meeting_id IN (SELECT meeting_id FROM _assign)")
        con.execute(f"""
            INSERT INTO meetings
            SELECT meeting_id, count(*), min(date), {FIRST_REPORTED}, NULL
            FROM events WHERE meeting_id NOT IN (SELECT meeting_id FROM meetings)
            GROUP BY meeting_id""")
        explanations = [("; ".join(why), root) for root, why in clusters.why.items() if why]
        if explanations:
            con.executemany("UPDATE meetings SET explanation = ? WHERE meeting_id = ?",
                            explanations)
        con.execute("DROP TABLE _assign")
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return len({m for _, m in assignment})
