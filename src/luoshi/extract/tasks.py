"""Explicitly enumerated tasks: "First, ... Second, ...", "The first is to ...", 一是……二是……,
第一……第二……, （一）（二） (step).

An enumeration starts at one and goes up by one; a new "first" starts a new list, and a
list of one item is not an enumeration. An item runs to the next marker; the last item
of a list runs to the end of its paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from luoshi.extract.doc import Doc
from luoshi.extract.numbers import EN_ORDINAL_WORDS, zh_number
from luoshi.extract.text import matches_at
from luoshi.kb.loader import KB
from luoshi.record import Task

EN_ORDINAL_LIST = tuple(w for w, n in EN_ORDINAL_WORDS.items() if n <= 12)
EN_ORDINALS = "|".join(EN_ORDINAL_LIST)
# the word alone (a leading \b or "the" would be tried at every position: a third slower);
# the word start and a preceding "the" are checked at each match. It is tried only where
# a word is: a search for it tries the common letters of their starts ("f", "s", "t", "e",
# "n") at every position. Instead, one search for "th" (a literal start, which the search
# skips to), looking around it for the rest of "third", "fourth", ... and each word's
# name in an empty group; and str.find for the others ("first", "second").
EN_ORDINAL_WORD = re.compile(rf"(?P<ord>{EN_ORDINALS})(?:ly)?\b")
EN_TH_START = tuple(w for w in EN_ORDINAL_LIST if w.startswith("th"))
EN_TH_END = tuple(w for w in EN_ORDINAL_LIST if w.endswith("th") and w not in EN_TH_START)
EN_NO_TH = tuple(w for w in EN_ORDINAL_LIST if w not in EN_TH_START + EN_TH_END)
# Each alternative after "th" starts with a letter or a word boundary, which fails at once
# on "the", "that", "this" (most "th"s): a lookahead or lookbehind first is a nested match
# at every one. A word's group, "<word>ly" for its "ly" form, says where the word starts.
EN_TH_BEFORE = "[" + "".join(sorted({w[-3] for w in EN_TH_END})) + "]"  # "fifth": "f"
EN_TH = re.compile(
    "th(?:" + "|".join(rf"{w[2:]}(?P<{w}>)" for w in EN_TH_START)
    + rf"|\b(?<={EN_TH_BEFORE}th)(?:"
    + "|".join(rf"(?<={w})(?P<{w}>)" for w in EN_TH_END)
    + rf")|ly\b(?<={EN_TH_BEFORE}thly)(?:"
    + "|".join(rf"(?<={w}ly)(?P<{w}ly>)" for w in EN_TH_END) + "))")
# where the word starts, from the start of its "th"
EN_TH_OFFSET = dict.fromkeys(EN_TH_START, 0) | {
    form: 2 - len(w) for w in EN_TH_END for form in (w, w + "ly")}
# the definitions of _the_before and _after_clause_end (a test holds them to these): each
# regex, searched in a few characters, tries every one of them, a lookbehind at each
THE_BEFORE = re.compile(r"(?:^|(?<=\W))the\s+$")
EN_BEFORE_MARKER = re.compile(r"(?:^|[.;:!?\n]|,)\s*$")
EN_AFTER_ORDINAL = re.compile(r"(?:\s+(?:one\s+)?(?:is|are)(?:\s+to)?\s+|\s*[,:：，]\s*)")
ZH_MARKER = re.compile(
    r"(?:(?<=^)|(?<=[。；：，！？\n]))\s*(?:"
    r"(?P<a>[一二三四五六七八九十]{1,2})(?:是|要|要在|方面|个方面)[，、：:]?"
    r"|第(?P<b>[一二三四五六七八九十]{1,2})(?:[，、：:]|是|要)"
    r"|[（(](?P<c>[一二三四五六七八九十]{1,2})[）)]"
    r"|(?P<d>\d{1,2})[、.．](?!\d))",
    re.M,
)
# where ZH_MARKER can start (after these, or at the text's start), with what must follow:
# a search for a character class skips ahead; one for a lookbehind tries every position
ZH_MARKER_AFTER = re.compile(
    r"[。；：，！？\n](?=\s*(?:[一二三四五六七八九十]{1,2}(?:是|要|方面|个方面)"
    r"|第[一二三四五六七八九十]{1,2}(?:[，、：:]|是|要)|[（(][一二三四五六七八九十]{1,2}[）)]"
    r"|\d{1,2}[、.．](?!\d)))"
)
MAX_TASK_CHARS = 2000
LEADING_FILLER = re.compile(r"^(?:to\s+|is\s+to\s+)", re.I)
# the characters re.I takes for the "t" or "i" LEADING_FILLER starts with: an item that
# starts with none (most) is not matched
FILLER_FIRST = frozenset("tTiIİı")
TRIM = " ;；,，。.:"  # punctuation around an item's text


def find_tasks(doc: Doc, kb: KB) -> None:
    """Step: event.tasks."""
    tasks: list[Task] = []
    for list_number, run in enumerate(_enumerations(_markers(doc)), 1):
        for index, (ordinal, _, text_start) in enumerate(run):
            if index + 1 < len(run):
                text_end = run[index + 1][1]
            else:
                text_end = _paragraph_end(doc.text, text_start)
            text_end = min(text_end, text_start + MAX_TASK_CHARS)
            start, text = _trimmed(doc.text[text_start:text_end])
            # list, ordinal, text, span: by position, quicker than by keyword
            tasks.append(Task(list_number, ordinal, text,
                              (text_start + start, text_start + start + len(text))))
    doc.event.tasks = tasks


Marker = tuple[int, int, int]  # (ordinal, marker start, text start)


def _enumerations(markers: list[Marker]) -> list[list[Marker]]:
    """The runs of markers that start at one and go up by one, of two or more (a list of
    one item is not an enumeration); a new "first" starts a new run."""
    runs = []
    run: list[Marker] = []
    for marker in markers:
        if marker[0] == 1:
            run = [marker]
            runs.append(run)
        elif run and marker[0] == run[-1][0] + 1:
            run.append(marker)
        else:
            run = []
    return [run for run in runs if len(run) > 1]


def _trimmed(raw: str) -> tuple[int, str]:
    """An item's text without its punctuation, "to" and white space around, and where
    it starts in `raw`."""
    core = raw.lstrip(TRIM)
    start = len(raw) - len(core)
    core = core.rstrip(TRIM)
    filler = LEADING_FILLER.match(core) if core[:1] in FILLER_FIRST else None
    if filler:
        start += filler.end()
        core = core[filler.end():]
    return start + len(core) - len(core.lstrip()), core.strip()


def _paragraph_end(text: str, position: int) -> int:
    """The first end after `position` of a paragraph of text.paragraphs (from a start at or
    before it): paragraphs are the lines that hold more than white space, so the end of
    this line's text, else of the next line's that has some."""
    cursor = position
    while True:
        newline = text.find("\n", cursor)
        line = text[cursor:] if newline < 0 else text[cursor:newline]
        content = line.rstrip()
        if content:
            return cursor + len(content)
        if newline < 0:
            return len(text)
        cursor = newline + 1


def _ordinal_words(folded: str, start: int) -> list[tuple[int, int, str]]:
    """What EN_ORDINAL_WORD.finditer(folded, start) finds, as (start, end, ordinal), read
    where a word occurs: no ordinal begins another, so the word there is the one its
    alternatives can match; then "ly" and a word boundary, or a boundary."""
    places = []
    for th in EN_TH.finditer(folded, start):
        form = th.lastgroup or ""
        places.append((th.start() + EN_TH_OFFSET[form], form.removesuffix("ly")))
    for word in EN_NO_TH:
        at = folded.find(word, start)
        while at >= 0:
            places.append((at, word))
            at = folded.find(word, at + 1)
    places.sort()
    found = []
    cursor = start  # past the end of the last match, as finditer goes on
    for at, word in places:
        if at < cursor:
            continue
        end = at + len(word)
        if folded.startswith("ly", end) and not _word_character(folded, end + 2):
            end += 2
        elif _word_character(folded, end):
            continue
        found.append((at, end, word))
        cursor = end
    return found


def _word_character(text: str, index: int) -> bool:
    """Whether text[index] is one that \\w matches (alphanumeric, or "_")."""
    return index < len(text) and (text[index].isalnum() or text[index] == "_")


def _the_before(folded: str, low: int, start: int) -> int:
    """Where THE_BEFORE.search(folded, low, start) starts, else -1: the last "the" in
    reach, which white space alone (and some) parts from `start` and no word character
    precedes. (An earlier "the" has this one's letters, no white space, after it.)"""
    at = folded.rfind("the", low, start)
    if at < 0 or not folded[at + 3:start].isspace():  # str.isspace: what \s matches
        return -1
    return -1 if at and _word_character(folded, at - 1) else at  # "^": the text's start


CLAUSE_ENDS = ".;:!?,"


def _after_clause_end(text: str, low: int, start: int) -> bool:
    """Whether EN_BEFORE_MARKER.search(text, low, start) finds a match: white space alone
    runs back from `start` to a line break, to one of CLAUSE_ENDS, or (with low 0) to the
    text's start."""
    window = text[low:start]
    core = window.rstrip()
    if "\n" in window[len(core):]:
        return True
    return core[-1] in CLAUSE_ENDS if core else low == 0


def _zh_markers(text: str, start: int) -> Iterator[re.Match[str]]:
    """ZH_MARKER.finditer(text, start), the pattern tried where ZH_MARKER_AFTER finds it
    can start."""
    places = [0] if start == 0 else []
    places += [m.end() for m in ZH_MARKER_AFTER.finditer(text, max(0, start - 1))]
    return matches_at(ZH_MARKER, text, places, start)


def _markers(doc: Doc) -> list[Marker]:
    found = []
    if doc.lang == "zh":
        for match in _zh_markers(doc.text, doc.body_start):
            word = match.group("a") or match.group("b") or match.group("c") or match.group("d")
            number = zh_number(word or "")
            if number and not doc.skipped(match.start(), match.end()):
                found.append((number, match.start(), match.end()))
    else:
        text, folded = doc.text, doc.folded
        for start, end, word in _ordinal_words(folded, doc.body_start):
            if start and _word_character(folded, start - 1):
                continue  # inside a word
            after = EN_AFTER_ORDINAL.match(text, end)
            if not after:  # "the First Plenary Session": most words end here
                continue
            the = _the_before(folded, max(doc.body_start, start - 12), start)
            start = start if the < 0 else the
            if not _after_clause_end(text, max(0, start - 3), start):
                continue
            number = EN_ORDINAL_WORDS.get(word)
            if number and not doc.skipped(start, after.end()):
                found.append((number, start, after.end()))
    return found
