"""Sentences and paragraphs of a text, as spans; and what makes searches skip ahead.

Python's `re` scans quickly only for a pattern's literal prefix or leading character
class; `\\b` or a lookbehind first, or re.I, means a match attempt at every character.
`word_led` compiles case-insensitive word alternations that open with a class;
`anchored_starts`/`anchored_windows` give the few places a pattern holding an anchor word
can match; `earliest_match` finds the first match of several patterns.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from luoshi.record import Span

# Only where a match ends counts. A match starts at the punctuation or line break itself,
# one class of characters for every alternative, so that the search skips to those
# characters; lookbehinds then tell which was found. (The definitions, which a test holds
# these to: `[.!?;][\"”’)]*\s+(?=[\"“‘(]*[A-Z0-9])|\n\s*\n|\n` and `[。！？；][”’」』）)]*|\n+`.)
EN_SENTENCE_END = re.compile(r"[.!?;\n](?:(?<=\n)\s*\n|(?<=\n)|[\"”’)]*\s+(?=[\"“‘(]*[A-Z0-9]))")
ZH_SENTENCE_END = re.compile(r"[。！？；\n](?:(?<=\n)\n*|[”’」』）)]*)")
PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n(?=\s*\S)")


def sentences(text: str, lang: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentence spans of text[start:end], stripped of surrounding white space."""
    end = len(text) if end is None else end
    pattern = ZH_SENTENCE_END if lang == "zh" else EN_SENTENCE_END
    spans: list[Span] = []
    cursor = start
    for match in pattern.finditer(text, start, end):
        _add_stripped(text, cursor, match.end(), spans)
        cursor = match.end()
    _add_stripped(text, cursor, end, spans)
    return spans


def paragraphs(text: str, start: int = 0) -> list[Span]:
    spans: list[Span] = []
    cursor = start
    for match in PARAGRAPH_BREAK.finditer(text, start):
        _add_stripped(text, cursor, match.start(), spans)
        cursor = match.end()
    _add_stripped(text, cursor, len(text), spans)
    return spans


def _add_stripped(text: str, start: int, end: int, spans: list[Span]) -> None:
    segment = text[start:end]
    core = segment.strip()  # str.strip removes what str.isspace calls space
    if core:
        left = start + len(segment) - len(segment.lstrip())
        spans.append((left, left + len(core)))


def containing(spans: list[Span], position: int) -> Span | None:
    for span in spans:
        if span[0] <= position < span[1]:
            return span
    return None


def anchored_windows(folded: str, anchors: tuple[str, ...], before: int, after: int
                     ) -> list[tuple[int, int, int]]:
    """Merged windows around each occurrence of an anchor word in the folded text, each
    with the number of occurrences it was merged from.

    Patterns that can only match near a word ("plenary", "congress") are run in these
    windows instead of over the whole text: a few string searches instead of a regex
    attempt at every character.
    """
    spans: list[Span] = []
    for anchor in anchors:
        position = folded.find(anchor)
        while position >= 0:
            spans.append((max(0, position - before), min(len(folded), position + after)))
            position = folded.find(anchor, position + 1)
    spans.sort()
    merged: list[tuple[int, int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            last_start, last_end, held = merged[-1]
            merged[-1] = (last_start, max(end, last_end), held + 1)
        else:
            merged.append((start, end, 1))
    return merged


WORD_START = re.compile(r"(?:(?<=\s)|(?<=^)|(?<=[“\"‘(]))[^\s]")  # the definition
# what \s matches (the characters str.isspace takes; a test scans Unicode for them): in a
# class of characters, a table lookup where \s is a call for each character scanned
WHITE_SPACE = r"\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
# the same starts, found from the character before each (a pattern that opens with a
# character class is scanned for quickly; one of lookbehinds is tried at every position)
BEFORE_WORD_START = re.compile(f"[{WHITE_SPACE}“\"‘(](?=[^{WHITE_SPACE}])")


def anchored_starts(text: str, folded: str, anchors: tuple[str, ...], words_before: int,
                    first: re.Pattern[str] | None = None, reach: int = 0
                    ) -> list[tuple[int, list[int]]]:
    """For each anchor occurrence: (its position, word starts up to N words before it).

    A pattern that must contain the anchor is tried with `match` at these starts only,
    leftmost first, instead of being searched for across the text.

    `first`, if given, keeps only the starts a match can begin at. Searched in the folded
    text, where the patterns' letters are lower-case, it finds the character before such a
    start (reading at most `reach` characters past the start). Where the window holds any
    of STRAY_LETTERS, which re.I matches but folding leaves, all starts are kept. One quick
    scan finds the few starts worth trying, and the word starts are counted back from the
    first of them only; anchors without one are left out.
    """
    result = []
    for anchor in anchors:
        position = folded.find(anchor)
        while position >= 0:
            window_start = max(0, position - 16 * words_before)
            starts = None if first is None else _gated_starts(
                text, folded, window_start, position, words_before, first, reach)
            if starts is None:
                starts = word_starts(text, window_start, position + 1)[-(words_before + 1):]
            if starts:
                result.append((position, starts))
            position = folded.find(anchor, position + 1)
    result.sort()
    return result


def _gated_starts(text: str, folded: str, window_start: int, position: int, words_before: int,
                  first: re.Pattern[str], reach: int) -> list[int] | None:
    """`word_starts(text, window_start, position + 1)[-(words_before + 1):]`, those of them
    at which `first` finds the character before (None if the window holds a stray letter:
    folding leaves those, so the folded text cannot tell where re.I matches)."""
    scan_from, limit = max(0, window_start - 1), position + 2 + reach  # what `first` reads
    if not folds_plainly(folded, scan_from, limit):  # fold keeps the stray letters
        return None
    # folding makes a space of what is no space in the text (a dash): the text tells
    starts = [match.end() for match in first.finditer(folded, scan_from, limit)
              if match.end() <= position and ((before := text[match.start()]).isspace()
                                              or before in "“\"‘(")]
    if window_start == 0 and not text[:1].isspace() and first.match(" " + folded[:limit]):
        starts.insert(0, 0)
    # a word start is a character: at most words_before + 1 of them from there on
    if starts and position - starts[0] > words_before:
        cutoff = _last_word_start(text, starts[0], position + 1, words_before + 1)
        starts = [s for s in starts if s >= cutoff]
    return starts


# what opens a word besides white space (WORD_START's lookbehinds)
WORD_OPENER = re.compile("[“\"‘(]")


def _last_word_start(text: str, start: int, end: int, count: int) -> int:
    """The first of the last `count` word starts in text[start:end] (or `start`), where
    `start` is a word start. Without a quote or bracket inside, the word starts are where
    the pieces str.split gives begin (str.split splits at what \\s matches): two C calls
    find them instead of a regex match object for each word."""
    if WORD_OPENER.search(text, start, end - 1):
        words = word_starts(text, start, end)
        return words[-count] if len(words) > count else start
    head = text[start:end].rsplit(None, count - 1)[0]  # up to the end of the first of them
    pieces = head.rsplit(None, 1)
    return start + len(head) - len(pieces[-1]) if len(pieces) == 2 else start


def word_starts(text: str, start: int, end: int) -> list[int]:
    """Where words start in text[start:end] (as WORD_START finds them)."""
    found = [start] if start == 0 and end > 0 and not text[0].isspace() else []
    found += [m.end() for m in BEFORE_WORD_START.finditer(text, max(0, start - 1), end)]
    return found


# Letters besides its two cases that re.I matches to an ASCII letter (dotted and dotless
# i, the Kelvin sign, long s; a test scans Unicode for them). `fold` leaves them alone.
IGNORECASE_EXTRA = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}
STRAY_LETTERS = "".join(IGNORECASE_EXTRA.values())


def ignorecase_letters(letters: str) -> str:
    """The characters re.I matches for these lower-case ASCII letters (for a class)."""
    return "".join(letter + letter.upper() + IGNORECASE_EXTRA.get(letter, "")
                   for letter in sorted(set(letters)))


def word_led(alternatives: list[str]) -> re.Pattern[str]:
    r"""`\b(?:a|b|...)` matched case-insensitively, for alternatives that each start with an
    ASCII letter, compiled so that a search skips to the letters they start with.

    `\b` first, or re.I on the whole, makes the search try every position. Here the pattern
    opens with a class of the first letters in each case re.I takes (a class without re.I
    is scanned for quickly); the lookbehind after it is the `\b` before it, and each
    alternative, case-insensitive, follows a lookbehind for its own first letter. A property
    test holds it to the plain form.
    """
    firsts = ""
    branches = []
    for alternative in alternatives:
        first, rest = alternative[0], alternative[1:]
        if not "a" <= first.lower() <= "z":
            raise ValueError(f"{alternative!r} does not start with a letter")
        letters = ignorecase_letters(first.lower())
        firsts += "".join(c for c in letters if c not in firsts)
        branches.append(f"(?<=[{letters}])(?i:{rest})")
    return re.compile(f"[{firsts}](?<!\\w.)(?:{'|'.join(branches)})")


def matches_at(pattern: re.Pattern[str], text: str, places: Iterable[int], start: int = 0,
               end: int | None = None) -> Iterator[re.Match[str]]:
    """What pattern.finditer(text, start, end) finds, given every place where a match can
    start (ascending; repeats and places before `start` are harmless): the pattern is
    tried at those places only, each past the end of the last match (for a pattern that
    matches no empty string)."""
    end = len(text) if end is None else end
    cursor = start
    for place in places:
        if place >= cursor and (match := pattern.match(text, place, end)):
            cursor = match.end()
            yield match


def folds_plainly(text: str, start: int, end: int) -> bool:
    """Whether a case-insensitive pattern can match in text[start:end] only where its
    lower-case words are in the folded text (no letter above folds otherwise). `fold`
    keeps those letters: the folded text may be asked instead of the text."""
    if text.isascii():  # known without reading the text
        return True
    region = text[start:end]  # a copy: then known at once (a report's lead mostly is ASCII)
    if region.isascii():
        return True
    # four `in` tests, each a quick scan for one character: faster than one regex
    return all(letter not in region for letter in STRAY_LETTERS)


def earliest_match(text: str, start: int, end: int, patterns: list[tuple[str, re.Pattern[str]]],
                   rejected: Callable[[re.Match[str]], bool], longest: int,
                   first: Callable[[int, int], int] | None = None,
                   order: Iterable[int] | None = None) -> tuple[str, re.Match[str]] | None:
    """The leftmost acceptable match of any pattern in text[start:end], with its label.

    Where two patterns match at the same place the one listed first wins. Once a match is
    found, the patterns searched after it are searched only up to where a match starting
    before it could end (`longest` is the longest match any pattern can make), not to the
    end of the region.

    `first(index, before)`, if given, is a place before which pattern `index` has no match
    (`before` or more if it has none before `before`): its search starts there, and a pattern
    that cannot match before the match found so far is not searched at all. (A search from
    there finds what one from `start` finds: lookbehinds still see the text before it.)
    `order`, if given, is the order in which to search the patterns (all of them, in any
    order: the one listed first still wins a tie); those that can match earliest first, the
    match they find rules the others out.
    """
    best: tuple[str, re.Match[str]] | None = None
    best_index = -1
    for index in range(len(patterns)) if order is None else order:
        label, pattern = patterns[index]
        # a match of a pattern listed before the best one wins at the same place
        before = end if best is None else best[1].start() + (index < best_index)
        begin = start if first is None else max(start, first(index, before))
        if begin >= before:
            continue
        limit = end if best is None else min(end, best[1].start() + longest)
        for match in pattern.finditer(text, begin, limit):
            if match.start() >= before:
                break
            if rejected(match):
                continue
            best, best_index = (label, match), index
            break
    return best
