"""People in English reports: pinyin names, their titles, and role cues.

Roles come from verbs whose subject is the name: "Governor Zheng Shanjie presided over",
"Zhang Xuerong, undersecretary of the party, chaired", "presided over by Hu Changsheng",
"Huang Jiansheng, Wang Zhijun and other provincial leaders attended", "Wang Hao's
speech", "He emphasized" (the last participant named).
"""

from __future__ import annotations

import re
from bisect import bisect_left

from luoshi.extract.doc import Doc
from luoshi.extract.names import find_names
from luoshi.extract.people.mention import (
    Mention,
    better,
    sentences_holding,
    spans_from_characters,
)
from luoshi.extract.spans import ByStart
from luoshi.extract.text import word_led
from luoshi.extract.titles import en_titles_after, en_titles_before
from luoshi.kb.loader import KB
from luoshi.record import Span

# Each role's cue words, every alternative opening with a letter: the definition is
# `word_pattern(alternatives)`, searched as `fast_word_pattern(alternatives)`
ROLE_CUE_WORDS = [
    ("presided", [r"presided(?:\s+over)?", "chaired", "hosted", "moderated", "officiated"]),
    ("spoke", [
        r"emphasi[sz]ed", "stressed", r"pointed\s+out", "said", "noted", "spoke", "remarked",
        "underlined", "underscored", "urged", "demanded", "required", "asked",
        r"called\s+(?:on|for|upon)", r"put\s+forward",
        *(verb + r"\s+(?:an?\s+)?(?:important\s+|keynote\s+|mobili[sz]ation\s+)?"
          r"(?:speech|address|remarks|talk)" for verb in ("made", "delivered", "gave")),
        r"summed\s+up", "expounded"]),
    ("reported", [
        r"reported\s+on", "reported", "briefed",
        *(verb + r"\s+(?:an?\s+)?(?:[\w-]+\s+)?(?:report|briefing|lecture|presentation)"
          for verb in ("made", "gave", "delivered"))]),
    ("attended", [
        "attended", "participated", r"took\s+part",
        *(verb + r"\s+(?:present|in\s+attendance)" for verb in ("was", "were"))]),
]
def word_pattern(alternatives: list[str]) -> re.Pattern[str]:
    """Whole words, case ignored: the definition of a cue."""
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.I)


def fast_word_pattern(alternatives: list[str]) -> re.Pattern[str]:
    """`word_pattern(alternatives)` (each opening with a letter), as a pattern the search
    skips through to those letters (`text.word_led`)."""
    return word_led([rf"{alternative}\b" for alternative in alternatives])


def first_letter_groups(alternatives: list[str]) -> dict[str, list[str]]:
    """The alternatives (each opening with a lower-case letter) by that letter, each group
    in their order: at one place only one group can match, as the plain alternation does."""
    groups: dict[str, list[str]] = {}
    for alternative in alternatives:
        groups.setdefault(alternative[0], []).append(alternative[1:])
    return groups


def lower_trie(alternatives: list[str]) -> str:
    """The alternatives as whole words to be found in a lower-cased text, grouped by first
    letter: taken case-sensitively, the letters are literals, which an alternation checks
    without a call each."""
    groups = first_letter_groups(alternatives)
    return "(?:" + "|".join(f"{first}(?:{'|'.join(rests)})"
                            for first, rests in groups.items()) + r")\b"


def cue_scan(role_words: list[tuple[str, list[str]]]) -> re.Pattern[str]:
    """Searched in a lower-cased text: the character before each word start where a cue of
    some role matches (the search stops at the characters that are not ASCII word
    characters only; the lookbehind then drops the other word characters), and group
    i + 1 holds role i's match there, if any (each in a lookahead, so cues of different
    roles may overlap). See `role_cues`."""
    every = lower_trie([a for _, words in role_words for a in words])
    roles = "".join(f"(?=({lower_trie(words)})?)" for _, words in role_words)
    return re.compile(rf"[^a-z0-9_](?={every})(?<=\W){roles}")


def cues_at(role_words: list[tuple[str, list[str]]]) -> re.Pattern[str]:
    """Every role's cue at one place, each in a lookahead, so cues of different roles may
    overlap: group i + 1 holds role i's match of `fast_word_pattern` there, if any; a place
    where no role has one is no match."""
    lookaheads = "".join(f"(?=({fast_word_pattern(words).pattern})?)" for _, words in role_words)
    none_matched = "(?!)"
    for number in range(len(role_words), 0, -1):
        none_matched = f"(?({number})|{none_matched})"
    return re.compile(lookaheads + none_matched)


ROLE_CUES = [(role, word_pattern(words)) for role, words in ROLE_CUE_WORDS]
FAST_ROLE_CUES = [(role, fast_word_pattern(words)) for role, words in ROLE_CUE_WORDS]
ROLES = tuple(role for role, _ in ROLE_CUE_WORDS)
CUE_SCAN = cue_scan(ROLE_CUE_WORDS)
CUES_AT = cues_at(ROLE_CUE_WORDS)
# what re.I matches to an ASCII letter but lower() does not make it: where a text holds
# one, the cues are looked for at every word start (as `role_cues` reads them)
UNLOWERED_LETTERS = ("\u0131", "\u017f")  # dotless i, long s (İ lowers to two characters)
PASSIVE_BY = re.compile(r"\s+by\s+", re.I)
# "the requirements put forward by X", "as demanded by X": a demand made by someone is
# invoked, not a speech at the meeting (unlike "presided over by X")
DEMAND_CUE = re.compile(r"(?:required|demanded|asked|urged|put\s+forward|called\s+\w+)$",
                        re.I)
INVOKING_TITLE = re.compile(
    r"(?:General\s+Secretary|Secretary[- ]General|Comrade|President|Premier|Chairman)\s+$", re.I)
POSSESSIVE_SPEECH = re.compile(r"['’]s?\s+(?:important\s+|keynote\s+)?(?:speech|address|remarks)",
                               re.I)
POSSESSIVE = re.compile(r"['’]s?\b")
LIST_GAP = re.compile(r"^\s*(?:,|、|，|and|,\s*and|as\s+well\s+as)\s*$", re.I)
# several speakers of one verb: "X, ..., Y and other entrepreneurs spoke", "X and Y spoke
# one after another" (attending is always shared by a list)
OTHERS_BEFORE = re.compile(r"\band\s+other\s+(?:[\w-]+\s+){1,3}$|\b(?:successively|respectively"
                           r"|in\s+turn|both|each)\s+$", re.I)
# A match of INVOKING_TITLE or OTHERS_BEFORE holds one of these in lower case (each a
# part of its words without i, k or s, which re.I also matches with other letters): a
# text without them is not searched
INVOKING_TITLE_WORDS = ("general", "comrade", "dent", "prem", "rman")
OTHERS_BEFORE_WORDS = ("other", "ucce", "pect", "turn", "both", "each")
IN_TURN_AFTER = re.compile(r"\s+(?:one\s+after\s+another|successively|in\s+turn|respectively"
                           r"|separately)\b", re.I)
PRONOUN = re.compile(r"(?<![\w’'])(?:He|She)\s+$")
PRONOUN_ANYWHERE = re.compile(r"\b(?:He|She)\s")
# PRONOUN_ANYWHERE as searched: opening with its capitals (the search skips to them), the
# boundary checked after the first letter
FAST_PRONOUN_ANYWHERE = re.compile(r"(?:H(?<!\wH)e|S(?<!\wS)he)\s")
MAX_SUBJECT_DISTANCE = 260


def find_mentions(doc: Doc, kb: KB) -> list[Mention]:
    text = doc.text
    mentions = []
    for name in find_names(text, kb):
        if doc.skipped(name.start, name.end):
            continue
        titles = en_titles_before(text, name.start, kb) + en_titles_after(text, name.end, kb)
        before = text[max(0, name.start - 40):name.start]
        invoked = bool(may_match(before, INVOKING_TITLE_WORDS) and INVOKING_TITLE.search(before)
                       ) or _central_possessive(
            text, name.end, name.name, kb)
        mentions.append(Mention(
            name=name.name, start=name.start, end=name.end, titles=titles, invoked=invoked,
            known=name.known, repaired_from=name.surface if name.repaired else None))
    return mentions


def may_match(window: str, words: tuple[str, ...]) -> bool:
    """Whether the window holds one of the words, case ignored (a pattern's gate)."""
    lower = window.lower()
    for word in words:  # noqa: SIM110  - a loop, not any() over a generator: half the time
        if word in lower:
            return True
    return False


def _central_possessive(text: str, end: int, name: str, kb: KB) -> bool:
    """'Xi Jinping's ...': a central leader's possessive invokes him, not his presence."""
    if not POSSESSIVE.match(text, end):
        return False
    officials = kb.officials_by_name.get(name.lower(), [])
    return any(o.jurisdiction == "China" for o in officials)


def assign_roles(doc: Doc, kb: KB, mentions: list[Mention]) -> dict[str, tuple[str, Span]]:
    roles: dict[str, tuple[str, Span]] = {}
    if not mentions:  # no sentence holds a subject, and no pronoun has one to stand for
        return roles
    text = doc.text
    last_participant: Mention | None = None
    starts = [m.start for m in mentions]
    # mentions come in text order: a sentence's mentions are a slice of them
    by_start = None if starts == sorted(starts) else ByStart(mentions, lambda m: m.start)
    first = min(starts)
    # a sentence without mentions is read only for a pronoun after one: the pronouns after
    # the first mention, each found once (a sentence holds one if the whole text has one
    # inside it: the pattern's lookbehind sees before a search's start anyway); the other
    # sentences are passed over, so only those holding either are found
    pronouns = _pronouns(text, first)
    for start, end in sentences_holding(text, "en", starts + [at for at, _ in pronouns]):
        inside = (by_start.within(start, end) if by_start else
                  mentions[bisect_left(starts, start):bisect_left(starts, end)])
        if not inside and not (last_participant and _holds(pronouns, start, end)):
            continue
        for cue_start, cue_end, role in role_cues(text, start, end):
            subjects = _subjects(text, inside, cue_start, cue_end, role)
            if not subjects and PRONOUN.search(text, max(start, cue_start - 8), cue_start):
                subjects = [last_participant] if last_participant else []
            for mention in subjects:
                roles[mention.name] = better(roles.get(mention.name), role, (cue_start, cue_end))
                last_participant = mention
        for mention in inside:
            if POSSESSIVE_SPEECH.match(text, mention.end) and not mention.invoked:
                roles[mention.name] = better(roles.get(mention.name), "spoke",
                                             (mention.start, mention.end))
                last_participant = mention
    return roles


def role_cues(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Each role's FAST_ROLE_CUES matches in text[start:end] (as its finditer finds them),
    by start, roles in their order at one place.

    Four searches through the sentence stopped at most letters. Here one search of the
    lower-cased sentence (CUE_SCAN) stops at the characters before words only, and tells
    each role's match at the few places where some cue begins: lower() keeps each
    character one character, word or not, space or not, and makes a letter exactly when
    re.I takes it for that ASCII letter, but for UNLOWERED_LETTERS.
    """
    # from the character before the sentence, which the cues' lookbehind sees
    lowered = (" " + text[:end] if start == 0 else text[start - 1:end]).lower()
    if len(lowered) != end - start + 1 or (not lowered.isascii() and (
            UNLOWERED_LETTERS[0] in lowered or UNLOWERED_LETTERS[1] in lowered)):
        return _role_cues_at_every_place(text, start, end)
    cues: list[tuple[int, int, str]] = []
    reach = [1] * len(ROLES)  # where each role's next match may begin, in `lowered`
    offset = start - 1
    for found in CUE_SCAN.finditer(lowered):
        spans = found.regs  # the match's, then group i + 1's: (-1, -1) where role i has none
        for index, role in enumerate(ROLES):
            cue_start, cue_end = spans[index + 1]
            if cue_start >= reach[index]:
                cues.append((offset + cue_start, offset + cue_end, role))
                reach[index] = cue_end
    return cues


def _role_cues_at_every_place(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """`role_cues` for a text that lower() does not keep: every role tried at every place."""
    cues: list[tuple[int, int, str]] = []
    reach = [start] * len(ROLES)
    for place in range(start, end):
        found = CUES_AT.match(text, place, end)
        if found is None:
            continue
        for index, role in enumerate(ROLES):
            cue_start, cue_end = found.span(index + 1)
            if cue_start >= reach[index]:
                cues.append((cue_start, cue_end, role))
                reach[index] = cue_end
    return cues


def _pronouns(text: str, start: int) -> list[Span]:
    """FAST_PRONOUN_ANYWHERE's matches from `start`, tried at each H and S (most reports
    have no such pronoun, and few of these capitals)."""
    return spans_from_characters(FAST_PRONOUN_ANYWHERE, text, "HS", start)


def _holds(pronouns: list[Span], start: int, end: int) -> bool:
    """Whether one of the pronouns (sorted, apart) lies in [start, end): the first one
    starting there, if any does."""
    index = bisect_left(pronouns, (start, start))
    return index < len(pronouns) and pronouns[index][1] <= end


def _subjects(text: str, inside: list[Mention], cue_start: int, cue_end: int,
              role: str) -> list[Mention]:
    passive = PASSIVE_BY.match(text, cue_end)
    if passive and role == "spoke" and DEMAND_CUE.search(text, cue_start, cue_end):
        return []
    if passive:
        after = [m for m in inside if m.start >= passive.end() and not m.invoked]
        if not after or after[0].start - passive.end() > 120:
            return []
        group = [after[0]]
        for nxt in after[1:]:
            if LIST_GAP.match(text[group[-1].end:nxt.start]):
                group.append(nxt)
            else:
                break
        return group if role == "attended" else group[:1]
    before = [m for m in inside if m.end <= cue_start]
    if not before:
        return []
    nearest = before[-1]
    if nearest.invoked or cue_start - nearest.end > MAX_SUBJECT_DISTANCE:
        return []
    if len(before) == 1:  # no name before it to share the verb: whether several do is moot
        return [nearest]
    several = role == "attended" or bool(
        (may_match(text[max(0, cue_start - 60):cue_start], OTHERS_BEFORE_WORDS)
         and OTHERS_BEFORE.search(text, max(0, cue_start - 60), cue_start))
        or IN_TURN_AFTER.match(text, cue_end))
    if not several:
        return [nearest]
    group = [nearest]
    for previous in reversed(before[:-1]):
        gap = text[previous.end:group[0].start]
        if previous.invoked or not (LIST_GAP.match(gap) or _titled_gap(gap, previous)):
            break
        group.insert(0, previous)
    return group


def _titled_gap(gap: str, previous: Mention) -> bool:
    """', chairman of Fuhua Co., ' between two names: the first one's appositive."""
    if not previous.titles or not gap.lstrip().startswith(","):
        return False
    inner = gap.strip().strip(",").strip()
    return 0 < len(inner) <= 160 and not any(c in inner for c in ";:!?\n") and not any(
        pattern.search(inner) for _, pattern in FAST_ROLE_CUES)
