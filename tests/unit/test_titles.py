"""Titles (English): the fast searches of a title chain's bounds find them as the
definitions do."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from luoshi.extract.titles import (
    APPOSITIVE_STOP,
    CLAUSE_STOP,
    FAST_APPOSITIVE_STOP,
    _key,
    appositive_stop,
    ends_with_post,
    post_index,
)
from luoshi.kb import load_kb

BOUND_TEXT = st.lists(st.sampled_from(
    ["and", "other", "And", "x", " ", "  ", "\n", "\t", "\u00a0", ".", ";", ":", "!", "?", ")",
     "(", "“", "”", '"', ",", "a", "nd", "o", "ther", "  and other ", " and  other",
     "\nand\tother\n"]), max_size=16).map("".join)


@given(BOUND_TEXT)
def test_titles_appositive_stop_found_as_by_the_definition(text: str) -> None:
    fast, plain = FAST_APPOSITIVE_STOP.search(text), APPOSITIVE_STOP.search(text)
    assert (fast and fast.start()) == (plain and plain.start())
    gated = appositive_stop(text)
    assert (gated and gated.start()) == (plain and plain.start())


@given(BOUND_TEXT)
def test_titles_clause_starts_after_the_last_stop_character(text: str) -> None:
    """`en_titles_before` finds the last of CLAUSE_STOP's characters in the reversed window."""
    stop = CLAUSE_STOP.search(text[::-1])
    cut = max(text.rfind(c) for c in ".;:!?\n“”\"(")
    assert (len(text) - 1 - stop.start() if stop else -1) == cut


# posts' words and near misses, with the letters re.I matches to ASCII ones (ſ, ı, K, İ)
POST_WORDS = ["secretary", "Secretary", "SECRETARY", "ſecretary", "secretarı", "mayor", "Mayor",
              "vice", "governor", "party", "Party", "committee", "deputy", "director",
              "general", "of", "the", "city", "Kounty", "county", "İnspector", "inspector",
              "people's", "people’s", "x", "mayors", "amayor", "secretary-general"]
POST_GAPS = [" ", "  ", "-", "’", "\u00a0", ", ", "\n", ""]
POST_TEXT = st.lists(st.tuples(st.sampled_from(POST_WORDS), st.sampled_from(POST_GAPS)),
                     max_size=6).map(lambda pairs: "".join(w + g for w, g in pairs))


@settings(max_examples=300)
@given(POST_TEXT)
@example("General Secretary")
@example("deputy ſecretary")
@example("Kounty magistrate")
def test_titles_ends_with_post_as_the_tail_pattern_finds(text: str) -> None:
    """`ends_with_post` answers most texts by the key's last word: as en_tail's search."""
    kb = load_kb()  # the fixture's (cached), not an argument: hypothesis would print it
    index = post_index(kb)
    assert ends_with_post(text, kb) == bool(index.en_tail.search(_key(text)))


def test_titles_ends_with_post_for_every_post() -> None:
    """Every post, in any case, after other words or with a letter more, as en_tail finds."""
    kb = load_kb()
    index = post_index(kb)
    for key in index.en_posts:
        for text in (key, key.title(), key.upper(), f"deputy {key}", f"{key}s", f"{key} x"):
            assert ends_with_post(text, kb) == bool(index.en_tail.search(_key(text))), text
