"""Directive mentions: the fast forms of helpers answer as their definitions."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from luoshi.extract.directives import patterns_zh as zh
from luoshi.extract.directives.mentions import _first_paragraph, find_near
from luoshi.extract.doc import Doc
from luoshi.extract.text import paragraphs
from luoshi.record import Span

TEXT = st.text(alphabet=st.sampled_from(list("ab \n\t\r\u3000。")), max_size=40)


@given(TEXT, st.data())
def test_directives_first_paragraph_as_the_first_of_all_not_skipped(text: str,
                                                                    data: st.DataObject) -> None:
    position = st.integers(0, len(text))
    skip = data.draw(st.lists(st.tuples(position, position).map(sorted).map(tuple), max_size=3))
    doc = Doc(text=text, doc_id="d", body_start=data.draw(position), skip=skip)
    assert _first_paragraph(doc) == next(
        (p for p in paragraphs(text, doc.body_start)
         if not any(s <= p[0] and p[1] <= e for s, e in skip)), None)


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


EN_TOKENS = ["Fifth", "fifth", "FIFTH", "ſixth", "Sixth", "19th", "٣rd", "１９th", "XIX", "xix",
             "IV", "twenty-first", "Twenty", "Thirtieth", "eleventh", "Ninth", "plenary session",
             "Plenary Session", "plenum", "full session", "of the", "Central Committee",
             "Provincial Party Committee", "CPC", "term", "’s", "'s", ",", ".", "\n", "x", "1",
             "İ", "Xi", "the", "The", "Communist Party of China", "Party", "National Congress",
             "Congress", "congress", "General Secretary", "Secretary-General", "Xi Jinping",
             "Xi Jinping’s", "important speech", "remarks", "on", "reform", "by", "letter",
             "Political Bureau", "Politburo", "meeting", "July 24", "Jul.", "held", "spirit",
             "provincial", "work conference", "“", "”", "(", "–", "\u00a0", "\u3000", "\t", "K",
             "General Secretary’s", "Party’s", "CPC's"]
# a match of each pattern of each group, and of each way it can begin
EN_MATCHES = [
    "the Fifth Plenary Session of the 19th Central Committee", "XIX fifth plenum",
    "19th CPC Central Committee's fifth plenum", "ſixth plenum of the twenty-first term",
    "the Communist Party of China's 20th National Congress", "Chinese Communist Party 20th "
    "National Congress", "CPC 19th Party Congress", "the Party’s 20th National Congress",
    "Party's 19th Congress", "CCP’s XIX Congress", "20th Congress of the Commuist Party",
    "Twenty-first congress of the CPC", "General Secretary Xi Jinping’s important speech on "
    "reform,", "Secretary-General Xi Jinping's remarks.", "President Xi Jinping’s letter.",
    "Chairman Xi Jinping’s reply,", "Comrade Xi Jinping’s address.", "Xi Jinping’s thoughts on "
    "work.", "important instructions delivered by Xi Jinping.", "series of important speeches "
    "by General Secretary Xi Jinping.", "expositions of the General Secretary Xi Jinping,",
    "directives by Xi Jinping.", "discourse by Xi Jinping,", "congratulatory letter by Xi Jinping.",
    "speech of General Secretary.", "remarks by Xi Jin.", "the General Secretary’s instructions "
    "spirit.", "General Secretary's speech.", "July 24 Politburo meeting", "Jul. 24 CPC Political "
    "Bureau meeting", "meeting of the Political Bureau of the CPC Central Committee", "Central "
    "Politburo meeting held on Dec 3", "spirit of the provincial economic work conference",
    "SPIRIT of the city work conference"]
EN_TEXT = st.lists(st.sampled_from(EN_TOKENS), max_size=30).map(" ".join)
EN_TIGHT = st.lists(st.sampled_from(EN_TOKENS), max_size=30).map("".join)


def _en_groups() -> list[tuple[list[re.Pattern[str]], tuple[str, ...], int, re.Pattern[str]]]:
    from luoshi.extract.directives import patterns_en as en

    return [(en.CONGRESS, ("congress",), 8, en.CONGRESS_FIRST),
            (en.PLENUMS, ("plenary", "plenum", "full session"), 9, en.PLENUMS_FIRST),
            (en.SPEECHES, ("xi jin", "general secretary", "secretary general"), 8,
             en.SPEECHES_FIRST),
            ([en.POLITBURO_MEETING], ("politburo", "political bureau"), 5, en.POLITBURO_FIRST),
            ([en.LOCAL_CONFERENCE], ("conference",), 9, en.LOCAL_CONFERENCE_FIRST)]


@pytest.mark.parametrize("match", EN_MATCHES)
@given(more=st.one_of(EN_TEXT, EN_TIGHT))
def test_directives_en_patterns_begin_where_their_first_words_are_found(match: str,
                                                                        more: str) -> None:
    from luoshi.extract.text import STRAY_LETTERS, WORD_START
    from luoshi.normalize import fold

    text = f"{more} {match} {more}"
    folded = fold(text)
    for patterns, _, _, first in _en_groups():
        found = {m.end() for m in first.finditer(folded) if folded[m.start()] not in STRAY_LETTERS}
        found |= {0} if first.match(" " + folded) else set()
        for start in [m.start() for m in WORD_START.finditer(text)]:
            if any(pattern.match(text, start) for pattern in patterns):
                assert start in found or any(c in text for c in STRAY_LETTERS), (text, start)


def _plain_anchored_starts(text: str, folded: str, anchors: tuple[str, ...], words_before: int
                           ) -> list[tuple[int, list[int]]]:
    from luoshi.extract.text import WORD_START

    result = []
    for anchor in anchors:
        for position in [i for i in range(len(folded)) if folded.startswith(anchor, i)]:
            window_start = max(0, position - 16 * words_before)
            starts = [m.start() for m in WORD_START.finditer(text, window_start, position + 1)]
            result.append((position, starts[-(words_before + 1):]))
    return sorted(result)


def _plain_at_anchors(patterns: list[re.Pattern[str]], text: str,
                      anchors: list[tuple[int, list[int]]]) -> list[Span]:
    spans = []
    for position, starts in anchors:
        for pattern in patterns:
            match = next((m for start in starts if (m := pattern.match(text, start))
                          and m.end() > position), None)
            if match:
                spans.append(match.span())
                break
    return spans


@pytest.mark.parametrize("match", ["", *EN_MATCHES])
@given(more=st.one_of(EN_TEXT, EN_TIGHT),
       padding=st.sampled_from(["", "word " * 12, "a(b “c ‘d\n" * 3]))
def test_directives_en_matches_at_anchors_found_as_at_every_word_start(match: str, more: str,
                                                                       padding: str) -> None:
    from luoshi.extract.directives import patterns_en as en
    from luoshi.extract.directives.mentions import _at_anchors
    from luoshi.extract.text import anchored_starts
    from luoshi.normalize import fold

    text = f"{padding}{more} {match} {more}"
    folded = fold(text)
    for patterns, anchors, words_before, first in _en_groups():
        gated = anchored_starts(text, folded, anchors, words_before, first, en.FIRST_REACH)
        plain = _plain_anchored_starts(text, folded, anchors, words_before)
        assert [m.span() for m in _at_anchors(patterns, text, gated)] == _plain_at_anchors(
            patterns, text, plain)
        # an anchor without a word start in reach (inside a long run of letters) has
        # nothing to try: it is left out
        assert anchored_starts(text, folded, anchors, words_before) == [
            (position, starts) for position, starts in plain if starts]


def test_directives_en_first_words_read_at_most_first_reach() -> None:
    from re import _parser  # type: ignore[attr-defined]

    from luoshi.extract.directives import patterns_en as en

    for *_, first in _en_groups():
        lookahead = first.pattern[first.pattern.index(")(?=") + 4:-1]
        assert _parser.parse(lookahead).getwidth()[1] <= en.FIRST_REACH


def test_directives_en_ordinal_others_begin_with_their_first_characters() -> None:
    from luoshi.extract.directives import patterns_en as en

    others, firsts = re.compile(f"(?:{en.ORDINAL_OTHERS})"), re.compile(
        f"[{en.ORDINAL_OTHERS_FIRST}]")
    begin = {chr(c) for c in range(0x110000)
             if any(others.match(chr(c) + tail) for tail in ("1st ", "st ", " ", "x "))}
    assert begin == {chr(c) for c in range(0x110000) if firsts.fullmatch(chr(c))}


def test_directives_en_folding_keeps_word_starts_and_stray_letters() -> None:
    from luoshi.extract.text import STRAY_LETTERS
    from luoshi.normalize import fold

    assert fold(STRAY_LETTERS) == STRAY_LETTERS
    assert all(re.fullmatch(r"[\s(]", fold(c)) for c in "“\"‘( \n\t\u00a0\u3000")


HEAD_TOKENS = ["since", "Since", "SINCE", "ſince", "sınce", "ahead of", "prior to", "PRİOR to",
               "before", "run-up to", "welcome", "Welcoming", "greet", "greeting", "the", "The",
               "of", "20th", "victorious", "opening", " ", "  ", "\n", "\t", "x", "-", "_", "é",
               "K", "1"]
HEAD = st.lists(st.sampled_from(HEAD_TOKENS), max_size=12).map(" ".join)
HEAD_TIGHT = st.lists(st.sampled_from(HEAD_TOKENS), max_size=12).map("".join)


@given(st.one_of(HEAD, HEAD_TIGHT))
def test_directives_en_block_before_matches_as_its_definition(head: str) -> None:
    from luoshi.extract.directives import patterns_en as en

    definition = re.compile(
        r"(?:\bsince|\bwelcom\w*\s+(?:the\s+)?(?:\w+\s+){0,4}?(?:of\s+)?|\bahead\s+of"
        r"|\bprior\s+to|\bbefore|\brun-up\s+to|\bgreet\w*\s+(?:the\s+)?(?:\w+\s+){0,3}?"
        r"(?:of\s+)?)\s+(?:the\s+)?$", re.I)
    fast, plain = en.BLOCK_BEFORE.search(head), definition.search(head)
    assert (fast and fast.span()) == (plain and plain.span())


@given(st.one_of(HEAD, HEAD_TIGHT), st.sampled_from(["", "x ", "Since ", "ſ"]))
def test_directives_en_blocked_before_asks_the_pattern_where_it_can_match(head: str,
                                                                           more: str) -> None:
    from luoshi.extract.directives import patterns_en as en
    from luoshi.normalize import fold

    for text in (head, more + head, head + more, head + " ", head + " the\n"):
        assert en.blocked_before(text, fold(text)) == bool(en.BLOCK_BEFORE.search(text))


@given(st.text(alphabet=st.sampled_from(list("ab \n\u3000。！？；”’」』）)")), max_size=40), st.data())
def test_directives_zh_sentences_one_by_one_as_all_at_once(text: str, data: st.DataObject) -> None:
    from luoshi.extract.directives.mentions import sentences_from
    from luoshi.extract.text import sentences

    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert list(sentences_from(text, start, end)) == sentences(text, "zh", start, end)


ZH_HEAD_TOKENS = ["迎接", "迎来", "喜迎", "自", "从", "自从", "庆祝", "迎", "接", "祝", "党的", " ", "\n",
                  "\u3000", "\t", "。", "x"]


@given(st.lists(st.sampled_from(ZH_HEAD_TOKENS), max_size=12).map("".join))
def test_directives_zh_blocked_before_as_its_definition(head: str) -> None:
    assert zh.blocked_before(head) == bool(zh.BLOCK_BEFORE.search(head))
