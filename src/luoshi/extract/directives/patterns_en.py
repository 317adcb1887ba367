"""Regular expressions for directives in English text."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from luoshi.extract.numbers import EN_ORDINAL as ORD
from luoshi.extract.numbers import EN_ORDINAL_WORDS, EN_TENS
from luoshi.extract.text import WHITE_SPACE, folds_plainly, word_led

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
MONTH = r"(?:" + "|".join(m.capitalize() for m in MONTHS) + r"|" + "|".join(
    m[:3].capitalize() for m in MONTHS) + r")\.?"
MONTH_DAY = MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?"

PARTY_NAME = r"(?:Communist\s+Party\s+of\s+China|Chinese\s+Communist\s+Party|CPC|CCP|Party)"
LEVEL_WORDS = {"provincial": "province", "municipal": "city", "city": "city", "district": "county",
               "county": "county", "regional": "province", "autonomous": "province",
               "prefectural": "city", "township": "township", "town": "township"}
COMMITTEE = (
    rf"(?:{PARTY_NAME}\s+)?(?:(?-i:(?P<place>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?))\s+)?"
    r"(?P<lvl>Central|Provincial|Municipal|City|District|County|Regional|Autonomous\s+Regional"
    r"|Prefectural)\s+(?:(?:CPC|CCP|Party)\s+)?Committee"
    rf"(?:\s+of\s+the\s+{PARTY_NAME})?"
)
PLENUM_WORD = r"(?:plenary\s+(?:session|meeting)|plenum|full\s+session|plenary)"

CONGRESS = [
    re.compile(rf"(?:(?:the\s+)?{PARTY_NAME}(?:['’]s)?\s+)?(?P<t>{ORD})\s+(?:{PARTY_NAME}\s+)?"
               rf"National\s+Congress(?:\s+of\s+the\s+{PARTY_NAME})?", re.I),
    re.compile(rf"(?P<t>{ORD})\s+(?:CPC|CCP|Party)\s+Congress", re.I),
    re.compile(rf"(?:CPC|CCP|Party)['’]s\s+(?P<t>{ORD})\s+(?:National\s+)?Congress", re.I),
    # "the 20th Congress of the Communist Party of China", also misspelt ("Commuist")
    re.compile(rf"(?P<t>{ORD})\s+Congress\s+of\s+the\s+(?:C\w+\s+Party|CPC|CCP)", re.I),
]
PLENUMS = [
    re.compile(rf"(?P<s>{ORD})\s+{PLENUM_WORD}\s+of\s+the\s+(?P<t>{ORD})\s+{COMMITTEE}", re.I),
    re.compile(rf"(?P<t>{ORD})\s+{COMMITTEE}(?:['’]s)?\s+(?P<s>{ORD})\s+{PLENUM_WORD}", re.I),
    re.compile(rf"(?P<t>{ORD})\s+(?P<s>{ORD})\s+{PLENUM_WORD}(?:\s+of\s+the\s+{COMMITTEE})?",
               re.I),
    re.compile(rf"(?P<s>{ORD})\s+{PLENUM_WORD}\s+of\s+the\s+(?P<t>{ORD})\s+(?:session|term)\b",
               re.I),
]


def literal_trie(words: Sequence[str]) -> str:
    """These words as one alternation, factored by their common beginnings: an attempt
    where none matches reads a letter or two, not the first letter of every word."""
    tree: dict[str, dict[str, Any]] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def alternation(node: dict[str, dict[str, Any]]) -> str:
        branches = [re.escape(char) + alternation(child) for char, child in sorted(node.items())
                    if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return alternation(tree)


def folded_start(words_then_space: Sequence[str], words: Sequence[str] = (), more: str = "",
                 more_first: str = "") -> re.Pattern[str]:
    """For `text.anchored_starts`: in the folded text, the character before a word start
    followed by one of these (lower-case) words and white space, or by one of `words`, or
    by what `more` matches, whose first characters `more_first` (a class's inside) holds
    (folding turns the quotes that open a word into spaces). The words' first letters are
    asked first: one test of a class at most spaces, where the words' alternation tries a
    branch for each letter."""
    firsts = [f"{literal_trie(words_then_space)}\\s"] if words_then_space else []
    firsts += [literal_trie(words)] if words else []
    firsts += [more] if more else []
    letters = "".join(sorted({word[0] for word in (*words_then_space, *words)}))
    return re.compile(f"[{WHITE_SPACE}(](?=[{re.escape(letters)}{more_first}])(?="
                      + "|".join(firsts) + ")")


UNITS = [w for w, n in EN_ORDINAL_WORDS.items() if n < 10]
ORDINAL_WORDS = [*EN_ORDINAL_WORDS, *(f"{tens}{joint}{unit}" for tens in EN_TENS
                                      for joint in ("", "-", " ") for unit in UNITS)]
ORDINAL_OTHERS = r"\d\d?(?:st|nd|rd|th)\s|[ivx]{1,6}\s"
ORDINAL_OTHERS_FIRST = r"\divx"  # what ORDINAL_OTHERS begins with (a test holds it)
# What every match of the patterns of each group begins with, and what the folded text
# then reads (a test holds each pattern to it); FIRST_REACH: how many characters past the
# word start it reads at most (twenty-seventh and a space)
CONGRESS_FIRST = folded_start([*ORDINAL_WORDS, "the", "communist", "chinese"],
                              ("cpc", "ccp", "party"), ORDINAL_OTHERS, ORDINAL_OTHERS_FIRST)
PLENUMS_FIRST = folded_start(ORDINAL_WORDS, more=ORDINAL_OTHERS, more_first=ORDINAL_OTHERS_FIRST)
SPEECHES_FIRST = folded_start([], (
    "general", "secretary", "president", "chairman", "comrade", "xi", "important", "series",
    "speech", "exposition", "instruction", "directive", "remarks", "discourse", "address",
    "congratulatory", "letter", "reply", "thought", "the"))
POLITBURO_FIRST = folded_start([], (*(m[:3] for m in MONTHS), "meeting", "cpc", "central",
                                    "political", "politburo"))
LOCAL_CONFERENCE_FIRST = folded_start([], ("spirit",))
FIRST_REACH = 15
PLENUM_SUBJECT = re.compile(
    r"(?P<lvl>Central|Provincial|Municipal|District|County|Regional)\s+(?:Party\s+)?Committee"
    r"\s+(?:held|convened|opened)\b[^.;]*$", re.I)

XI = (r"(?:(?:General\s+Secretary|Secretary[- ]General|President|Chairman|Comrade)\s+)?"
      r"Xi\s+Jin\w*")
SPEECH_WORD = (r"(?:important\s+)?(?:series\s+of\s+important\s+speeches|speech(?:es)?|expositions?"
               r"|instructions?|directives?|remarks|discourses?|address|congratulatory\s+letter"
               r"|letter|reply|thoughts?\s+on|instructions?\s+spirit)")
# the topic stays on the speech's line: a headline ending in "speech" is not followed
# by a topic in the first line of the body ("...important speech\n\nOn December 3rd")
TOPIC = (r"(?:[^\S\n]+(?:on|about|regarding|concerning)[^\S\n]+(?P<topic>[^.;,(\n]{2,80}?))?"
         r"(?=[.;,(\n]|\s+and\s|$)")
SPEECHES = [
    re.compile(rf"{XI}(?:['’]s|’)\s+(?:[^.;]{{0,60}}?\s)?{SPEECH_WORD}{TOPIC}", re.I),
    re.compile(rf"{SPEECH_WORD}\s+(?:delivered\s+|made\s+|given\s+)?by\s+{XI}{TOPIC}", re.I),
    re.compile(rf"{SPEECH_WORD}\s+of\s+(?:the\s+)?General\s+Secretary(?:\s+Xi\s+Jin\w*)?{TOPIC}",
               re.I),
    re.compile(rf"(?:the\s+)?General\s+Secretary['’]s\s+{SPEECH_WORD}{TOPIC}", re.I),
]
STUDY_FRAME = re.compile(
    r"\b(?:must|should|need\s+to|necessary\s+to|have\s+to|we\s+will|will)\s+(?:\w+\s+){0,3}?"
    r"(?:study|learn|implement|understand|grasp|comprehend|carry\s+out)\b", re.I)
POLITBURO_MEETING = re.compile(
    rf"(?:(?P<d1>{MONTH_DAY})\s+)?(?:meeting\s+of\s+the\s+(?:Political\s+Bureau|Politburo)"
    rf"(?:\s+of\s+the\s+(?:CPC\s+)?Central\s+Committee(?:\s+of\s+the\s+{PARTY_NAME})?)?"
    rf"|(?:CPC\s+)?(?:Central\s+)?(?:Political\s+Bureau|Politburo)\s+meeting)"
    rf"(?:\s+(?:held\s+)?on\s+(?P<d2>{MONTH_DAY}))?",
)
LOCAL_CONFERENCE = re.compile(
    r"spirit\s+of\s+the\s+(?P<lvl>provincial|municipal|city)\s+(?P<name>(?:[a-z]+\s+){1,4}?"
    r"(?:work\s+)?conference)", re.I)
# "since the", "to welcome the", ...: `\b(?:since|...)\s+(?:the\s+)?$` with re.I, in the
# form `text.word_led` gives, whose search skips to the words' first letters
BLOCK_BEFORE_WORDS = [
    "since", r"welcom\w*\s+(?:the\s+)?(?:\w+\s+){0,4}?(?:of\s+)?", r"ahead\s+of", r"prior\s+to",
    "before", r"run-up\s+to", r"greet\w*\s+(?:the\s+)?(?:\w+\s+){0,3}?(?:of\s+)?"]
BLOCK_BEFORE_END = r"\s+(?:the\s+)?$"
BLOCK_BEFORE = re.compile(f"{word_led(BLOCK_BEFORE_WORDS).pattern}(?i:{BLOCK_BEFORE_END})")
BLOCK_AFTER = re.compile(r"\s*(?:was|is)\s+(?:about\s+to\s+be|to\s+be)\s+(?:held|convened)", re.I)


# what the folded text holds where BLOCK_BEFORE matches (folding makes "run-up" "run up")
BLOCK_BEFORE_FOLDED = ("since", "welcom", "ahead", "prior", "before", "run up", "greet")


def blocked_before(head: str, folded_head: str) -> bool:
    """Whether BLOCK_BEFORE finds a match in `head` (`folded_head` its folded form). Each
    match begins with one of its words, which the folded head then holds (re.I aside): a
    few string searches tell most heads without the regex, which tries every letter one
    of the words begins with."""
    if folds_plainly(folded_head, 0, len(folded_head)) and not any(
            word in folded_head for word in BLOCK_BEFORE_FOLDED):
        return False
    return BLOCK_BEFORE.search(head) is not None


def month_day(text: str) -> str | None:
    match = re.match(r"([A-Za-z]+)\.?\s+(\d{1,2})", text)
    if not match:
        return None
    name = match.group(1).lower()
    for index, month in enumerate(MONTHS, start=1):
        if month.startswith(name[:3]):
            return f"--{index:02d}-{int(match.group(2)):02d}"
    return None
