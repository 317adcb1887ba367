import pytest
from hypothesis import given
from hypothesis import strategies as st

from luoshi.extract.numbers import en_ordinal, roman, zh_number


@pytest.mark.parametrize(("word", "value"), [
    ("fifth", 5), ("Fifth", 5), ("19th", 19), ("XIX", 19), ("XIV", 14), ("twentieth", 20),
    ("twenty-first", 21), ("1st", 1), ("3rd", 3), ("IV", 4), ("nonsense", None),
])
def test_numbers_en_ordinal(word: str, value: int | None) -> None:
    assert en_ordinal(word) == value


@pytest.mark.parametrize(("text", "value"), [
    ("十九", 19), ("二十", 20), ("五", 5), ("十", 10), ("十一", 11), ("三十一", 31), ("37", 37),
    ("二", 2), ("两", 2), ("", None), ("甲", None),
])
def test_numbers_zh_number(text: str, value: int | None) -> None:
    assert zh_number(text) == value


def test_numbers_roman_subtractive() -> None:
    assert roman("XIX") == 19
    assert roman("XX") == 20


def _zh_number_by_definition(text: str) -> int | None:
    from luoshi.extract.numbers import ZH_DIGITS

    if text.isdigit():
        return int(text)
    if not text or any(c not in ZH_DIGITS and c != "十" for c in text):
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


@given(st.text(alphabet=st.sampled_from(list("零〇一二两三四五六七八九十甲1 ")), max_size=5))
def test_numbers_zh_number_as_its_definition(text: str) -> None:
    assert zh_number(text) == _zh_number_by_definition(text)
