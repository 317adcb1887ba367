"""The span sets answer as a scan of every span would (hypothesis against brute force)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from luoshi.extract.spans import ByStart, DisjointSpans, SpanIndex

pytestmark = pytest.mark.issue(8)

SPANS = st.lists(st.tuples(st.integers(0, 40), st.integers(0, 12)).map(
    lambda p: (p[0], p[0] + p[1])), max_size=25)
QUERY = st.tuples(st.integers(0, 50), st.integers(0, 12)).map(lambda p: (p[0], p[0] + p[1]))


@given(spans=SPANS, query=QUERY)
def test_spans_index_answers_as_a_scan(spans: list[tuple[int, int]],
                                       query: tuple[int, int]) -> None:
    start, end = query
    index = SpanIndex(spans)
    assert index.contains(start, end) == any(s <= start and end <= e for s, e in spans)
    assert index.overlaps(start, end) == any(s < end and start < e for s, e in spans)
    assert index.contains_strictly(start, end) == any(
        s <= start and end <= e and (s, e) != query for s, e in spans)


@given(spans=SPANS, queries=st.lists(QUERY, max_size=10))
def test_spans_disjoint_set_answers_as_a_scan(spans: list[tuple[int, int]],
                                             queries: list[tuple[int, int]]) -> None:
    """Spans are added when free, as the first-match-wins loops do."""
    taken = DisjointSpans()
    kept: list[tuple[int, int]] = []
    for span in [s for s in spans if s[0] < s[1]] + queries:
        free = all(span[1] <= s or span[0] >= e for s, e in kept)
        assert taken.free(span) == free
        if free and span[0] < span[1]:
            taken.add(span)
            kept.append(span)


@given(starts=st.lists(st.integers(0, 30), max_size=20), window=QUERY)
def test_spans_by_start_keeps_the_given_order(starts: list[int],
                                              window: tuple[int, int]) -> None:
    items = list(enumerate(starts))
    found = ByStart(items, lambda item: item[1]).within(*window)
    assert found == [item for item in items if window[0] <= item[1] < window[1]]
