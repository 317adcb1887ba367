"""Rules added for gaps found in the annotated corpora; sentences written for these tests."""

from __future__ import annotations

from luoshi.extract.titles import parse_en_chain
from luoshi.kb import load_kb
from luoshi.pipeline import extract
from luoshi.record import Record

KB = load_kb()


def people(record: Record) -> dict[str, str]:
    return {p.name: p.role for p in record.events[0].people}


def posts(record: Record, name: str) -> list[str]:
    person = next(p for p in record.events[0].people if p.name == name)
    return [t.post for t in person.titles]


# -- a speech's topic stays on its line -------------------------------------------------

HEADLINE_SPEECH = (
    "Town Party Committee studies the Third Plenary Session of the 20th CPC Central Committee "
    "and General Secretary Xi Jinping's important speech\n\n"
    "On August 5th, the Party Committee of Hexi Town held a meeting to study the spirit of "
    "the Third Plenary Session of the 20th CPC Central Committee. Gao Mingyuan, secretary of "
    "the town party committee, presided over the meeting.\n")


def test_speech_at_headline_end_takes_no_topic_from_the_next_line() -> None:
    event = extract(HEADLINE_SPEECH).events[0]
    assert event.date == "2024-08-05"  # the day is not swallowed as the speech's topic
    assert event.date_basis == "inferred"
    assert all(not (d.topic or "").startswith("August") for d in event.directives)


def test_speech_topic_on_the_same_line_is_kept() -> None:
    text = ("On the 3rd, the county party committee held a meeting. Lu Wenhai, secretary of the "
            "county party committee, presided. The meeting studied General Secretary Xi "
            "Jinping's important speech on rural revitalization.\n")
    topics = [d.topic for d in extract(text, published="2024-06-04").events[0].directives]
    assert "rural revitalization" in topics


# -- "requirements put forward by X" invokes X ------------------------------------------

def test_demand_put_forward_by_someone_is_not_a_speech_at_the_meeting() -> None:
    text = ("On the 9th, the municipal government held a party group meeting. Xu Jianhua, "
            "mayor, presided over the meeting. We must carry out the tasks demanded by Lin Wu, "
            "secretary of the provincial party committee, and the instructions put forward by "
            "Zhou Hongbo at the provincial conference.\n")
    record = extract(text, published="2023-03-10")
    assert people(record) == {"Xu Jianhua": "presided"}
    assert "Lin Wu" in record.events[0].referenced_people  # a known official


def test_presided_over_by_still_gives_the_role() -> None:
    text = ("On the 9th, a symposium was held, presided over by Xu Jianhua, mayor. The meeting "
            "was addressed by nobody else. Remarks were made by Tao Ping.\n")
    assert people(extract(text, published="2023-03-10"))["Xu Jianhua"] == "presided"


# -- titles: territorial party committees, regions, managers -----------------------------

def test_party_committee_of_a_territory_is_its_secretary_post() -> None:
    titles = parse_en_chain("deputy secretary of the party committee of the autonomous region, "
                            "chairman of the autonomous region", KB)
    assert titles is not None
    assert [(t.post, t.jurisdiction) for t in titles] == [
        ("Deputy Secretary", "?province"), ("Chairman", "?province")]
    county = parse_en_chain("secretary of the party committee of the county", KB)
    assert county is not None and county[0].post == "Secretary"


def test_party_committee_of_a_unit_keeps_the_unit_post() -> None:
    titles = parse_en_chain("deputy secretary of the party committee of the Municipal Bureau "
                            "of Commerce", KB)
    assert titles is not None and titles[0].post == "Deputy Party Secretary"


def test_bare_chairman_is_not_the_npc_chairman() -> None:
    titles = parse_en_chain("chairman of Hengda Textile Group", KB)
    assert titles is not None
    assert titles[0].post == "Chairman" and titles[0].jurisdiction != "China"


def test_general_manager_is_a_post() -> None:
    titles = parse_en_chain("deputy general manager of Yuxin Logistics Company", KB)
    assert titles is not None and titles[0].post == "Deputy General Manager"
    assert parse_en_chain("general manager", KB) is not None


# -- several speakers of one verb ---------------------------------------------------------

def test_and_other_entrepreneurs_spoke_gives_every_listed_name_the_role() -> None:
    text = ("On the 12th, the city held a symposium with private enterprises. Cheng Bo, mayor, "
            "presided over the symposium. At the symposium, Fan Qiuyun, chairman of Tianyuan "
            "Machinery Co., Ltd., Zhao Lianhe, general manager of Baishi Foods Group and other "
            "entrepreneurs spoke one after another.\n")
    record = extract(text, published="2024-05-13")
    assert people(record) == {"Cheng Bo": "presided", "Fan Qiuyun": "spoke",
                              "Zhao Lianhe": "spoke"}
    assert posts(record, "Zhao Lianhe") == ["General Manager"]


def test_single_speaker_after_a_list_keeps_the_others_out() -> None:
    text = ("On the 12th, the city held a symposium. Cheng Bo, mayor, presided over the "
            "symposium. Fan Qiuyun, chairman of Tianyuan Machinery Co., Ltd., Zhao Lianhe, "
            "general manager of Baishi Foods Group, spoke.\n")
    record = extract(text, published="2024-05-13")
    assert people(record).get("Zhao Lianhe") == "spoke"
    assert "Fan Qiuyun" not in people(record)


# -- Chinese: 传达, 作了说明, common words, central commissions, the source's place ---------

def test_zh_name_conveying_a_document_reported() -> None:
    text = ("5月8日，县委召开常委会会议。县委书记周明远主持会议。县委副书记、县长郑晓岚传达了省委全会精神。"
            "会议传达了中央文件精神，县领导马德海出席会议。")
    record = extract(text, published="2024-05-09")
    assert people(record) == {"Zhou Mingyuan": "presided", "Zheng Xiaolan": "reported",
                              "Ma Dehai": "attended"}


def test_zh_made_an_explanation_is_a_report() -> None:
    text = ("6月3日，市委全会召开。市委书记韩立平讲话。市委副书记、市长唐泽宇就《实施意见（讨论稿）》作了说明。")
    assert people(extract(text, published="2024-06-04"))["Tang Zeyu"] == "reported"


def test_zh_plenum_is_not_a_person() -> None:
    text = ("6月3日，市委全会召开。全会由市委常委会主持，市委书记韩立平讲话。全会认为，要抓好落实。全会强调，要深化改革。")
    record = extract(text, published="2024-06-04")
    assert set(people(record)) == {"Han Liping"}


def test_zh_abbreviated_central_commission_is_central() -> None:
    text = ("3月2日，国家卫生健康委党组召开会议，传达学习全国两会精神。党组书记、主任马晓伟主持会议。")
    jurisdiction = extract(text, published="2024-03-03").events[0].jurisdiction
    assert (jurisdiction.name, jurisdiction.level) == ("China", "central")
    local = extract("3月2日，国家级新区管委会党组召开会议。", published="2024-03-03")
    assert local.events[0].jurisdiction.level != "central"


def test_zh_source_office_names_the_city() -> None:
    text = ("市教育局党组传达学习全会精神\n发布时间：2024-08-02 09:00  来源：泉州市教育局\n\n"
            "8月1日，市教育局党组书记、局长石丽华主持召开局党组会议，传达学习全会精神。")
    jurisdiction = extract(text).events[0].jurisdiction
    assert (jurisdiction.name, jurisdiction.level) == ("Quanzhou", "city")
    unnamed = text.replace("泉州市教育局", "新华网")
    assert extract(unnamed).events[0].jurisdiction.name is None


def test_pronoun_opening_a_sentence_gives_the_last_participant_the_cue() -> None:
    from luoshi.pipeline import extract

    record = extract("The county party committee held a meeting on the 24th. Zhang Wei, secretary "
                     "of the county party committee, attended the meeting. He stressed that the "
                     "spirit must be studied.", published="2022-10-25")
    roles = {p.name: p.role for p in record.events[0].people}
    assert roles == {"Zhang Wei": "spoke"}
