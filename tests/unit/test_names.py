"""Names in English text: pinyin "Surname Given", repairs, and officials' other name forms."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from luoshi.extract.names import CAPITALISED_WORD, SURNAME_WORD, WORD_CHAR, find_names
from luoshi.kb import KB


def test_names_pinyin_and_repaired(kb: KB) -> None:
    found = find_names("Xi Jinpin met Zheng Shanjie and the Party Committee.", kb)
    assert [(n.name, n.repaired) for n in found] == [("Xi Jinping", True),
                                                     ("Zheng Shanjie", False)]


def test_names_single_word_and_transcribed_officials(kb: KB) -> None:
    """Bayanqolu and Nur Bekri are not "Surname Given" pinyin; the knowledge base says so
    (name_form) and they are found as it spells them, on word boundaries only."""
    text = "Bayanqolu presided; Nur Bekri and Wang Hao attended. Bayanqolus is not a name."
    found = find_names(text, kb)
    assert [n.name for n in found] == ["Bayanqolu", "Nur Bekri", "Wang Hao"]
    assert all(n.known for n in found[:2])


def test_names_other_forms_in_a_record(extract_text: object) -> None:
    record = extract_text(  # type: ignore[operator]
        "On the 24th, the Jilin Provincial Party Committee held a standing committee meeting. "
        "Bayanqolu, secretary of the provincial party committee, presided over the meeting.",
        published="2016-10-25")
    people = {p.name: p for p in record.events[0].people}
    assert people["Bayanqolu"].role == "presided"
    assert people["Bayanqolu"].titles[0].post == "Secretary"


@pytest.mark.parametrize("surface", [
    # well-formed pinyin names of other people, near a known official's
    "Hu Chunhui", "Wang Xinfei", "Li Jinghua", "Jiang Tingzhi",
    "Wang Shan", "Jiang Feng", "Li Xiu", "Zhou Qing", "Li Xin",
    # an n/ng slip from a provincial official's name (Wang Zhengwei, Ningxia)
    "Wang Zhenwei"])
def test_names_well_formed_unknown_names_are_not_repaired(kb: KB, surface: str) -> None:
    found = find_names(f"Yesterday {surface} attended the meeting.", kb)
    assert [(n.name, n.repaired) for n in found] == [(surface, False)]


@pytest.mark.parametrize("surface, name", [
    ("Xi Jingping", "Xi Jinping"), ("Xi Jinpin’s", "Xi Jinping"), ("Xi Jinping's", "Xi Jinping"),
    ("Xi Jnping", "Xi Jinping"), ("Wang Hunning", "Wang Huning")])
def test_names_typos_still_repaired(kb: KB, surface: str, name: str) -> None:
    """n/ng and doubled-letter slips from national leaders' names, and misspellings that
    are not pinyin, are still repaired."""
    found = find_names(f"Yesterday {surface} speech was studied.", kb)
    assert [(n.name, n.repaired) for n in found] == [(name, True)]


def test_names_english_word_surnames_beside_titles(kb: KB) -> None:
    text = ("He Fang, secretary of the municipal party committee, presided over the meeting. "
            "Mayor Fan Yurong and Long Xinwen, district mayor, attended. He Lin said nothing.")
    assert [n.name for n in find_names(text, kb)] == ["He Fang", "Fan Yurong", "Long Xinwen"]


def test_names_zh_prefecture_league_and_banner_heads(extract_text: object) -> None:
    record = extract_text(  # type: ignore[operator]
        "10月9日，某州政府党组召开党组会议。州长杨荣主持会议并讲话，副州长何立出席。"
        "盟长王立新、旗长赵明列席。", published="2023-10-10")
    posts = {p.name: [t.post for t in p.titles] for p in record.events[0].people}
    assert posts == {"Yang Rong": ["Prefecture Governor"], "He Li": ["Vice Prefecture Governor"],
                     "Wang Lixin": ["League Head"], "Zhao Ming": ["Banner Head"]}


SURNAME_TEXT = st.text(alphabet=st.sampled_from(list("WangXiHu Jinpg’'-_1\u00a0.,üÄé")),
                       max_size=40)


@given(SURNAME_TEXT, st.data())
def test_names_capitalised_words_with_the_lookbehind_checked_are_surname_words(
        text: str, data: st.DataObject) -> None:
    """`find_names` searches CAPITALISED_WORD (fast: it opens with a character class) and
    checks SURNAME_WORD's lookbehind on each match itself."""
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    found = [m.span() for m in CAPITALISED_WORD.finditer(text, start, end)
             if not (m.start() and WORD_CHAR.match(text, m.start() - 1))]
    assert found == [m.span() for m in SURNAME_WORD.finditer(text, start, end)]
