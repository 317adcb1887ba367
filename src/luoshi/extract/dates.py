"""The day the meeting was held (step).

Found in the lead, never inside a directive's name ("the July 24 Politburo meeting"):
a full date is `stated`; a month and day take the year of the release date (`stated`,
or `inferred` when no release date is printed: then the year is the first after the
directive's end, or the one in which the officials present held their posts); a day
alone ("on the 24th", 24日), today and yesterday are `relative` to the release date or
the dateline. Without any of these the year stays unknown: "--MM-DD" and a warning.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from luoshi.extract.directives.mentions import lead_end
from luoshi.extract.directives.patterns_en import MONTHS
from luoshi.extract.doc import Doc
from luoshi.extract.text import earliest_match, folds_plainly, word_led
from luoshi.kb.loader import KB

EN_MONTH = r"(?P<mon>" + "|".join(m.capitalize() for m in MONTHS) + "|" + "|".join(
    m[:3].capitalize() for m in MONTHS) + r"|Sept)\.?"
# Each pattern with a probe: the year pattern, or words one of which each match holds,
# looked for in the folded text (lower case) first, so that a region where the probe finds
# nothing is not searched; a test checks the probes against the patterns' matches.
# Patterns start with a character class or a literal, not with `\b` or a lookbehind: the
# search then skips to the positions that character can be at instead of trying every one
# (`(?<!\w\d)` after a first digit is `\b` before it).
Probe = re.Pattern[str] | tuple[str, ...] | None
YEAR_PROBE = re.compile(r"(?:19|20)\d\d")
EN_DATES: list[tuple[str, re.Pattern[str], Probe]] = [
    ("full", re.compile(EN_MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)"),
     YEAR_PROBE),
    ("full", re.compile(r"(?P<d>\d\d?)(?:st|nd|rd|th)?\s+" + EN_MONTH + r",?\s+(?P<y>(?:19|20)\d\d)"),
     YEAR_PROBE),
    ("full", re.compile(r"(?P<y>(?:19|20)(?<![\d-]\d\d)\d\d)-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?![\d-])"),
     YEAR_PROBE),
    ("month_day", re.compile(EN_MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?\b"), None),
    ("month_day", re.compile(r"(?P<d>\d(?<!\w\d)\d?)(?:st|nd|rd|th)?\s+(?:of\s+)?" + EN_MONTH), None),
    ("day", word_led([r"on\s+the\s+(?:(?:morning|afternoon|evening)\s+of\s+the\s+)?"
                      r"(?P<d>\d{1,2})(?:st|nd|rd|th)\b"]), None),
    ("today", word_led([r"today\b", r"this\s+(?:morning|afternoon|evening)\b"]),
     ("today", "morning", "afternoon", "evening")),
    ("yesterday", word_led([r"yesterday\b", r"last\s+night\b"]), ("yesterday", "night")),
    ("recently", word_led([r"recently\b", r"a\s+few\s+days\s+ago\b", r"the\s+other\s+day\b"]),
     ("recently", "few", "other")),
]
ZH_DATES: list[tuple[str, re.Pattern[str], Probe]] = [
    ("full", re.compile(r"(?P<y>(?:19|20)\d\d)年(?P<m>\d{1,2})月(?P<d>\d{1,2})日"), None),
    ("month_day", re.compile(r"(?P<m>\d(?<![\d年]\d)\d?)月(?P<d>\d{1,2})日"), None),
    ("day", re.compile(r"(?P<d>\d(?<![\d月]\d)\d?)日(?!讯|电)"), None),
    ("today", re.compile(r"今天|今日|当天"), None),
    ("yesterday", re.compile(r"昨天|昨日"), None),
    ("recently", re.compile(r"近日|日前|近期"), None),
]
EN_FORMS = [(form, pattern) for form, pattern, _ in EN_DATES]
ZH_FORMS = [(form, pattern) for form, pattern, _ in ZH_DATES]
# Where each pattern's matches start, so that its search begins near the first of them
# (`_first_places`): at a digit, at a month name before a digit, at "on the", or anywhere.
# A test checks every match against it.
EN_STARTS = ["month", "digit", "digit", "month", "digit", "day", None, None, None]
ZH_STARTS = ["digit", "digit", "digit", None, None, None]
DIGIT = re.compile(r"\d")
DAY_SCOUT = re.compile(r"on\s+the\s")  # searched in the folded text: lower case, as re.I's
MONTH_BEFORE = re.compile(EN_MONTH + r"\Z")
LONGEST_MONTH = len("September.")
MONTH_NUMBER = {m[:3]: i for i, m in enumerate(MONTHS, start=1)} | {"sep": 9}
MAX_LAG_FOR_INFERENCE = 366
LONGEST_DATE = 80  # characters; no date pattern above matches more


@dataclass
class DateFound:
    form: str
    start: int
    end: int
    year: int | None = None
    month: int | None = None
    day: int | None = None


def find_date(doc: Doc, kb: KB) -> None:
    """Step: event.date, event.date_basis, event.date_span."""
    found = _first_date(doc)
    if found is None:
        doc.warn("meeting date not found")
        return
    doc.event.date_span = (found.start, found.end)
    base = doc.dateline or doc.published
    if found.form == "recently":
        doc.warn("meeting date given only as 'recently'")
        return
    if found.form == "full":
        doc.event.date, doc.event.date_basis = _iso(found.year, found.month, found.day), "stated"
    elif found.form in ("today", "yesterday") and base:
        day = date.fromisoformat(base) - timedelta(days=1 if found.form == "yesterday" else 0)
        doc.event.date, doc.event.date_basis = day.isoformat(), "relative"
    elif found.form == "day" and base:
        doc.event.date, doc.event.date_basis = _day_before(base, found.day or 1), "relative"
    elif found.form == "month_day" and base:
        year = int(base[:4])
        candidate = _iso(year, found.month, found.day)
        if candidate and candidate > base:
            candidate = _iso(year - 1, found.month, found.day)
        doc.event.date, doc.event.date_basis = candidate, "stated"
    elif found.form == "month_day":
        _infer_year(doc, kb, found)
    else:
        doc.warn("meeting date is relative to a release date that is not printed")


def _first_date(doc: Doc) -> DateFound | None:
    text = doc.text
    masked = [m.span for m in doc.directive_mentions]
    patterns, forms, starts = ((ZH_DATES, ZH_FORMS, ZH_STARTS) if doc.lang == "zh"
                               else (EN_DATES, EN_FORMS, EN_STARTS))

    def rejected(match: re.Match[str]) -> bool:
        at = match.start()
        for mask_start, mask_end in masked:
            if mask_start <= at < mask_end:
                return True
        return doc.skipped(at, match.end())

    lead = lead_end(doc)
    for start, end in ((doc.body_start, lead), (0, doc.body_start), (lead, len(text))):
        first, order = _first_places(text, doc.folded, start, end, patterns, starts)
        found = earliest_match(text, start, end, forms, rejected, LONGEST_DATE, first, order)
        if found is not None:
            return _parsed(*found)
    return None


def _first_places(text: str, folded: str, start: int, end: int,
                  patterns: list[tuple[str, re.Pattern[str], Probe]], starts: list[str | None]
                  ) -> tuple[Callable[[int, int], int], list[int]]:
    """`earliest_match`'s `first` and `order` for the date patterns in text[start:end]: the
    place each pattern's search can start from (`end` if its probe finds nothing in the
    folded text), and those that can start earliest first.

    `starts` says where a pattern's matches start. A "digit" match starts at a digit: at the
    first or after it. A "month" match is a month name (and a point) and white space before
    its first digit: at the region's first digit it starts where such a name ends at that
    digit's white space, at a later digit past the first (the name and the white space hold
    no digit). A "day" match starts where DAY_SCOUT finds "on the" in the folded text (a
    literal: a quick search). The others can start anywhere: they are searched last.
    """
    region = folded[start:end]
    plain = region.isascii()  # then fold left no letter re.I reads otherwise, and no digit
    digit = start + _first_digit(region) if plain else _first_match(DIGIT, text, start, end)
    plainly = plain or folds_plainly(text, start, end)
    at = {"digit": digit, None: start}
    if "month" in starts:
        at["month"] = _month_before(text, start, digit, end)
    if "day" in starts:
        at["day"] = _first_match(DAY_SCOUT, folded, start, end)
    places = [at[kind] for kind in starts]
    probes = {index: probe for index, (_, _, probe) in enumerate(patterns)
              if probe is not None} if plainly else {}
    probed: dict[Probe, bool] = {}

    def first(index: int, before: int) -> int:
        if index in probes and places[index] < before:
            probe = probes[index]
            if probe not in probed:  # a probe serving several patterns (the year's) once
                # earliest_match reads no further than its best match's start + LONGEST_DATE,
                # and that start only moves left (`before` is it, or it + 1 for a tie)
                stop = min(end, before + LONGEST_DATE)
                probed[probe] = (probe.search(folded, digit, stop) is not None
                                 if probe is YEAR_PROBE else _probe_finds(probe, region[:stop - start]))
            if not probed[probe]:
                return end
        return places[index]

    anywhere = starts.index(None)  # those listed last
    return first, sorted(range(anywhere), key=places.__getitem__) + list(
        range(anywhere, len(starts)))


# each ASCII digit to "0", every other byte to a space: `find` then skips to a digit at once
DIGITS_MARKED = bytes(ord("0") if 48 <= byte <= 57 else ord(" ") for byte in range(256))


def _first_digit(region: str) -> int:
    """Where the first digit of an ASCII region is (its length if none)."""
    found = region.encode().translate(DIGITS_MARKED).find(b"0")
    return len(region) if found < 0 else found


def _first_match(pattern: re.Pattern[str], text: str, start: int, end: int) -> int:
    found = pattern.search(text, start, end)
    return found.start() if found else end


def _month_before(text: str, start: int, digit: int, end: int) -> int:
    """Where a match of a month-first pattern can start at the earliest: at a month name
    (and a point) that ends where the white space before the first digit begins, else
    past that digit."""
    if digit >= end:
        return end
    space = digit
    while space > start and text[space - 1].isspace():  # what \s matches
        space -= 1
    if space < digit:
        month = MONTH_BEFORE.search(text, max(start, space - LONGEST_MONTH), space)
        if month:
            return month.start()
    return digit + 1


def _probe_finds(probe: Probe, region: str) -> bool:
    if probe is None:
        return True
    if isinstance(probe, tuple):  # `in`: faster than a regex of common first letters
        return any(map(region.__contains__, probe))
    return probe.search(region) is not None


def _parsed(form: str, match: re.Match[str]) -> DateFound:
    groups = match.groupdict()
    month = groups.get("m")
    month_number = int(month) if month else (
        MONTH_NUMBER.get(groups["mon"][:3].lower()) if groups.get("mon") else None)
    return DateFound(form, match.start(), match.end(),
                     year=int(groups["y"]) if groups.get("y") else None, month=month_number,
                     day=int(groups["d"]) if groups.get("d") else None)


def _iso(year: int | None, month: int | None, day: int | None) -> str | None:
    try:
        return date(year or 0, month or 0, day or 0).isoformat()
    except ValueError:
        return None


MAX_DAYS_BACK = 61  # 'on the 31st' two months back at most, past a month without a 31st


def _day_before(base: str, day: int) -> str | None:
    """The latest date not after `base` whose day of month is `day` ('on the 24th'), at most
    MAX_DAYS_BACK days before it: in base's month, else in one of the two before."""
    current = date.fromisoformat(base)
    year, month = current.year, current.month
    if day > current.day:
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    for _ in range(2):
        try:
            candidate = date(year, month, day)
        except ValueError:  # no such day that month (the 30th of February)
            year, month = (year, month - 1) if month > 1 else (year - 1, 12)
            continue
        return candidate.isoformat() if (current - candidate).days <= MAX_DAYS_BACK else None
    return None


def _infer_year(doc: Doc, kb: KB, found: DateFound) -> None:
    month_day = f"{found.month:02d}-{found.day:02d}"
    from_directive = _year_after_directives(doc, kb, month_day)
    from_officials = _years_of_officials(doc, kb, month_day)
    year: int | None = None
    if from_directive and (not from_officials or from_directive in from_officials):
        year = from_directive
    elif from_directive:
        doc.warn(f"year {from_directive} from the directive; officials present suggest "
                 f"{sorted(from_officials)}")
        year = from_directive
    elif len(from_officials) == 1:
        year = next(iter(from_officials))
    if year is None:
        doc.event.date, doc.event.date_basis = "--" + month_day, None
        doc.warn("year of the meeting date unknown")
        return
    doc.event.date, doc.event.date_basis = _iso(year, found.month, found.day), "inferred"


def _year_after_directives(doc: Doc, kb: KB, month_day: str) -> int | None:
    """The first year in which month_day falls after the latest directive's end."""
    ends = []
    for mention in doc.directive_mentions:
        if mention.blocked:
            continue
        if mention.kind in ("congress", "plenum") and mention.body in ("CPC", None):
            entry = kb.directive_by_key.get((mention.kind, "CPC", mention.term, mention.session))
            if entry and entry.date_end:
                ends.append(entry.date_end)
        elif len(mention.catalogue) == 1:
            entry = kb.directive_by_id[mention.catalogue[0]]
            if entry.date_end:
                ends.append(entry.date_end)
    if not ends:
        return None
    latest = max(ends)
    year = int(latest[:4])
    candidate = f"{year:04d}-{month_day}"
    if candidate < latest:
        year += 1
    return year


def _years_of_officials(doc: Doc, kb: KB, month_day: str) -> set[int]:
    """Years in which every participant known to the knowledge base held a post they hold."""
    years: set[int] | None = None
    for person in doc.event.people:
        officials = kb.officials_by_name.get(person.name.lower())
        if not officials:
            continue
        posts = {t.post for t in person.titles}
        relevant = [o for o in officials if not posts or o.post in posts] or officials
        held = {y for o in relevant for y in range(int(o.start[:4]), int((o.end or "2026")[:4]) + 1)
                if o.holds_on(f"{y:04d}-{month_day}")}
        years = held if years is None else years & held
    return years or set()
