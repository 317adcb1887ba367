"""Extraction never raises, keeps its evidence inside the text, and takes linear time.

Property tests (hypothesis) feed `luoshi.extract` random text, text assembled from the
words reports are made of (so that every extractor has something to bite on: dates,
meeting words, posts, names, directives, enumerations, credit lines, page furniture),
and adversarial shapes: huge lines, enumerations thousands deep, thousands of names,
runs of blank lines and control characters, Chinese and English mixed. For each
record: every span lies inside the text, and where the record quotes what a span
covers (a task's text, a Chinese name) the span's text is that quote.
Then time: eight times the text takes at most about sixteen times as long.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from luoshi.pipeline import extract

pytestmark = pytest.mark.issue(8)

EN_WORDS = [
    "On October 24,", "On the 24th,", "2022-10-25", "Release time: 2022-10-25 10:04", "the",
    "Standing Committee of the", "Zhejiang Provincial Party Committee", "held a meeting",
    "party group meeting", "to study the spirit of the 20th CPC National Congress",
    "Sixth Plenary Session of the 19th Central Committee", "General Secretary Xi Jinping's",
    "important speech", "Wang Hao,", "deputy secretary of the provincial party committee and",
    "governor of the province,", "presided over the meeting and delivered a speech.",
    "Yi Lianhong", "Liu Jie", "attended.", "First,", "Second,", "Third, we must", "Fourth",
    "The first is to", "strengthen the leadership of the Party", "common prosperity",
    "Two Establishments", "Chinese-style modernization", "(Reporter Li Guoyu)",
    "Editor in charge: Yu Yang", "Photo by", "Share This Post", "[ad_1]", "Hangzhou",
    "Heilongjiang", "county", "city", "township", ",", ".", ";", ":", "\n", "\n\n", "  ",
    "Comrade", "symposium", "theoretical study center group", "emphasized that", "(",
    ")", "'s", "2023", "January 5, 2023", "20th", "3rd", "plenum", "congress", "Party",
]
ZH_WORDS = [
    "10月24日", "2022年10月25日", "24日", "，", "。", "、", "：", "“", "”", "（", "）", "\n",
    "省委常委会", "召开会议", "召开", "党组会议", "理论学习中心组", "集体学习", "座谈会",
    "传达学习", "党的二十大精神", "十九届六中全会", "习近平总书记", "重要讲话", "省委书记",
    "易炼红", "主持会议并讲话", "省长", "王浩", "出席", "一是", "二是", "三是", "第一",
    "要", "深刻领悟", "“两个确立”", "决定性意义", "中国式现代化", "共同富裕", "浙江省",
    "杭州市", "县委", "乡镇", "记者", "李浩", "责任编辑：", "摄影：", "来源：", "新华社杭州",
    "电", "同志", "强调", "指出", "会议认为", "会议要求", "（记者 韩冰、曲俊铮）", "发布时间：",
]
CONTROL = [chr(c) for c in range(32)] + ["\x7f", "\u2028", "\ufeff", "\u200b", "\u3000"]


def words(vocabulary: list[str], sep: str) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(vocabulary), max_size=120).map(sep.join)


TEXTS = st.one_of(
    st.text(max_size=400),
    st.text(alphabet=st.sampled_from(CONTROL + list("ab 会议,.\n")), max_size=400),
    words(EN_WORDS, " "),
    words(ZH_WORDS, ""),
    st.lists(st.one_of(words(EN_WORDS, " "), words(ZH_WORDS, ""), st.text(max_size=30)),
             max_size=8).map("\n".join),
)


def spans(value: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """(where, span) for every span in a record dict: 'span', '*_span' and 'spans' keys."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "span" or key.endswith("_span"):
                if item is not None:
                    yield f"{path}.{key}", item
            elif key == "spans":
                for index, span in enumerate(item or []):
                    yield f"{path}.{key}[{index}]", span
            else:
                yield from spans(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from spans(item, f"{path}[{index}]")


def check_record(text: str) -> None:
    """Extract; fail on an exception, a span outside the text, or a misquoted span."""
    record = extract(text).to_dict()
    for where, span in spans(record):
        start, end = span
        assert 0 <= start <= end <= len(text), f"{where} = {span} outside 0..{len(text)}"
    for event in record["events"]:
        for task in event["tasks"]:
            if task["span"]:
                assert text[slice(*task["span"])] == task["text"], task
        for person in event["people"]:
            if person["zh"]:  # an English name is normalised ("Surname Given", repaired)
                for span in person["spans"]:
                    assert text[slice(*span)] == person["zh"], person
    for credit in record["credits"]:
        if credit["span"] and credit["zh"]:
            assert text[slice(*credit["span"])] == credit["zh"], credit


# the knowledge base is not a fixture here: hypothesis would print it with every example
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS)
def test_extract_never_raises_and_spans_hold(text: str) -> None:
    check_record(text)


@settings(max_examples=60, deadline=None)
@given(text=TEXTS, published=st.one_of(st.none(), st.dates().map(str), st.text(max_size=12)))
def test_extract_with_any_published_hint(text: str, published: str | None) -> None:
    extract(text, published=published)


# -- adversarial shapes, each a function of a size n, linear in n -------------------------

EN_LEAD = ("On October 24, the Standing Committee of the Zhejiang Provincial Party Committee "
           "held a meeting to study the spirit of the 20th CPC National Congress. Yi Lianhong, "
           "secretary of the provincial party committee, presided over the meeting. ")
ZH_LEAD = ("10月24日，浙江省委常委会召开会议，传达学习党的二十大精神。省委书记易炼红主持会议并讲话。"
           "会议强调，要深刻领悟“两个确立”的决定性意义。")
ORDINALS = ["First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth",
            "Ninth", "Tenth"]
ZH_ORDINALS = "一二三四五六七八九十"
SURNAMES = "王李张刘陈杨黄赵吴周"
GIVEN = "浩强伟洋静敏军磊丽平"

SHAPES: dict[str, Callable[[int], str]] = {
    "report repeated": lambda n: (EN_LEAD + "\n\n") * n,
    "Chinese report repeated": lambda n: (ZH_LEAD + "\n") * n,
    "one huge English line": lambda n: EN_LEAD.replace("\n", " ") * n,
    "one huge Chinese line": lambda n: ZH_LEAD * n,
    "English enumeration thousands deep": lambda n: EN_LEAD + " ".join(
        f"{ORDINALS[i % 10]}, we must strengthen the work of item {i}." for i in range(30 * n)),
    "Chinese enumeration thousands deep": lambda n: ZH_LEAD + "".join(
        f"{ZH_ORDINALS[i % 10]}是要加强第{i}项工作。" for i in range(30 * n)),
    "thousands of English names": lambda n: EN_LEAD + ", ".join(
        f"Wang Hao{'abcdefghij'[i % 10]}, Li Qiang, Zhang Wei{i % 7}" for i in range(20 * n))
        + " attended the meeting.",
    "thousands of Chinese names": lambda n: ZH_LEAD + "、".join(
        SURNAMES[i % 10] + GIVEN[i // 10 % 10] + "同志" for i in range(60 * n)) + "出席会议。",
    "thousands of credit lines": lambda n: EN_LEAD + "\n".join(
        f"(Reporter Li Guoyu{i % 9}) Editor in charge: Yu Yang" for i in range(20 * n)),
    "thousands of furniture lines": lambda n: EN_LEAD + "\n".join(
        f"Share This Post\nRelease time: 2022-10-{i % 28 + 1:02d} 10:04\nPrint"
        for i in range(20 * n)),
    "run of blank lines": lambda n: EN_LEAD + "\n" * (2000 * n) + EN_LEAD,
    "run of spaces": lambda n: EN_LEAD + " " * (2000 * n) + EN_LEAD,
    "control characters": lambda n: EN_LEAD + "".join(
        CONTROL[i % len(CONTROL)] + "ab " for i in range(400 * n)),
    "Chinese and English mixed": lambda n: (EN_LEAD + ZH_LEAD) * n,
    "dates everywhere": lambda n: " ".join(
        f"On October {i % 28 + 1}, 2022, and 2022年10月{i % 28 + 1}日" for i in range(40 * n))
        + EN_LEAD,
    "directives everywhere": lambda n: EN_LEAD + " ".join(
        f"the {i % 20 + 1}th CPC National Congress and the {i % 7 + 1}th Plenary Session of "
        f"the {i % 20 + 1}th Central Committee," for i in range(10 * n)),
}
SMALL_CHARS = 8000  # the small run; the large one is GROWTH times as long
GROWTH = 8
MAX_RATIO = 16  # linear would be 8; twice that leaves room for noise and cache effects
SLACK = 0.005  # seconds added to the small time: tiny times are mostly noise


def base_size(shape: str) -> int:
    """The smallest power of two n for which the shape's text has SMALL_CHARS characters."""
    n = 1
    while len(SHAPES[shape](n)) < SMALL_CHARS:
        n *= 2
    return n


def best_time(text: str, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        extract(text)
        best = min(best, time.perf_counter() - started)
    return best


@pytest.mark.parametrize("shape", list(SHAPES))
def test_adversarial_text_is_extracted_whole(shape: str) -> None:
    check_record(SHAPES[shape](base_size(shape) * GROWTH))


@pytest.mark.parametrize("shape", list(SHAPES))
def test_extraction_time_is_linear_in_length(shape: str) -> None:
    n = base_size(shape)
    small, large = SHAPES[shape](n), SHAPES[shape](n * GROWTH)
    assert len(large) >= GROWTH * len(small) * 0.9
    small_time = best_time(small)
    large_time = best_time(large, runs=2)
    assert large_time <= MAX_RATIO * (small_time + SLACK), (
        f"{len(small)} chars: {small_time:.3f} s; {len(large)} chars: {large_time:.3f} s")
