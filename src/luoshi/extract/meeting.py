"""The kind of meeting and the body that held it, as the text names them (step).

The kind is the first meeting word of the lead that is not part of a directive's name
("held a party group meeting", "presided over a symposium", 主持召开省政府党组会议); the
host phrase is the organ named with it ("the provincial government", 上海市委常委会).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from luoshi.extract.directives.mentions import lead_end
from luoshi.extract.doc import Doc, HostPhrase
from luoshi.extract.memo import KBMemo
from luoshi.extract.names import is_pinyin_name
from luoshi.extract.spans import SpanIndex
from luoshi.extract.text import (
    earliest_match,
    folds_plainly,
    ignorecase_letters,
    matches_at,
    paragraphs,
    word_led,
)
from luoshi.kb.loader import KB

# Each kind's alternatives, matched case-insensitively from a word start; each starts with
# a letter (`text.word_led`: a search skips to those letters)
EN_KIND_ALTERNATIVES = [
    ("party_group_meeting", [
        r"party\s+(?:leadership\s+|leading\s+)?group(?:\s*\(?expanded\)?)?\s+(?:\(?expanded\)?\s+)?"
        r"(?:meeting|session)",
        r"meeting\s+of\s+the\s+(?:leading\s+)?party\s+(?:leadership\s+)?group",
        r"leading\s+party\s+(?:members'?\s+)?group\s+meeting",
        # "the party group of the ... Bureau held a meeting", "... party group held an enlarged
        # meeting": the organ named between the group and the verb
        r"party\s+(?:leadership\s+)?group\s+(?:of\s+(?:the\s+)?(?:[\w'’]+\s+){1,10}?)?"
        r"(?:held|convened)\s+(?:a|an)\s+(?:\(?(?:expanded|enlarged)\)?\s+)?meeting"]),
    ("theory_study_group", [
        r"theor\w*\s+(?:learning|study)\s+cent\w+\s+group",
        r"cent\w+\s+group\s+(?:for\s+|of\s+)?theor\w*\s+(?:learning|study)",
        r"central\s+(?:group|team)\s+(?:study|learning)",
        r"study\s+(?:session\s+)?of\s+the\s+(?:\w+\s+){0,3}?central\s+group",
        r"learning\s+(?:session\s+)?of\s+the\s+(?:\w+\s+){0,3}?central\s+group"]),
    ("standing_committee_meeting", [
        r"standing\s+committee\s+(?:\(?expanded\)?\s+)?meeting",
        r"meeting\s+of\s+the\s+(?:\w+\s+){0,4}?standing\s+committee",
        r"standing\s+committee\s+(?:of\s+the\s+(?:\w+\s+){1,4}?)?(?:held|convened)\s+a\s+meeting",
        r"executive\s+meeting"]),
    ("symposium", ["symposium", "forum", r"panel\s+discussion", r"discussion\s+meeting"]),
    ("seminar", ["seminar", r"study\s+class", r"training\s+(?:class|course|session)", "workshop",
                 r"reading\s+class"]),
    ("cadre_meeting", [
        r"general\s+meeting\s+of\s+(?:all\s+|leading\s+)?cadres",
        r"meeting\s+of\s+(?:all\s+|leading\s+)?cadres",
        r"cadres?\s+(?:general\s+)?(?:meeting|conference|assembly)",
        r"mobili[sz]ation\s+(?:meeting|conference)",
        r"leading\s+cadres?\s+meeting"]),
    ("plenary_session", [r"plenary\s+(?:session|meeting)", "plenum"]),
    ("work_conference", [r"work(?:ing)?\s+(?:conference|meeting)"]),
]
EN_KINDS = [(kind, "|".join(alternatives)) for kind, alternatives in EN_KIND_ALTERNATIVES]
ZH_KIND_ALTERNATIVES = [
    ("theory_study_group", [r"理论学习中心组", r"中心组(?:集体)?学习"]),
    ("party_group_meeting", [r"党组(?:（扩大）|\(扩大\)|扩大)?会议", r"党组会"]),
    ("standing_committee_meeting", [
        r"常委会(?:第[^，。]{1,6}次)?会议", r"常委会[^，。]{0,12}?(?:举行|召开)(?:扩大)?会议",
        r"常务委员会(?:第[^，。]{1,6}次)?会议", r"常委(?:扩大)?会议"]),
    ("symposium", [r"座谈会", r"研讨会"]),
    ("seminar", [r"研讨班", r"读书班", r"培训班", r"学习班"]),
    ("cadre_meeting", [r"干部大会", r"干部会议", r"动员(?:大)?会", r"宣讲报告会"]),
    ("plenary_session", [r"全体(?:（扩大）|\(扩大\))?会议", r"全会"]),
    ("work_conference", [r"工作会议"]),
]
ZH_KINDS = [(kind, "|".join(alternatives)) for kind, alternatives in ZH_KIND_ALTERNATIVES]
LONGEST_KIND = 400  # characters; ten words of a body's name at most, and the meeting words
# Words every match of a kind's pattern contains (lower case): a pattern is tried only in
# regions that hold one of them. A test checks them against the patterns' alternatives.
KIND_GATES = {
    "party_group_meeting": ("group", "党组"),
    "theory_study_group": ("group", "team", "中心组"),
    "standing_committee_meeting": ("standing", "executive", "常委", "常务委员会"),
    "symposium": ("symposium", "forum", "discussion", "座谈会", "研讨会"),
    "seminar": ("seminar", "class", "training", "workshop", "班"),
    "cadre_meeting": ("cadre", "mobili", "干部", "动员", "宣讲"),
    "plenary_session": ("plenary", "plenum", "全体", "全会"),
    "work_conference": ("work", "工作会议"),
}
# The gate words of either language's kinds (Chinese ones hold no Latin letter)
GATE_WORDS = {is_zh: sorted({word for words in KIND_GATES.values() for word in words
                             if word.isascii() != is_zh}) for is_zh in (False, True)}
EN_KIND_PATTERNS = [(kind, word_led(alternatives)) for kind, alternatives in EN_KIND_ALTERNATIVES]


def kinds_at_once(kinds: list[tuple[str, list[str]]]) -> tuple[re.Pattern[str], dict[str, str]]:
    r"""One pattern for all kinds' alternatives, as `word_led` builds one for each kind, and
    the kind of each of its groups: `match.lastgroup` is the kind of what it matched.

    The search skips to the alternatives' first letters; the lookbehind after them is `\b`.
    Each alternative opens with a class of its second letter (an alternation passes over
    those whose first item fails at once), then an empty group that names it, then a
    lookbehind for its first letter. Listed kind by kind, the kind listed first wins at a
    place where two match, as in `earliest_match`.
    """
    firsts, branches, kind_of = "", [], {}
    for number, (kind, alternatives) in enumerate(kinds):
        for index, alternative in enumerate(alternatives):
            first, second, rest = alternative[0], alternative[1], alternative[2:]
            if not (first + second).isalpha() or rest[:1] in ("?", "*", "+", "{"):
                raise ValueError(f"{alternative!r} does not start with two letters")
            letters = ignorecase_letters(first.lower())
            firsts += "".join(c for c in letters if c not in firsts)
            name = f"k{number}_{index}"
            kind_of[name] = kind
            branches.append(f"[{ignorecase_letters(second.lower())}](?P<{name}>)"
                            f"(?<=[{letters}].)(?i:{rest})")
    return re.compile(f"[{firsts}](?<!\\w.)(?:{'|'.join(branches)})"), kind_of


# All English kinds in one search: it stops at the first (mostly near the lead's start)
EN_KINDS_AT_ONCE, EN_KIND_OF_GROUP = kinds_at_once(EN_KIND_ALTERNATIVES)
ZH_KIND_PATTERNS = [(kind, re.compile(p)) for kind, p in ZH_KINDS]


def zh_kinds_at_once(kinds: list[tuple[str, list[str]]]) -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for all Chinese kinds' alternatives, and the kind of each of its groups:
    `match.lastgroup` is the kind of what it matched.

    Each alternative opens with a character, then an empty group that names it: the search
    skips to those first characters (a class of them), the alternation passes over the
    alternatives whose first character is not there. Listed kind by kind, the kind listed
    first wins at a place where two match, as in `earliest_match`.
    """
    branches, kind_of = [], {}
    for number, (kind, alternatives) in enumerate(kinds):
        for index, alternative in enumerate(alternatives):
            if not "\u4e00" <= alternative[0] <= "\u9fff" or alternative[1:2] in ("?", "*", "+", "{"):
                raise ValueError(f"{alternative!r} does not start with a character")
            name = f"k{number}_{index}"
            kind_of[name] = kind
            branches.append(f"{alternative[0]}(?P<{name}>){alternative[1:]}")
    return re.compile("|".join(branches)), kind_of


ZH_KINDS_AT_ONCE, ZH_KIND_OF_GROUP = zh_kinds_at_once(ZH_KIND_ALTERNATIVES)

EN_HOST = re.compile(
    # `\b` first: most positions are inside words, where the match fails at once
    r"\b(?:(?:(?-i:(?P<place>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?))\s+)?(?P<lvl>Provincial|Municipal|City|County"
    r"|District|Township|Town|Prefectural|(?:Autonomous\s+)?Regional)\s+(?P<org>Party\s+Committee"
    r"|(?:People['’]s\s+)?Government|People['’]s\s+Congress|CPPCC|Political\s+Consultative"
    r"\s+Conference|Commission\s+for\s+Discipline\s+Inspection|Committee|Party\s+School"
    r"|(?:Office|Bureau|Directorate|Department|Commission|Administration)(?:\s+of\s+(?:the\s+)?"
    r"(?-i:[A-Z][\w’']*(?:\s+(?:and\s+)?[A-Z][\w’']*){0,5}))?)"
    r"|(?P<central>National\s+People['’]s\s+Congress|Central\s+Commission\s+for\s+Discipline"
    r"\s+Inspection|State\s+Council|CPC\s+Central\s+Committee|Ministry\s+of\s+[A-Z][\w ]{2,40}"
    r"|National\s+Development\s+and\s+Reform\s+Commission))",
    re.I,
)
# Every EN_HOST match holds one of these words (a level word, or the first word of a
# central organ: "Autonomous" and "Town" cover "Autonomous Regional" and "Township"), and
# starts at it or at the one or two capitalised place words before it. `_en_host_matches`
# tries the pattern at those starts only, instead of searching every position of the lead.
EN_HOST_ANCHORS = ("provincial", "municipal", "city", "county", "district", "town",
                   "prefectural", "autonomous", "regional", "national", "central", "state",
                   "cpc", "ministry")
EN_LEVEL = {"provincial": "province", "regional": "province", "autonomous": "province",
            "municipal": "city", "city": "city", "prefectural": "city", "county": "county",
            "district": "county", "township": "township", "town": "township"}
ZH_HOST = re.compile(
    r"(?P<central>全国人大常委会|全国政协|中共中央|中央纪委|中央(?:宣传部|组织部|统战部|宣讲团|办公厅|政法委|财经委员会"
    r"|网信办)|国务院|国家(?!级)[\u4e00-\u9fff]{1,10}?(?:委员会|委(?!员)|局|部|署))"
    r"|(?:(?<![\u4e00-\u9fff])(?P<place>[\u4e00-\u9fff]{2,7}?))?(?P<lvl>自治区|省|市|州|盟|县|区|旗|镇|乡)(?P<org>委常委会|委"
    r"|政府党组|政府|人大常委会(?:党组)?|人大|政协(?:党组)?|纪委监委|纪委|党委"
    r"|[\u4e00-\u9fff]{1,8}?(?:局|厅|委员会|办公室|部)(?:党组|党委)?)"
)
ZH_LEVEL = {"自治区": "province", "省": "province", "市": "city", "州": "city", "盟": "city",
            "县": "county", "区": "county", "旗": "county", "镇": "township", "乡": "township"}


def find_meeting(doc: Doc, kb: KB) -> None:
    """Step: event.kind, event.kind_span, doc.host_phrase."""
    masked = SpanIndex(m.span for m in doc.directive_mentions)
    for start, end in _search_order(doc):
        found = _first_kind(doc, start, end, masked)
        if found:
            doc.event.kind, doc.event.kind_span = found
            break
    doc.host_phrase = _host_phrase(doc, kb, masked)


def _search_order(doc: Doc) -> Iterator[tuple[int, int]]:
    """The lead first, then the headline, then the rest of the body (split into paragraphs
    only if the kind is not in the lead or the headline, as it mostly is)."""
    yield doc.body_start, lead_end(doc)
    yield 0, doc.body_start
    yield from paragraphs(doc.text, lead_end(doc))


def _first_kind(doc: Doc, start: int, end: int, masked: SpanIndex
                ) -> tuple[str, tuple[int, int]] | None:
    """The first kind named in text[start:end] outside a directive's name."""
    pattern, kind_of = ((ZH_KINDS_AT_ONCE, ZH_KIND_OF_GROUP) if doc.lang == "zh"
                        else (EN_KINDS_AT_ONCE, EN_KIND_OF_GROUP))
    match = pattern.search(doc.text, start, end)
    if match is None:
        return None
    if not masked.contains(match.start(), match.start() + 1):
        return kind_of[match.lastgroup or ""], match.span()
    # the first is in a directive's name: each kind's next match is looked for
    return _first_gated_kind(doc, start, end, masked)


def _first_gated_kind(doc: Doc, start: int, end: int, masked: SpanIndex
                      ) -> tuple[str, tuple[int, int]] | None:
    """The first kind named in text[start:end] outside a directive's name, each kind
    searched for if one of its gate words is there (or if the folded text may not show
    them: a letter re.I reads as an ASCII one, which folding leaves, is in the region)."""
    patterns = ZH_KIND_PATTERNS if doc.lang == "zh" else EN_KIND_PATTERNS
    region = doc.folded[start:end]
    if doc.lang == "zh" or region.isascii() or folds_plainly(doc.text, start, end):
        present = set(filter(region.__contains__, GATE_WORDS[doc.lang == "zh"]))  # each once
        patterns = [(kind, pattern) for kind, pattern in patterns
                    if not present.isdisjoint(KIND_GATES[kind])]
    if not patterns:
        return None

    def rejected(match: re.Match[str]) -> bool:
        return masked.contains(match.start(), match.start() + 1)

    found = earliest_match(doc.text, start, end, patterns, rejected, LONGEST_KIND)
    return (found[0], found[1].span()) if found else None


def _host_phrase(doc: Doc, kb: KB, masked: SpanIndex) -> HostPhrase | None:
    """The organ named nearest the meeting word, in the lead; else the first in the lead."""
    text = doc.text
    anchor = doc.event.kind_span[0] if doc.event.kind_span else doc.body_start
    regions = [(doc.body_start, lead_end(doc)), (0, doc.body_start)]
    for start, end in regions:
        matches = (ZH_HOST.finditer(text, start, end) if doc.lang == "zh"
                   else _en_host_matches(text, doc.folded, start, end))
        chosen = nearest(matches, anchor, lambda m: masked.contains(m.start(), m.start() + 1)
                         or doc.skipped(m.start(), m.end()))
        if chosen:
            return _phrase(doc, kb, chosen)
    return None


def nearest(matches: Iterable[re.Match[str]], anchor: int,
            excluded: Callable[[re.Match[str]], bool]) -> re.Match[str] | None:
    """Of the matches not excluded, the one starting nearest `anchor` (the earlier of two as
    near); `excluded` is asked only of those nearer: the matches are sorted by distance
    (a stable sort keeps the earlier of two as near first)."""
    for match in sorted(matches, key=lambda m: abs(m.start() - anchor)):
        if not excluded(match):
            return match
    return None


def _en_host_matches(text: str, folded: str, start: int, end: int) -> list[re.Match[str]]:
    """The matches of EN_HOST.finditer(text, start, end), tried only where one can start."""
    if not folds_plainly(text, start, end):
        return list(EN_HOST.finditer(text, start, end))
    starts: list[int] = []  # repeats are harmless to matches_at
    for anchor in EN_HOST_ANCHORS:
        position = folded.find(anchor, start, end)
        while position >= 0:
            starts.append(position)
            if position > start and text[position - 1].isspace():  # else no place before
                starts += _place_starts(text, position, start)
            position = folded.find(anchor, position + 1, end)
    starts.sort()
    return list(matches_at(EN_HOST, text, starts, start, end))


ASCII_LOWER = "abcdefghijklmnopqrstuvwxyz"


def _place_starts(text: str, at: int, low: int) -> list[int]:
    """Where EN_HOST's place, one or two capitalised words, starts if it ends right before
    `at`: the words match [A-Z][a-z]+, one white-space character apart, and white space
    follows the last (the positions found start at `low` or later). `str.rstrip` reads
    back over the white space and the lower-case letters."""
    head = text[low:at]
    words = head.rstrip()  # what str.isspace takes: what \s matches
    if len(words) == len(head):
        return []
    starts: list[int] = []
    for _ in range(2):
        capital = words.rstrip(ASCII_LOWER)
        if len(capital) in (len(words), 0) or not "A" <= capital[-1] <= "Z":
            break
        starts.append(low + len(capital) - 1)
        if len(capital) < 3 or not capital[-2].isspace():  # one white-space character
            break
        words = capital[:-2]
    return starts


def _phrase(doc: Doc, kb: KB, match: re.Match[str]) -> HostPhrase:
    if match.group("central"):
        return HostPhrase("central", match.group("central"), "China", match.span(), match.group(0))
    # "|" is in no place or level word: the key splits back into them
    key = f"{doc.lang}|{match.group('place') or ''}|{match.group('lvl')}"
    level, place = _LEVELS_AND_PLACES.get(key, kb, _level_and_place)
    return HostPhrase(level, match.group("org"), place, match.span(), match.group(0))


_LEVELS_AND_PLACES: KBMemo[tuple[str, str | None]] = KBMemo()  # reports name the same organs


def _level_and_place(key: str, kb: KB) -> tuple[str, str | None]:
    """The level and place an organ's place and level words name ("zh|上海|市")."""
    lang, words, level_word = key.split("|")
    if lang == "zh":
        level = ZH_LEVEL[level_word]
        place = _zh_place(kb, words, level_word)
    else:
        level = EN_LEVEL[level_word.split()[0].lower()]
        place = _en_place(kb, words, level, level_word.split()[-1].lower())
    if place and place in MUNICIPALITIES and level == "city":
        level = "province"
    return level, place


MUNICIPALITIES = ("Beijing", "Shanghai", "Tianjin", "Chongqing")


# The names a place of the level a word states goes by: "Jilin Municipal" is Jilin City,
# "Wuxi County" the county, "Hainan Prefectural" Hainan Prefecture (Qinghai).
EN_LEVEL_NAMES = {"municipal": ("City", "Municipality"), "city": ("City", "Municipality"),
                  "prefectural": ("Prefecture",), "county": ("County",), "district": ("District",),
                  "regional": ("Region",), "provincial": ("Province",)}


def _en_place(kb: KB, words: str, level: str, level_word: str = "") -> str | None:
    """The place an organ names; a county or district the knowledge base lacks ("Cili County
    Party Committee") is named as printed when the word is pinyin, not an English word.

    Where places share the name, the one of the level the organ's word states wins
    ("Jilin Municipal Party Committee" is Jilin City, not the province); Beijing and the
    other province-level municipalities are the only places so named and stay themselves."""
    # "The Tianjin Municipal Party Committee": the capitalised word before the place is
    # part of the sentence, not of the name
    for candidate in (words, words.partition(" ")[2]):
        if not candidate:
            continue
        key = candidate.lower()
        places = list(kb.place_by_name.get(key, []))
        for suffix in EN_LEVEL_NAMES.get(level_word, ()):
            places += kb.place_by_name.get(f"{key} {suffix.lower()}", [])
        if places:
            return next((p.name for p in places if p.level == level), places[0].name)
    if level in ("county", "township") and words and is_pinyin_name(words, kb.syllables):
        return words
    return None


def _zh_place(kb: KB, chunk: str, level_word: str) -> str | None:
    """The place an organ names: '上海' in 上海市委, '杨浦' in 杨浦区委, '新田' in 新田县委."""
    for length in range(min(len(chunk), 6), 1, -1):
        tail = chunk[-length:]
        for place in kb.place_by_zh.get(tail + level_word, []) + kb.place_by_zh.get(tail, []):
            return place.name
    if level_word in ("县", "区", "旗", "镇", "乡") and len(chunk) >= 2:
        from luoshi.extract.romanize import place_pinyin

        # a district whose short form the lexicon leaves off, since two cities have one
        # (朝阳区: Beijing's and Changchun's), is still named as the knowledge base spells it
        for length in range(min(len(chunk), 6), 1, -1):
            names = {p.name for p in kb.place_by_local_zh.get(chunk[-length:] + level_word, [])}
            if len(names) == 1:
                return names.pop()

        return place_pinyin(chunk.removeprefix("中共"))
    return None
