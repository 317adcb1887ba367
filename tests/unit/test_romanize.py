"""Readings of Chinese names: two characters that are no phrase read character by character."""

from __future__ import annotations

import random

import pypinyin
from hypothesis import given
from hypothesis import strategies as st
from pypinyin.constants import PHRASES_DICT, PINYIN_DICT

from luoshi.extract.romanize import syllables

CHARACTERS = sorted(chr(code) for code in PINYIN_DICT if 0x3400 <= code <= 0x9FFF)


def pinyin(text: str) -> tuple[str, ...]:
    return tuple(pypinyin.lazy_pinyin(text, v_to_u=True, errors="ignore"))


@given(st.text(alphabet=st.sampled_from([*CHARACTERS[:3000], "a", "1", "·"]), min_size=1,
               max_size=3))
def test_romanize_syllables_are_pypinyins(text: str) -> None:
    assert syllables(text) == pinyin(text)


def test_romanize_pairs_beginning_or_ending_a_longer_phrase_read_as_pypinyin_reads_them() -> None:
    """Where segmenting could join the two characters to their neighbours, if anywhere."""
    pairs = sorted({p[:2] for p in PHRASES_DICT if len(p) > 2}
                   | {p[-2:] for p in PHRASES_DICT if len(p) > 2})
    for pair in random.Random(7).sample(pairs, 3000):
        assert syllables(pair) == pinyin(pair), pair


def test_romanize_phrases_keep_their_phrase_reading() -> None:
    assert syllables("长子") == pinyin("长子")
    assert syllables("重庆") == ("chong", "qing")
