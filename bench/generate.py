"""Make N realistic meeting reports, with the record each should produce.

    python bench/generate.py 10000 --out bench/out/corpus.jsonl [--seed 1] [--zh-share 0.3]
                                   [--duplicates 0.05]

Each line of the output is {"id", "published", "text", "expected"}: the report in the
genre's style (machine-translated English or Chinese original, with page furniture and
boilerplate) assembled from the knowledge base's parts: a body, the official presiding,
a catalogued directive (directives.tsv) some days after it ended, formulations through
their listed variants (formulations.tsv), an enumeration of tasks and credits. `expected`
holds the fields the generator knows for certain (date, kind, jurisdiction, level,
directive, people, formulations, task count), so scale runs check correctness as well
as speed.

Meetings are spread over levels as a crawl finds them (LEVEL_SHARES): a fifth provincial
(the 34 province-level units, their Party secretary or governor in office on that day
from officials.tsv), most of the rest held by the bodies of prefecture-level cities and
autonomous prefectures ("Hangzhou Municipal Party Committee", 温州市政府党组, 恩施州委) and
of counties and city districts ("Yuhang District Party Committee", 余杭区委), all from
jurisdictions.tsv. A city's or county's secretary and mayor or magistrate are not in the
knowledge base: each gets a made-up name (a surname of surnames.tsv, a given name of
characters with one reading: 张建国, Zhang Jianguo) that holds for a five-year term.

With --duplicates F, a share F of the meetings is reported a second time: another
outlet's copy (other boilerplate and credits), another translation (the same meeting
rendered again with other wording and formulation variants), or the Chinese original of
an English report (or the reverse). As many meetings again get a second, different meeting
of the same body on the same day (another kind of meeting, as when a party group meets in
the morning and the study group in the afternoon), which must not be merged.
`expected.meeting` names the meeting, for the clustering benchmark.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from luoshi.kb import load_kb
from luoshi.kb.loader import KB
from luoshi.kb.model import DirectiveEntry, OfficialEntry, PlaceEntry

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
ORDINAL_SUFFIX = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}
EN_KINDS = {
    "party_group_meeting": ("Party Group of the {org}", "a party group meeting"),
    "standing_committee_meeting": ("Standing Committee of the {party}", "a standing committee "
                                   "meeting"),
    "theory_study_group": ("Theoretical Study Center Group of the {party}", "a collective study "
                           "session of the theoretical study center group"),
    "symposium": ("{party}", "a symposium"),
}
ZH_KINDS = {
    "party_group_meeting": "党组会议",
    "standing_committee_meeting": "常委会会议",
    "theory_study_group": "理论学习中心组集体学习会",
    "symposium": "座谈会",
}
EN_TASK_MARKERS = (["First", "Second", "Third", "Fourth", "Fifth"],
                   ["The first is to", "The second is to", "The third is to",
                    "The fourth is to", "The fifth is to"])
TASK_COUNTS = [0, 2, 3, 4]  # a lone "First, ..." (一是 with no 二是) enumerates nothing
ZH_TASK_MARKERS = ["一是", "二是", "三是", "四是", "五是"]
EN_TASKS = ["strengthen the political leadership of the Party over all work",
            "promote high-standard construction of major projects",
            "make solid progress in protecting people's livelihoods",
            "improve the conditions for private enterprises to develop",
            "tighten supervision over the use of public funds",
            "consolidate the achievements in poverty alleviation"]
ZH_TASKS = ["加强党对各项工作的全面领导", "高标准推进重大项目建设", "扎实做好保障和改善民生工作",
            "持续优化民营企业发展环境", "严格公共资金使用监管", "巩固拓展脱贫攻坚成果"]
BOILERPLATE_EN = ["[ad_1]", "Share This Post", "Add Comment", "Print | Close"]
MAX_DRAWS = 8  # attempts at a (body, day, kind) not yet used before accepting a twin
OUTLETS_EN = ["Provincial Daily", "News Network", "Government Network", "Client Report"]
# Who holds the meetings a crawl finds: thousands of city and county bodies report more
# than the 34 provincial ones do.
LEVEL_SHARES = {"province": 0.20, "city": 0.45, "county": 0.35}
TERM_YEARS = 5  # a local secretary's or mayor's made-up name holds this long
# Given-name characters with one toneless reading (pypinyin agrees; a test checks), none
# starting with a vowel (no "Xi'an"-style apostrophes) and none a word that ends a name in
# Chinese text (说, 和, 在): 张建国 is "Zhang Jianguo" to any reader.
GIVEN_NAMES = dict(re.findall(r"([\u4e00-\u9fff])([a-z]+)", (
    "伟wei 华hua 建jian 国guo 军jun 林lin 海hai 峰feng 志zhi 刚gang 勇yong 东dong 春chun 晓xiao "
    "新xin 文wen 斌bin 辉hui 宏hong 涛tao 庆qing 永yong 丽li 敏min 静jing 玉yu 芳fang 兵bing 杰jie "
    "成cheng 民min 亮liang 毅yi 松song 岩yan 德de 良liang 锋feng 鹏peng 飞fei 云yun 忠zhong "
    "诚cheng 荣rong 瑞rui 江jiang 山shan 光guang 耀yao 学xue 秀xiu 琳lin 雪xue 梅mei 兰lan 桂gui "
    "振zhen 祥xiang 启qi 卫wei 利li 福fu 金jin 树shu 森sen 正zheng 清qing 泉quan 根gen 生sheng 富fu "
    "贵gui 义yi 仁ren 礼li 智zhi 远yuan 宇yu 博bo 维wei 凯kai 旭xu 晨chen 婷ting 慧hui 颖ying 娟juan "
    "霞xia 燕yan 萍ping 洪hong 桥qiao 晖hui 哲zhe 兴xing 伦lun 钢gang 铭ming 楠nan")))
COMMON_SURNAMES = 200  # surnames.tsv lists the commonest first; names draw from these
# a provincial head's title; the secretary's is named after the unit (省委, 市委, 自治区党委)
PROVINCIAL_POST_ZH = {"Governor": "省长", "Mayor": "市长", "Chairman": "自治区主席"}
# A local body by the word its organs are named with: (English adjective, the secretary's
# and the head's titles in English, the head's title in Chinese)
LOCAL_UNITS = {
    "市": ("Municipal", "secretary of the municipal party committee", "mayor", "市长"),
    "州": ("Prefectural", "secretary of the prefectural party committee",
           "governor of the prefecture", "州长"),
    "区": ("District", "secretary of the district party committee", "district mayor", "区长"),
    "县": ("County", "secretary of the county party committee", "county magistrate", "县长"),
}
# the generic word a canonical name repeats is not said twice: "Jilin Municipal Party
# Committee" (Jilin City), "Wuxi County Party Committee" (Wuxi County, Chongqing)
EN_GENERIC = re.compile(r" (?:City|District|County|Prefecture)$")


@dataclass(frozen=True)
class Person:
    """Who presided, as both languages write them."""

    name: str
    zh: str
    title_en: str  # "secretary of the municipal party committee"
    title_zh: str  # "市委书记"


@dataclass(frozen=True)
class Body:
    """A jurisdiction whose Party committee and government meet, as reports name them."""

    place: PlaceEntry
    level: str  # province, city, county (as the extractor is to report it)
    adjective: str  # Provincial, Regional, Municipal, Prefectural, District, County
    short_zh: str  # 浙江, 杭州, 恩施, 余杭, 朝阳: what 省委, 市委, 州委, 区委 follow
    unit_zh: str  # 省, 自治区, 市, 州, 区, 县
    stem_zh: str  # 余杭 of 余杭区: what local outlets are named after

    @property
    def name(self) -> str:
        return self.place.name

    def party_en(self) -> str:
        return f"{EN_GENERIC.sub('', self.name)} {self.adjective} Party Committee"

    def government_en(self) -> str:
        return f"{EN_GENERIC.sub('', self.name)} {self.adjective} Government"

    def party_zh(self) -> str:
        if self.unit_zh == "自治区":
            return f"{self.short_zh}自治区党委"
        return f"{self.short_zh}{self.unit_zh}委"

    def government_zh(self) -> str:
        return f"{self.short_zh}{self.unit_zh}政府"


@dataclass
class Meeting:
    """What happened, before any outlet words it."""

    number: int
    directive: DirectiveEntry
    lag: int
    day: date
    body: Body | None  # None: a province whose head that day the knowledge base lacks
    official: Person | None
    kind: str
    formulations: list[Any]
    tasks: int
    published: date


@dataclass
class Report:
    doc_id: str
    published: str
    text: str
    expected: dict[str, Any]
    meeting: Meeting | None = field(default=None, repr=False)

    def line(self) -> str:
        return json.dumps({"id": self.doc_id, "published": self.published, "text": self.text,
                           "expected": self.expected}, ensure_ascii=False)


def _unit_zh(name: str) -> str:
    """省, 市 or 自治区: what a province-level unit's organs are named after."""
    return "自治区" if name.endswith("自治区") else "市" if name.endswith("市") else "省"


def province_body(place: PlaceEntry) -> Body:
    unit = _unit_zh(place.zh)
    short = place.aliases_zh[0] if place.aliases_zh else place.zh
    adjective = {"自治区": "Regional", "市": "Municipal"}.get(unit, "Provincial")
    return Body(place, "province", adjective, short, unit, short)


def local_body(place: PlaceEntry, kb: KB) -> Body | None:
    """The body of a city, autonomous prefecture, county or district as reports name it,
    or None for a kind of place the reports' style leaves out (leagues, 地区 prefectures)."""
    parent = kb.place_by_id.get(place.parent or "")
    full = place.zh.removeprefix(parent.zh) if parent and place.level == "county" else place.zh
    if place.level == "city" and full.endswith("市"):
        short, unit = full[:-1], "市"
    elif place.level == "city" and full.endswith("自治州"):
        # 恩施州委: the short form with 州 the knowledge base lists
        forms = [a for a in place.aliases_zh if a.endswith("州") and len(a) >= 3]
        if not forms:
            return None
        short, unit = forms[0][:-1], "州"
    elif place.level == "county" and full.endswith(("区", "县")):
        # 石柱县 for 石柱土家族自治县; 浦东新区 and 忠县 keep their whole name (浦东新区区委,
        # 忠县县委: a place is named with two characters at least)
        forms = sorted((a for a in (full, *place.aliases_zh) if a.endswith(("区", "县"))), key=len)
        short, unit = forms[0][:-1], forms[0][-1]
        if short.endswith("新") or len(short) < 2:
            short = forms[0]
    else:
        return None
    adjective = LOCAL_UNITS[unit][0]
    stem = short.removesuffix("新")
    return Body(place, place.level, adjective, short, unit, stem)


class Generator:
    def __init__(self, kb: KB, seed: int) -> None:
        self.kb = kb
        self.seed = seed
        self.rng = random.Random(seed)
        self.directives = [d for d in kb.directives
                           if d.kind in ("congress", "plenum") and d.date_end
                           and d.date_end >= "2012-01-01"]
        self.heads = [o for o in kb.officials if o.jurisdiction != "China" and o.post in (
            "Secretary", "Governor", "Mayor", "Chairman")]
        self.heads_in: dict[str, list[OfficialEntry]] = {}  # month -> heads in office
        # not the ones that name a directive ("the 20th CPC National Congress", 二十大精神):
        # the extractor rightly takes them for a mention of it
        self.formulations = [f for f in kb.formulations if f.variants_en and f.scope == "central"
                             and not any(v.startswith("re:") or "congress" in v.lower()
                                         for v in f.variants_en)]
        self.provinces = {p.name: province_body(p) for p in kb.places if p.level == "province"}
        self.local: dict[str, list[Body]] = {"city": [], "county": []}
        for place in kb.places:
            if place.level in self.local:
                body = local_body(place, kb)
                if body is not None:
                    self.local[place.level].append(body)
        self.levels = list(LEVEL_SHARES)
        self.level_weights = list(LEVEL_SHARES.values())
        surnames = [(zh, pinyin) for zh, pinyin in kb.surnames.items()][:COMMON_SURNAMES]
        self.surnames = surnames
        self.surname_weights = [1 / (rank + 10) for rank in range(len(surnames))]
        self.given = list(GIVEN_NAMES.items())
        self.term_people: dict[tuple[str, str, int], Person] = {}
        self.held: set[tuple[str | None, date, str]] = set()

    def report(self, number: int) -> Report:
        rng = self.rng
        # the level first, so that redraws keep the shares
        level = rng.choices(self.levels, self.level_weights)[0]
        for _ in range(MAX_DRAWS):  # one body holds one meeting of a kind a day: no
            directive = rng.choice(self.directives)  # accidental twins, while draws allow
            lag = rng.randint(1, 60)
            day = date.fromisoformat(directive.date_end or "2022-10-22") + timedelta(days=lag)
            kind = rng.choice(list(EN_KINDS))
            body, official = self._body_on(level, day, kind)
            # keyed by the name the extractor gives the place: Chaoyang District of Beijing
            # and of Changchun are told apart by nothing else
            key = (body.name if body else None, day, kind)
            if key not in self.held:
                break
        self.held.add(key)  # past some 300,000 meetings every (body, day, kind) is taken
        meeting = Meeting(
            number=number, directive=directive, lag=lag, day=day, body=body, official=official,
            kind=kind, formulations=rng.sample(self.formulations, k=min(4, len(self.formulations))),
            tasks=rng.choice(TASK_COUNTS), published=day + timedelta(days=rng.choice([0, 1, 1, 2])))
        return self.render(meeting, "zh" if rng.random() < self.zh_share else "en", number)

    def _body_on(self, level: str, day: date, kind: str) -> tuple[Body | None, Person | None]:
        """A body of `level`, and who presides over its meeting on `day`."""
        if level == "province" or not self.local.get(level):
            official = self._official_on(day)
            if official is None:
                return None, None
            body = self.provinces.get(official.jurisdiction)
            return body, self._provincial(official, body)
        body = self.rng.choice(self.local[level])
        return body, self._local_head(body, day, kind)

    def _provincial(self, official: OfficialEntry, body: Body | None) -> Person:
        unit = body.unit_zh if body else "省"
        title_zh = PROVINCIAL_POST_ZH.get(official.post) or (
            "自治区党委书记" if unit == "自治区" else f"{unit}委书记")
        return Person(official.name, official.zh,
                      f"{official.post.lower()} of the {official.org.lower()}", title_zh)

    def _local_head(self, body: Body, day: date, kind: str) -> Person:
        """The secretary (the party group of the government: the mayor or magistrate) in
        office on `day`: one made-up name a term, the same whichever report asks."""
        role = "head" if kind == "party_group_meeting" else "secretary"
        # terms of different places end in different years
        offset = sum(map(ord, body.place.id)) % TERM_YEARS
        term = (day.year + offset) // TERM_YEARS
        key = (body.place.id, role, term)
        person = self.term_people.get(key)
        if person is None:
            person = self._made_up(body, role, random.Random(f"{self.seed}/{'/'.join(map(str, key))}"))
            self.term_people[key] = person
        return person

    def _made_up(self, body: Body, role: str, rng: random.Random) -> Person:
        _, secretary_en, head_en, head_zh = LOCAL_UNITS[body.unit_zh]
        kb = self.kb
        while True:
            surname_zh, surname = rng.choices(self.surnames, self.surname_weights)[0]
            given = rng.sample(self.given, k=1 if rng.random() < 0.3 else 2)
            zh = surname_zh + "".join(char for char, _ in given)
            name = f"{surname} {''.join(reading for _, reading in given).capitalize()}"
            # a real official's name would bring his province's evidence with it
            if name.lower() not in kb.officials_by_name and zh not in kb.officials_by_zh:
                break
        if role == "head":
            return Person(name, zh, head_en, head_zh)
        return Person(name, zh, secretary_en, f"{body.unit_zh}委书记")

    def render(self, m: Meeting, lang: str, number: int) -> Report:
        """The meeting as one outlet reports it; every call words it anew."""
        if lang == "zh":
            text = self._zh(m.directive, m.day, m.published, m.body, m.official, m.kind,
                            m.formulations, m.tasks)
        else:
            text = self._en(m.directive, m.day, m.published, m.body, m.official, m.kind,
                            m.formulations, m.tasks)
        expected = {
            "lang": lang, "published": m.published.isoformat(), "date": m.day.isoformat(),
            "kind": m.kind, "jurisdiction": m.body.name if m.body else None,
            "level": m.body.level if m.body else "province", "directive": m.directive.id,
            "lag_days": m.lag, "people": [m.official.name] if m.official else [],
            "formulations": sorted(f.zh for f in m.formulations), "tasks": m.tasks,
            "meeting": f"m{m.number}",
        }
        report = Report(f"gen{number:07d}", m.published.isoformat(), text, expected)
        report.meeting = m
        return report

    def same_day_other_meeting(self, report: Report, number: int) -> Report:
        """The same body's other meeting that day: another kind, its own formulations."""
        first = report.meeting
        assert first is not None
        jurisdiction = first.body.name if first.body else None
        kinds = [k for k in EN_KINDS if (jurisdiction, first.day, k) not in self.held]
        if not kinds:
            return self.report(number)
        kind = self.rng.choice(kinds)
        self.held.add((jurisdiction, first.day, kind))
        official = first.official
        if first.body is not None and first.body.level != "province":
            official = self._local_head(first.body, first.day, kind)
        other = replace(first, number=number, kind=kind, official=official,
                        formulations=self.rng.sample(self.formulations, k=4),
                        tasks=self.rng.choice(TASK_COUNTS))
        return self.render(other, report.expected["lang"], number)

    zh_share = 0.3

    def _official_on(self, day: date) -> OfficialEntry | None:
        month = day.isoformat()[:7]  # terms are known to the month
        candidates = self.heads_in.get(month)
        if candidates is None:
            candidates = self.heads_in[month] = [o for o in self.heads if o.holds_on(month)]
        return self.rng.choice(candidates) if candidates else None

    def _en(self, d: DirectiveEntry, day: date, published: date, body: Body | None,
            who: Person | None, kind: str, formulations: list[Any], tasks: int) -> str:
        rng = self.rng
        party = body.party_en() if body else "the province Provincial Party Committee"
        org = body.government_en() if body else "the province Provincial Government"
        host, phrase = EN_KINDS[kind]
        host = host.format(org=org, party=party)
        label = d.labels_en[0] if d.labels_en else d.zh
        when = (f"on the {day.day}{ORDINAL_SUFFIX.get(day.day, 'th')}" if day.month ==
                published.month and rng.random() < 0.5 else f"on {MONTHS[day.month - 1]} "
                f"{day.day}, {day.year}")
        lines = [rng.choice(BOILERPLATE_EN),
                 f"{host} studies and implements the spirit of the {label}",
                 f"Release time: {published.isoformat()} {rng.randint(8, 20):02d}:"
                 f"{rng.randint(0, 59):02d}", ""]
        lead = f"{rng.choice(OUTLETS_EN)} The {host} held {phrase} {when} to convey, study " \
               f"and implement the spirit of the {label}."
        if who:
            lead += f" {who.name}, {who.title_en}, presided over the meeting and delivered a " \
                    "speech."
        lines.append(lead)
        for f in formulations:
            variant = rng.choice(f.variants_en)
            lines.append(f"The meeting pointed out that it is necessary to firmly uphold "
                         f"the \u201c{variant}\u201d and turn it into practical results.")
        if tasks:
            markers = rng.choice(EN_TASK_MARKERS)
            body_text = " ".join(f"{markers[i]}, {EN_TASKS[i]}." if "is to" not in markers[i]
                                 else f"{markers[i]} {EN_TASKS[i]}." for i in range(tasks))
            lines.append(f"The meeting demanded that the work be done well. {body_text}")
        lines.append(rng.choice(BOILERPLATE_EN))
        return "\n\n".join(lines)

    def _zh(self, d: DirectiveEntry, day: date, published: date, body: Body | None,
            who: Person | None, kind: str, formulations: list[Any], tasks: int) -> str:
        party = body.party_zh() if body else "省委"
        government = body.government_zh() if body else "省政府"
        org = {"party_group_meeting": f"{government}党组", "standing_committee_meeting": party,
               "theory_study_group": party, "symposium": party}
        rng = self.rng
        verb = rng.choice(["召开", "举行"])
        title = f"{org[kind]}{verb}{ZH_KINDS[kind]}传达学习贯彻{d.zh}精神"
        outlet = (body.stem_zh if body else "省") + rng.choice(["日报", "新闻网", "人民政府网", "发布"])
        parts = [title, f"发布时间：{published.isoformat()} {rng.randint(7, 21):02d}:"
                 f"{rng.randint(0, 59):02d}  来源：{outlet}", "",
                 f"{day.month}月{day.day}日，{org[kind]}{verb}{ZH_KINDS[kind]}，"
                 f"{rng.choice(['传达学习', '传达学习贯彻', '深入学习'])}{d.zh}精神。"]
        if who:
            parts[-1] += f"{who.title_zh}{who.zh}主持会议并讲话。"
        parts.append("会议指出，要" + "，".join(f"深刻把握“{f.zh}”" for f in formulations) + "。")
        if tasks:
            parts.append("会议要求，" + "；".join(f"{ZH_TASK_MARKERS[i]}{ZH_TASKS[i]}"
                                              for i in range(tasks)) + "。")
        return "\n".join(parts)

    def duplicate(self, report: Report, number: int) -> Report:
        """Another report of the same meeting: a copy, a new translation, or the other language."""
        form = self.rng.choices(["copy", "translation", "language"], weights=[4, 3, 3])[0]
        assert report.meeting is not None
        lang = report.expected["lang"]
        if form == "translation" or (form == "language" and report.meeting.official is not None):
            other = self.render(report.meeting, lang if form == "translation" else
                                "zh" if lang == "en" else "en", number)
            other.expected["reported_as"] = form
            return other
        lines = report.text.split("\n\n" if lang == "en" else "\n")
        body = [line for line in lines if line not in BOILERPLATE_EN]
        furniture = self.rng.choice(BOILERPLATE_EN)
        joiner = "\n\n" if lang == "en" else "\n"
        text = joiner.join([*body, furniture, f"(Editor: {self.rng.choice(['Li Na', 'Zhou Min'])})"
                            if lang == "en" else "（责任编辑：李娜）"])
        copy = Report(f"gen{number:07d}", report.published, text,
                      dict(report.expected, reported_as="copy"))
        copy.meeting = report.meeting
        return copy


def generate(count: int, seed: int = 1, zh_share: float = 0.3,
             duplicates: float = 0.0) -> Iterator[Report]:
    """`count` reports; with `duplicates`, that share of meetings reported twice and as
    many followed by another meeting of the same body on the same day."""
    generator = Generator(load_kb(), seed)
    generator.zh_share = zh_share
    made = 0
    number = 0
    while made < count:
        report = generator.report(number)
        yield report
        made += 1
        number += 1
        for plant in (generator.duplicate, generator.same_day_other_meeting):
            if made < count and generator.rng.random() < duplicates:
                yield plant(report, number)
                made += 1
                number += 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("--out", type=Path, default=None, help="JSONL file (default stdout)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--zh-share", type=float, default=0.3)
    parser.add_argument("--duplicates", type=float, default=0.0)
    args = parser.parse_args(argv)
    out = args.out.open("w", encoding="utf-8") if args.out else sys.stdout
    try:
        for report in generate(args.count, args.seed, args.zh_share, args.duplicates):
            out.write(report.line() + "\n")
    finally:
        if args.out:
            out.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
