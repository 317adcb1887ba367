"""Page furniture: buttons and boilerplate lines are not the headline."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from luoshi.extract.doc import Doc
from luoshi.extract.furniture import (
    BOILERPLATE_FIRST,
    BOILERPLATE_LINE,
    EN_DATELINE,
    EN_PUBLISHED,
    EN_SOURCE,
    FURNITURE_LINE,
    MAX_FURNITURE_LINE,
    TITLE_PREFIX,
    ZH_BODY_MARKER,
    ZH_HEADER_LINE,
    ZH_MARKER_REACH,
    ZH_PUBLISHED,
    ZH_SOURCE,
    _body_marker,
    _day,
    _en_dateline,
    _en_published,
    _en_source,
    _first,
    _headline,
    _is_furniture,
    _lines,
    _search_lines,
    _skip_repeated_title,
    _zh_published,
    _zh_source_match,
)
from luoshi.extract.spans import SpanIndex
from luoshi.extract.text import STRAY_LETTERS
from luoshi.normalize import fold
from tests.unit.test_meeting import top_level_alternatives


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


# The fast paths of furniture.py against the plain searches they stand for.

BOILERPLATE_STARTS = r"[\[【打关返责分扫相saplvfcb]"  # the first characters of the alternatives


def test_furniture_boilerplate_first_characters_as_re_i_reads_them() -> None:
    first = re.compile(BOILERPLATE_STARTS, re.I)
    assert {chr(c) for c in range(0x110000) if first.fullmatch(chr(c))} == BOILERPLATE_FIRST


def test_furniture_boilerplate_alternatives_start_with_those_characters() -> None:
    body = BOILERPLATE_LINE.pattern.removeprefix(r"^\s*(?:").removesuffix(r")\s*$")
    firsts = []
    for alternative in top_level_alternatives(body):
        buttons = re.match(r"\(\?:\\\[\?\(\?:(.*?)\)\\\]\?", alternative)
        if buttons:  # "[print]" or "print", "close", "打印", ...
            firsts += ["["] + [word[0] for word in top_level_alternatives(buttons.group(1))]
        else:
            firsts.append(alternative.removeprefix("\\")[0])
    assert len(firsts) == 20
    assert all(re.fullmatch(BOILERPLATE_STARTS, first) for first in firsts), firsts


def test_furniture_odd_case_characters_are_all_that_re_i_takes_for_ascii_letters() -> None:
    letter = re.compile("[a-z]", re.I)
    found = {chr(c) for c in range(128, 0x110000) if letter.fullmatch(chr(c))}
    assert found == set(STRAY_LETTERS)


# pieces of furniture lines, so that most heads drawn hold several candidate matches
def test_furniture_fold_keeps_the_odd_case_characters() -> None:
    # the fast paths look for them in the folded text
    assert fold(STRAY_LETTERS) == STRAY_LETTERS


WORDS = ["Release time: ", "release ", "Posted on ", "post", "Published ", "publishing at ",
         "Publication date：", "ISSUE ", "Date: ", "date ", "TIME:", "time ", "Source: ",
         "Information source：", "source", "Weifang Daily", " News", "Font:", "|", ".", " ",
         "   ", "\t", "\n", "\n\n", "2023-12-15", "2019/3/4", "2020.10.1", "19", "20", "1999",
         " 07:30", " 12:05:33", "x", "x" * 7, "x" * 50, "ſ", "İ", "ı", "\u212a", "《", "#",
         "来源：", "央视网", "[ad_1]", "Print", "Close", "Share this", "【打印】", "打印 | 关闭"]
HEAD = st.lists(st.sampled_from(WORDS), max_size=16).map("".join)


def same(a: re.Match[str] | None, b: re.Match[str] | None) -> bool:
    if a is None or b is None:
        return a is b
    return a.re is b.re and a.span() == b.span() and a.groupdict() == b.groupdict()


@given(HEAD)
@settings(max_examples=2000)
@example("Date: 2023-12-15")  # patterns 2 and 3 at one place: 2 wins
@example("x\n\t date: 2023-12-15 x")  # pattern 2 alone, after white space
@example("Print\nPosted on 2023-12-15")  # 1 and 3 at one place: 1 wins
@example("x" * 59 + " 2023-12-15")  # a day at the 61st character of its line
@example("x" * 60 + " 2023-12-15")
@example("Weifang Daily ſ\nRelease time: 2019/3/4")
def test_furniture_en_published_as_the_first_of_the_patterns(head: str) -> None:
    starts = [s for s, _ in _lines(head)[0]]
    assert same(_en_published(head, fold(head), starts), _first(EN_PUBLISHED, head))


@given(HEAD)
@settings(max_examples=2000)
@example("A" + "b" * 40 + " \n Release time: ")  # an outlet's name of 41 characters
@example("A" + "b" * 41 + " Release time: ")
@example("Print\nInformation source: Weifang Daily\nWeifang Daily release time: ")
def test_furniture_en_source_as_the_first_of_the_patterns(head: str) -> None:
    folded = fold(head)
    expected = _first([p for word, p in EN_SOURCE if word in folded], head)
    assert same(_en_source(head, folded), expected)


@given(HEAD)
@settings(max_examples=300)
def test_furniture_lines_gated_as_matched(text: str) -> None:
    for line in text.split("\n"):
        expected = bool(BOILERPLATE_LINE.match(line) or FURNITURE_LINE.match(line))
        assert _is_furniture(line) == expected, line


@given(HEAD)
def test_furniture_lines_are_those_with_more_than_white_space(text: str) -> None:
    spans, cursor = [], 0
    for line in text.split("\n"):
        spans.append((cursor, cursor + len(line)))
        cursor += len(line) + 1
    lines = [(s, e) for s, e in spans if text[s:e].strip()]
    furniture = [(s, e) for s, e in lines if e - s <= MAX_FURNITURE_LINE and (
        BOILERPLATE_LINE.match(text[s:e]) or FURNITURE_LINE.match(text[s:e]))]
    others = [line for line in lines if line not in furniture]
    assert _lines(text) == (lines, furniture, others)
    # lines are apart: a line lies inside a furniture line only if it is one
    index = SpanIndex(furniture)
    assert all(index.contains(*line) == (line in furniture) for line in lines)


@given(st.text(alphabet=st.sampled_from(list("Aa 學學“-ＡＢ．")), max_size=30), st.data())
def test_furniture_fold_of_a_slice_is_the_slice_of_the_fold(text: str, data: st.DataObject
                                                             ) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert fold(text)[start:end] == fold(text[start:end])


ZH_WORDS = ["发布时间：", "发表日期:", "更新时间 ", "来源：", "锦州日报", "|", " | ", "《新闻联播》", "#",
            "# ", "（20231215）", "(20231215)", "2023年7月28日", "2023-12-15", "23-12-15", "19", "20",
            "08:15", " ", "  ", "\n", "\n\n", "\t", "，", "正文：", "x", "12月1日电", "央视网"]
ZH_HEAD = st.lists(st.sampled_from(ZH_WORDS), max_size=16).map("".join)


@given(ZH_HEAD)
@settings(max_examples=2000)
@example("\n\n2012-12-12 08:15")  # pattern 6 from a blank line, its white space a line break
@example("x\n# 《新闻联播》（20231215）")
@example("发布时间： 2023-12-15 08:15")  # patterns 3 and 6 at one place: 3 wins
@example("x\n锦州日报 2023-12-15 08:15 来源：锦州日报")  # a line pattern before the others
@example("x\nx\nx\n\n 2023-12-15 08:15\n来源：锦州日报")  # more lines than are tried one by one
@example("x\nx\nx\n 2023-12-15 08:15\n来源：锦州日报")
def test_furniture_zh_published_and_source_as_the_first_of_the_patterns(head: str) -> None:
    assert same(_zh_published(head), _first(ZH_PUBLISHED, head))
    assert same(_zh_source_match(head), _first(ZH_SOURCE, head))
    assert same(_search_lines(ZH_HEADER_LINE, head), ZH_HEADER_LINE.search(head))


TITLE_LINES = st.lists(st.sampled_from(["Title", "Title.", " Title ", "TITLE", "Ｔｉｔｌｅ", "x",
                                        "Title x", "。", "", " "]), min_size=1, max_size=8)


@given(TITLE_LINES)
def test_furniture_repeated_headline_skipped_as_by_a_scan_of_every_line(lines: list[str]
                                                                        ) -> None:
    text = "\n".join(lines)
    doc = Doc(text=text, doc_id="t", folded=fold(text))
    spans = _lines(text)[0]
    if not spans:
        return
    start, end = spans[0]
    doc.title = text[start:end].strip() or None
    doc.title_span = (end - len(doc.title), end) if doc.title else None  # as _find_en sets it
    _skip_repeated_title(doc, spans)
    expected = []
    if doc.title and doc.title_span:
        key = fold(doc.title).strip(" .。")
        expected = [(s, e) for s, e in spans if s > doc.title_span[1] and e - s >= len(key)
                    and doc.folded[s:e].strip(" .。") == key]
    assert doc.skip == expected


def test_furniture_headline_span_covers_the_headline_when_its_line_ends_in_spaces() -> None:
    from luoshi.extract.doc import Doc
    from luoshi.extract.furniture import find_furniture
    from luoshi.kb import load_kb
    from luoshi.pipeline import detect_language

    kb = load_kb()
    for text, title in (("Hunan holds a meeting   \r\nThe provincial party committee held a "
                         "meeting on the 24th to study the spirit.\n", "Hunan holds a meeting"),
                        ("# 湖南省委召开会议  \n10月24日，湖南省委召开常委会会议，传达学习会议精神。\n",
                         "湖南省委召开会议")):
        doc = Doc(text=text, doc_id="t")
        detect_language(doc, kb)
        find_furniture(doc, kb)
        assert doc.title == title and doc.title_span is not None
        assert text[doc.title_span[0]:doc.title_span[1]] == title


DATELINE_WORDS = ["Hunan Daily", "Xinhua", ",", " ", "  ", "\n", "\t", "\u3000", "October",
                  "OCTOBER", "may", "Septem", "ſeptember", "Aprİl", "26", "1st", " 26 ",
                  "(Reporter Tang)", "(by Li)", "--", "—", "–", "x", "x" * 20, "Ｏｃｔｏｂｅｒ",
                  "“", "The", ".", "-"]


@given(st.lists(st.sampled_from(DATELINE_WORDS), max_size=14).map("".join), st.data())
@settings(max_examples=2000)
@example("A" + "b" * 40 + ", October 26 --", 0)  # an outlet of 41 characters
@example("A" + "b" * 40 + ",      October 26 --", 0)  # white space out of reach
@example("A" + "b" * 41 + " October 26 --", 0)
@example("x\n" + "Ab" * 20 + "\n\n\n\n\nMay 1 --", 2)
def test_furniture_en_dateline_gated_as_matched(text: str, data: st.DataObject | int) -> None:
    start = data if isinstance(data, int) else data.draw(st.integers(0, len(text)))
    assert same(_en_dateline(text, fold(text), start), EN_DATELINE.match(text, start))


@given(st.lists(st.sampled_from(["，", ",", " ", "\n", "正文", "正", "文", "：", ":", "x" * 97]),
                max_size=14).map("".join))
@example("x" * 394 + "，正文：")  # ends at the reach
@example("x" * 395 + "，正文：")
def test_furniture_body_marker_gated_as_searched(text: str) -> None:
    assert same(_body_marker(text), ZH_BODY_MARKER.search(text, 0, ZH_MARKER_REACH))


def day_of_every_group(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    year = groups.get("y") or groups.get("y2")
    month = groups.get("m") or groups.get("m2")
    day = groups.get("d") or groups.get("d2")
    if not (year and month and day):
        return None
    if len(year) == 2:
        year = "20" + year
    y, m, d = int(year), int(month), int(day)
    if not (1 <= m <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


DAYS = st.tuples(st.sampled_from(["19", "20"]), st.integers(0, 99), st.integers(0, 99),
                 st.integers(0, 99), st.booleans()).map(
    lambda t: f"{t[0]}{t[1]:02d}" + (f"-{t[2]}-{t[3]:02d}" if t[4] else f"年{t[2]}月{t[3]}日"))


@given(DAYS, st.sampled_from(["发布时间：{} 08:15", "{} 08:15", "Release time: {}", "来源：x | {}",
                              "# 《x》（{}）", "x {}", "发表日期:{}"]))
@example("2023-7-5", "发布时间：{} 08:15")
@example("23-07-05", "{} 08:15")
@example("20230705", "# 《x》（{}）")
@example("2023年7月5日", "发布时间：{} 08:15")
@example("20٢٣-7-5", "Release time: {}")  # a year of digits other than ASCII, read as a number
@example("٢٣-07-05", "{} 08:15")
def test_furniture_day_as_read_from_every_group(day: str, line: str) -> None:
    head = line.format(day)
    for pattern in ZH_PUBLISHED + EN_PUBLISHED:
        if match := pattern.search(head):
            assert _day(match) == day_of_every_group(match)


@given(st.lists(st.sampled_from(["Date 2023-1-1 ", "date  2023-12-15\t", "[Video]", "[视频]", "[VIDEO] ",
                                 "#", "## ", " ", "\t", "x", "Title", "date ", "2023-1-1"]),
                max_size=6).map("".join))
def test_furniture_headline_without_its_prefix_as_substituted(line: str) -> None:
    title, _ = _headline(line, 0, len(line))
    expected = TITLE_PREFIX.sub("", line).strip()
    assert title == (expected or None)
