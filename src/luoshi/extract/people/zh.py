"""People in Chinese reports: names after titles, in 、-lists, before role verbs.

"省委副书记、省长、省政府党组书记胡玉亭主持召开…" gives one name with three titles;
"省政协副主席周喜安、郑宏、李和平…参加会议" gives several names sharing one title;
"。黄坤明主持会议" a name before a role verb. Names are romanised with surname readings.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass

from luoshi.extract.doc import Doc
from luoshi.extract.memo import KBMemo
from luoshi.extract.people.mention import (
    Mention,
    better,
    sentences_holding,
    spans_from_characters,
)
from luoshi.extract.romanize import person_pinyin, split_surname
from luoshi.extract.spans import ByStart
from luoshi.extract.titles import parse_zh_chain, post_index
from luoshi.kb.lexicon import OFFICIAL
from luoshi.kb.loader import KB
from luoshi.record import Span, Title

ROLE_VERBS = ("主持", "出席", "参加", "列席", "讲话", "强调", "指出", "表示", "要求", "领学",
              "作", "发言", "汇报", "说", "致辞", "通报", "宣读", "部署", "提出", "希望")
AFTER_NAME = re.compile(
    r"(?:主持|出席|参加|列席|讲话|强调|指出|表示|要求|领学|作|发言|汇报|说|致辞|通报|宣读|提出|希望"
    r"|等|和|与|及|、|，|,|。|；|：|\s|\d|同志|在|于|率|带领|到|赴|一行|代表|向|对|就|为|会见|调研"
    r"|介绍|传达|带头|分别|也|还|首先|随后|同|以|主讲|讲|认为|总结|委员长|总理|书记|$)"
)
LEADERS = re.compile(r"(?:省|市|县|区|州|自治区)?领导(?:同志)?")  # see `_leader_ends`
CJK_RUN = re.compile("[\u4e00-\u9fff\u3400-\u4dbf]+")  # characters is_cjk accepts
BOUNDARY = "，。；：（）()\n!！?？“”"
ROLE_CUES = [
    ("presided", re.compile(r"主持")),
    ("spoke", re.compile(r"(?<!重要)(?<!的)讲话(?!精神)|发言|强调|指出|表示|要求|领学|致辞|[^重]要求|说[，：]")),
    ("reported", re.compile(r"汇报|作了?[\u4e00-\u9fff]{0,4}报告|通报|作了?说明|宣讲")),
    ("attended", re.compile(r"出席|参加|列席")),
]
PRONOUN = re.compile(r"[他她](?:强调|指出|表示|要求|说)")
# "县长孙立军传达了全会精神": conveying is a report when the name is its subject; "会议传达"
# (the meeting conveyed) is not, so the verb must follow the name
CONVEYED = re.compile(r"(?:同志)?(?:在会上)?传达")
# Common words that begin with a surname character and end before a role verb
# ("全会强调": the plenum stressed)
NOT_NAMES = frozenset({"全会", "全体", "全党", "全国", "全省", "全市", "全县", "全区", "全面", "全力",
                       "常委", "常委会", "党组", "会议"})


_POST_PATTERNS: dict[int, tuple[KB, re.Pattern[str]]] = {}


def _post_pattern(kb: KB) -> re.Pattern[str]:
    """Any Chinese post, the first of `post_index(kb).zh_posts` that matches where several do."""
    entry = _POST_PATTERNS.get(id(kb))
    if entry is None or entry[0] is not kb:
        pattern = re.compile(grouped_alternation([s for s, _ in post_index(kb).zh_posts]))
        entry = _POST_PATTERNS[id(kb)] = (kb, pattern)
    return entry[1]


@dataclass(frozen=True)
class PostScan:
    """What `_posts_before_names` needs, built per knowledge base."""
    pattern: re.Pattern[str]  # `_post_pattern`
    # where a post may end before a name: after a post's last character, at one that
    # begins a surname or a known official's name (`_name_at` finds none elsewhere)
    ends: re.Pattern[str] | None  # None where the posts are none: every place is an end
    post_characters: frozenset[str]  # every character of every post


_POST_SCANS: dict[int, tuple[KB, PostScan]] = {}


def _post_scan(kb: KB) -> PostScan:
    entry = _POST_SCANS.get(id(kb))
    if entry is None or entry[0] is not kb:
        posts = [surface for surface, _ in post_index(kb).zh_posts]
        firsts = {name[0] for name in (*kb.surnames, *kb.officials_by_zh) if name}
        lasts = {post[-1] for post in posts}
        ends = re.compile(f"[{re.escape(''.join(sorted(lasts)))}]"
                          f"(?=[{re.escape(''.join(sorted(firsts)))}])") if posts and firsts \
            else None
        scan = PostScan(_post_pattern(kb), ends, frozenset("".join(posts)))
        entry = _POST_SCANS[id(kb)] = (kb, scan)
    return entry[1]


def _posts_before_names(text: str, kb: KB) -> list[re.Match[str]]:
    """The matches of `_post_pattern(kb).finditer(text)` where a name may follow (see
    PostScan.ends), without searching the whole text.

    Before each such end the search starts afresh from a place after a character no post
    holds (or the text's start), found going back over the characters of posts: no match
    of the whole text's search begins before that place and ends after it, so a search
    from there finds the whole text's matches. A search already past the last end goes
    on instead when no such place lies between (each stretch is read once)."""
    scan = _post_scan(kb)
    if scan.ends is None:
        return [match for match in scan.pattern.finditer(text) if match.end() < len(text)]
    found: list[re.Match[str]] = []
    matches: Iterator[re.Match[str]] = iter(())
    upcoming: re.Match[str] | None = None  # the search's next match, not yet passed
    read = 0  # the search has found every match ending before this
    for end in (candidate.end() for candidate in scan.ends.finditer(text)):
        if end < read:  # no match ends here: the upcoming one runs past it
            continue
        start = end - 1
        while start > read and text[start - 1] in scan.post_characters:
            start -= 1
        if start > read or upcoming is None:  # a fresh search skips the stretch between
            matches = scan.pattern.finditer(text, start)
            upcoming = next(matches, None)
        while upcoming is not None and upcoming.end() < end:
            upcoming = next(matches, None)
        if upcoming is None:
            break  # no match from here on
        if upcoming.end() == end:
            found.append(upcoming)
        read = upcoming.end()
    return found


def grouped_alternation(words: list[str]) -> str:
    """The alternation of `words` (as literals), grouped by first character: it matches as
    the plain alternation does (words with different first characters never match at one
    place, and each group keeps its words' order), but tries one branch per character
    instead of every word at every place that begins one."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(re.escape(word[1:]))
    return "|".join(f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in groups.items())


def _leader_ends(text: str) -> list[int]:
    """Where LEADERS' matches end: each 领导 ends one, taking a 同志 after it (its optional
    prefix holds no 领, so a match holds one 领导 and every 领导 is in a match)."""
    ends = []
    position = text.find("领导")
    while position >= 0:
        end = position + 2
        ends.append(end + 2 if text.startswith("同志", end) else end)
        position = text.find("领导", end)
    return ends


def _name_at(text: str, position: int, kb: KB) -> str | None:
    """A personal name starting at `position`, ended by a role verb or punctuation."""
    for length, known in _NAME_PLANS.get(text[position:position + 4], kb, _name_plan):
        if known or AFTER_NAME.match(text, position + length):
            return text[position:position + length]
    return None


# What `_name_at` tries, in its order: (length, whether the candidate is a name whatever
# follows it). It depends on the four characters at the position only, so it is worked out
# once for them: the same few names and words recur from report to report.
NamePlan = tuple[tuple[int, bool], ...]
_NAME_PLANS: KBMemo[NamePlan] = KBMemo()


def _name_plan(window: str, kb: KB) -> NamePlan:
    run = CJK_RUN.match(window)
    cjk = run.end() if run else 0  # the candidates this long are all CJK
    plan: list[tuple[int, bool]] = []
    for length in (3, 2, 4):
        if length > cjk:
            continue
        candidate = window[:length]
        if candidate in kb.officials_by_zh:
            plan.append((length, True))
            break
        if candidate in NOT_NAMES:
            continue
        parts = split_surname(candidate, kb)
        if parts is None or not (1 <= len(parts[1]) <= 2):
            continue
        plan.append((length, False))
    return tuple(plan)


def find_mentions(doc: Doc, kb: KB) -> list[Mention]:
    text = doc.text
    found: dict[int, Mention] = {}
    for match in _posts_before_names(text, kb):
        name = _name_at(text, match.end(), kb)
        if name is None or doc.skipped(match.end(), match.end() + len(name)):
            continue
        chain = _chain_before(text, match.end())
        titles = _parse_chain(chain, kb)
        if not titles:
            continue
        _add_group(doc, kb, found, match.end(), name, titles)
    for end in _leader_ends(text):
        name = _name_at(text, end, kb)
        if name:
            _add_group(doc, kb, found, end, name, [])
    for hit in doc.hits_of(OFFICIAL):
        if not hit.latin and hit.start not in found:
            zh = text[hit.start:hit.end]
            invoked = zh == "习近平" or bool(re.match(r"(?:总书记|同志|总理)", text[hit.end:hit.end + 3]))
            found[hit.start] = Mention(name=hit.ref, start=hit.start, end=hit.end, zh=zh,
                                       known=True, invoked=invoked)
    _clause_start_names(doc, kb, found)
    _repeated_mentions(doc, found)
    return sorted(found.values(), key=lambda m: m.start)


def _repeated_mentions(doc: Doc, found: dict[int, Mention]) -> None:
    """Every later occurrence of a name already found ('蓝绍敏强调') is a mention too."""
    text = doc.text
    covered = bytearray(len(text))  # 1 where a mention already is: one lookup per occurrence
    for m in found.values():
        covered[m.start:m.end] = b"\x01" * (m.end - m.start)
    looked_for: set[str] = set()  # a name's first mention claims all its occurrences
    for mention in list(found.values()):
        if not mention.zh or len(mention.zh) < 2 or mention.zh in looked_for:
            continue
        looked_for.add(mention.zh)
        position = text.find(mention.zh)
        while position >= 0:
            end = position + len(mention.zh)
            if not covered[position] and not doc.skipped(position, end):
                found[position] = Mention(
                    name=mention.name, start=position, end=end,
                    zh=mention.zh, known=mention.known, invoked=mention.invoked)
                covered[position:end] = b"\x01" * (end - position)
            position = text.find(mention.zh, position + 1)


def _chain_before(text: str, end: int) -> str:
    start = end
    while start > 0 and text[start - 1] not in BOUNDARY and end - start < 40:
        start -= 1
    return text[start:end]


TitleFields = tuple[tuple[str, str | None, str | None, Span | None], ...]
_CHAINS: KBMemo[TitleFields] = KBMemo()  # parsed chains: reports repeat the same few titles


def _parse_chain(chain: str, kb: KB) -> list[Title]:
    """The titles of the chain, or of its longest tail that parses; remembered, each call
    getting Titles of its own."""
    return [Title(*fields) for fields in _CHAINS.get(chain, kb, _parsed_fields)]


def _parsed_fields(chain: str, kb: KB) -> TitleFields:
    for trim in range(min(len(chain), 14)):
        titles = parse_zh_chain(chain[trim:], kb)
        if titles:
            return tuple((t.post, t.org, t.jurisdiction, t.span) for t in titles)
    return ()


def _add_group(doc: Doc, kb: KB, found: dict[int, Mention], start: int, first: str,
               titles: list) -> None:  # type: ignore[type-arg]
    """The name at `start` and those joined to it by 、 or 和 share its titles."""
    text = doc.text
    position, name = start, first
    members = []
    while name:
        members.append((position, name))
        after = position + len(name)
        if after < len(text) and text[after] in "、和":
            nxt = _name_at(text, after + 1, kb)
            if nxt:
                position, name = after + 1, nxt
                continue
        break
    group_end = members[-1][0] + len(members[-1][1])
    for position, name in members:
        if position in found:
            continue
        found[position] = Mention(
            name=person_pinyin(name, kb), start=position, end=position + len(name), zh=name,
            titles=list(titles), known=name in kb.officials_by_zh, group_end=group_end)


_CLAUSE_STARTS: dict[int, re.Pattern[str]] = {}


def _clause_start(kb: KB) -> re.Pattern[str]:
    """A clause boundary followed by a character that begins a surname."""
    pattern = _CLAUSE_STARTS.get(id(kb))
    if pattern is None:
        firsts = "".join(sorted({s[0] for s in kb.surnames}))
        pattern = re.compile(f"[，。；：\\n](?=[{re.escape(firsts)}])")
        _CLAUSE_STARTS[id(kb)] = pattern
    return pattern


def _clause_start_names(doc: Doc, kb: KB, found: dict[int, Mention]) -> None:
    """'。黄坤明主持会议', '，范锐平、田锦尘、郝国昆、李中新参加会议'."""
    text = doc.text
    for boundary in _clause_start(kb).finditer(text):
        index = boundary.start()
        if index + 1 in found:
            continue
        name = _name_at(text, index + 1, kb)
        if name is None:
            continue
        position, members = index + 1, []
        while name:
            members.append((position, name))
            after = position + len(name)
            nxt = _name_at(text, after + 1, kb) if text[after:after + 1] in ("、", "和") else None
            if not nxt:
                break
            position, name = after + 1, nxt
        last_end = members[-1][0] + len(members[-1][1])
        if not text.startswith(ROLE_VERBS, last_end):
            continue
        for position, name in members:
            if position not in found and not doc.skipped(position, position + len(name)):
                found[position] = Mention(
                    name=person_pinyin(name, kb), start=position, end=position + len(name),
                    zh=name, known=name in kb.officials_by_zh, group_end=last_end)


def assign_roles(doc: Doc, kb: KB, mentions: list[Mention]) -> dict[str, tuple[str, Span]]:
    text = doc.text
    roles: dict[str, tuple[str, Span]] = {}
    last: Mention | None = None
    taking_part = [m for m in mentions if not m.invoked]
    if not taking_part:  # no group to take a role, nor one a pronoun stands for
        return roles
    starts = [m.start for m in taking_part]
    # mentions come in text order: a sentence's mentions are a slice of them
    by_start = None if starts == sorted(starts) else ByStart(taking_part, lambda m: m.start)
    # the pronouns from the first mention's line on (one before a mention in its sentence
    # counts too), found once: a sentence's are those starting in it (the pattern holds no
    # character that ends a sentence); a sentence holding neither changes nothing
    pronouns = _pronouns(text, text.rfind("\n", 0, min(starts)) + 1)
    for start, end in sentences_holding(text, "zh", starts + [at for at, _ in pronouns]):
        inside = (by_start.within(start, end) if by_start else
                  taking_part[bisect_left(starts, start):bisect_left(starts, end)])
        groups = _groups(inside)
        pending: list[Mention] = []
        for number, group in enumerate(groups):
            scope_end = groups[number + 1][0].start if number + 1 < len(groups) else end
            scope_start = max(m.group_end or m.end for m in group)
            role = _role_in(text, scope_start, scope_end)
            if role is None:
                pending += group
                continue
            for mention in pending + group:
                if role[0] == "attended" or mention in group:
                    roles[mention.name] = better(roles.get(mention.name), *role)
            pending = []
            last = group[-1]
        for span in pronouns[bisect_left(pronouns, (start, start)):
                             bisect_left(pronouns, (end, end))]:
            if last is not None:
                roles[last.name] = better(roles.get(last.name), "spoke", span)
    return roles


def _pronouns(text: str, start: int) -> list[Span]:
    """PRONOUN's matches from `start`, tried where 他 or 她 is."""
    return spans_from_characters(PRONOUN, text, "他她", start)


def _groups(mentions: list[Mention]) -> list[list[Mention]]:
    groups: list[list[Mention]] = []
    for mention in mentions:
        if groups and mention.group_end and groups[-1][-1].group_end == mention.group_end:
            groups[-1].append(mention)
        else:
            groups.append([mention])
    return groups


def _role_in(text: str, start: int, end: int) -> tuple[str, Span] | None:
    best: tuple[str, Span] | None = None
    conveyed = CONVEYED.match(text, start, end)
    if conveyed:
        best = ("reported", conveyed.span())
    for role, pattern in ROLE_CUES:
        match = pattern.search(text, start, end)
        if match:
            best = better(best, role, match.span())
    return best
