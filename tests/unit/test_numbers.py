import pytest

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
