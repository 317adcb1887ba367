"""Names in English text: pinyin "Surname Given", repairs, and officials' other name forms."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from luoshi.extract.names import (
    CAPITALISED_WORD,
    ENGLISH_SURNAME_WORDS,
    GIVEN_NAME,
    SURNAME_WORD,
    WORD_CHAR,
    NameMatch,
    _canonical,
    _other_forms,
    _repair_name,
    _slip,
    _title_beside,
    edit_distance,
    find_names,
    is_pinyin_given,
    repair_name,
)
from luoshi.kb import KB, load_kb


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
    """CAPITALISED_WORD (fast: it opens with a character class) with SURNAME_WORD's
    lookbehind checked on each match, as `find_names` checks it on its surnames."""
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    found = [m.span() for m in CAPITALISED_WORD.finditer(text, start, end)
             if not (m.start() and WORD_CHAR.match(text, m.start() - 1))]
    assert found == [m.span() for m in SURNAME_WORD.finditer(text, start, end)]


def reference_find_names(text: str, kb: KB, start: int = 0, end: int | None = None,
                         names_expected: bool = False) -> list[NameMatch]:
    """`find_names` as first written: every capitalised word before another is looked up
    as a surname, and each other form looked for with str.find."""
    end = len(text) if end is None else end
    found: list[NameMatch] = []
    last_end = -1
    for word in CAPITALISED_WORD.finditer(text, start, end):
        surname, at = word.group(0), word.start()
        if (surname not in kb.surname_pinyin or at < last_end
                or (at and WORD_CHAR.match(text, at - 1))):
            continue
        match = GIVEN_NAME.match(text, word.end() + 1, end)
        if match is None:
            continue
        given, name_end = match.group(0), match.end()
        surface = f"{surname} {given}"
        known = surface.lower() in kb.officials_by_name
        repaired = None if known else repair_name(surface, kb)
        if repaired:
            found.append(NameMatch(repaired, at, name_end, surface, True, True))
        elif known or ((names_expected or surname not in ENGLISH_SURNAME_WORDS
                        or _title_beside(text, at, name_end, kb))
                       and is_pinyin_given(given, kb)):
            found.append(NameMatch(_canonical(surface, kb), at, name_end, surface,
                                   known, False))
        else:
            continue
        last_end = name_end
    names, pattern = _other_forms(kb)
    if not any(text.find(name, start, end) >= 0 for name in names):
        return found
    for match in pattern.finditer(text, start, end):
        if match.start() > 0 and (text[match.start() - 1].isalnum()
                                  or text[match.start() - 1] in "’'"):
            continue
        if not any(n.start < match.end() and match.start() < n.end for n in found):
            found.append(NameMatch(match.group(0), match.start(), match.end(), match.group(0),
                                   True, False))
    return sorted(found, key=lambda n: n.start)


# surnames (some also English words, one too long for a surname word, one with ü), given
# names, officials' other forms and their pieces, and what may stand around them; words
# mostly one space apart, so that names and lists of names form
NAME_WORDS = ["Wang", "Xi", "Li", "Lü", "Lv", "Che", "He", "A", "Shangguan", "Ouyang", "Nur",
              "Jinping", "Jinpin", "Hao", "Huning", "Dalha", "Bekri", "Xi’an", "Lin", "Fang",
              "Bayanqolu", "Bagatur", "Bayanqolus", "Padma", "Choling", "Governor", "mayor",
              "secretary", "the", "x", "X", "Mc", "1", "_", "’s"]
NAME_GAPS = [" ", " ", " ", " ", "\u00a0", ",", ", ", ". ", "’", "'", "-", "\n", ""]
NAME_TEXTS = st.lists(st.tuples(st.sampled_from(NAME_WORDS), st.sampled_from(NAME_GAPS)),
                      max_size=8).map(lambda pairs: "".join(w + g for w, g in pairs))


@settings(max_examples=400)
@given(NAME_TEXTS, st.data())
def test_names_found_as_by_a_lookup_of_every_capitalised_word(text: str,
                                                              data: st.DataObject) -> None:
    """`find_names` searches known surnames only, with their given names, and learns of
    officials' other forms from the same search (`NameScan`)."""
    kb = load_kb()  # the fixture's (cached), not an argument: hypothesis would print it
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    expected = data.draw(st.booleans())
    assert find_names(text, kb, start, end, expected) == reference_find_names(
        text, kb, start, end, expected)


@pytest.mark.parametrize("text", [
    "Che Dalha presided.", "Nur Bekri, Bayanqolu and Bagatur", "Xi Jinping met Nur Bekri.",
    "Bayanqolus met Wang Hao", "Wang Bayanqolu", "Nur Bekri", "Bagatur", "Padma Choling’s"])
def test_names_other_forms_as_by_str_find(kb: KB, text: str) -> None:
    assert find_names(text, kb) == reference_find_names(text, kb)
    for start in range(len(text) + 1):
        assert find_names(text, kb, start) == reference_find_names(text, kb, start)


def reference_repair_name(surface: str, kb: KB) -> str | None:
    """`_repair_name` as first written: every official of the surname weighed."""
    surname, _, given = surface.partition(" ")
    given = given.lower().replace("’", "'")
    if given.endswith("'s") and len(given) > 3:
        given = given[:-2]
        if f"{surname} {given}".lower() in kb.officials_by_name:
            return _canonical(f"{surname} {given}", kb)
    well_formed = is_pinyin_given(given, kb)
    best: tuple[int, str] | None = None
    for key, officials in kb.officials_by_surname.get(surname.lower(), {}).items():
        if key == surface.lower():
            continue
        known_given = key.partition(" ")[2]
        if well_formed:
            national = any(o.jurisdiction == "China" for o in officials)
            distance = 1 if national and _slip(given, known_given) else 3
            limit = 1
        else:
            limit = 1 if len(known_given) <= 5 else 2
            distance = edit_distance(given, known_given, limit)
        if distance <= limit and (best is None or distance < best[0]):
            best = (distance, officials[0].name)
    return best[1] if best else None


def test_names_repairs_as_when_every_official_is_weighed(kb: KB) -> None:
    """Well-formed pinyin is repaired only to a national leader's name (`_national_by_surname`
    lists them); every official's name, and its slips and typos, are repaired as before."""
    surfaces = set()
    for official in kb.officials:
        surname, _, given = official.name.partition(" ")
        if not given:
            continue
        surfaces.add(official.name)
        surfaces.add(f"{official.name}’s")
        for at in range(len(given) + 1):
            surfaces.add(f"{surname} {given[:at]}g{given[at:]}")
            surfaces.add(f"{surname} {given[:at]}{given[at + 1:]}")
            surfaces.add(f"{surname} {given[:at]}{given[at:at + 1]}{given[at:]}")
    for surface in sorted(surfaces):
        assert _repair_name(surface, kb) == reference_repair_name(surface, kb), surface
