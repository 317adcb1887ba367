"""Ordinals and counts in English words, digits, Roman numerals and Chinese numerals."""

from __future__ import annotations

import re
from functools import lru_cache

EN_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}
EN_TENS = {"twenty": 20, "thirty": 30}
EN_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9}
ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}
ZH_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
             "七": 7, "八": 8, "九": 9}

EN_ORDINAL = (
    r"(?:\d{1,2}(?:st|nd|rd|th)|(?:twenty|thirty)[- ]?(?:first|second|third|fourth|fifth|sixth"
    r"|seventh|eighth|ninth)|" + "|".join(sorted(EN_ORDINAL_WORDS, key=len, reverse=True))
    + r"|(?-i:[IVX]{1,6}))"
)
ZH_NUMERAL = r"[零〇一二两三四五六七八九十]{1,4}"
ZH_NUMERAL_CHARACTERS = "".join(ZH_DIGITS) + "十"
DIGITS_ORDINAL = re.compile(r"(\d{1,3})(?:st|nd|rd|th)?")
TENS_ORDINAL = re.compile(r"(twenty|thirty)[- ]?(\w+)")
ROMAN_NUMERAL = re.compile(r"[IVXL]+")


# the words a mention's ordinal is printed in are few: each is read once (a regex or two)
@lru_cache(maxsize=1024)
def en_ordinal(word: str) -> int | None:
    """'fifth' -> 5, '19th' -> 19, 'XIX' -> 19, 'twenty-first' -> 21; None if not one."""
    text = word.strip()
    lower = text.lower()
    if lower in EN_ORDINAL_WORDS:
        return EN_ORDINAL_WORDS[lower]
    match = DIGITS_ORDINAL.fullmatch(lower)
    if match:
        return int(match.group(1))
    match = TENS_ORDINAL.fullmatch(lower)
    if match and match.group(2) in EN_ORDINAL_WORDS:
        return EN_TENS[match.group(1)] + EN_ORDINAL_WORDS[match.group(2)]
    if ROMAN_NUMERAL.fullmatch(text):
        return roman(text)
    return None


def roman(text: str) -> int | None:
    total, previous = 0, 0
    for char in reversed(text):
        value = ROMAN[char]
        if value < previous:
            total -= value
        else:
            total += value
            previous = value
    return total if total > 0 else None


def zh_number(text: str) -> int | None:
    """'十九' -> 19, '二十' -> 20, '五' -> 5, '三十一' -> 31, '37' -> 37."""
    if text.isdigit():
        return int(text)
    if not text or text.strip(ZH_NUMERAL_CHARACTERS):  # a character that is none of them
        return None
    if "十" not in text:
        value = 0
        for char in text:
            value = value * 10 + ZH_DIGITS[char]
        return value
    tens_part, _, units_part = text.partition("十")
    tens = ZH_DIGITS.get(tens_part, 1) if tens_part else 1
    units = ZH_DIGITS.get(units_part, 0) if units_part else 0
    if len(tens_part) > 1 or len(units_part) > 1:
        return None
    return tens * 10 + units
