"""Sets of spans asked about many times: each question in O(log n), not a scan of all.

A report has a handful of furniture lines, names and directive mentions; a page built to
break extractors (or many reports pasted into one text) has thousands, and scanning
every span for each of thousands of questions is quadratic.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable, Iterable
from itertools import accumulate
from typing import Generic, TypeVar

from luoshi.record import Span

T = TypeVar("T")


class SpanIndex:
    """Spans that may overlap one another, sorted by start, each position with the
    furthest end of the spans up to it: which of them hold or touch a given span."""

    def __init__(self, spans: Iterable[Span]) -> None:
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        self._reach = list(accumulate((end for _, end in ordered), max))

    def contains(self, start: int, end: int) -> bool:
        """Whether one of the spans holds [start, end) whole."""
        index = bisect_right(self._starts, start)  # the spans starting at or before it
        return index > 0 and self._reach[index - 1] >= end

    def contains_strictly(self, start: int, end: int) -> bool:
        """Whether a span other than (start, end) itself holds it."""
        before = bisect_left(self._starts, start)  # the spans starting before it
        return (before > 0 and self._reach[before - 1] >= end) or self.contains(start, end + 1)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether one of the spans shares a position with [start, end)."""
        index = bisect_left(self._starts, end)  # the spans starting before its end
        return index > 0 and self._reach[index - 1] > start


class DisjointSpans:
    """Non-empty spans that do not overlap one another, added one by one: is a new span
    free of them? (the spans taken by matches where the first match wins)"""

    def __init__(self) -> None:
        self._spans: list[Span] = []  # sorted; being disjoint, their ends rise too

    def free(self, span: Span) -> bool:
        """Whether `span` overlaps none of the spans (touching is not overlapping)."""
        start, end = span
        index = bisect_right(self._spans, (start, end))
        # only the span starting before it can reach into it, only the next can begin in it
        before = self._spans[index - 1] if index else None
        after = self._spans[index] if index < len(self._spans) else None
        return not any(other and other[0] < end and start < other[1]
                       for other in (before, after))

    def add(self, span: Span) -> None:
        insort(self._spans, span)


class ByStart(Generic[T]):
    """Items with a start offset (mentions, hits), listed for any window of the text in
    their own order: each sentence takes its mentions without a scan of all of them."""

    def __init__(self, items: list[T], start: Callable[[T], int]) -> None:
        self._items = items
        self._order = sorted(range(len(items)), key=lambda i: start(items[i]))
        self._starts = [start(items[i]) for i in self._order]

    def within(self, start: int, end: int) -> list[T]:
        """The items starting in [start, end), in the order they were given."""
        low, high = bisect_left(self._starts, start), bisect_left(self._starts, end)
        return [self._items[i] for i in sorted(self._order[low:high])]
