"""Page furniture: buttons and boilerplate lines are not the headline."""

from __future__ import annotations

import pytest

from luoshi.extract.furniture import BOILERPLATE_LINE


@pytest.mark.parametrize("line", ["Print | Close", "print", "Close window", "[Print]",
                                  "打印 | 关闭", "Print / Close / Back", "[ad_1]"])
def test_furniture_button_lines_are_boilerplate(line: str) -> None:
    assert BOILERPLATE_LINE.match(line)


@pytest.mark.parametrize("line", ["Print the report now", "Closely watched", "Close ties"])
def test_furniture_sentences_are_not_boilerplate(line: str) -> None:
    assert not BOILERPLATE_LINE.match(line)


def test_furniture_headline_after_buttons(extract_text: object) -> None:
    record = extract_text(  # type: ignore[operator]
        "Print | Close\n\nCity bureau studies the plenum\n\nRelease time: 2022-11-02 10:00\n\n"
        "On the 1st, the municipal bureau held a party group meeting.")
    assert record.title == "City bureau studies the plenum"
    assert record.published == "2022-11-02"
