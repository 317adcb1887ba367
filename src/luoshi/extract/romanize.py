"""Chinese names to pinyin: people ("Surname Given", with surname readings) and places.

Known officials keep the spelling of the knowledge base. Otherwise the surname takes its
surname reading from surnames.tsv (单 Shan, 曾 Zeng, 解 Xie, 欧阳 Ouyang) and the given
name pypinyin's reading; an apostrophe separates a syllable that starts with a, o or e
("Zhou Xi'an"), and ü is kept ("Lü Zhicheng").
"""

from __future__ import annotations

from collections.abc import Container
from functools import lru_cache

from luoshi.extract.memo import KBMemo
from luoshi.kb.loader import KB


@lru_cache(maxsize=65536)
def syllables(text: str) -> tuple[str, ...]:
    """pypinyin's readings of `text` (a given name, a place name), characters without one
    left out.

    Two characters that are not one of pypinyin's phrases read as each character alone, so
    a given name is read from the characters' remembered readings: a new name costs two
    lookups, not a call of pypinyin (18 us). A test holds this to pypinyin.
    """
    if len(text) == 2 and text not in _phrases():
        return _reading(text[0]) + _reading(text[1])
    return _lazy_pinyin(text)


@lru_cache(maxsize=65536)
def _reading(char: str) -> tuple[str, ...]:
    return _lazy_pinyin(char)


def _lazy_pinyin(text: str) -> tuple[str, ...]:
    import pypinyin

    return tuple(pypinyin.lazy_pinyin(text, v_to_u=True, errors="ignore"))


@lru_cache(maxsize=1)
def _phrases() -> Container[str]:
    from pypinyin.constants import PHRASES_DICT

    return PHRASES_DICT


def join_syllables(parts: tuple[str, ...] | list[str]) -> str:
    out = ""
    for index, part in enumerate(parts):
        if index and part[:1] in ("a", "o", "e"):
            out += "'"
        out += part
    return out


def split_surname(zh: str, kb: KB) -> tuple[str, str] | None:
    """(surname, given) of a Chinese name, compound surnames first, or None."""
    if len(zh) >= 3 and zh[:2] in kb.surnames:
        return zh[:2], zh[2:]
    if len(zh) >= 2 and zh[:1] in kb.surnames:
        return zh[:1], zh[1:]
    return None


_PERSON_PINYIN: KBMemo[str] = KBMemo()


def person_pinyin(zh: str, kb: KB) -> str:
    """A Chinese name in pinyin (`_person_pinyin`), remembered: the same names recur from
    report to report, and the answer depends on the knowledge base only."""
    return _PERSON_PINYIN.get(zh, kb, _person_pinyin)


def _person_pinyin(zh: str, kb: KB) -> str:
    officials = kb.officials_by_zh.get(zh)
    if officials:
        return officials[0].name
    parts = split_surname(zh, kb)
    if parts is None:
        return join_syllables(syllables(zh)).capitalize()
    surname, given = parts
    family = kb.surnames[surname]
    return f"{family} {join_syllables(syllables(given)).capitalize()}".strip()


# Readings pypinyin gets wrong in place names: 长 is chang (长宁, 长治; 长子 is Zhangzi), 都
# is du (郫都, 宁都), and a few names read their own way (朝阳 Chaoyang, 六合 Luhe).
PLACE_CHARS = {"长": "chang", "都": "du"}
PLACE_WORDS = {"朝阳": ("chao", "yang"), "长子": ("zhang", "zi"), "六合": ("lu", "he"),
               "涡阳": ("guo", "yang"), "南乐": ("nan", "le"), "乐亭": ("lao", "ting")}


def place_pinyin(zh: str) -> str:
    """A place name the knowledge base lacks, in pinyin with place readings."""
    parts = list(syllables(zh))
    if len(parts) != len(zh):  # a character without a reading: as pypinyin gives it
        return join_syllables(parts).capitalize()
    for index, char in enumerate(zh):
        parts[index] = PLACE_CHARS.get(char, parts[index])
    for word, readings in PLACE_WORDS.items():
        at = zh.find(word)
        if at >= 0:
            parts[at:at + len(word)] = readings
    return join_syllables(parts).capitalize()
