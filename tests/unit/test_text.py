"""Sentence, paragraph and word-start helpers of extract/text.py."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from luoshi.extract.text import WORD_START, word_starts

TEXT = st.text(alphabet=st.sampled_from(list("ab Z1\n\t“\"‘(’。学\u3000\xa0\u2028\x1c\x85")),
               max_size=40)


@given(TEXT, st.data())
def test_text_word_starts_are_those_of_the_defining_pattern(text: str, data: st.DataObject
                                                            ) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert word_starts(text, start, end) == [m.start() for m in WORD_START.finditer(text, start,
                                                                                    end)]


@given(TEXT, st.data())
def test_text_last_word_starts_counted_as_by_word_starts(text: str, data: st.DataObject) -> None:
    from luoshi.extract.text import _last_word_start

    starts = word_starts(text, 0, len(text))
    if not starts:
        return
    start = data.draw(st.sampled_from(starts))
    end = data.draw(st.integers(start + 1, len(text)))
    count = data.draw(st.integers(1, 6))
    words = word_starts(text, start, end)
    expected = words[-count] if len(words) > count else start
    assert _last_word_start(text, start, end, count) == expected


def test_text_word_starts_after_quotes_and_brackets() -> None:
    text = "the “Two Establishments” (first)"
    assert [text[i] for i in word_starts(text, 0, len(text))] == ["t", "“", "T", "E", "(", "f"]


NAME_TEXT = st.text(alphabet=st.sampled_from(list("WangXiHu Jinpg’'-\u00a0.,ü")), max_size=40)


@given(NAME_TEXT, st.data())
def test_text_names_found_in_two_steps_as_by_the_defining_pattern(text: str,
                                                                  data: st.DataObject) -> None:
    from luoshi.extract.names import GIVEN_NAME, NAME, SURNAME_WORD

    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    expected = [(m.start(), m.group("sur"), m.group("given"), m.end("given"))
                for m in NAME.finditer(text, start, end)]
    found = []
    for word in SURNAME_WORD.finditer(text, start, end):
        given = GIVEN_NAME.match(text, word.end() + 1, end)
        if given:
            found.append((word.start(), word.group(0), given.group(0), given.end()))
    assert found == expected


WORD_TEXT = st.text(alphabet=st.sampled_from(list("aPpSsKkIi ſKİı-'1\n_é")), max_size=30)


@given(WORD_TEXT, st.data())
def test_text_word_led_matches_as_a_word_boundary_and_re_i(text: str, data: st.DataObject
                                                            ) -> None:
    from luoshi.extract.text import word_led

    alternatives = ["pa", r"s\s*k", "is?", "kip", "p"]
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    plain = re.compile(r"\b(?:" + "|".join(alternatives) + ")", re.I)
    assert ([m.span() for m in word_led(alternatives).finditer(text, start, end)]
            == [m.span() for m in plain.finditer(text, start, end)])


SENTENCE_TEXT = st.text(alphabet=st.sampled_from(list("aA1 \n\t.!?;\"”’)“‘(。！？；」』）")),
                        max_size=40)


@given(SENTENCE_TEXT)
def test_text_sentence_ends_are_those_of_the_defining_patterns(text: str) -> None:
    from luoshi.extract.text import EN_SENTENCE_END, ZH_SENTENCE_END

    definitions = {EN_SENTENCE_END: re.compile(r"[.!?;][\"”’)]*\s+(?=[\"“‘(]*[A-Z0-9])|\n\s*\n|\n"),
                   ZH_SENTENCE_END: re.compile(r"[。！？；][”’」』）)]*|\n+")}
    for fast, definition in definitions.items():
        assert ([m.span() for m in fast.finditer(text)]
                == [m.span() for m in definition.finditer(text)]), fast.pattern


def test_text_white_space_is_what_backslash_s_matches() -> None:
    from luoshi.extract.text import WHITE_SPACE

    spaces = "".join(c for c in map(chr, range(0x110000)) if re.match(r"\s", c))
    assert spaces == "".join(c for c in map(chr, range(0x110000))
                             if re.match(f"[{WHITE_SPACE}]", c))


@given(st.text(alphabet=st.sampled_from(list("ab c")), max_size=30), st.data())
def test_text_matches_at_every_place_are_finditers(text: str, data: st.DataObject) -> None:
    from luoshi.extract.text import matches_at

    pattern = re.compile(r"ab+|b c|a")
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert ([m.span() for m in matches_at(pattern, text, range(len(text) + 1), start, end)]
            == [m.span() for m in pattern.finditer(text, start, end)])


@given(st.text(alphabet=st.sampled_from(list("aks KSiI\u0130\u0131\u017f\u212a“学")), max_size=20),
       st.data())
def test_text_folds_plainly_where_no_stray_letter_is(text: str, data: st.DataObject) -> None:
    from luoshi.extract.text import STRAY_LETTERS, folds_plainly

    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert folds_plainly(text, start, end) == (not any(c in text[start:end] for c in STRAY_LETTERS))


EARLIEST_PATTERNS = [("ab", re.compile(r"ab+")), ("b", re.compile(r"b\s*c")),
                     ("a", re.compile(r"(?<!c)a")), ("bc", re.compile(r"bc?"))]


def plain_earliest(text: str, start: int, end: int, rejected: set[int]) -> tuple[str, object] | None:
    """The definition: of each pattern's first acceptable match, the leftmost (the pattern
    listed first at the same place)."""
    firsts = []
    for index, (label, pattern) in enumerate(EARLIEST_PATTERNS):
        match = next((m for m in pattern.finditer(text, start, end) if m.start() not in rejected),
                     None)
        if match:
            firsts.append((match.start(), index, label, match.span()))
    return min(firsts)[2:] if firsts else None


@given(st.text(alphabet=st.sampled_from(list("abc \n")), max_size=24), st.data())
def test_text_earliest_match_from_first_places_in_any_order_is_the_leftmost(
        text: str, data: st.DataObject) -> None:
    from luoshi.extract.text import earliest_match

    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    rejected = set(data.draw(st.lists(st.integers(0, len(text)), max_size=4)))
    # a first place for each pattern: anywhere up to its leftmost match under any end
    lowest = []
    for _, pattern in EARLIEST_PATTERNS:
        found = [m.start() for stop in range(start, end + 1)
                 if (m := pattern.search(text, start, stop))]
        lowest.append(data.draw(st.integers(start, min(found, default=end + 2))))
    order = data.draw(st.permutations(range(len(EARLIEST_PATTERNS))))
    found = earliest_match(text, start, end, EARLIEST_PATTERNS, lambda m: m.start() in rejected,
                           len(text) + 1, lambda index, before: lowest[index], order)
    assert (found and (found[0], found[1].span())) == plain_earliest(text, start, end, rejected)
    plain = earliest_match(text, start, end, EARLIEST_PATTERNS, lambda m: m.start() in rejected,
                           len(text) + 1)
    assert (plain and (plain[0], plain[1].span())) == plain_earliest(text, start, end, rejected)
