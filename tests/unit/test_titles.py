"""Titles (English): the fast searches of a title chain's bounds find them as the
definitions do."""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import example, given, settings
from hypothesis import strategies as st

from luoshi.extract.titles import (
    APPOSITIVE_STOP,
    CLAUSE_STOP,
    FAST_APPOSITIVE_STOP,
    _key,
    appositive_stop,
    en_titles_before,
    ends_with_post,
    parse_en_chain,
    post_index,
)
from luoshi.kb import KB, load_kb
from luoshi.record import Title

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


def reference_en_titles_before(text: str, name_start: int, kb: KB, window: int = 160
                               ) -> list[Title]:
    """`en_titles_before` as written before its gate on the last characters."""
    start = max(0, name_start - window)
    before = text[start:name_start]
    cut = max(before.rfind(c) for c in ".;:!?\n“”\"(")
    before = before[cut + 1:]
    clause = before[before.rfind(",") + 1:]
    if not ends_with_post(clause[-60:], kb):
        return []
    words = clause.split()
    for first in range(len(words)):
        titles = parse_en_chain(" ".join(words[first:]), kb)
        if titles:
            return titles
    return []


TITLED_TEXT = st.lists(st.tuples(st.sampled_from([*POST_WORDS, "Zhang", "ΑΣ", "é", "and"]),
                                 st.sampled_from([*POST_GAPS, ". ", "(", "; "])),
                       max_size=10).map(lambda pairs: "".join(w + g for w, g in pairs))


@settings(max_examples=400)
@given(TITLED_TEXT, st.integers(0, 200))
@example("Municipal Party Committee Deputy Secretary ", 160)
@example("undersecretary ", 160)
@example("x" * 30 + "secretary", 10)
@example("magistrate" + " " * 15, 160)  # the last characters' key shorter than a post's word
def test_titles_before_as_without_the_gate(text: str, window: int) -> None:
    """`en_titles_before` answers most names from the last characters before them."""
    kb = load_kb()  # the fixture's (cached), not an argument: hypothesis would print it
    text += "Wang Hao"
    name_start = len(text) - len("Wang Hao")
    assert _outcome(en_titles_before, text, name_start, kb, window) == _outcome(
        reference_en_titles_before, text, name_start, kb, window)


def _outcome(function: Callable[..., list[Title]], *args: object) -> object:
    """The answer, or the KeyError both forms raise where re.I matches a post to a key
    the index lacks ("party ſecretary": a known fault, not the gate's)."""
    try:
        return function(*args)
    except KeyError as error:
        return ("KeyError", str(error))


def test_titles_before_every_post_as_without_the_gate() -> None:
    kb = load_kb()
    for key in post_index(kb).en_posts:
        for before in (key, key.title(), f"x, {key.upper()}  ", f"{key}s "):
            text = before + " Wang Hao"
            name_start = len(before) + 1
            assert _outcome(en_titles_before, text, name_start, kb, 160) == _outcome(
                reference_en_titles_before, text, name_start, kb, 160), text
