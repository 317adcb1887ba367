"""Chinese personal names in English text: "Surname Given" in pinyin, and repairs.

A name is a known pinyin surname followed by a capitalised given name that splits into
one to three pinyin syllables ("Zheng Shanjie", "Zhou Xi'an"). A name that is not in
the knowledge base but is one or two letters away from a known official's name with
the same surname ("Xi Jinpin") is repaired to it, and the repair is reported; a name
that is itself well-formed pinyin is another person's unless it differs only by an n/ng
or doubled-letter slip from a national leader's ("Xi Jingping"). Officials
whose names are not "Surname Given" pinyin (Bayanqolu, Nur Bekri: `name_form` in
officials.tsv) are found as the knowledge base spells them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from luoshi.extract.memo import KBMemo
from luoshi.kb.loader import KB

# A lookahead, so that a rejected pair ("Governor Hu") does not swallow the next name.
NAME = re.compile(
    r"(?<![\w’'])(?=(?P<sur>[A-Z][a-zü]{0,7})[ \u00a0]"
    r"(?P<given>[A-Z][a-zü]{0,11}(?:['’-][a-zü]{1,6})?)(?![\w-]))"
)
# NAME in two steps: a capitalised word before another, then, for a known surname only,
# the given name after the space (`find_names` searches both at once, see `NameScan`)
SURNAME_WORD = re.compile(r"(?<![\w’'])[A-Z][a-zü]{0,7}(?=[ \u00a0][A-Z])")
# SURNAME_WORD without its lookbehind, which `find_names` checks on the few known surnames
# (a pattern opening with a lookbehind is tried at every position)
CAPITALISED_WORD = re.compile(r"[A-Z][a-zü]{0,7}(?=[ \u00a0][A-Z])")
WORD_CHAR = re.compile(r"[\w’']")
GIVEN_NAME = re.compile(r"[A-Z][a-zü]{0,11}(?:['’-][a-zü]{1,6})?(?![\w-])")
MAX_GIVEN_SYLLABLES = 3
MAX_SYLLABLE = 6
# Words that begin sentences or headings and spell a surname: only taken as a surname
# when the name is known to the knowledge base or a post stands beside it.
ENGLISH_SURNAME_WORDS = frozenset({"He", "You", "An", "Fan", "Long", "Ban", "Hang", "Men", "Mo"})


@dataclass(frozen=True)
class NameMatch:
    name: str  # as it should be recorded ("Xi Jinping")
    start: int
    end: int
    surface: str  # as printed ("Xi Jinpin")
    known: bool
    repaired: bool


def _segments(word: str, syllables: frozenset[str]) -> int | None:
    """Fewest pinyin syllables `word` splits into, or None."""
    word = word.lower().replace("’", "'").replace("-", "'")
    parts = word.split("'")
    total = 0
    for part in parts:
        count = _split_count(part, syllables)
        if count is None:
            return None
        total += count
    return total


@lru_cache(maxsize=65536)
def _split_count_cached(part: str, syllables: frozenset[str]) -> int | None:
    best: list[int | None] = [0] + [None] * len(part)
    for end in range(1, len(part) + 1):
        for start in range(max(0, end - MAX_SYLLABLE), end):
            prior = best[start]
            if prior is not None and part[start:end] in syllables:
                candidate = prior + 1
                current = best[end]
                if current is None or candidate < current:
                    best[end] = candidate
    return best[len(part)]


def _split_count(part: str, syllables: frozenset[str]) -> int | None:
    return _split_count_cached(part, syllables) if part else None


def is_pinyin_given(word: str, kb: KB) -> bool:
    """Whether the word is a given name of one to three pinyin syllables; remembered (the
    same names recur from report to report, and the answer depends on the knowledge base's
    syllables only)."""
    return _PINYIN_GIVEN.get(word, kb, _is_pinyin_given)


def _is_pinyin_given(word: str, kb: KB) -> bool:
    count = _segments(word, kb.syllables)
    return count is not None and 1 <= count <= MAX_GIVEN_SYLLABLES


_PINYIN_GIVEN: KBMemo[bool] = KBMemo()


def find_names(text: str, kb: KB, start: int = 0, end: int | None = None,
               names_expected: bool = False) -> list[NameMatch]:
    """Pinyin personal names in text[start:end], repaired against known officials.

    Surnames that are also English words ("He", "Fan") count only where names are
    expected (`names_expected`: a credit line), since "He Lin" could be a sentence."""
    end = len(text) if end is None else end
    found: list[NameMatch] = []
    scan = _name_scan(kb)
    last_end = -1
    other_forms = any(text.find(name, start, end) >= 0 for name in scan.unscanned_forms)
    for word in scan.pattern.finditer(text, start, end):
        at = word.start()
        # the scan tries a surname first: another form beginning here is told by its text
        if not other_forms and text.startswith(scan.scanned_forms, at, end):
            other_forms = True
        group = word.lastindex
        # the lookbehind of SURNAME_WORD; a word it rejects cannot hide the next one, which
        # begins after a space
        if group is None or at < last_end or (at and WORD_CHAR.match(text, at - 1)):
            continue
        given, name_end = word.group(group), word.end(group)
        surname = word.group(0)
        surface = f"{surname} {given}"
        reading = _READINGS.get(surface, kb, _read_surface)
        if reading.repaired:
            found.append(NameMatch(reading.name, at, name_end, surface, True, True))
        elif reading.known or ((names_expected or surname not in ENGLISH_SURNAME_WORDS
                                or _title_beside(text, at, name_end, kb))
                               and reading.pinyin_given):
            found.append(NameMatch(reading.name, at, name_end, surface, reading.known, False))
        else:
            continue
        last_end = name_end
    if not other_forms:
        return found
    for match in scan.forms_pattern.finditer(text, start, end):
        if match.start() > 0 and (text[match.start() - 1].isalnum()
                                  or text[match.start() - 1] in "’'"):
            continue  # inside a word
        if not any(n.start < match.end() and match.start() < n.end for n in found):
            found.append(NameMatch(match.group(0), match.start(), match.end(), match.group(0),
                                   True, False))
    return sorted(found, key=lambda n: n.start)


@dataclass(frozen=True)
class SurfaceReading:
    """What `find_names` makes of a "Surname Given" surface, whatever stands around it."""
    name: str  # the repair, else the canonical name
    known: bool  # in the knowledge base's officials (a repair is)
    repaired: bool
    pinyin_given: bool  # whether the given name is pinyin (asked of unknown names only)


def _read_surface(surface: str, kb: KB) -> SurfaceReading:
    known = surface.lower() in kb.officials_by_name
    repaired = None if known else repair_name(surface, kb)
    if repaired:
        return SurfaceReading(repaired, True, True, True)
    given = surface.partition(" ")[2]
    return SurfaceReading(_canonical(surface, kb), known, False,
                          not known and is_pinyin_given(given, kb))


# the same names recur from report to report, and a reading depends on the KB only
_READINGS: KBMemo[SurfaceReading] = KBMemo()


@dataclass(frozen=True)
class NameScan:
    """One search for what `find_names` looks at, built per knowledge base.

    `pattern` matches a known surname that CAPITALISED_WORD would match, with the given
    name after it in its last group (GIVEN_NAME after the space), or, with no group, the
    first letter of one of `scanned_forms` (officials' other name forms). Every
    alternative opens with a letter, so the search skips to those letters; a pattern
    opening with a group or a lookahead would be tried at every position."""
    pattern: re.Pattern[str]
    scanned_forms: tuple[str, ...]  # other forms the pattern's search tells of
    unscanned_forms: tuple[str, ...]  # other forms looked for with str.find
    forms_pattern: re.Pattern[str]  # every other form, found on its own


_SCANS: dict[int, tuple[KB, NameScan]] = {}
SCAN_FORM_START = re.compile(r"[A-Z][^A-Z]")  # where no surname begins, once the first is read


def _name_scan(kb: KB) -> NameScan:
    entry = _SCANS.get(id(kb))
    if entry is None or entry[0] is not kb:
        entry = _SCANS[id(kb)] = (kb, _build_scan(kb))
    return entry[1]


def _capitalised_word(word: str) -> bool:
    """Whether CAPITALISED_WORD matches the whole word before a name."""
    match = CAPITALISED_WORD.match(word + " A")
    return match is not None and match.end() == len(word)


def _build_scan(kb: KB) -> NameScan:
    names, forms_pattern = _other_forms(kb)
    # a form whose match consumes only its capital hides no surname (they start with a
    # capital, and no letter inside a surname word is one)
    scanned = tuple(name for name in names if SCAN_FORM_START.match(name))
    surnames = sorted(s for s in kb.surname_pinyin if _capitalised_word(s))
    given = rf"(?=[ \u00a0]({GIVEN_NAME.pattern}))"
    rests: dict[str, list[str]] = {}
    forms: dict[str, list[str]] = {}
    for surname in surnames:
        rests.setdefault(surname[0], []).append(re.escape(surname[1:]))
    for name in scanned:
        forms.setdefault(name[0], []).append(re.escape(name[1:]))
    branches = []
    for first in sorted(rests.keys() | forms.keys()):
        inner = []
        if first in rests:
            inner.append(f"(?:{'|'.join(rests[first])}){given}")
        if first in forms:
            inner.append(f"(?={'|'.join(forms[first])})")
        branches.append(f"{re.escape(first)}(?:{'|'.join(inner)})")
    pattern = re.compile("|".join(branches) or r"(?!x)x")
    return NameScan(pattern, scanned, tuple(n for n in names if n not in scanned),
                    forms_pattern)


APPOSITIVE = re.compile(r"[ \u00a0]*,[ \u00a0]*(?:the[ \u00a0]+)?")


def _title_beside(text: str, start: int, end: int, kb: KB) -> bool:
    """A post right after the name as an appositive ("He Fang, secretary of the municipal
    party committee") or right before it ("Mayor He Fang"): a place where names go, so
    "He Fang" there is a person, where "He Lin" opening a sentence need not be."""
    from luoshi.extract.titles import post_index

    index = post_index(kb)
    comma = APPOSITIVE.match(text, end)
    if comma and index.en_pattern.match(text, comma.end()):
        return True
    return index.en_tail.search(text, max(0, start - 60), start) is not None


_OTHER_FORMS: dict[int, tuple[tuple[str, ...], re.Pattern[str]]] = {}


def _other_forms(kb: KB) -> tuple[tuple[str, ...], re.Pattern[str]]:
    """The known names that are not "Surname Given" pinyin, and one pattern for them."""
    forms = _OTHER_FORMS.get(id(kb))
    if forms is None:
        names = tuple(sorted({o.name for o in kb.officials if o.name_form}, key=len,
                             reverse=True))
        pattern = re.compile(r"(?:" + "|".join(map(re.escape, names)) + r")(?![\w’'])"
                             if names else r"(?!x)x")
        forms = _OTHER_FORMS[id(kb)] = (names, pattern)
    return forms


def _canonical(surface: str, kb: KB) -> str:
    officials = kb.officials_by_name.get(surface.lower())
    return officials[0].name if officials else surface.replace("’", "'")


_REPAIRS: KBMemo[str | None] = KBMemo()  # the same names recur from report to report


def repair_name(surface: str, kb: KB) -> str | None:
    """`_repair_name`, remembered."""
    return _REPAIRS.get(surface, kb, _repair_name)


def _repair_name(surface: str, kb: KB) -> str | None:
    """A known official's name one or two edits from `surface`, same surname, or None.

    When the surface is itself a well-formed pinyin name it is most likely another person's
    ("Hu Chunhui" is not Hu Chunhua, "Wang Shan" not Wang Qishan, "Li Xiu" not Li Xi), and
    it is repaired only to a national leader's name (those every report prints, and so
    the ones misprinted), for the slips that turn a name into other valid pinyin: an 'n'
    that lost or gained its 'g' ("Xi Jinpin", "Xi Jingping") or a doubled letter ("Wang
    Hunning"). "Wang Zhenwei, secretary of the municipal party committee" stays himself
    though Wang Zhengwei once headed Ningxia.
    A possessive ("Xi Jinpin's") is repaired as the name without it.
    """
    surname, _, given = surface.partition(" ")
    given = given.lower().replace("’", "'")
    if given.endswith("'s") and len(given) > 3:
        given = given[:-2]
        if f"{surname} {given}".lower() in kb.officials_by_name:
            return _canonical(f"{surname} {given}", kb)
    if is_pinyin_given(given, kb):
        # only a national leader's name a slip away (the first): any other is too far
        for key, name in _national_by_surname(kb).get(surname.lower(), ()):
            if key != surface.lower() and _slip(given, key.partition(" ")[2]):
                return name
        return None
    best: tuple[int, str] | None = None
    for key, officials in kb.officials_by_surname.get(surname.lower(), {}).items():
        if key == surface.lower():
            continue
        known_given = key.partition(" ")[2]
        limit = 1 if len(known_given) <= 5 else 2
        distance = edit_distance(given, known_given, limit)
        if distance <= limit and (best is None or distance < best[0]):
            best = (distance, officials[0].name)
    return best[1] if best else None


_NATIONAL: dict[int, tuple[KB, dict[str, tuple[tuple[str, str], ...]]]] = {}


def _national_by_surname(kb: KB) -> dict[str, tuple[tuple[str, str], ...]]:
    """Per surname, the keys of `officials_by_surname` that name a national leader, in its
    order, each with the name a repair gives."""
    entry = _NATIONAL.get(id(kb))
    if entry is None or entry[0] is not kb:
        table = {surname: tuple((key, officials[0].name) for key, officials in keys.items()
                                if any(o.jurisdiction == "China" for o in officials))
                 for surname, keys in kb.officials_by_surname.items()}
        entry = _NATIONAL[id(kb)] = (kb, table)
    return entry[1]


def _slip(a: str, b: str) -> bool:
    """True when one of a, b is the other with one letter added that makes valid pinyin
    of a typo: 'g' after 'n' (jinpin/jinping) or a letter doubled (huning/hunning)."""
    if len(a) == len(b) + 1:
        a, b = b, a
    if len(b) != len(a) + 1:
        return False
    at = next((i for i, (x, y) in enumerate(zip(a, b[:len(a)], strict=True)) if x != y), len(a))
    if b[at + 1:] != a[at:]:
        return False
    added = b[at]
    return (added == "g" and at > 0 and b[at - 1] == "n") or (at > 0 and b[at - 1] == added) \
        or b[at + 1:at + 2] == added


def edit_distance(a: str, b: str, limit: int, substitution: int = 1) -> int:
    """Levenshtein distance (a substitution costing `substitution`), stopping early once it
    exceeds `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + substitution * (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


PLACE_MAX_SYLLABLES = 4  # county names are two or three syllables ("Cili", "Changting")
ENGLISH_WORDS = frozenset({"the", "new", "west", "east", "north", "south", "central", "high",
                           "party", "city", "county", "district"})


def is_pinyin_name(words: str, syllables: frozenset[str]) -> bool:
    """True for a capitalised pinyin place word ("Cili", "Changting"), not an English one."""
    parts = words.split()
    if len(parts) != 1 or not parts[0][:1].isupper() or parts[0].lower() in ENGLISH_WORDS:
        return False
    count = _segments(parts[0], syllables)
    return count is not None and 2 <= count <= PLACE_MAX_SYLLABLES
