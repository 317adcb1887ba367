"""Reporter, correspondent, photographer and editor lines become credits.

English: "(Reporter Li Guoyu photographed by Shao Guoliang)", "(Editors in charge: Yu
Yang, Li Zhongshuang)", "Reporter: ...". Chinese: "（记者 李浩）", "(记者 韩冰、曲俊铮)",
"（通讯员 陶红星）", "责任编辑：…", "摄影：…". A correspondent is credited as reporter.
The credit lines are added to doc.skip: their names are not meeting participants.
"""

from __future__ import annotations

import re

from luoshi.extract.doc import Doc
from luoshi.extract.names import find_names
from luoshi.extract.romanize import person_pinyin, split_surname
from luoshi.extract.text import folds_plainly, matches_at
from luoshi.kb.loader import KB
from luoshi.record import Credit

EN_ROLE_WORDS = [
    (re.compile(r"photo(?:graph(?:ed|s|er)?)?(?:\s+by)?|pictures?\s+by|photographer", re.I),
     "photographer"),
    (re.compile(r"(?:responsible\s+)?editors?(?:\s+in\s+charge)?|edited\s+by", re.I), "editor"),
    (re.compile(r"reporters?|correspondents?|written\s+by|authors?|by", re.I), "reporter"),
]
EN_CREDIT_BLOCK = re.compile(
    r"[(\[]\s*(?:(?:all[- ]media\s+)?reporters?|correspondents?|editors?(?:\s+in\s+charge)?"
    r"|responsible\s+editors?|photo(?:graph)?(?:s|ed)?\s+by|written\s+by)\b[^()\[\]\n]{0,200}[)\]]"
    r"|^[^\S\n]*(?:(?:responsible\s+)?editors?(?:\s+in\s+charge)?|reporters?|correspondents?"
    r"|photographers?|photos?(?:\s+by)?|authors?)\s*[:：][^\n]{1,120}$"
    r"|^[^\S\n]*(?:photo(?:graph)?s?|pictures?)\s+by\s+[^\n]{1,80}$",
    re.I | re.M,
)
EN_ROLE_SPLIT = re.compile(
    r"(?P<role>(?:all[- ]media\s+)?reporters?|correspondents?|editors?(?:\s+in\s+charge)?"
    r"|responsible\s+editors?|photo(?:graph)?(?:s|ed|er|ers)?(?:\s+by)?|pictures?\s+by"
    r"|written\s+by|authors?)\s*[:：]?",
    re.I,
)
ZH_ROLES = {"记者": "reporter", "通讯员": "reporter", "实习生": "reporter", "见习记者": "reporter",
            "摄影": "photographer", "摄": "photographer", "图": "photographer",
            "责任编辑": "editor", "编辑": "editor", "责编": "editor", "校对": "editor"}
ZH_CREDIT_BLOCK = re.compile(
    r"[（(][^（）()\n]{0,16}?(?:记者|通讯员|实习生)[^（）()\n]{1,60}[）)]"
    r"|(?:责任编辑|责编|编辑|摄影|记者)\s*[:：]\s*[^\n，。]{2,40}"
)
ZH_ROLE_SPLIT = re.compile(r"(?P<role>见习记者|记者|通讯员|实习生|责任编辑|责编|编辑|摄影|校对)"
                           r"\s*[:：]?|(?P<after>摄|图)(?=\s*[）)]|$)")
ZH_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}")
ZH_NOT_NAME_WORDS = ("全媒体", "融媒体", "报", "网", "台", "社", "特约", "本报", "新闻")


# a word every credit block holds, looked for before the block patterns are run: most
# reports have no credit line, and the patterns cost more than these substring tests
EN_CREDIT_WORDS = ("reporter", "correspondent", "editor", "photo", "written", "author",
                   "picture")
# An English block starts at "(" or "[" or at a line start before one of these words:
# EN_CREDIT_BLOCK is tried only there (the lines are found in the folded text by a search
# that skips from line break to line break). Such a block holds a word of EN_CREDIT_WORDS
# unless the text holds a character that re.I takes for an ASCII letter and fold keeps
# ("ſ", the Kelvin sign, "İ", "ı"): a text with one is searched as before.
EN_CREDIT_LINE = re.compile(
    r"\n[^\S\n]*(?:responsible|editor|reporter|correspondent|photo|author|picture)")
# the same at the text's start (where EN_CREDIT_BLOCK is tried only if it finds a word)
EN_CREDIT_TEXT_START = re.compile(EN_CREDIT_LINE.pattern.removeprefix(r"\n"))
ZH_CREDIT_WORDS = ("记者", "通讯员", "实习生", "编辑", "责编", "摄影")


def find_credits(doc: Doc, kb: KB) -> None:
    """Step: credits (and their lines into doc.skip)."""
    if doc.lang == "zh":
        blocks = list(ZH_CREDIT_BLOCK.finditer(doc.text)) if _zh_may_credit(doc.text) else []
        for block in blocks:
            _zh_block(doc, kb, block.start(), block.end())
    else:
        blocks = _en_blocks(doc.text, doc.folded)
        for block in blocks:
            _en_block(doc, kb, block.start(), block.end())
    for block in blocks:
        doc.skip.append(block.span())


def _zh_may_credit(text: str) -> bool:
    """Whether the text holds a word of ZH_CREDIT_WORDS (each block holds one): first a
    character of each word but "实习生", rare in a report (str.find looks for one character
    several times faster than for two)."""
    return ("者" in text or "讯" in text or "编" in text or "摄" in text or "实习生" in text) and any(
        word in text for word in ZH_CREDIT_WORDS)


def _en_blocks(text: str, folded: str) -> list[re.Match[str]]:
    """EN_CREDIT_BLOCK.finditer(text) where the folded text holds a word of
    EN_CREDIT_WORDS (else none), the pattern tried only where a block can start."""
    if not folds_plainly(folded, 0, len(folded)):
        return (list(EN_CREDIT_BLOCK.finditer(text))
                if any(word in folded for word in EN_CREDIT_WORDS) else [])
    places = [0] if EN_CREDIT_TEXT_START.match(folded) else []
    places += [m.start() + 1 for m in EN_CREDIT_LINE.finditer(folded)]
    for bracket in "([":
        at = text.find(bracket)
        while at >= 0:
            places.append(at)
            at = text.find(bracket, at + 1)
    return list(matches_at(EN_CREDIT_BLOCK, text, sorted(places)))


def _add(doc: Doc, credit: Credit) -> None:
    if all((c.name, c.role) != (credit.name, credit.role) for c in doc.credits):
        doc.credits.append(credit)


def _en_block(doc: Doc, kb: KB, start: int, end: int) -> None:
    text = doc.text
    markers = list(EN_ROLE_SPLIT.finditer(text, start, end))
    for index, marker in enumerate(markers):
        stop = markers[index + 1].start() if index + 1 < len(markers) else end
        role = _en_role(marker.group("role"))
        for name in find_names(text, kb, marker.end(), stop, names_expected=True):
            _add(doc, Credit(name.name, role, span=(name.start, name.end)))


def _en_role(word: str) -> str:
    for pattern, role in EN_ROLE_WORDS:
        if pattern.fullmatch(word.strip()):
            return role
    return "reporter"


def _zh_block(doc: Doc, kb: KB, start: int, end: int) -> None:
    text = doc.text
    markers = list(ZH_ROLE_SPLIT.finditer(text, start, end))
    role = "reporter"
    cursor = start
    pending: list[tuple[str, int, int]] = []
    for marker in markers:
        pending += _zh_names(text, kb, cursor, marker.start())
        if marker.group("after"):  # "张三 摄": the names before were photographers
            for name, s, e in pending:
                _add(doc, Credit(person_pinyin(name, kb), "photographer", zh=name, span=(s, e)))
            pending = []
        else:
            for name, s, e in pending:
                _add(doc, Credit(person_pinyin(name, kb), role, zh=name, span=(s, e)))
            pending = []
            role = ZH_ROLES.get(marker.group("role"), "reporter")
        cursor = marker.end()
    pending += _zh_names(text, kb, cursor, end)
    for name, s, e in pending:
        _add(doc, Credit(person_pinyin(name, kb), role, zh=name, span=(s, e)))


def _zh_names(text: str, kb: KB, start: int, end: int) -> list[tuple[str, int, int]]:
    names = []
    for match in ZH_NAME.finditer(text, start, end):
        word = match.group(0)
        if any(w in word for w in ZH_NOT_NAME_WORDS) or split_surname(word, kb) is None:
            continue
        names.append((word, match.start(), match.end()))
    return names
