"""Directive mentions: the fast forms of helpers answer as their definitions."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from luoshi.extract.directives import patterns_zh as zh
from luoshi.extract.directives.mentions import find_near, paragraphs_from
from luoshi.extract.text import paragraphs

TEXT = st.text(alphabet=st.sampled_from(list("ab \n\t\r\u3000。")), max_size=40)


@given(TEXT, st.data())
def test_directives_paragraphs_one_by_one_as_all_at_once(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    assert list(paragraphs_from(text, start)) == paragraphs(text, start)


ZH_TOKENS = ["自治区党委", "省委", "中央委员会", "中央", "第", "一", "二", "十", "三四", "届", "次",
             "中全会", "次全会", "次全体会议", "次全体（扩大）会议", "党的", "中共", "中国共产党",
             "次全国代表大会", "大", "精神", "报告", "以来", "的", "、", "，", "。", "习近平", "总书记",
             "同志", "主席", "总理", "委员长", "王立新", "重要讲话", "讲话", "在", "关于", "会议",
             "中共中央", "政治局", "12月", "31日", "召开的", "全体", "学"]
ZH_TEXT = st.lists(st.sampled_from(ZH_TOKENS), max_size=24).map("".join)
NEAR = [(zh.PLENUM, zh.PLENUM_NEAR), (zh.CONGRESS, zh.CONGRESS_NEAR),
        (zh.SPEECH, zh.SPEECH_NEAR), (zh.POLITBURO_MEETING, zh.POLITBURO_NEAR)]


@given(ZH_TEXT)
def test_directives_zh_patterns_found_near_anchors_as_in_the_whole_text(text: str) -> None:
    for pattern, near in NEAR:
        assert [m.span() for m in find_near(pattern, text, near)] == [
            m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize("match", [
    "自治区党委第一二三四届中央委员会第一二三四次全体（扩大）会议", "中国共产党第一二三四次全国代表大会",
    "二十一大", "12月31日召开的中共中央政治局12月31日会议",
    "王立新委员长" + "在" * 40 + "重要指示批示", "习近平总书记" + "在" * 40 + "重要指示批示"])
def test_directives_zh_longest_reaches_are_within_the_windows(match: str) -> None:
    text = f"。{match}精神。"
    for pattern, near in NEAR:
        expected = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in find_near(pattern, text, near)] == expected
        if pattern.fullmatch(match):
            assert expected == [(1, 1 + len(match))]


EN_TOKENS = ["Fifth", "fifth", "FIFTH", "ſixth", "Sixth", "19th", "٣rd", "XIX", "xix", "IV",
             "twenty-first", "Twenty", "Thirtieth", "eleventh", "Ninth", "plenary session",
             "Plenary Session", "plenum", "full session", "of the", "Central Committee",
             "Provincial Party Committee", "CPC", "term", "’s", "'s", ",", ".", "\n", "x", "1",
             "İ", "Xi"]
EN_TEXT = st.lists(st.sampled_from(EN_TOKENS), max_size=16).map(" ".join)


@pytest.mark.parametrize("text", ["the Fifth Plenary Session of the 19th Central Committee",
                                  "19th CPC Central Committee's fifth plenum",
                                  "XIX fifth plenum", "ſixth plenum of the twenty-first term"])
@given(more=EN_TEXT)
def test_directives_en_plenums_begin_with_an_ordinal_first_character(text: str,
                                                                     more: str) -> None:
    text = f"{more} {text} {more}"
    from luoshi.extract.directives import patterns_en as en

    for start in range(len(text)):
        if any(pattern.match(text, start) for pattern in en.PLENUMS):
            assert en.ORDINAL_FIRST.match(text, start), (text, start)


@given(EN_TEXT)
def test_directives_en_plenums_at_anchors_found_as_without_the_first_character_test(
        text: str) -> None:
    from luoshi.extract.directives import patterns_en as en
    from luoshi.extract.directives.mentions import _at_anchors
    from luoshi.extract.text import anchored_starts
    from luoshi.normalize import fold

    anchors = anchored_starts(text, fold(text), ("plenary", "plenum", "full session"), 9)
    assert [m.span() for m in _at_anchors(en.PLENUMS, text, anchors, en.ORDINAL_FIRST)] == [
        m.span() for m in _at_anchors(en.PLENUMS, text, anchors)]
