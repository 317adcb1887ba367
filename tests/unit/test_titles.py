"""Titles (English): the fast searches of a title chain's bounds find them as the
definitions do."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from luoshi.extract.titles import APPOSITIVE_STOP, CLAUSE_STOP, FAST_APPOSITIVE_STOP

BOUND_TEXT = st.lists(st.sampled_from(
    ["and", "other", "And", "x", " ", "  ", "\n", "\t", "\u00a0", ".", ";", ":", "!", "?", ")",
     "(", "“", "”", '"', ",", "a", "nd", "o", "ther", "  and other ", " and  other",
     "\nand\tother\n"]), max_size=16).map("".join)


@given(BOUND_TEXT)
def test_titles_appositive_stop_found_as_by_the_definition(text: str) -> None:
    fast, plain = FAST_APPOSITIVE_STOP.search(text), APPOSITIVE_STOP.search(text)
    assert (fast and fast.start()) == (plain and plain.start())


@given(BOUND_TEXT)
def test_titles_clause_starts_after_the_last_stop_character(text: str) -> None:
    """`en_titles_before` finds the last of CLAUSE_STOP's characters in the reversed window."""
    stop = CLAUSE_STOP.search(text[::-1])
    cut = max(text.rfind(c) for c in ".;:!?\n“”\"(")
    assert (len(text) - 1 - stop.start() if stop else -1) == cut
