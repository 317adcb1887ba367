"""Enumerated tasks: the fast searches of extract/tasks.py against the patterns they stand for."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from luoshi.extract.tasks import (
    EN_BEFORE_MARKER,
    EN_NO_TH,
    EN_ORDINAL_LIST,
    EN_ORDINAL_WORD,
    EN_TH_END,
    EN_TH_START,
    FILLER_FIRST,
    LEADING_FILLER,
    THE_BEFORE,
    TRIM,
    ZH_MARKER,
    ZH_MARKER_AFTER,
    _after_clause_end,
    _ordinal_words,
    _paragraph_end,
    _the_before,
    _trimmed,
    _zh_markers,
)
from luoshi.extract.text import paragraphs


def spans(matches: object) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in matches]  # type: ignore[attr-defined]


def test_tasks_ordinal_words_each_found_one_way() -> None:
    groups = EN_TH_START + EN_TH_END + EN_NO_TH
    assert sorted(groups) == sorted(EN_ORDINAL_LIST)
    # at one "th" only one alternative can hold: no word ends another
    assert not [(a, b) for a in EN_TH_END for b in EN_TH_END if a != b and b.endswith(a)]
    # at one place only one alternative can hold: no word begins another
    assert not [(a, b) for a in EN_ORDINAL_LIST for b in EN_ORDINAL_LIST
                if a != b and b.startswith(a)]


EN_TEXT = st.lists(st.sampled_from(
    [*EN_ORDINAL_LIST, "ly", "lyx", "x", "the", " ", ", ", ".", "\n", "month", "north", "fif",
     "th", "ird", "_", "secondly", "thly", "thirdth", "s", "bir", "nor", "wi", "é", "1", "-",
     "\u2028"]), max_size=20).map("".join)


@given(EN_TEXT, st.data())
@settings(max_examples=2000)
@example("fourthly first", None)
@example("xfirst sixthly", None)
@example("north, birthly, the twelfthly thirdly eleventh_ tenthlyx ninth", None)
def test_tasks_ordinal_words_as_found_by_the_pattern(text: str, data: st.DataObject | None
                                                      ) -> None:
    for start in ([0, 1, 5] if data is None else [data.draw(st.integers(0, len(text)))]):
        expected = [(m.start(), m.end(), m.group("ord"))
                    for m in EN_ORDINAL_WORD.finditer(text, start)]
        assert _ordinal_words(text, start) == expected


ZH_TEXT = st.lists(st.sampled_from(
    ["一", "二", "十", "十二", "是", "要", "要在", "方面", "个方面", "第", "（", "）", "(", ")", "、",
     "：", ":", "，", "。", "；", "！", "？", "\n", " ", "\u3000", "1", "12", "123", ".", "．", "3",
     "会议", "a"]), max_size=20).map("".join)


@given(ZH_TEXT, st.data())
@settings(max_examples=1000)
@example("一是学习", 0)
@example("。一是学习", 1)
@example("。\n 二要，三方面：（四）5、", 0)
def test_tasks_zh_markers_as_found_by_the_pattern(text: str, data: st.DataObject | int
                                                   ) -> None:
    start = data if isinstance(data, int) else data.draw(st.integers(0, len(text)))
    assert spans(_zh_markers(text, start)) == spans(ZH_MARKER.finditer(text, start))


PARAGRAPH_TEXT = st.text(alphabet=st.sampled_from(list("ab \n\t\r\u3000。")), max_size=30)


@given(PARAGRAPH_TEXT, st.data())
@settings(max_examples=1000)
def test_tasks_paragraph_end_as_by_the_paragraphs(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    position = data.draw(st.integers(start, len(text)))
    ends = [end for _, end in paragraphs(text, start)]
    assert _paragraph_end(text, position) == next((e for e in ends if e > position), len(text))


def test_tasks_zh_marker_starts_after_the_characters_zh_marker_after_looks_for() -> None:
    behind = re.search(r"\(\?<=\[([^]]*)\]\)", ZH_MARKER.pattern)
    after = re.match(r"\[([^]]*)\]", ZH_MARKER_AFTER.pattern)
    assert behind and after and behind.group(1) == after.group(1)


def test_tasks_filler_first_characters_as_re_i_reads_them() -> None:
    first = re.compile("[ti]", re.I)
    assert {chr(c) for c in range(0x110000) if first.fullmatch(chr(c))} == FILLER_FIRST


ITEM_TEXT = st.lists(st.sampled_from(
    ["to ", "To", "TO", "is ", "Is", "İs", "ıs", "to", "\t", " ", ";", "，", ".", "x", "改革", "\n"]),
    max_size=8).map("".join)


@given(ITEM_TEXT)
@settings(max_examples=1000)
def test_tasks_trimmed_as_with_the_filler_pattern_tried_everywhere(raw: str) -> None:
    core = raw.lstrip(TRIM)
    start = len(raw) - len(core)
    core = core.rstrip(TRIM)
    filler = LEADING_FILLER.match(core)
    if filler:
        start += filler.end()
        core = core[filler.end():]
    assert _trimmed(raw) == (start + len(core) - len(core.lstrip()), core.strip())


BEFORE_TEXT = st.lists(st.sampled_from(
    ["the", "The", "the ", "thethe", "xthe", "_the", "1the", "éthe", "-the", "th", "e", " ", "  ",
     "\n", "\t", "\u3000", "\u2028", ".", ",", ";", "!", "?", ":", "x", "。", "first"]),
    max_size=8).map("".join)


@given(BEFORE_TEXT, st.data())
@settings(max_examples=2000)
@example("the ", 0)
@example("x the \n", 1)
@example("\n ", 1)
@example(" ", 0)
def test_tasks_the_before_and_clause_end_as_searched(text: str, data: st.DataObject | int
                                                      ) -> None:
    starts = [data] if isinstance(data, int) else [data.draw(st.integers(0, len(text)))]
    for low in starts:
        for end in range(low, len(text) + 1):
            the = THE_BEFORE.search(text, low, end)
            assert _the_before(text, low, end) == (the.start() if the else -1)
            clause = EN_BEFORE_MARKER.search(text, low, end)
            assert _after_clause_end(text, low, end) == bool(clause)
