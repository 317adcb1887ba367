"""Names in English text: pinyin "Surname Given", repairs, and officials' other name forms."""

from __future__ import annotations

from luoshi.extract.names import find_names
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
