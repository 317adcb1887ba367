"""Places: a mention votes for a province only when every place of its name lies in one."""

from __future__ import annotations

from collections import Counter

from hypothesis import example, given
from hypothesis import strategies as st

from luoshi.extract.places import FEW_SPANS, _longest, _overlapping, _province_of_name, _top_two
from luoshi.extract.spans import SpanIndex
from luoshi.kb import load_kb
from luoshi.kb.lexicon import PLACE, Hit


def test_places_name_shared_by_two_provinces_votes_for_none() -> None:
    kb = load_kb()
    assert _province_of_name("jiangsu-suzhou", kb) is None  # Suzhou is also Anhui's
    assert _province_of_name("beijing-chaoyang", kb) is None
    assert _province_of_name("jilin", kb) == "Jilin"


HITS = st.lists(st.tuples(st.integers(0, 12), st.integers(0, 4)).map(
    lambda t: Hit(t[0], t[0] + t[1], PLACE, "x", latin=True)), max_size=6)


@given(HITS)
@example([Hit(3, 5, PLACE, "x", True), Hit(5, 5, PLACE, "x", True)])  # an empty hit at an end
@example([Hit(3, 5, PLACE, "x", True), Hit(3, 5, PLACE, "x", True)])  # one span twice
@example([Hit(5, 7, PLACE, "x", True), Hit(3, 9, PLACE, "x", True)])  # out of order
def test_places_longest_as_the_hits_no_other_span_holds(hits: list[Hit]) -> None:
    spans = SpanIndex((h.start, h.end) for h in hits)
    assert _longest(hits) == [h for h in hits if not spans.contains_strictly(h.start, h.end)]


SPANS = st.lists(st.tuples(st.integers(0, 12), st.integers(0, 4)).map(lambda t: (t[0], t[0] + t[1])),
                 max_size=FEW_SPANS + 2)


@given(SPANS, st.integers(0, 14), st.integers(0, 4))
@example([(3, 5)], 5, 0)  # touching
@example([(3, 5)], 4, 0)  # an empty span inside
@example([(4, 4)], 3, 2)
def test_places_overlapping_as_the_index_answers(spans: list[tuple[int, int]], start: int,
                                                  length: int) -> None:
    assert _overlapping(spans)(start, start + length) == SpanIndex(spans).overlaps(
        start, start + length)


@given(st.dictionaries(st.sampled_from("abcdef"), st.integers(1, 4)))
@example({"a": 3, "b": 5, "c": 5})
@example({"a": 5, "b": 3, "c": 4})
def test_places_top_two_as_most_common(counts: dict[str, int]) -> None:
    assert _top_two(counts) == Counter(counts).most_common(2)
