"""Explicitly enumerated tasks: "First, ... Second, ...", "The first is to ...", 一是……二是……,
第一……第二……, （一）（二） (step).

An enumeration starts at one and goes up by one; a new "first" starts a new list, and a
list of one item is not an enumeration. An item runs to the next marker; the last item
of a list runs to the end of its paragraph.
"""

from __future__ import annotations

import re

from luoshi.extract.doc import Doc
from luoshi.extract.numbers import EN_ORDINAL_WORDS, zh_number
from luoshi.extract.text import paragraphs
from luoshi.kb.loader import KB
from luoshi.record import Task

EN_ORDINALS = "|".join(w for w, n in EN_ORDINAL_WORDS.items() if n <= 12)
# the word alone (a leading \b or "the" would be tried at every position: a third slower);
# the word start and a preceding "the" are checked at each match
EN_ORDINAL_WORD = re.compile(rf"(?P<ord>{EN_ORDINALS})(?:ly)?\b")
THE_BEFORE = re.compile(r"(?:^|(?<=\W))the\s+$")
EN_AFTER_ORDINAL = re.compile(r"(?:\s+(?:one\s+)?(?:is|are)(?:\s+to)?\s+|\s*[,:：，]\s*)")
EN_BEFORE_MARKER = re.compile(r"(?:^|[.;:!?\n]|,)\s*$")
ZH_MARKER = re.compile(
    r"(?:(?<=^)|(?<=[。；：，！？\n]))\s*(?:"
    r"(?P<a>[一二三四五六七八九十]{1,2})(?:是|要|要在|方面|个方面)[，、：:]?"
    r"|第(?P<b>[一二三四五六七八九十]{1,2})(?:[，、：:]|是|要)"
    r"|[（(](?P<c>[一二三四五六七八九十]{1,2})[）)]"
    r"|(?P<d>\d{1,2})[、.．](?!\d))",
    re.M,
)
MAX_TASK_CHARS = 2000
LEADING_FILLER = re.compile(r"^(?:to\s+|is\s+to\s+)", re.I)
TRIM = " ;；,，。.:"  # punctuation around an item's text


def find_tasks(doc: Doc, kb: KB) -> None:
    """Step: event.tasks."""
    markers = _markers(doc)
    if len(markers) < 2:  # a list of one item is not an enumeration
        doc.event.tasks = []
        return
    ends = [p[1] for p in paragraphs(doc.text, doc.body_start)]
    tasks: list[Task] = []
    run: list[tuple[int, int, int]] = []  # (ordinal, marker start, text start)
    list_number = 0

    def close(run: list[tuple[int, int, int]]) -> None:
        nonlocal list_number
        if len(run) < 2:
            return
        list_number += 1
        for index, (ordinal, _, text_start) in enumerate(run):
            if index + 1 < len(run):
                text_end = run[index + 1][1]
            else:
                text_end = next((e for e in ends if e > text_start), len(doc.text))
            text_end = min(text_end, text_start + MAX_TASK_CHARS)
            start, text = _trimmed(doc.text[text_start:text_end])
            tasks.append(Task(list=list_number, ordinal=ordinal, text=text,
                              span=(text_start + start, text_start + start + len(text))))

    for ordinal, marker_start, text_start in markers:
        if ordinal == 1:
            close(run)
            run = [(ordinal, marker_start, text_start)]
        elif run and ordinal == run[-1][0] + 1:
            run.append((ordinal, marker_start, text_start))
        else:
            close(run)
            run = []
    close(run)
    doc.event.tasks = tasks


def _trimmed(raw: str) -> tuple[int, str]:
    """An item's text without its punctuation, "to" and white space around, and where
    it starts in `raw`."""
    core = raw.lstrip(TRIM)
    start = len(raw) - len(core)
    core = core.rstrip(TRIM)
    filler = LEADING_FILLER.match(core)
    if filler:
        start += filler.end()
        core = core[filler.end():]
    return start + len(core) - len(core.lstrip()), core.strip()


def _markers(doc: Doc) -> list[tuple[int, int, int]]:
    found = []
    if doc.lang == "zh":
        for match in ZH_MARKER.finditer(doc.text, doc.body_start):
            word = match.group("a") or match.group("b") or match.group("c") or match.group("d")
            number = zh_number(word or "")
            if number and not doc.skipped(match.start(), match.end()):
                found.append((number, match.start(), match.end()))
    else:
        text, folded = doc.text, doc.folded
        for match in EN_ORDINAL_WORD.finditer(folded, doc.body_start):
            start = match.start()
            if start and (folded[start - 1].isalnum() or folded[start - 1] == "_"):
                continue  # inside a word
            the = THE_BEFORE.search(folded, max(doc.body_start, start - 12), start)
            start = the.start() if the else start
            after = EN_AFTER_ORDINAL.match(text, match.end())
            if not after or not EN_BEFORE_MARKER.search(text, max(0, start - 3), start):
                continue
            number = EN_ORDINAL_WORDS.get(match.group("ord"))
            if number and not doc.skipped(start, after.end()):
                found.append((number, start, after.end()))
    return found
