"""What each page shows, as the JSON its /api/ twin returns (and the OpenAPI schema names).

Dates are ISO strings ("2022-10-24"); counts are meetings unless a field says reports.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class Counts(BaseModel):
    documents: int = Field(description="stored reports")
    meetings: int = Field(description="real meetings (reports merged)")
    events: int = Field(description="meetings as reported, one per report and meeting")
    people: int
    directives: int
    formulations: int = Field(description="formulations used at least once")
    places: int = Field(description="jurisdictions that held a meeting")


class MeetingRow(BaseModel):
    meeting_id: str | None
    date: str | None
    jurisdiction: str | None
    level: str | None
    kind: str | None
    host: str | None
    reports: int
    doc_id: str | None = Field(description="one report of the meeting (the first by id)")


class DirectiveCount(BaseModel):
    directive_id: str
    label: str | None
    zh: str | None
    date_end: str | None
    meetings: int
    median_lag: float | None


class FormulationCount(BaseModel):
    zh: str
    en: str | None
    meetings: int


class Overview(BaseModel):
    counts: Counts
    latest_meetings: list[MeetingRow]
    top_directives: list[DirectiveCount]
    top_formulations: list[FormulationCount]


class DirectiveInfo(BaseModel):
    id: str
    label: str | None
    zh: str | None
    kind: str | None
    date_end: str | None


class TimelinePoint(BaseModel):
    date: str
    level: str
    meetings: int


class LagBin(BaseModel):
    level: str
    lag_days: int
    meetings: int


class EchoBin(BaseModel):
    level: str
    echo: float
    meetings: int


class LevelSummary(BaseModel):
    level: str
    meetings: int
    reports: int
    median_lag: float | None
    p90_lag: float | None
    min_lag: int | None
    max_lag: int | None
    mean_echo: float | None


class Responder(BaseModel):
    meeting_id: str | None
    date: str | None
    jurisdiction: str | None
    level: str | None
    province: str | None
    kind: str | None
    host: str | None
    lag_days: int | None
    echo: float | None
    reports: int
    doc_id: str | None


class DirectivePage(BaseModel):
    directive: DirectiveInfo
    meetings: int = Field(description="meetings that studied the directive")
    reports: int
    timeline: list[TimelinePoint] = Field(description="meetings per day and level")
    lag_bins: list[LagBin] = Field(description="meetings per lag (days) and level")
    echo_bins: list[EchoBin] = Field(description="meetings per echo share and level")
    by_level: list[LevelSummary]
    responders: list[Responder]
    sort: str
    order: str
    provinces_not_seen: list[str]


class FormulationInfo(BaseModel):
    zh: str
    en: str | None
    scope: str | None
    category: str | None


class PeriodCount(BaseModel):
    period: str
    meetings: int
    uses: int


class ProvinceCount(BaseModel):
    province: str
    meetings: int
    uses: int


class UsingReport(BaseModel):
    doc_id: str
    title: str | None
    published: str | None
    date: str | None
    jurisdiction: str | None
    uses: int


class TifaPage(BaseModel):
    formulation: FormulationInfo
    meetings: int
    uses: int
    by_month: list[PeriodCount]
    by_province: list[ProvinceCount]
    reports: list[UsingReport] = Field(description="the latest reports using it")


class PersonInfo(BaseModel):
    person_id: str
    name: str
    zh: str | None
    province: str | None
    first_seen: str | None
    last_seen: str | None


class PostRow(BaseModel):
    post: str | None
    org: str | None
    jurisdiction: str | None
    first_seen: str | None
    last_seen: str | None
    meetings: int


class PersonMeeting(BaseModel):
    meeting_id: str | None
    date: str | None
    kind: str | None
    host: str | None
    jurisdiction: str | None
    role: str | None
    reports: int
    directives: str | None
    doc_id: str | None


class PersonPage(BaseModel):
    person: PersonInfo
    posts: list[PostRow]
    meetings: list[PersonMeeting]
    meetings_total: int


class Official(BaseModel):
    person_id: str
    name: str
    posts: str | None
    meetings: int
    last_seen: str | None


class DirectiveHere(BaseModel):
    directive_id: str
    label: str | None
    meetings: int


class PlaceInfo(BaseModel):
    name: str
    level: str | None
    province: str | None
    meetings: int
    reports: int


class PlacePage(BaseModel):
    place: PlaceInfo
    by_month: list[PeriodCount]
    meetings: list[MeetingRow]
    officials: list[Official]
    directives: list[DirectiveHere]


class Fact(BaseModel):
    start: int
    end: int
    type: str = Field(description="person, title, date, directive, formulation, task, place "
                                  "or kind")
    label: str


class DocumentInfo(BaseModel):
    doc_id: str
    hash: str
    lang: str | None
    title: str | None
    published: str | None
    source: str | None
    url: str | None
    origin: str | None


class PersonLink(BaseModel):
    name: str
    person_id: str


class DocumentPage(BaseModel):
    document: DocumentInfo
    text: str
    record: dict[str, Any]
    facts: list[Fact] = Field(description="evidence spans of the extracted facts")
    people: list[PersonLink]
    others: list[str] = Field(description="other stored reports with the same doc_id (hashes)")


class SearchHit(BaseModel):
    doc_id: str
    title: str | None
    published: str | None
    score: float
    snippet: str


class SearchPage(BaseModel):
    query: str
    hits: list[SearchHit]
