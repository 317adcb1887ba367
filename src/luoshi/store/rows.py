"""A record as rows of the store's tables (a pure function, tested on its own)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from luoshi import jsoncodec
from luoshi.store import search_index

PERSON_GAP_YEARS = 8  # the same name in one province this far apart is another person
CREATION_SUFFIX = re.compile(r"-(\d+)$")


@dataclass
class Rows:
    documents: list[tuple[Any, ...]] = field(default_factory=list)
    events: list[tuple[Any, ...]] = field(default_factory=list)
    directives: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    event_directives: list[tuple[Any, ...]] = field(default_factory=list)
    titles: list[tuple[Any, ...]] = field(default_factory=list)
    participations: list[tuple[Any, ...]] = field(default_factory=list)
    mentions: list[tuple[Any, ...]] = field(default_factory=list)
    formulations: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    formulation_uses: list[tuple[Any, ...]] = field(default_factory=list)
    tasks: list[tuple[Any, ...]] = field(default_factory=list)
    credits: list[tuple[Any, ...]] = field(default_factory=list)
    fidelity: list[tuple[Any, ...]] = field(default_factory=list)
    postings: search_index.Postings = field(default_factory=search_index.Postings)


@dataclass
class PersonRow:
    person_id: str
    name: str
    zh: str | None
    province: str | None
    first_seen: str | None
    last_seen: str | None


class People:
    """One row per real person: the same name in the same province and period."""

    def __init__(self, existing: list[PersonRow]) -> None:
        self.by_key: dict[tuple[str, str], list[PersonRow]] = {}
        self.touched: dict[str, PersonRow] = {}
        self.count = 0
        # a name's rows in the order they were made, which `resolve` prefers in, whatever
        # order the table returns them in: a re-opened store resolves as the running one
        for row in sorted(existing, key=_creation_rank):
            self.by_key.setdefault(self._key(row.name, row.province), []).append(row)
            self.count += 1

    @staticmethod
    def _key(name: str, province: str | None) -> tuple[str, str]:
        return (re.sub(r"[^a-z]", "", name.lower()), province or "")

    def resolve(self, name: str, zh: str | None, province: str | None,
                day: str | None) -> PersonRow:
        rows = self.by_key.setdefault(self._key(name, province), [])
        for row in rows:
            if day is None or row.first_seen is None or _within(day, row, PERSON_GAP_YEARS):
                if day:
                    row.first_seen = min(filter(None, [row.first_seen, day]))
                    row.last_seen = max(filter(None, [row.last_seen, day]))
                row.zh = row.zh or zh
                self.touched[row.person_id] = row
                return row
        slug = re.sub(r"[^a-z0-9]+", "-", f"{name} {province or 'unplaced'}".lower()).strip("-")
        row = PersonRow(f"{slug}-{len(rows) + 1}" if rows else slug, name, zh, province, day, day)
        rows.append(row)
        self.touched[row.person_id] = row
        self.count += 1
        return row

    def take_touched(self) -> list[PersonRow]:
        """People created or seen again since the last call: the rows to write."""
        touched = list(self.touched.values())
        self.touched = {}
        return touched


def _creation_rank(row: PersonRow) -> int:
    """n for the n-th row made for one name: `resolve` gives the n-th the suffix -n (n > 1);
    the slug itself ends with a province or 'unplaced', never with a number."""
    suffix = CREATION_SUFFIX.search(row.person_id)
    return int(suffix.group(1)) if suffix else 1


def _within(day: str, row: PersonRow, years: int) -> bool:
    year = int(day[:4])
    first = int((row.first_seen or day)[:4])
    last = int((row.last_seen or day)[:4])
    return first - years <= year <= last + years


def _day(value: str | None) -> str | None:
    return value if value and len(value) == 10 and not value.startswith("--") else None


def add_record(rows: Rows, record: dict[str, Any], text: str, origin: str,
               people: People, record_json: str | None = None) -> None:
    """Append the rows of one record (already known to be new) to `rows`."""
    digest = record["content_hash"]
    rows.documents.append((
        digest, record["doc_id"], record.get("lang"), record.get("title"),
        _day(record.get("published")), record.get("source"), record.get("url"), origin, text,
        record.get("warnings") or [], record_json or jsoncodec.dumps(record),
    ))
    rows.postings.add(digest, f"{record.get('title') or ''}\n{text}")
    for credit in record.get("credits") or []:
        rows.credits.append((digest, credit["name"], credit["role"]))
    for index, event in enumerate(record.get("events") or []):
        _add_event(rows, digest, record["doc_id"], index, event, people)


def _add_event(rows: Rows, digest: str, doc_id: str, index: int, event: dict[str, Any],
               people: People) -> None:
    event_id = f"{digest}:{index}"
    place = event.get("jurisdiction") or {}
    day = _day(event.get("date"))
    province = place.get("province") or (place.get("name") if place.get("level") in (
        "province", "central") else None)
    rows.events.append((event_id, digest, doc_id, index, day, event.get("date"),
                        event.get("date_basis"), event.get("kind"), event.get("host"),
                        place.get("name"), place.get("level"), province, None))
    for d in event.get("directives") or []:
        rows.directives.setdefault(d["id"], (
            d["id"], d.get("kind"), d.get("body"), d.get("term"), d.get("session"),
            d.get("label"), d.get("zh"), _day(d.get("date_end")), d.get("speaker"),
            d.get("topic")))
        rows.event_directives.append((event_id, d["id"], d.get("lag_days")))
    for person in event.get("people") or []:
        row = people.resolve(person["name"], person.get("zh"), province, day)
        rows.participations.append((event_id, row.person_id, person.get("role")))
        for title in person.get("titles") or []:
            rows.titles.append((event_id, row.person_id, title.get("post"), title.get("org"),
                                title.get("jurisdiction"), day))
    for name in event.get("referenced_people") or []:
        rows.mentions.append((event_id, name))
    for f in event.get("formulations") or []:
        rows.formulations.setdefault(f["zh"], (f["zh"], f.get("en"), f.get("scope"),
                                               f.get("category")))
        rows.formulation_uses.append((event_id, f["zh"], f.get("count", 1)))
    for task in event.get("tasks") or []:
        rows.tasks.append((event_id, task.get("list"), task.get("ordinal"), task.get("text")))
    fidelity = event.get("fidelity")
    if fidelity:
        rows.fidelity.append((event_id, fidelity.get("directive"), fidelity.get("echo"),
                              len(fidelity.get("signature") or []), fidelity.get("matched") or [],
                              fidelity.get("local") or [], fidelity.get("tasks") or 0))
