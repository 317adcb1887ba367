"""The luoshi record (../shared/spec/record.md) as dataclasses, with to_dict/from_dict.

Field names are the contract with the gold files, the store and the web pages: add
fields freely, never rename one. Spans are [start, end) offsets into the input text.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

Span = tuple[int, int]

MEETING_KINDS = (
    "party_group_meeting",
    "standing_committee_meeting",
    "theory_study_group",
    "symposium",
    "seminar",
    "cadre_meeting",
    "plenary_session",
    "work_conference",
    "other",
)
LEVELS = ("central", "province", "city", "county", "township", "unknown")
ROLES = ("presided", "spoke", "reported", "attended")
DATE_BASES = ("stated", "relative", "inferred")
DIRECTIVE_KINDS = ("congress", "plenum", "speech", "document", "meeting")


@dataclass
class Title:
    post: str
    org: str | None = None
    jurisdiction: str | None = None
    span: Span | None = None


@dataclass
class Person:
    name: str
    role: str
    titles: list[Title] = field(default_factory=list)
    zh: str | None = None
    spans: list[Span] = field(default_factory=list)
    role_span: Span | None = None
    repaired_from: str | None = None


@dataclass
class Directive:
    id: str
    kind: str
    body: str | None
    term: int | None = None
    session: int | None = None
    label: str | None = None
    zh: str | None = None
    date_end: str | None = None
    lag_days: int | None = None
    speaker: str | None = None
    topic: str | None = None
    spans: list[Span] = field(default_factory=list)


@dataclass
class Formulation:
    zh: str
    en: str
    count: int
    spans: list[Span] = field(default_factory=list)
    scope: str = "central"
    category: str | None = None


@dataclass
class Task:
    list: int
    ordinal: int
    text: str
    span: Span | None = None


@dataclass
class Jurisdiction:
    name: str | None
    level: str
    province: str | None = None
    span: Span | None = None
    basis: str | None = None


@dataclass
class Credit:
    name: str
    role: str
    zh: str | None = None
    span: Span | None = None


@dataclass
class Fidelity:
    directive: str | None
    echo: float | None
    signature: list[str] = field(default_factory=list)
    matched: list[str] = field(default_factory=list)
    local: list[str] = field(default_factory=list)
    tasks: int = 0


@dataclass
class Event:
    date: str | None = None
    date_basis: str | None = None
    date_span: Span | None = None
    kind: str = "other"
    kind_span: Span | None = None
    host: str | None = None
    jurisdiction: Jurisdiction = field(default_factory=lambda: Jurisdiction(None, "unknown"))
    directives: list[Directive] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    referenced_people: list[str] = field(default_factory=list)
    formulations: list[Formulation] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    fidelity: Fidelity | None = None


@dataclass
class Record:
    doc_id: str
    lang: str
    title: str | None = None
    published: str | None = None
    source: str | None = None
    events: list[Event] = field(default_factory=list)
    credits: list[Credit] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    url: str | None = None
    content_hash: str | None = None

    def to_dict(self) -> dict[str, Any]:
        result: dict[str, Any] = _plain(self)
        return result

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Record:
        known = {f.name for f in fields(cls)}
        base = {k: v for k, v in data.items() if k in known and k not in ("events", "credits")}
        return cls(
            **base,
            events=[_event_from_dict(e) for e in data.get("events") or []],
            credits=[_build(Credit, c) for c in data.get("credits") or []],
        )


SCALARS = frozenset({str, int, float, bool, type(None)})


def _plain(value: Any) -> Any:
    """Dataclasses to dicts, and tuples to lists (JSON has no tuples: a span is [start, end]).

    Like `dataclasses.asdict` followed by a walk, without asdict's deep copies and without
    a call per scalar: records are converted once per report, so this is on the hot path.
    """
    cls = type(value)
    names = getattr(cls, "__dataclass_fields__", None)
    if names is not None:
        result = {}
        for name in names:
            item = getattr(value, name)
            result[name] = item if type(item) in SCALARS else _plain(item)
        return result
    if cls is tuple and all(type(v) is int for v in value):
        return list(value)  # a span
    if isinstance(value, list | tuple):
        return [v if type(v) in SCALARS else _plain(v) for v in value]
    if isinstance(value, dict):
        return {k: v if type(v) in SCALARS else _plain(v) for k, v in value.items()}
    return value


def _span(value: Any) -> Span | None:
    return (int(value[0]), int(value[1])) if value else None


def _build(cls: Any, data: dict[str, Any]) -> Any:
    known = {f.name: f for f in fields(cls)}
    kwargs = {}
    for key, value in data.items():
        if key not in known:
            continue
        if key == "span" or key.endswith("_span"):
            value = _span(value)
        elif key == "spans":
            value = [_span(s) for s in value or []]
        kwargs[key] = value
    return cls(**kwargs)


def _event_from_dict(data: dict[str, Any]) -> Event:
    event: Event = _build(Event, {k: v for k, v in data.items() if k in {
        "date", "date_basis", "date_span", "kind", "kind_span", "host", "referenced_people",
    }})
    event.jurisdiction = _build(Jurisdiction, data.get("jurisdiction") or {"name": None,
                                                                         "level": "unknown"})
    event.directives = [_build(Directive, d) for d in data.get("directives") or []]
    event.people = [_person_from_dict(p) for p in data.get("people") or []]
    event.formulations = [_build(Formulation, f) for f in data.get("formulations") or []]
    event.tasks = [_build(Task, t) for t in data.get("tasks") or []]
    if data.get("fidelity"):
        event.fidelity = _build(Fidelity, data["fidelity"])
    return event


def _person_from_dict(data: dict[str, Any]) -> Person:
    person: Person = _build(Person, {k: v for k, v in data.items() if k != "titles"})
    person.titles = [_build(Title, t) for t in data.get("titles") or []]
    return person
