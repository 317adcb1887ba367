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
        self.compiled: list[tuple[re.Pattern[str], tuple[str, ...], str, str]] = []

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
        self.compiled = [(re.compile(source, re.I), gate_words(source), kind, ref)
                         for source, kind, ref in self.regexes]
        gates = {word for _, words, _, _ in self.compiled for word in words}
        for key in self.values.keys() | gates:
            refs = tuple(self.values.get(key, ()))
            self.automaton.add_word(key, (len(key), is_latin(key), refs, key in gates))
        if self.values or gates:
            self.automaton.make_automaton()
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
        """All hits in the folded text; Latin keys only on word boundaries.

        The same pass finds the gate words of the catalogue's regexes: a regex runs only
        on texts that hold every literal word it cannot match without.
        """
        hits: list[Hit] = []
        if not self.values and not self.compiled:
            return hits
        size = len(folded)
        present: set[str] = set()
        for end_index, (length, latin, refs, gate) in self.automaton.iter(folded):
            start, end = end_index - length + 1, end_index + 1
            if gate:
                present.add(folded[start:end])
            if not refs or (latin and (
                (start > 0 and _word_char(folded[start - 1]))
                or (end < size and _word_char(folded[end]))
            )):
                continue
            hits.extend(Hit(start, end, kind, ref, latin) for kind, ref in refs)
        for pattern, words, kind, ref in self.compiled:
            if not present.issuperset(words):
                continue
            hits.extend(Hit(m.start(), m.end(), kind, ref, True) for m in pattern.finditer(folded))
        return hits


MIN_GATE_LENGTH = 4  # shorter literals are in nearly every text and filter nothing
MAX_GATES = 2  # the longest literals of a regex filter best; more only add hits to count
QUANTIFIERS = "?*{"
LITERAL_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789 "


def gate_words(source: str) -> tuple[str, ...]:
    """Literal runs of the regex `source` that every match must contain (the longest few).

    A run is letters, digits and spaces outside groups, classes and counts (matched case-
    insensitively, so lower-cased), broken by any other character or escape; a character
    made optional by `?`, `*` or `{` is cut off its run. A top-level `|` means nothing is
    required. Returning fewer words than are required is always safe: it only lets the
    regex run on more texts.
    """
    depth, escaped, runs, current = 0, False, [], ""
    for index, raw in enumerate(source):
        char = raw.lower()
        if escaped:
            escaped = False
            continue
        if char == "\\":
            escaped = True
        elif char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif char == "|" and depth == 0:
            return ()
        elif depth == 0 and char in LITERAL_CHARS:
            following = source[index + 1:index + 2]
            if following and following in QUANTIFIERS:
                runs.append(current)
                current = ""
            else:
                current += char
            continue
        runs.append(current)
        current = ""
    runs.append(current)
    words = {run.strip() for run in runs if len(run.strip()) >= MIN_GATE_LENGTH}
    return tuple(sorted(words, key=lambda w: (-len(w), w))[:MAX_GATES])


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
