"""A name mention, the role ranking and the sentences read, shared by both languages."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from luoshi.extract.text import EN_SENTENCE_END, ZH_SENTENCE_END, matches_at, sentences
from luoshi.record import Span, Title

ROLE_RANK = {"presided": 4, "spoke": 3, "reported": 2, "attended": 1}


@dataclass
class Mention:
    name: str
    start: int
    end: int
    zh: str | None = None
    titles: list[Title] = field(default_factory=list)
    invoked: bool = False  # quoted or invoked, not taking part ("General Secretary Xi Jinping's")
    known: bool = False  # in the knowledge base's officials
    repaired_from: str | None = None
    group_end: int = 0  # end of the coordinated list this mention belongs to


def better(current: tuple[str, Span] | None, role: str, span: Span) -> tuple[str, Span]:
    if current is None or ROLE_RANK[role] > ROLE_RANK[current[0]]:
        return (role, span)
    return current


def sentences_read(text: str, lang: str, first: int, last: int) -> list[Span]:
    """The sentences of the lines from the one holding `first` to the one holding `last`
    (a language's `assign_roles` reads no sentence before its first mention, nor after its
    last mention and pronoun). A line's sentences are the text's (every line break lies in
    a sentence end: a test holds `sentences` to this), so only the lines read are split."""
    line_end = text.find("\n", last)
    return sentences(text, lang, text.rfind("\n", 0, first) + 1,
                     len(text) if line_end < 0 else line_end)


def sentences_holding(text: str, lang: str, positions: list[int]) -> list[Span]:
    """The sentences `sentences_read` gives that hold one of the positions, in order.

    `assign_roles` reads only the sentences holding a mention or a pronoun: each is found
    from the sentence ends nearest the position in its line, not by splitting the lines
    from the first to the last (`_sentence_holding`)."""
    found: list[Span] = []
    for position in sorted(positions):
        if found and found[-1][0] <= position < found[-1][1]:
            continue
        span = _sentence_holding(text, lang, position, found[-1][0] if found else 0)
        if span is not None and (not found or found[-1] != span):
            found.append(span)
    return found


def _sentence_holding(text: str, lang: str, position: int, floor: int = 0) -> Span | None:
    """The sentence of `sentences(text, lang, line_start, line_end)` holding `position`, for
    the line holding it, or None (white space between sentences). `floor`, the start of a
    sentence before the position, bounds the search back: in the position's line, the
    mark ending that sentence lies after it; in an earlier one, a line break does.

    In a line (no line break) a sentence end opens with one of four marks and holds no
    other (only closing quotes and white space after it), so no two overlap and the
    pattern's search tries every mark: the sentence ends are those of the marks where the
    pattern matches, and a search from any place finds the first of them after it. The
    sentence holding the position runs from the end of the nearest one before it (the
    marks tried going back from it) to the end of the first one after it."""
    zh = lang == "zh"
    pattern = ZH_SENTENCE_END if zh else EN_SENTENCE_END
    first, second, third, fourth = "。！？；" if zh else ".!?;"
    line_start = max(text.rfind("\n", floor, position) + 1, floor)
    line_end = text.find("\n", position)
    line_end = len(text) if line_end < 0 else line_end
    start = line_start
    end = -1
    limit = position
    while True:  # back: the nearest match before the position (it may run past it)
        mark = max(text.rfind(first, line_start, limit), text.rfind(second, line_start, limit),
                   text.rfind(third, line_start, limit), text.rfind(fourth, line_start, limit))
        if mark < 0:
            break
        match = pattern.match(text, mark, line_end)
        if match is not None:
            if match.end() <= position:
                start = match.end()
                break
            end = match.end()  # the position lies in this sentence end
        limit = mark
    if end < 0:
        match = pattern.search(text, position, line_end)
        end = line_end if match is None else match.end()
    segment = text[start:end]
    core = segment.strip()
    left = start + len(segment) - len(segment.lstrip())
    if core and left <= position < left + len(core):
        return (left, left + len(core))
    return None


def spans_from_characters(pattern: re.Pattern[str], text: str, firsts: str, start: int
                          ) -> list[Span]:
    """The spans of pattern.finditer(text, start), for a pattern whose every match opens
    with one of the characters `firsts`: tried only where str.find finds one (it skips to
    one character quickly; a search tests a class at each character, and str.find of two
    characters is slow in a text that is not ASCII)."""
    places = []
    for first in firsts:
        at = text.find(first, start)
        while at >= 0:
            places.append(at)
            at = text.find(first, at + 1)
    if not places:
        return []
    places.sort()
    return [match.span() for match in matches_at(pattern, text, places, start)]
