"""The document being extracted: its text, views of it, and the facts found so far."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from luoshi.extract.spans import SpanIndex
from luoshi.kb.lexicon import Hit
from luoshi.record import Credit, Event, Record, Span


@dataclass
class HostPhrase:
    """The body that convened the meeting, as the text names it."""

    level: str | None  # province, city, county, township, central
    org: str  # "Party Group", "Party Committee Standing Committee", "Government", ...
    place: str | None  # canonical name when the phrase names the place
    span: Span
    text: str


@dataclass
class Doc:
    text: str
    doc_id: str
    published_hint: str | None = None
    url: str | None = None
    lang: str = "en"
    folded: str = ""
    # furniture
    published: str | None = None
    published_span: Span | None = None
    source: str | None = None
    title: str | None = None
    title_span: Span | None = None
    body_start: int = 0
    skip: list[Span] = field(default_factory=list)
    dateline: str | None = None  # Chinese "7月26日讯": the day the report was filed
    # lexicon
    hits: list[Hit] = field(default_factory=list)
    # facts
    credits: list[Credit] = field(default_factory=list)
    event: Event = field(default_factory=Event)
    host_phrase: HostPhrase | None = None
    directive_mentions: list[Any] = field(default_factory=list)
    province: str | None = None
    warnings: list[str] = field(default_factory=list)
    cache: dict[str, Any] = field(default_factory=dict, repr=False)
    _skip_index: tuple[int, SpanIndex] | None = field(default=None, repr=False)
    # the hits outside skipped spans, for the hits and skip they were filtered from
    _kept_hits: tuple[list[Hit], int, list[Hit]] | None = field(default=None, repr=False)

    def memo(self, key: str, compute: Callable[[], Any]) -> Any:
        """A value derived from fields no later step changes, computed once per document."""
        if key not in self.cache:
            self.cache[key] = compute()
        return self.cache[key]

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    def skipped(self, start: int, end: int) -> bool:
        """Whether [start, end) lies inside a skipped span (indexed again when steps have
        appended to skip: asked for every hit, it must not scan every furniture line)."""
        return self._skip_spans().contains(start, end)

    def _skip_spans(self) -> SpanIndex:
        """The skipped spans indexed, again when steps have appended to skip."""
        index = self._skip_index
        if index is None or index[0] != len(self.skip):
            index = self._skip_index = (len(self.skip), SpanIndex(self.skip))
        return index[1]

    def hits_of(self, *kinds: str) -> list[Hit]:
        """The hits of these kinds outside skipped spans (several steps ask, each for some
        kinds: the skipped ones are filtered out once, while skip stays as it is)."""
        kept = self._kept_hits
        if kept is None or kept[0] is not self.hits or kept[1] != len(self.skip):
            inside = self._skip_spans().contains
            outside = [h for h in self.hits if not inside(h.start, h.end)] if self.skip \
                else list(self.hits)
            kept = self._kept_hits = (self.hits, len(self.skip), outside)
        return [h for h in kept[2] if h.kind in kinds]

    def to_record(self) -> Record:
        return Record(
            doc_id=self.doc_id, lang=self.lang, title=self.title, published=self.published,
            source=self.source, events=[self.event], credits=self.credits,
            warnings=self.warnings, url=self.url,
        )
