"""People in English reports: the fast forms of the cue patterns match as their definitions."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from luoshi.extract.people.en import (
    FAST_PRONOUN_ANYWHERE,
    FAST_ROLE_CUES,
    IGNORECASE_EXTRA,
    PRONOUN_ANYWHERE,
    ROLE_CUE_WORDS,
    ROLE_CUES,
    fast_word_pattern,
    word_pattern,
)

# words of the cues and their near misses, in several cases, with what re.I also matches
TOKENS = ["presided", "Presided", "PRESIDED", "over", "chaired", "Hosted", "spoke", "said",
          "Said", "ſaid", "made", "an", "a", "important", "speech", "report", "reported", "on",
          "was", "were", "present", "in", "attendance", "attended", "Asked", "aſked",
          "took", "part", "He", "She", "he", "Hex", "xHe", "SHe", "İn", "ın", "Keynote",
          "keynote", "x", "_", "1", "é", " ", "  ", "\n", "-", ",", ".", "’", "“", "("]
TEXT = st.lists(st.sampled_from(TOKENS), max_size=16).map("".join)


def _spans(pattern: re.Pattern[str], text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text, start, end)]


@given(TEXT, st.data())
def test_people_fast_role_cues_match_as_the_definitions(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    for (role, definition), (fast_role, fast) in zip(ROLE_CUES, FAST_ROLE_CUES, strict=True):
        assert role == fast_role
        assert _spans(fast, text, start, end) == _spans(definition, text, start, end)


@given(TEXT, st.data())
def test_people_fast_pronoun_matches_as_the_definition(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert _spans(FAST_PRONOUN_ANYWHERE, text, start, end) == _spans(PRONOUN_ANYWHERE, text,
                                                                     start, end)


def test_people_role_cues_every_word_found_in_any_case() -> None:
    for role, words in ROLE_CUE_WORDS:
        fast, definition = fast_word_pattern(words), word_pattern(words)
        for sample in ("presided over", "chaired", "Emphasised", "POINTED OUT", "said",
                       "made an important speech", "gave a keynote report", "Took part",
                       "were in attendance", "asked", "aſked", "İıK"):
            text = f"Wang Hao {sample}."
            assert _spans(fast, text, 0, len(text)) == _spans(definition, text, 0, len(text)), \
                (role, sample)


def test_people_ignorecase_extra_is_what_re_matches_for_ascii_letters() -> None:
    """`fast_word_pattern` spells each first letter's cases out; re.I also matches these."""
    letter = re.compile("[a-z]", re.I)
    extra: dict[str, str] = {}
    for code in range(128, 0x110000):
        char = chr(code)
        if letter.fullmatch(char):
            for ascii_letter in "abcdefghijklmnopqrstuvwxyz":
                if re.fullmatch(ascii_letter, char, re.I):
                    extra[ascii_letter] = extra.get(ascii_letter, "") + char
    assert extra == IGNORECASE_EXTRA
