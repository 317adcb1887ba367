"""Regular expressions for directives in Chinese text."""

from __future__ import annotations

import re

from luoshi.extract.numbers import ZH_NUMERAL as CN
from luoshi.kb.loader import KB

ORG_LEVEL = {"省委": "province", "自治区党委": "province", "市委": "city", "州委": "city",
             "盟委": "city", "区委": "county", "县委": "county", "旗委": "county"}
LOCAL_ORG = r"(?:自治区党委|省委|市委|州委|盟委|区委|县委|旗委)"

PLENUM = re.compile(
    rf"(?P<org1>{LOCAL_ORG})?"
    rf"(?:第)?(?P<t>{CN})届(?P<org2>中央委员会|中央|{LOCAL_ORG})?(?:第)?(?P<s>{CN})"
    r"(?P<kind>中全会|次全会|次全体会议|次全体\(扩大\)会议|次全体（扩大）会议)"
)
CONGRESS = re.compile(
    rf"(?:党的|中共|中国共产党)第?(?P<t>{CN})(?:次全国代表大会|大)"
    r"|(?<![\u4e00-\u9fff])(?P<bt>十[六七八九]|二十[一二]?)大(?=精神|报告|以来|胜利|召开|代表|作出|提出|"
    r"强调|部署|确立|的|、|和|，)"
)
# Where PLENUM, CONGRESS, SPEECH and POLITBURO_MEETING are searched (`mentions.find_near`):
# (anchors, before, after): every match holds an anchor word, starts at most `before`
# characters before it and ends, with what a lookahead reads, at most `after` characters
# after the anchor's start. The longest reaches are in the comments.
PLENUM_NEAR = (("届",), 10, 20)  # 自治区党委第一二三四|届中央委员会第一二三四次全体（扩大）会议
CONGRESS_NEAR = (("大",), 15, 3)  # 中国共产党第一二三四次全国代表|大会; 二十一|大(?=精神)
POLITBURO_NEAR = (("政治局",), 13, 11)  # 12月31日召开的中共中央|政治局12月31日会议
BLOCK_BEFORE_WORDS = ("迎接", "迎来", "喜迎", "自", "从", "自从", "庆祝")
BLOCK_BEFORE = re.compile(rf"(?:{'|'.join(BLOCK_BEFORE_WORDS)})\s*$")  # the definition
BLOCK_AFTER = re.compile(r"(?:胜利)?(?:以来|以前|前夕|召开前|即将召开|胜利召开)")

WHO = r"(?P<who>习近平总书记|习近平同志|习近平主席|总书记|(?P<name>[\u4e00-\u9fff]{2,3})(?:总理|委员长|同志))"
SPEECH = re.compile(
    WHO + r"(?P<mid>[^。；！？，]{0,40}?)"
    r"(?P<what>重要讲话|重要指示批示|重要指示|重要论述|重要思想|重要批示|重要回信|重要文章|贺信|致辞|讲话)"
)
SPEECH_NEAR = (("习近平", "总书记", "总理", "委员长", "同志"), 3, 52)  # 王立新|委员长…, 52 in all
REPORTED_SPEECH = re.compile(
    r"(?:会议|他|她|[\u4e00-\u9fff]{2,4})(?:指出|强调|认为|要求|表示|提出)|会上")
STUDY_VERB = re.compile(
    r"要(?:认真|深入|深刻|全面|切实|持续)?(?:学习贯彻|学习领会|学习|理解|领会|领悟|贯彻落实|贯彻|把握)")
NOT_STUDY = ("统一到", "结合起来", "同", "按照")
POLITBURO_MEETING = re.compile(
    r"(?:(?P<m>\d{1,2})月(?P<d>\d{1,2})日(?:召开的)?)?(?:中共中央|中央)政治局"
    r"(?:(?P<m2>\d{1,2})月(?P<d2>\d{1,2})日)?会议"
)
LOCAL_MEETING = re.compile(r"(?P<lvl>全省|全市)(?P<name>[\u4e00-\u9fff]{2,12}?)(?:会议|大会)精神")
NATIONAL_MEETING = re.compile(
    r"全国(?P<name>[\u4e00-\u9fff]{2,14}?)(?:电视电话会议|工作会议|大会)(?![的])")


def blocked_before(head: str, folded_head: str = "") -> bool:
    """Whether BLOCK_BEFORE finds a match in `head`: one of its words ends what is left
    once the white space at the end is stripped (one str call, where the search, with no
    literal to skip to, tries every position). The folded head is not needed."""
    return head.rstrip().endswith(BLOCK_BEFORE_WORDS)


def known_place_suffix(kb: KB, chunk: str) -> str | None:
    """Canonical name of the longest known place alias ending `chunk` (…安徽 -> Anhui)."""
    for length in range(min(len(chunk), 8), 1, -1):
        for place in kb.place_by_zh.get(chunk[-length:], []):
            return place.name
    return None


def speech_topic(match: re.Match[str]) -> tuple[str | None, tuple[int, int] | None]:
    mid = match.group("mid")
    start = match.start("mid")
    for pattern in (r"关于(?P<t>.+?)的$", r"在(?P<t>.+?)(?:时|上|期间)的$", r"对(?P<t>.+?)作出的$",
                    r"对(?P<t>.+?)的$", r"(?P<t>.+?)$"):
        found = re.search(pattern, mid)
        if found and found.group("t").strip("的 "):
            topic = found.group("t").strip("的 ")
            offset = start + found.start("t")
            return topic, (offset, offset + len(topic))
    return None, None


def speech_framed(text: str, start: int) -> bool:
    """'要深入学习贯彻习近平总书记…': a study verb opens the clause the speech sits in."""
    clause_start = max(text.rfind(c, 0, start) for c in "。；，！？\n") + 1
    clause = text[clause_start:start]
    return bool(STUDY_VERB.search(clause)) and not any(w in clause for w in NOT_STUDY)
