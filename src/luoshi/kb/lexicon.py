"""The lexicon: every surface of the knowledge base in one Aho-Corasick automaton.

One pass over the folded text finds formulations, places, officials and outlets at
once; `scan` returns every hit that sits on word boundaries (for Latin keys). Choosing
among overlapping hits is left to each extractor (longest match wins, no overlaps).
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

import ahocorasick

from luoshi.normalize import fold

if TYPE_CHECKING:
    from luoshi.kb.loader import KB

FORMULATION = "formulation"
PLACE = "place"
PLACE_NICKNAME = "place_nickname"
OFFICIAL = "official"
OUTLET = "outlet"
DIRECTIVE = "directive"
REGEX_PREFIX = "re:"


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    kind: str
    ref: str
    latin: bool

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


def fold_key(surface: str) -> str:
    """A surface as the automaton stores it: folded, with runs of spaces made single."""
    return " ".join(fold(surface).split())


def is_latin(key: str) -> bool:
    return any("a" <= c <= "z" or "0" <= c <= "9" for c in key)


def _word_char(char: str) -> bool:
    return char.isascii() and char.isalnum()


class Lexicon:
    def __init__(self) -> None:
        self.automaton = ahocorasick.Automaton()
        self.values: dict[str, list[tuple[str, str]]] = defaultdict(list)
        self.regexes: list[tuple[str, str, str]] = []
        self.compiled: list[tuple[re.Pattern[str], str | None, str, str]] = []

    def add(self, surface: str, kind: str, ref: str) -> None:
        if surface.startswith(REGEX_PREFIX):
            source = surface[len(REGEX_PREFIX):]
            try:
                re.compile(source, re.I)
            except re.error:
                return  # `luoshi kb check` reports it; one bad row must not stop extraction
            self.regexes.append((source, kind, ref))
            return
        key = fold_key(surface)
        if key and (kind, ref) not in self.values[key]:
            self.values[key].append((kind, ref))

    def finish(self) -> Lexicon:
        for key, refs in self.values.items():
            self.automaton.add_word(key, (len(key), is_latin(key), tuple(refs)))
        if self.values:
            self.automaton.make_automaton()
        self.compiled = [(re.compile(source, re.I), required_word(source), kind, ref)
                         for source, kind, ref in self.regexes]
        return self

    @classmethod
    def build(cls, kb: KB) -> Lexicon:
        lexicon = cls()
        for f in kb.formulations:
            for surface in (f.zh, *f.variants_zh, *f.variants_en):
                lexicon.add(surface, FORMULATION, f.zh)
        for place in kb.places:
            for surface in (place.name, place.zh, *place.aliases_en, *place.aliases_zh):
                lexicon.add(surface, PLACE, place.id)
            for surface in place.nicknames:
                lexicon.add(surface, PLACE_NICKNAME, place.id)
        for official in kb.officials:
            lexicon.add(official.name, OFFICIAL, official.name)
            if official.zh:
                lexicon.add(official.zh, OFFICIAL, official.name)
        for directive in kb.directives:
            if directive.kind not in ("congress", "plenum"):
                for surface in (*directive.labels_en, *directive.variants_zh):
                    lexicon.add(surface, DIRECTIVE, directive.id)
        for outlet in kb.outlets:
            for surface in (outlet.zh, *outlet.variants_en):
                lexicon.add(surface, OUTLET, outlet.zh)
        return lexicon.finish()

    def scan(self, folded: str) -> list[Hit]:
        """All hits in the folded text; Latin keys only on word boundaries."""
        hits: list[Hit] = []
        if not self.values:
            return hits
        size = len(folded)
        for end_index, (length, latin, refs) in self.automaton.iter(folded):
            start, end = end_index - length + 1, end_index + 1
            if latin and (
                (start > 0 and _word_char(folded[start - 1]))
                or (end < size and _word_char(folded[end]))
            ):
                continue
            hits.extend(Hit(start, end, kind, ref, latin) for kind, ref in refs)
        for pattern, word, kind, ref in self.compiled:
            if word is not None and word not in folded:
                continue  # a regex runs only on texts holding the word it cannot match without
            hits.extend(Hit(m.start(), m.end(), kind, ref, True) for m in pattern.finditer(folded))
        return hits


MIN_REQUIRED_WORD = 4  # shorter words are in nearly every text and filter nothing


def required_word(source: str) -> str | None:
    """The longest word every match of the regex `source` must contain, if it has one.

    Only letters outside groups and classes count, not after a backslash, and not when a
    quantifier follows; a top-level `|` means no word is required.
    """
    depth, escaped, words, current = 0, False, [], ""
    for index, char in enumerate(source):
        if escaped:
            escaped, current = False, ""
            continue
        if char == "\\":
            escaped = True
            words.append(current)
            current = ""
            continue
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "|" and depth == 0:
            return None
        if depth == 0 and char.isalpha() and char.islower():
            current += char
            following = source[index + 1:index + 2]
            if following in ("?", "*", "{"):
                current = ""
            continue
        words.append(current)
        current = ""
    words.append(current)
    best = max(words, key=len, default="")
    return best if len(best) >= MIN_REQUIRED_WORD else None


def longest_first(hits: list[Hit]) -> list[Hit]:
    """Non-overlapping hits, the longest winning where hits overlap, in text order.

    Taken intervals are kept sorted by start, so each overlap test is a bisection:
    n log n, not n squared, for texts with thousands of hits.
    """
    starts: list[int] = []
    ends: list[int] = []
    chosen: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (h.start - h.end, h.start)):
        index = bisect.bisect_left(starts, hit.start)
        if index < len(starts) and starts[index] < hit.end:
            continue
        if index > 0 and ends[index - 1] > hit.start:
            continue
        starts.insert(index, hit.start)
        ends.insert(index, hit.end)
        chosen.append(hit)
    return sorted(chosen, key=lambda h: h.start)
