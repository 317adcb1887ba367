"""Chinese names to pinyin: people ("Surname Given", with surname readings) and places.

Known officials keep the spelling of the knowledge base. Otherwise the surname takes its
surname reading from surnames.tsv (单 Shan, 曾 Zeng, 解 Xie, 欧阳 Ouyang) and the given
name pypinyin's reading; an apostrophe separates a syllable that starts with a, o or e
("Zhou Xi'an"), and ü is kept ("Lü Zhicheng").
"""

from __future__ import annotations

from functools import lru_cache

from luoshi.kb.loader import KB


@lru_cache(maxsize=1)
def _pinyin() -> object:
    import pypinyin

    return pypinyin


@lru_cache(maxsize=65536)
def syllables(text: str) -> tuple[str, ...]:
    import pypinyin

    return tuple(pypinyin.lazy_pinyin(text, v_to_u=True, errors="ignore"))


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


def person_pinyin(zh: str, kb: KB) -> str:
    officials = kb.officials_by_zh.get(zh)
    if officials:
        return officials[0].name
    parts = split_surname(zh, kb)
    if parts is None:
        return join_syllables(syllables(zh)).capitalize()
    surname, given = parts
    family = kb.surnames[surname]
    return f"{family} {join_syllables(syllables(given)).capitalize()}".strip()


def place_pinyin(zh: str) -> str:
    return join_syllables(syllables(zh)).capitalize()
