"""Page furniture: release date, source, headline, and where the report's body starts.

Furniture lines (`Release time: ...`, `Information source: ...`, `[ad_1]`, `Share This
Post`, a repeated headline, `来源：… | 2023年07月28日`, `，正文：`) are recorded in
doc.skip so that no later step takes a fact from them.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from luoshi.extract.doc import Doc
from luoshi.extract.text import folds_plainly
from luoshi.kb.loader import KB
from luoshi.normalize import fold
from luoshi.record import Span

ISO_DAY = r"(?P<y>(?:19|20)\d\d)[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})"
ZH_DAY = r"(?P<y>(?:19|20)\d\d)年(?P<m>\d{1,2})月(?P<d>\d{1,2})日"

# A pattern searched with re.M starts with ^[^\S\n]*, never ^\s*: \s* would run across a
# run of blank lines from each of its line starts, quadratic in the run's length.
EN_PUBLISHED = [
    re.compile(r"^\s*date\s+" + ISO_DAY, re.I),
    # `\b` first: a label starts a word, and most positions are inside words, where the
    # search fails at once ("Resource:" is not "source:")
    re.compile(r"\b(?:release|publish(?:ed|ing)?|publication|post(?:ed)?|issue)\s*(?:time|date|on|at)?"
               r"\s*[:：]?\s*" + ISO_DAY, re.I),
    re.compile(r"^[^\S\n]*(?:date|time)\s*[:：]\s*" + ISO_DAY, re.I | re.M),
    # a short line of an outlet's name and a day, alone or before other furniture:
    # "Weifang Daily    2023-12-15 07:30", "Changting News Network    2022-12-29    Font: ..."
    re.compile(r"^[^\n.]{0,60}?(?<!\S)" + ISO_DAY + r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?[ \t]*"
               r"(?:$|\s{2,}|\|)", re.M),
]
ZH_PUBLISHED = [
    re.compile(r"^\s*" + ISO_DAY + r"\s+\d{1,2}:\d{2}"),
    re.compile(r"^\s*(?P<y>\d\d)-(?P<m>\d{2})-(?P<d>\d{2})\s+\d{1,2}:\d{2}"),
    re.compile(r"^#\s*《[^》]{1,20}》\s*[（(](?P<y>(?:19|20)\d\d)(?P<m>\d\d)(?P<d>\d\d)[）)]", re.M),
    re.compile(r"(?:发布|发表|更新)(?:时间|日期)\s*[:：]\s*(?:" + ISO_DAY + "|" + ZH_DAY.replace(
        "(?P<y>", "(?P<y2>").replace("(?P<m>", "(?P<m2>").replace("(?P<d>", "(?P<d2>") + ")"),
    re.compile(r"来源[:：][^\n|]{1,30}\|\s*" + ZH_DAY),
    # "2022年10月25日 来源：长沙市人民政府": a day that opens a furniture line, not a sentence
    re.compile(r"^[^\S\n]*" + ZH_DAY + r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?\s*(?:来源|$|\s{2,})", re.M),
    re.compile(r"^[^\n]{0,20}?\s" + ISO_DAY + r"\s+\d{1,2}:\d{2}", re.M),
]
# each with a word it cannot match without, looked for in the folded text first
EN_SOURCE = [
    ("source", re.compile(r"\b(?:information\s+)?source\s*[:：]\s*(?P<s>[^\n|]{2,80}?)\s*(?:\n|$|\||\s{2,})",
               re.I)),
    ("release", re.compile(r"^(?P<s>[A-Z][\w .]{1,40}?)\s+release\s+(?:time|date)\s*[:：]",
                           re.M | re.I)),
]
ZH_SOURCE = [
    re.compile(r"来源[:：]\s*(?P<s>[^\s|，。：:]{2,20})"),
    re.compile(r"^[^\S\n]*(?P<s>[^\s\d]{2,10})\s+" + ISO_DAY + r"\s+\d{1,2}:\d{2}", re.M),
]
ZH_HEADER_LINE = re.compile(r"^#\s*《(?P<s>[^》]{1,20})》.*$", re.M)
ZH_BODY_MARKER = re.compile(r"[，,]\s*正文[:：]")
ZH_DATELINE = re.compile(
    r"(?P<outlet>[^\s，。（(：:]{0,12}?)(?:(?P<y>(?:19|20)\d\d)年)?(?:(?P<m>\d{1,2})月)?"
    r"(?P<d>\d{1,2})日(?:电|讯)"
)
ZH_NEWS_PREFIX = re.compile(r"(?P<outlet>[^\s，。]{2,8}?)消息[（(](?P<prog>[^）)]{1,10})[）)][:：]")
BOILERPLATE_LINE = re.compile(
    r"^\s*(?:\[ad_?\d+\]|share this(?: post| article)?:?|add comment|leave a (?:comment|reply)"
    r"|points of view:?|views?:\s*\d*|font size:?.*|【(?:打印|关闭)[^】]*】"
    # page buttons, alone or several on one line: "Print | Close", "打印 | 关闭"
    r"|(?:\[?(?:print|close(?: window)?|打印|关闭|返回|back)\]?[ \t]*(?:[|｜/][ \t]*|$))+"
    r"|\[(?:print|close)\]|责任编辑[:：].*|分享到[:：]?.*|扫一扫.*|相关阅读.*)\s*$",
    re.I | re.M,
)
FURNITURE_LINE = re.compile(
    r"^\s*(?:(?:information\s+)?source\s*[:：].*|.*release\s+(?:time|date)\s*[:：].*"
    r"|(?:date|time)\s*[:：]\s*\d.*|来源[:：].*|发布时间[:：].*|#\s*《.*》.*|央视网\s+\d{4}-.*)$",
    re.I | re.M,
)


def _behind_line_break(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """A pattern that starts with "^" (re.M) after a line break instead: a search for it
    skips from line break to line break, where one for "^" tries every position."""
    assert pattern.pattern.startswith("^") and pattern.flags & re.M
    return re.compile("\n" + pattern.pattern[1:], pattern.flags)


# patterns searched from line break to line break (_search_lines)
LINE_STARTING = {p: _behind_line_break(p) for p in (
    ZH_PUBLISHED[2], ZH_PUBLISHED[5], ZH_PUBLISHED[6], ZH_SOURCE[1], ZH_HEADER_LINE)}
TITLE_PREFIX = re.compile(r"^\s*(?:date\s+\d{4}-\d{1,2}-\d{1,2}\s+|\[(?:视频|video)\]\s*|#+\s*)",
                          re.I)
# Every BOILERPLATE_LINE alternative starts with one of these (after white space), and every
# FURNITURE_LINE alternative holds ":", "：", "《" or "央视网": lines without are not matched.
# "S"/"s"/"ſ" are the characters re.I matches to "s", and so on (tests/unit/test_furniture.py)
BOILERPLATE_FIRST = frozenset("[【打关返责分扫相" "sSſaApPlLvVfFcCbB")
EN_LABELS = ("release", "publi", "post", "issue")  # EN_PUBLISHED[1] starts with one
DATE_OR_TIME = ("date", "time")  # EN_PUBLISHED[2] starts with one (after white space)
MAX_FURNITURE_LINE = 160  # a longer line holding "来源：" is a whole report printed on one line
MAX_SUBTITLE = 160  # headline and subtitle lines are short; the body's first paragraph is not
ZH_MAX_SUBTITLE = 60
ZH_MARKER_REACH = 400  # "，正文：" ends a Chinese report's furniture within this many characters


def find_furniture(doc: Doc, kb: KB) -> None:
    """Step: published, source, title, body_start, skip, dateline."""
    lines, furniture, others = _lines(doc.text)
    # Until the steps below add to skip, the lines not skipped are those that are not
    # furniture lines (lines are apart), unless skip held spans before
    content = (span for span in lines if not doc.skipped(*span)) if doc.skip else iter(others)
    doc.skip += furniture
    if doc.lang == "zh":
        _find_zh(doc, kb, content)
    else:
        _find_en(doc, kb, lines, content)
    if doc.published is None and doc.published_hint:
        doc.published = doc.published_hint
    if doc.title:
        _skip_repeated_title(doc, lines)


def _is_furniture(line: str) -> bool:
    """BOILERPLATE_LINE or FURNITURE_LINE matches, each tried only where it can."""
    if line.lstrip()[:1] in BOILERPLATE_FIRST and BOILERPLATE_LINE.match(line):
        return True
    return (":" in line or "：" in line or "《" in line or "央视网" in line) and bool(
        FURNITURE_LINE.match(line))


def _lines(text: str) -> tuple[list[Span], list[Span], list[Span]]:
    """Spans of the lines that hold more than white space, of those that are furniture
    (short lines matched by BOILERPLATE_LINE or FURNITURE_LINE), and of the others."""
    spans: list[Span] = []
    furniture: list[Span] = []
    others: list[Span] = []
    cursor = 0
    for line in text.split("\n"):
        end = cursor + len(line)
        if line and not line.isspace():
            spans.append((cursor, end))
            if end - cursor <= MAX_FURNITURE_LINE and _is_furniture(line):
                furniture.append((cursor, end))
            else:
                others.append((cursor, end))
        cursor = end + 1
    return spans, furniture, others


def _day(match: re.Match[str]) -> str | None:
    """The day a match of ISO_DAY or ZH_DAY (its groups "y2", "m2", "d2" in the pattern
    that holds both) names, as YYYY-MM-DD."""
    year, month, day = match.group("y", "m", "d")
    if year is None and "y2" in match.re.groupindex:
        year, month, day = match.group("y2", "m2", "d2")
    if not (year and month and day):
        return None
    if len(year) == 2:
        year = "20" + year
    if not (1 <= int(month) <= 12 and 1 <= int(day) <= 31):
        return None
    # the year's four digits start "19" or "20": int() reads any other digits as ASCII, and
    # str() needs no padding (formatting to a width takes a longer path); month and day: 1
    # or 2 digits
    return str(int(year)) + "-" + month.zfill(2) + "-" + day.zfill(2)


def _first(patterns: list[re.Pattern[str]], text: str) -> re.Match[str] | None:
    found = [m for p in patterns if (m := p.search(text))]
    return min(found, key=lambda m: m.start()) if found else None


def _first_at(pattern: re.Pattern[str], text: str, starts: list[int]) -> re.Match[str] | None:
    """The leftmost match of pattern that starts at one of `starts` (ascending): where
    these are all the places a match can start, what pattern.search(text) finds."""
    for start in starts:  # the first of matches_at's matches, without its generator
        if match := pattern.match(text, start):
            return match
    return None


def _occurrences(folded: str, words: tuple[str, ...], last: int | None = None) -> list[int]:
    """Where the words occur in folded (starting at `last` at the latest), ascending."""
    found = []
    for word in words:
        end = len(folded) if last is None else last + len(word)
        at = folded.find(word, 0, end)
        while at >= 0:
            found.append(at)
            at = folded.find(word, at + 1, end)
    return sorted(found)


def _odd_case(folded: str) -> bool:
    """Whether the text holds a letter re.I takes for an ASCII one but fold keeps (then
    the fast paths, which look for words in the folded text, are not taken)."""
    return not folds_plainly(folded, 0, len(folded))


def _en_published(head: str, folded_head: str, starts: list[int]) -> re.Match[str] | None:
    """_first(EN_PUBLISHED, head), each pattern tried only where it can start: 0 at the
    head's start; 3 at line starts (`starts`: where the head's lines start) with a year's
    digits in reach; 1 at a label word; 2 at line starts that hold "date" or "time" or
    white space first. The leftmost match wins, the pattern listed first at one place."""
    if _odd_case(folded_head):
        return _first(EN_PUBLISHED, head)
    if match := EN_PUBLISHED[0].match(head):
        return match
    best = None
    for start in starts:  # pattern 3's day starts in the first 61 characters of its line
        if (folded_head.find("19", start, start + 62) >= 0
                or folded_head.find("20", start, start + 62) >= 0) and (
                best := EN_PUBLISHED[3].match(head, start)):
            break
    limit = best.start() if best else len(head)
    label = _first_at(EN_PUBLISHED[1], head, _occurrences(folded_head, EN_LABELS, limit))
    if label:  # at or before pattern 3's match
        best, limit = label, label.start()
    # before pattern 1's match, or at pattern 3's; where "date" or "time" starts the line
    line = _first_at(EN_PUBLISHED[2], head, [
        s for s in starts if (s < limit or (s == limit and not label)) and (
            folded_head.startswith(DATE_OR_TIME, s) or head[s:s + 1].isspace())])
    return line or best


def _en_source(head: str, folded_head: str) -> re.Match[str] | None:
    """_first of the EN_SOURCE patterns whose word the head holds, each tried where it can
    start: at the start of the line before "release" (the white space between may hold
    line breaks); at "information" or "source", up to where the first matched."""
    if _odd_case(folded_head):
        return _first([p for word, p in EN_SOURCE if word in folded_head], head)
    (source_word, by_source), (release_word, by_release) = EN_SOURCE
    best = None
    at = folded_head.find(release_word)
    while at >= 0 and best is None:
        end = len(head[:at].rstrip()) - 1  # the last character before the white space
        line_start = head.rfind("\n", 0, end) + 1
        if 0 <= end <= line_start + 40:  # the outlet's name, at most 41 characters, holds it
            best = by_release.match(head, line_start)
        at = folded_head.find(release_word, at + 1)
    limit = best.start() if best else len(head)
    if source_word not in folded_head:  # a match holds it: "information" is not looked for
        return best
    return _first_at(by_source, head, _occurrences(
        folded_head, ("information", source_word), limit)) or best


def _find_en(doc: Doc, kb: KB, lines: list[Span], content: Iterator[Span]) -> None:
    text = doc.text
    head = text[: lines[min(len(lines), 8) - 1][1]] if lines else ""
    folded_head = doc.folded[:len(head)]
    match = _en_published(head, folded_head, [s for s, _ in lines[:8]])
    if match and (day := _day(match)):
        doc.published, doc.published_span = day, match.span()
    source = _en_source(head, folded_head)
    if source:
        doc.source = _clean_source(source.group("s"))
    title_line, second = next(content, None), next(content, None)
    if title_line is None or second is None:
        return
    doc.title, doc.title_span = _headline(text, *title_line)
    doc.body_start = _body_start(text, second, content, MAX_SUBTITLE)
    _find_en_dateline(doc)


# "Hunan Daily, October 26 (Reporter Tang Xiaowen) On the 25th, ...": the day the report
# was filed, which is not the meeting's day
EN_DATELINE = re.compile(
    r"(?P<outlet>[A-Z][\w.'’ -]{1,40}?),?\s+(?P<m>" + "|".join(
        ["January", "February", "March", "April", "May", "June", "July", "August", "September",
         "October", "November", "December"]) + r")\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?"
    r"\s*(?:\((?:reporter|correspondent|xinhua|by)\b[^)]{0,60}\)|--|—|–)", re.I)
EN_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]


# where EN_DATELINE's month can start: after white space, in the folded text
EN_MONTH_AFTER_SPACE = re.compile(r"\s(?:" + "|".join(EN_MONTHS) + ")")
# EN_DATELINE's outlet (1 + at most 40 characters) and comma end within this many
# characters of its start: the white space before the month starts there at the latest
EN_DATELINE_MONTH_REACH = 42


def _en_dateline(text: str, folded: str, start: int) -> re.Match[str] | None:
    """EN_DATELINE.match(text, start), tried only where the text goes on to hold the "(" or
    dash it ends in, and a month's name follows white space in reach (in the folded text)
    or the white space before it may run out of reach."""
    # one character at a time: str.find is slow for two ("--") in a text that is not ASCII
    hyphen = text.find("-", start)
    if (text.find("(", start) < 0 and text.find("—", start) < 0 and text.find("–", start) < 0
            and (hyphen < 0 or text.find("--", hyphen) < 0)):
        return None
    reach = start + EN_DATELINE_MONTH_REACH
    window = folded[start: reach + 10]  # the longest month's name, 9 letters, ends in it
    if (_odd_case(window) or EN_MONTH_AFTER_SPACE.search(folded, start + 2, reach + 10)
            or text[reach: reach + 1].isspace()):
        return EN_DATELINE.match(text, start)
    return None


def _find_en_dateline(doc: Doc) -> None:
    match = _en_dateline(doc.text, doc.folded, doc.body_start)
    if not match:
        return
    doc.skip.append(match.span())
    if doc.source is None:
        doc.source = match.group("outlet").strip()
    base = doc.published
    if base is None:
        return
    month = EN_MONTHS.index(match.group("m").lower()) + 1
    year = int(base[:4]) - (1 if month > int(base[5:7]) else 0)
    doc.dateline = f"{year:04d}-{month:02d}-{int(match.group('d')):02d}"


def _body_start(text: str, second: Span, rest: Iterator[Span], max_subtitle: int) -> int:
    """The first line after the headline block (the first content line): a long line or
    a full sentence, else the second line."""
    for start, end in itertools.chain([second], rest):
        line = text[start:end].strip()
        if len(line) > max_subtitle or line.endswith((".", "。", "”", "\"", ";", "；")):
            return start
    return second[0]


def _clean_source(value: str) -> str | None:
    value = value.strip(" .,:;，。")
    return value or None


def _search_lines(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """pattern.search(text) for a pattern of LINE_STARTING: at the text's start, else at
    the first line break its _behind_line_break version finds."""
    if match := pattern.match(text):
        return match
    found = LINE_STARTING[pattern].search(text)
    return pattern.match(text, found.start() + 1) if found else None


MAX_LINES_TRIED = 4  # line starts tried one by one; past this, one search per pattern


def _leftmost(head: str, found: list[tuple[int, re.Match[str] | None]],
              at_lines: list[tuple[int, re.Pattern[str]]]) -> re.Match[str] | None:
    """The match that starts first (the pattern listed first at one place) among `found`
    (each with its pattern's place in the list, in that order) and those of the patterns
    of LINE_STARTING in `at_lines` (each with its place): these tried at the line starts
    up to where the first of `found` starts when they are few, else each searched for
    from line to line."""
    best, best_index, limit = None, 0, len(head) + 1
    for index, match in found:
        if match and match.start() < limit:
            best, best_index, limit = match, index, match.start()
    starts = [0]
    at = head.find("\n", 0, limit)
    while at >= 0:
        if len(starts) == MAX_LINES_TRIED:
            return _first_of(head, best, best_index, at_lines)
        starts.append(at + 1)
        at = head.find("\n", at + 1, limit)
    for start in starts:
        for index, pattern in at_lines:
            if (start < limit or index < best_index) and (match := pattern.match(head, start)):
                return match
    return best


def _first_of(head: str, best: re.Match[str] | None, best_index: int,
              at_lines: list[tuple[int, re.Pattern[str]]]) -> re.Match[str] | None:
    """_leftmost, each pattern of at_lines searched for from line to line."""
    for index, pattern in at_lines:
        match = _search_lines(pattern, head)
        if match and (best is None or (match.start(), index) < (best.start(), best_index)):
            best, best_index = match, index
    return best


def _zh_published(head: str) -> re.Match[str] | None:
    """_first(ZH_PUBLISHED, head), those that start a line tried at line starts only."""
    return _leftmost(
        head,
        [(index, ZH_PUBLISHED[index].search(head)) for index in (0, 1, 3, 4)],
        [(index, ZH_PUBLISHED[index]) for index in (2, 5, 6) if index != 2 or "《" in head])


def _zh_source_match(head: str) -> re.Match[str] | None:
    """_first(ZH_SOURCE, head), the second tried at line starts only."""
    return _leftmost(head, [(0, ZH_SOURCE[0].search(head))], [(1, ZH_SOURCE[1])])


def _find_zh(doc: Doc, kb: KB, content: Iterator[Span]) -> None:
    text = doc.text
    head = text[:400]
    match = _zh_published(head)
    if match and (day := _day(match)):
        doc.published, doc.published_span = day, match.span()
    doc.source = _zh_source(doc, kb, head)
    marker = _body_marker(text)
    title_line, second = (None, None) if marker else (next(content, None), next(content, None))
    if marker:
        doc.skip.append((0, marker.end()))
        doc.body_start = marker.end()
    elif title_line is not None and second is not None:
        doc.title, doc.title_span = _headline(text, *title_line)
        doc.body_start = _body_start(text, second, content, ZH_MAX_SUBTITLE)
    _find_dateline(doc, kb)


def _body_marker(text: str) -> re.Match[str] | None:
    """ZH_BODY_MARKER.search(text, 0, ZH_MARKER_REACH), tried only where "正文" is in reach:
    the search tries every comma."""
    if text.find("正文", 0, ZH_MARKER_REACH) < 0:
        return None
    return ZH_BODY_MARKER.search(text, 0, ZH_MARKER_REACH)


def _zh_source(doc: Doc, kb: KB, head: str) -> str | None:
    text = doc.text
    header = _search_lines(ZH_HEADER_LINE, head) if "《" in head else None
    if header:
        return _outlet_name(kb, "新闻联播") if header.group("s") == "新闻联播" else header.group("s")
    match = _zh_source_match(head) or _first(ZH_SOURCE[:1], text[-200:])
    if match:
        return _outlet_name(kb, match.group("s"))
    return None


def _outlet_name(kb: KB, zh: str) -> str:
    """English name of an outlet: the table, then "<Place> Daily"-style rules, else as printed."""
    zh = zh.strip()
    entry = kb.outlet_by_zh.get(zh)
    if entry:
        return entry.en
    for suffix, english in (("日报", "Daily"), ("晚报", "Evening News"), ("新闻网", "News Net"),
                            ("网", "Net")):
        if zh.endswith(suffix):
            place = _place_name(kb, zh[: -len(suffix)])
            if place:
                return f"{place} {english}"
    return zh


def _place_name(kb: KB, zh: str) -> str | None:
    for place in kb.place_by_zh.get(zh, []):
        return place.name
    return None


def _find_dateline(doc: Doc, kb: KB) -> None:
    """'吉林日报7月26日讯', '本报1日讯', '深圳新闻网2023年8月17日讯': the filing day."""
    start = doc.body_start
    window = doc.text[start: start + 80]
    # the patterns try a lazy outlet name at every position: only where they can end
    match = ZH_DATELINE.search(window) if "日电" in window or "日讯" in window else None
    if not match or match.start() > 40:
        prefix = ZH_NEWS_PREFIX.search(window) if "消息" in window else None
        if prefix and prefix.start() < 20:
            doc.skip.append((start + prefix.start(), start + prefix.end()))
            if doc.source is None:
                outlet = prefix.group("outlet")
                program = prefix.group("prog")
                doc.source = _outlet_name(kb, outlet) + (
                    f" ({_outlet_name(kb, program)})" if program != "新闻联播" else
                    " (Xinwen Lianbo)")
        return
    doc.skip.append((start + match.start(), start + match.end()))
    outlet = match.group("outlet").strip()
    if outlet and outlet not in ("本报", "本台", "本网") and doc.source is None:
        doc.source = _outlet_name(kb, outlet)
    base = doc.published
    if base is None:
        return
    year = int(match.group("y") or base[:4])
    month = int(match.group("m") or base[5:7])
    day = int(match.group("d"))
    if match.group("m") is None and day > int(base[8:10]):
        month = month - 1 or 12
    if 1 <= month <= 12 and 1 <= day <= 31:
        doc.dateline = f"{year:04d}-{month:02d}-{day:02d}"


def _headline(text: str, start: int, end: int) -> tuple[str | None, Span | None]:
    """The headline on text[start:end], less a prefix ("# ", "[Video]"), and its span: it
    ends where the line's last non-blank character does (a line may end in spaces or a
    carriage return)."""
    raw = text[start:end]
    prefix = TITLE_PREFIX.match(raw)  # TITLE_PREFIX.sub("", raw): "^" holds at 0 alone
    title = (raw[prefix.end():] if prefix else raw).strip()
    if not title:
        return None, None
    stop = start + len(raw.rstrip())
    return title, (stop - len(title), stop)


def _skip_repeated_title(doc: Doc, lines: list[tuple[int, int]]) -> None:
    """A headline printed again further down is furniture, not a second mention."""
    if not doc.title_span or not doc.title:
        return
    title_start, title_end = doc.title_span
    # fold maps character by character: the folded text holds the headline's fold
    title = (doc.folded[title_start:title_end] if doc.text[title_start:title_end] == doc.title
             else fold(doc.title))
    key = title.strip(" .。")
    if doc.folded.find(key, doc.title_span[1] + 1) < 0:  # no line further down holds it
        return
    for start, end in lines:
        if (start > doc.title_span[1] and end - start >= len(key)
                and doc.folded[start:end].strip(" .。") == key):
            doc.skip.append((start, end))
