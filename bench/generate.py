"""Make N realistic meeting reports, with the record each should produce.

    python bench/generate.py 10000 --out bench/out/corpus.jsonl [--seed 1] [--zh-share 0.3]
                                   [--duplicates 0.05]

Each line of the output is {"id", "published", "text", "expected"}: the report in the
genre's style (machine-translated English or Chinese original, with page furniture and
boilerplate) assembled from the knowledge base's parts: a province or city, its Party
secretary or governor in office on that day (officials.tsv), a catalogued directive
(directives.tsv) some days after it ended, formulations through their listed variants
(formulations.tsv), an enumeration of tasks and credits. `expected` holds the fields the
generator knows for certain (date, kind, jurisdiction, directive, people, formulations,
task count), so scale runs check correctness as well as speed.

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
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from luoshi.kb import load_kb
from luoshi.kb.loader import KB
from luoshi.kb.model import DirectiveEntry, OfficialEntry

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
ZH_TASK_MARKERS = ["一是", "二是", "三是", "四是", "五是"]
EN_TASKS = ["strengthen the political leadership of the Party over all work",
            "promote high-standard construction of major projects",
            "make solid progress in protecting people's livelihoods",
            "improve the business environment for private enterprises",
            "tighten supervision over the use of public funds",
            "consolidate the achievements in poverty alleviation"]
ZH_TASKS = ["加强党对各项工作的全面领导", "高标准推进重大项目建设", "扎实做好保障和改善民生工作",
            "持续优化民营企业发展环境", "严格公共资金使用监管", "巩固拓展脱贫攻坚成果"]
BOILERPLATE_EN = ["[ad_1]", "Share This Post", "Add Comment", "Print | Close"]
MAX_DRAWS = 8  # attempts at a (body, day, kind) not yet used before accepting a twin
OUTLETS_EN = ["Provincial Daily", "News Network", "Government Network", "Client Report"]


@dataclass
class Meeting:
    """What happened, before any outlet words it."""

    number: int
    directive: DirectiveEntry
    lag: int
    day: date
    official: OfficialEntry | None
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


class Generator:
    def __init__(self, kb: KB, seed: int) -> None:
        self.kb = kb
        self.rng = random.Random(seed)
        self.directives = [d for d in kb.directives
                           if d.kind in ("congress", "plenum") and d.date_end
                           and d.date_end >= "2012-01-01"]
        self.heads = [o for o in kb.officials if o.jurisdiction != "China" and o.post in (
            "Secretary", "Governor", "Mayor", "Chairman")]
        self.formulations = [f for f in kb.formulations if f.variants_en and f.scope == "central"
                             and not any(v.startswith("re:") for v in f.variants_en)]
        self.places = {p.name: p for p in kb.places if p.level == "province"}
        self.held: set[tuple[str | None, date, str]] = set()

    def report(self, number: int) -> Report:
        rng = self.rng
        for _ in range(MAX_DRAWS):  # one body holds one meeting of a kind a day: no
            directive = rng.choice(self.directives)  # accidental twins, while draws allow
            lag = rng.randint(1, 60)
            day = date.fromisoformat(directive.date_end or "2022-10-22") + timedelta(days=lag)
            official, kind = self._official_on(day), rng.choice(list(EN_KINDS))
            key = (official.jurisdiction if official else None, day, kind)
            if key not in self.held:
                break
        self.held.add(key)  # past some 300,000 meetings every (body, day, kind) is taken
        meeting = Meeting(
            number=number, directive=directive, lag=lag, day=day, official=official, kind=kind,
            formulations=rng.sample(self.formulations, k=min(4, len(self.formulations))),
            tasks=rng.randint(0, 4), published=day + timedelta(days=rng.choice([0, 1, 1, 2])))
        return self.render(meeting, "zh" if rng.random() < self.zh_share else "en", number)

    def render(self, m: Meeting, lang: str, number: int) -> Report:
        """The meeting as one outlet reports it; every call words it anew."""
        if lang == "zh":
            text = self._zh(m.directive, m.day, m.published, m.official, m.kind,
                            m.formulations, m.tasks)
        else:
            text = self._en(m.directive, m.day, m.published, m.official, m.kind,
                            m.formulations, m.tasks)
        expected = {
            "lang": lang, "published": m.published.isoformat(), "date": m.day.isoformat(),
            "kind": m.kind, "jurisdiction": m.official.jurisdiction if m.official else None,
            "level": "province", "directive": m.directive.id, "lag_days": m.lag,
            "people": [m.official.name] if m.official else [],
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
        jurisdiction = first.official.jurisdiction if first.official else None
        kinds = [k for k in EN_KINDS if (jurisdiction, first.day, k) not in self.held]
        if not kinds:
            return self.report(number)
        kind = self.rng.choice(kinds)
        self.held.add((jurisdiction, first.day, kind))
        other = replace(first, number=number, kind=kind,
                        formulations=self.rng.sample(self.formulations, k=4),
                        tasks=self.rng.randint(0, 4))
        return self.render(other, report.expected["lang"], number)

    zh_share = 0.3

    @staticmethod
    def _unit_zh(name: str) -> str:
        """省, 市 or 自治区: what a province-level unit's organs are named after."""
        return "自治区" if name.endswith("自治区") else "市" if name.endswith("市") else "省"

    def _adjective(self, jurisdiction: str) -> str:
        place = self.places.get(jurisdiction)
        unit = self._unit_zh(place.zh if place else "")
        return {"自治区": "Regional", "市": "Municipal"}.get(unit, "Provincial")

    def _official_on(self, day: date) -> OfficialEntry | None:
        iso = day.isoformat()
        candidates = [o for o in self.heads if o.holds_on(iso)]
        return self.rng.choice(candidates) if candidates else None

    def _en(self, d: DirectiveEntry, day: date, published: date, who: OfficialEntry | None,
            kind: str, formulations: list[Any], tasks: int) -> str:
        rng = self.rng
        place = who.jurisdiction if who else "the province"
        adjective = self._adjective(who.jurisdiction if who else "")
        party = f"{place} {adjective} Party Committee"
        org = f"{place} {adjective} Government"
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
            lead += f" {who.name}, {who.post.lower()} of the {who.org.lower()}, presided over " \
                    "the meeting and delivered a speech."
        lines.append(lead)
        for f in formulations:
            variant = rng.choice(f.variants_en)
            lines.append(f"The meeting pointed out that it is necessary to firmly uphold "
                         f"the \u201c{variant}\u201d and turn it into practical results.")
        if tasks:
            markers = rng.choice(EN_TASK_MARKERS)
            body = " ".join(f"{markers[i]}, {EN_TASKS[i]}." if "is to" not in markers[i]
                            else f"{markers[i]} {EN_TASKS[i]}." for i in range(tasks))
            lines.append(f"The meeting demanded that the work be done well. {body}")
        lines.append(rng.choice(BOILERPLATE_EN))
        return "\n\n".join(lines)

    def _zh(self, d: DirectiveEntry, day: date, published: date, who: OfficialEntry | None,
            kind: str, formulations: list[Any], tasks: int) -> str:
        place = self.places.get(who.jurisdiction) if who else None
        short = (place.aliases_zh[0] if place and place.aliases_zh else
                 place.zh if place else "省")
        unit = self._unit_zh(place.zh if place else "省")
        party = f"{short}{unit}党委" if unit == "自治区" else f"{short}{unit}委"
        org = {"party_group_meeting": f"{short}{unit}政府党组", "standing_committee_meeting": party,
               "theory_study_group": party, "symposium": party}
        rng = self.rng
        verb = rng.choice(["召开", "举行"])
        title = f"{org[kind]}{verb}{ZH_KINDS[kind]}传达学习贯彻{d.zh}精神"
        outlet = short + rng.choice(["日报", "新闻网", "人民政府网", "发布"])
        parts = [title, f"发布时间：{published.isoformat()} {rng.randint(7, 21):02d}:"
                 f"{rng.randint(0, 59):02d}  来源：{outlet}", "",
                 f"{day.month}月{day.day}日，{org[kind]}{verb}{ZH_KINDS[kind]}，"
                 f"{rng.choice(['传达学习', '传达学习贯彻', '深入学习'])}{d.zh}精神。"]
        if who:
            post = {"Secretary": "省委书记", "Governor": "省长", "Mayor": "市长",
                    "Chairman": "自治区主席"}[who.post]
            parts[-1] += f"{post}{who.zh}主持会议并讲话。"
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
