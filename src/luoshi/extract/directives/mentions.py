"""Find every mention of a directive, with its span and parsed numbers (step).

English: "Fifth Plenary Session of the XIX Central Committee", "19th CPC Central
Committee's fifth plenum", "the Party's 20th National Congress", "Eighth Plenary
Session of the XIV Provincial Committee", "General Secretary Xi Jinping's important
exposition on ...", "the July 24 Politburo meeting". Chinese: 党的二十大, 十九届五中全会,
省委十四届八次全会, 十一届区委七次全会, 习近平总书记……重要讲话精神, 中共中央政治局会议.
Catalogued speeches and meetings are found through the lexicon.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from operator import attrgetter

from luoshi.extract.directives import patterns_en as en
from luoshi.extract.directives import patterns_zh as zh
from luoshi.extract.doc import Doc
from luoshi.extract.numbers import en_ordinal, zh_number
from luoshi.extract.spans import DisjointSpans, SpanIndex
from luoshi.extract.text import (
    PARAGRAPH_BREAK,
    ZH_SENTENCE_END,
    anchored_starts,
    anchored_windows,
)
from luoshi.kb.lexicon import DIRECTIVE
from luoshi.kb.loader import KB
from luoshi.record import Span


@dataclass
class DirectiveMention:
    kind: str  # congress, plenum, speech, meeting, document
    span: Span
    body: str | None = None  # "CPC", a place name, or a level to resolve: "?province"
    term: int | None = None
    session: int | None = None
    speaker: str | None = None
    topic: str | None = None
    topic_span: Span | None = None
    day: str | None = None  # "--MM-DD" or "YYYY-MM-DD" printed with the mention
    catalogue: tuple[str, ...] = ()
    label: str | None = None
    in_lead: bool = False
    framed: bool = False
    blocked: bool = False
    notes: list[str] = field(default_factory=list)


def lead_end(doc: Doc) -> int:
    """End of the lead: the headline block and the first paragraph of the body.

    For Chinese texts printed as one paragraph, the lead ends with the first sentence
    that reports what was said (会议指出, 他强调, ...), or with the second sentence.
    """
    return int(doc.memo("lead_end", lambda: _lead_end(doc)))


def _lead_end(doc: Doc) -> int:
    first = _first_paragraph(doc)
    if first is None:
        return len(doc.text)
    if doc.lang != "zh":
        return first[1]
    sentences = sentences_from(doc.text, *first)
    next(sentences, None)
    second = next(sentences, None)
    if second is None:
        return first[1]
    return second[0] if zh.REPORTED_SPEECH.match(doc.text, second[0]) else second[1]


def _first_paragraph(doc: Doc) -> Span | None:
    """The first of `paragraphs(doc.text, doc.body_start)` outside the skipped spans,
    found without splitting the rest of the text."""
    text = doc.text
    cursor = doc.body_start
    while match := PARAGRAPH_BREAK.search(text, cursor):
        if (span := _stripped(text, cursor, match.start())) and not doc.skipped(*span):
            return span
        cursor = match.end()
    span = _stripped(text, cursor, len(text))
    return span if span and not doc.skipped(*span) else None


def sentences_from(text: str, start: int, end: int) -> Iterator[Span]:
    """`sentences(text, "zh", start, end)` one by one: the lead needs the first two only."""
    cursor = start
    for match in ZH_SENTENCE_END.finditer(text, start, end):
        if span := _stripped(text, cursor, match.end()):
            yield span
        cursor = match.end()
    if span := _stripped(text, cursor, end):
        yield span


def _stripped(text: str, start: int, end: int) -> Span | None:
    segment = text[start:end]
    core = segment.strip()
    if not core:
        return None
    left = start + len(segment) - len(segment.lstrip())
    return (left, left + len(core))


def find_directive_mentions(doc: Doc, kb: KB) -> None:
    """Step: doc.directive_mentions."""
    found = _find_zh(doc, kb) if doc.lang == "zh" else _find_en(doc, kb)
    found += _catalogue_hits(doc, kb)
    end = lead_end(doc)
    for mention in found:
        mention.in_lead = mention.span[0] < end
    doc.directive_mentions = sorted(found, key=attrgetter("span"))


def _catalogue_hits(doc: Doc, kb: KB) -> list[DirectiveMention]:
    mentions: dict[Span, DirectiveMention] = {}
    for hit in doc.hits_of(DIRECTIVE):
        entry = kb.directive_by_id[hit.ref]
        mention = mentions.setdefault(hit.span, DirectiveMention(
            kind=entry.kind, span=hit.span, body=entry.body, speaker=entry.speaker,
            topic=entry.topic, label=entry.label))
        mention.catalogue += (entry.id,)
        mention.framed = mention.framed or _spirit_follows(doc, hit.end)
    return list(mentions.values())


def _spirit_follows(doc: Doc, end: int) -> bool:
    window = doc.text[end:end + 24]
    return "精神" in window or bool(re.match(r"\W{0,3}(?:spirit|and\b)", window, re.I))


def _blocked(doc: Doc, start: int, end: int, before: Callable[[str, str], bool],
             after: re.Pattern[str]) -> bool:
    head_start = max(0, start - 40)
    head = doc.text[head_start:start]
    if before(head, doc.folded[head_start:start]) or after.match(doc.text, end, end + 12):
        return True
    # inside a document title 《...》: the document is the directive, not what it names
    return head.rfind("《") > head.rfind("》")


# -- English ---------------------------------------------------------------------------

def _find_en(doc: Doc, kb: KB) -> list[DirectiveMention]:
    text = doc.text
    found: list[DirectiveMention] = []
    taken = DisjointSpans()

    congress_anchors = anchored_starts(text, doc.folded, ("congress",), 8, en.CONGRESS_FIRST,
                                       en.FIRST_REACH)
    plenum_anchors = anchored_starts(text, doc.folded, ("plenary", "plenum", "full session"), 9,
                                     en.PLENUMS_FIRST, en.FIRST_REACH)
    for match in _at_anchors(en.CONGRESS, text, congress_anchors):
        term = en_ordinal(match.group("t"))
        if term and 1 <= term <= 30 and taken.free(match.span()):
            taken.add(match.span())
            found.append(DirectiveMention(
                "congress", match.span(), body="CPC", term=term,
                blocked=_blocked(doc, *match.span(), en.blocked_before, en.BLOCK_AFTER)))
    for match in _at_anchors(en.PLENUMS, text, plenum_anchors):
        term, session = en_ordinal(match.group("t")), en_ordinal(match.group("s"))
        if not taken.free(match.span()) or not (term and session) or session > 12 or term > 30:
            continue
        taken.add(match.span())
        found.append(DirectiveMention(
            "plenum", match.span(), body=_en_plenum_body(doc, match), term=term,
            session=session,
            blocked=_blocked(doc, *match.span(), en.blocked_before, en.BLOCK_AFTER)))
    found += _en_speeches(doc, kb, taken)
    found += _en_meetings(doc, taken)
    return found


def _at_anchors(patterns: list[re.Pattern[str]], text: str,
                anchors: list[tuple[int, list[int]]]) -> Iterator[re.Match[str]]:
    """For each anchor, the leftmost match of the first pattern that covers it."""
    for position, starts in anchors:
        if match := _covering(patterns, text, position, starts):
            yield match


def _covering(patterns: list[re.Pattern[str]], text: str, position: int, starts: list[int]
              ) -> re.Match[str] | None:
    for pattern in patterns:
        for start in starts:
            match = pattern.match(text, start)
            if match and match.end() > position:
                return match
    return None


def _en_plenum_body(doc: Doc, match: re.Match[str]) -> str | None:
    named = match.re.groupindex  # one pattern names no committee: no lvl, no place
    level = (match.group("lvl") or "").lower() if "lvl" in named else ""
    place = match.group("place") if "place" in named else None
    if level == "central":
        return "CPC"
    if level:
        return place or "?" + en.LEVEL_WORDS.get(level.split()[0], "province")
    # "the eighth plenary session of the fourteenth session": the subject tells
    head = doc.text[max(0, match.start() - 80):match.start()]
    subject = en.PLENUM_SUBJECT.search(head)
    if subject:
        word = subject.group("lvl").lower()
        return "CPC" if word == "central" else "?" + en.LEVEL_WORDS.get(word, "province")
    return None


def _en_speeches(doc: Doc, kb: KB, taken: DisjointSpans) -> list[DirectiveMention]:
    text = doc.text
    found = []
    anchors = anchored_starts(text, doc.folded, ("xi jin", "general secretary",
                                                 "secretary general"), 8, en.SPEECHES_FIRST,
                              en.FIRST_REACH)
    for match in _at_anchors(en.SPEECHES, text, anchors):
        if not taken.free(match.span()):
            continue
        taken.add(match.span())
        topic, topic_span = _en_topic(match)
        found.append(DirectiveMention(
            "speech", match.span(), body="CPC", speaker="Xi Jinping", topic=topic,
            topic_span=topic_span, framed=_framed(text, match.start(), en.STUDY_FRAME)))
    return found


def _en_topic(match: re.Match[str]) -> tuple[str | None, Span | None]:
    if "topic" in match.re.groupindex and match.group("topic"):
        raw = match.group("topic")
        stripped = raw.strip(" “”\"'‘’")
        start = match.start("topic") + raw.index(stripped[:1]) if stripped else match.start("topic")
        return stripped or None, (start, start + len(stripped)) if stripped else None
    return None, None


def _en_meetings(doc: Doc, taken: DisjointSpans) -> list[DirectiveMention]:
    found = []
    anchors = anchored_starts(doc.text, doc.folded, ("politburo", "political bureau"), 5,
                              en.POLITBURO_FIRST, en.FIRST_REACH)
    for match in _at_anchors([en.POLITBURO_MEETING], doc.text, anchors):
        if not taken.free(match.span()):
            continue
        day = en.month_day(match.group("d1") or match.group("d2") or "")
        found.append(DirectiveMention(
            "meeting", match.span(), body="CPC", day=day, label="Politburo meeting",
            framed=True))
    anchors = anchored_starts(doc.text, doc.folded, ("conference",), 9,
                              en.LOCAL_CONFERENCE_FIRST, en.FIRST_REACH)
    for match in _at_anchors([en.LOCAL_CONFERENCE], doc.text, anchors):
        level = en.LEVEL_WORDS.get(match.group("lvl").lower(), "province")
        found.append(DirectiveMention(
            "meeting", match.span(), body="?" + level, label=match.group("name").strip(),
            framed=True))
    return found


def _framed(text: str, start: int, frame: re.Pattern[str]) -> bool:
    """The mention is the object of a study verb in its own clause ('must study ...')."""
    clause_start = max(text.rfind(c, 0, start) for c in ".;。；!?\n") + 1
    return bool(frame.search(text, clause_start, start))


# -- Chinese ---------------------------------------------------------------------------

def _find_zh(doc: Doc, kb: KB) -> list[DirectiveMention]:
    text = doc.text
    found: list[DirectiveMention] = []
    for match in find_near(zh.PLENUM, text, zh.PLENUM_NEAR):
        term, session = zh_number(match.group("t")), zh_number(match.group("s"))
        if not (term and session):
            continue
        found.append(DirectiveMention(
            "plenum", match.span(), body=_zh_plenum_body(kb, match, text), term=term,
            session=session,
            blocked=_blocked(doc, *match.span(), zh.blocked_before, zh.BLOCK_AFTER)))
    plenums = SpanIndex(m.span for m in found)  # congress matches never overlap each other
    for match in find_near(zh.CONGRESS, text, zh.CONGRESS_NEAR):
        term = zh_number(match.group("t") or match.group("bt") or "")
        if not term or plenums.contains(match.start(), match.start() + 1):
            continue
        found.append(DirectiveMention(
            "congress", match.span(), body="CPC", term=term,
            blocked=_blocked(doc, *match.span(), zh.blocked_before, zh.BLOCK_AFTER)))
    found += _zh_speeches(doc, kb)
    found += _zh_meetings(doc)
    return found


def find_near(pattern: re.Pattern[str], text: str, near: tuple[tuple[str, ...], int, int]
              ) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`, searched only in the windows around its anchor words
    (`near`, see patterns_zh.PLENUM_NEAR): a match lies in the window of an anchor it
    holds, reads nothing outside it, and windows that touch are merged, so each is
    searched as the whole text would be there. Matches do not overlap and each holds
    an anchor: a window around one anchor holds one match at most, and the search stops
    there instead of trying every position up to the window's end."""
    anchors, before, after = near
    for start, end, held in anchored_windows(text, anchors, before, after):
        if held > 1:
            yield from pattern.finditer(text, start, end)
        elif match := pattern.search(text, start, end):
            yield match


def _zh_plenum_body(kb: KB, match: re.Match[str], text: str) -> str | None:
    kind = match.group("kind")
    org = match.group("org1") or match.group("org2") or ""
    if kind == "中全会" or org in ("中央委员会", "中央"):
        return "CPC"
    place = zh.known_place_suffix(kb, text[max(0, match.start() - 8):match.start()])
    if place:
        return place
    return "?" + zh.ORG_LEVEL.get(org, "province") if org else None


def _zh_speeches(doc: Doc, kb: KB) -> list[DirectiveMention]:
    text = doc.text
    found = []
    for match in find_near(zh.SPEECH, text, zh.SPEECH_NEAR):
        who = match.group("who")
        speaker = "Xi Jinping" if "习近平" in who or who == "总书记" else None
        if speaker is None:
            name = match.group("name") or ""
            officials = kb.officials_by_zh.get(name)
            if not officials or officials[0].jurisdiction != "China":
                continue
            speaker = officials[0].name
        topic, topic_span = zh.speech_topic(match)
        found.append(DirectiveMention(
            "speech", match.span(), body="CPC", speaker=speaker, topic=topic,
            topic_span=topic_span, framed=zh.speech_framed(text, match.start())))
    return found


def _zh_meetings(doc: Doc) -> list[DirectiveMention]:
    text = doc.text
    found = []
    for match in find_near(zh.POLITBURO_MEETING, text, zh.POLITBURO_NEAR):
        month, day = match.group("m") or match.group("m2"), match.group("d") or match.group("d2")
        found.append(DirectiveMention(
            "meeting", match.span(), body="CPC", label="Politburo meeting",
            day=f"--{int(month):02d}-{int(day):02d}" if month and day else None, framed=True))
    for match in zh.LOCAL_MEETING.finditer(text):
        level = "province" if match.group("lvl") == "全省" else "city"
        found.append(DirectiveMention(
            "meeting", match.span(), body="?" + level, label=match.group(0).removesuffix("精神"),
            framed=True))
    for match in zh.NATIONAL_MEETING.finditer(text):
        body = "State Council" if "电视电话" in match.group(0) else "CPC"
        found.append(DirectiveMention(
            "meeting", match.span(), body=body, label=match.group("name"),
            framed=_spirit_follows(doc, match.end()) or "落实" in text[match.start() - 8:
                                                                        match.start()]))
    return found
