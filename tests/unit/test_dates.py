"""The meeting date's patterns: rewritten for a fast search, probed before they run."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from luoshi.extract.dates import (
    EN_DATES,
    EN_MONTH,
    EN_STARTS,
    ZH_DATES,
    ZH_STARTS,
    _first_places,
    _probe_finds,
)
from luoshi.normalize import fold

# The patterns as first written (`\b` or a lookbehind first): the definition the fast
# forms in EN_DATES must agree with
DEFINITIONS = [
    re.compile(EN_MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)"),
    re.compile(r"(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+" + EN_MONTH + r",?\s+(?P<y>(?:19|20)\d\d)"),
    re.compile(r"(?<![\d-])(?P<y>(?:19|20)\d\d)-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?![\d-])"),
    re.compile(EN_MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?\b"),
    re.compile(r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + EN_MONTH),
    re.compile(r"\bon\s+the\s+(?:(?:morning|afternoon|evening)\s+of\s+the\s+)?"
               r"(?P<d>\d{1,2})(?:st|nd|rd|th)\b", re.I),
    re.compile(r"\b(?:today|this\s+(?:morning|afternoon|evening))\b", re.I),
    re.compile(r"\b(?:yesterday|last\s+night)\b", re.I),
    re.compile(r"\b(?:recently|a\s+few\s+days\s+ago|the\s+other\s+day)\b", re.I),
]
PIECES = ["On", "on", "ON", "the", "The", "24th", "3rd", "1", "12", "2023", "1999", "2023-10-24",
          "-", "x", "a1", "of", "October", "Oct.", "Sept", "morning", "Afternoon", "evening",
          "today", "This", "this", "yesterday", "Last", "night", "recently", "A", "few", "days",
          "ago", "other", "day", "Recently", ",", ".", "won", "ſ", "İ", "K", "０", "２０２３", "May",
          "may", "Sept.", "9th", "x7"]
TEXT = st.lists(st.tuples(st.sampled_from(PIECES),
                          st.sampled_from([" ", "  ", "\n", "", "-", "\xa0", "\u3000"])),
                max_size=12).map(lambda parts: "".join(p + gap for p, gap in parts))


ZH_DEFINITIONS = [
    re.compile(r"(?P<y>(?:19|20)\d\d)年(?P<m>\d{1,2})月(?P<d>\d{1,2})日"),
    re.compile(r"(?<![\d年])(?P<m>\d{1,2})月(?P<d>\d{1,2})日"),
    re.compile(r"(?<![\d月])(?P<d>\d{1,2})日(?!讯|电)"),
]
ZH_TEXT = st.text(alphabet=st.sampled_from(list("12０年月日讯电 a会")), max_size=24)


@given(ZH_TEXT)
def test_dates_fast_chinese_patterns_match_as_their_definitions(text: str) -> None:
    for (_, fast, _), definition in zip(ZH_DATES, ZH_DEFINITIONS, strict=False):
        assert ([(m.span(), m.groupdict()) for m in fast.finditer(text)]
                == [(m.span(), m.groupdict()) for m in definition.finditer(text)]), fast.pattern


@given(TEXT, st.data())
def test_dates_fast_patterns_match_as_their_definitions(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    for (_, fast, _), definition in zip(EN_DATES, DEFINITIONS, strict=True):
        assert ([m.span() for m in fast.finditer(text, start, end)]
                == [m.span() for m in definition.finditer(text, start, end)]), fast.pattern


@given(TEXT)
def test_dates_probes_find_something_in_every_match(text: str) -> None:
    """A pattern is skipped where its probe finds nothing: the probe must find something
    inside each of its matches (on texts without the letters folding leaves alone)."""
    if re.search("[\u0130\u0131\u017f\u212a]", text):
        return
    folded = fold(text)
    for _, pattern, probe in EN_DATES:
        for match in pattern.finditer(text):
            assert _probe_finds(probe, folded[match.start():match.end()]), (
                pattern.pattern, match.group(0))


# Pieces of dates, and what is around them: the first digit, white space before it
DATE_PIECES = ["On", "on", "the", "The", "24th", "3rd", "12", "2023", "2023-10-24", "October",
               "Oct.", "September", "May", "Sept.", "of", "morning", "this", "today", "ſ", "K",
               "０", "２０２３", "x", ",", ".", "年", "月", "日", "ü"]
GAP = st.sampled_from([" ", "  ", "\n", "", "-", "\xa0", "\u3000"])
ON_THE = st.tuples(st.sampled_from(["on", "On", "ON", "won"]), GAP, st.sampled_from(["the", "The"]),
                   GAP, st.sampled_from(["24th", "3rd", "morning of the 9th", "12"])).map("".join)
MONTH_FIRST = st.tuples(st.sampled_from(["September", "Sept", "Oct", "May", "xMay", "Septembe"]),
                        st.sampled_from(["", ".", ".."]), GAP,
                        st.sampled_from(["24th", "3", "2023", "12, 2023"])).map("".join)
DATE_TEXT = st.lists(st.tuples(st.one_of(st.sampled_from(DATE_PIECES), ON_THE, MONTH_FIRST), GAP),
                     max_size=6).map(lambda parts: "".join(p + gap for p, gap in parts))


def assert_searches_start_at_or_before_every_match(text: str, start: int, end: int) -> None:
    folded = fold(text)
    for patterns, starts in ((EN_DATES, EN_STARTS), (ZH_DATES, ZH_STARTS)):
        assert sorted(_first_places(text, folded, start, end, patterns, starts)[1]) == list(
            range(len(patterns)))
        for index, (_, pattern, _) in enumerate(patterns):
            for stop in range(start, end + 1):
                for match in pattern.finditer(text, start, stop):
                    # a fresh one each time: one remembers its probes' answers
                    first, _ = _first_places(text, folded, start, end, patterns, starts)
                    assert first(index, match.start() + 1) <= match.start(), (
                        pattern.pattern, match)


@settings(max_examples=1000)
@given(st.one_of(DATE_TEXT, DATE_TEXT, TEXT, ZH_TEXT), st.data())
def test_dates_searches_start_at_or_before_every_match(text: str, data: st.DataObject) -> None:
    """`_first_places` says where each pattern's search may start: at or before each of its
    matches (in the region, or in any part of it a search reads), and it orders them all."""
    start = data.draw(st.one_of(st.just(0), st.integers(0, len(text))))
    end = data.draw(st.one_of(st.just(len(text)), st.integers(start, len(text))))
    assert_searches_start_at_or_before_every_match(text, start, end)


@pytest.mark.parametrize("text", [
    "September. 24th, 2023", "x September.\u3000\n 3", "Sept.. 3", "won the 3rd", "On\n the 24th",
    "on the\xa0morning of the 9th", "The 12th of May", "ſ 24th October", "２０２３-10-24", "x7 May",
    "On the  3rd of Oct. 2023", "2023年10月24日", "ü on the 3rd"])
def test_dates_searches_start_at_or_before_every_match_in_examples(text: str) -> None:
    for start in range(len(text) + 1):
        assert_searches_start_at_or_before_every_match(text, start, len(text))


def test_dates_found_where_only_the_probed_patterns_can_match(extract_text: object) -> None:
    cases = {
        "The county party committee held a meeting yesterday to study the spirit.": "2022-10-24",
        "The city held a symposium this morning.": "2022-10-25",
        "On the 24th, the provincial party committee held a meeting.": "2022-10-24",
        "The provincial government held a meeting on October 20, 2022.": "2022-10-20",
        "The provincial government held a meeting on 2022-10-21.": "2022-10-21",
        "On 19 October the district held a cadre meeting.": "2022-10-19",
    }
    for text, day in cases.items():
        record = extract_text(text, published="2022-10-25")  # type: ignore[operator]
        assert record.events[0].date == day, text


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)), st.integers(-1, 40))
def test_dates_day_before_is_the_latest_such_day_in_62_days(base: date, day: int) -> None:
    from luoshi.extract.dates import _day_before

    expected = next((base - timedelta(days=back) for back in range(62)
                     if (base - timedelta(days=back)).day == day), None)
    assert _day_before(base.isoformat(), day) == (expected and expected.isoformat())
