"""Titles of people: posts with their organ and jurisdiction.

English: "deputy secretary of the provincial party committee and governor of the
province" is two titles; "Party Secretary and Bureau Director" is two; the chain may
stand after the name (an appositive) or before it. Chinese: "省委副书记、省长、省政府党组书记"
is three; a post without an organ ("主席" after "安徽省政协党组书记") takes the previous one's.

The jurisdiction of a title is a level marker ("?province", "?city") until the places
step knows the report's jurisdiction; `place_titles` fills it in then.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from luoshi.extract.memo import KBMemo
from luoshi.kb.loader import KB
from luoshi.kb.model import PostEntry
from luoshi.record import Title

# Words that may stand before a post inside one title ("Bureau Director",
# "Provincial Party Committee Secretary") or inside its organ.
ORG_WORDS = frozenset(["provincial", "municipal", "city", "county", "district", "township", "town", "prefectural", "regional", "autonomous", "party", "committee", "government", "people's", "peoples", "people", "congress", "cppcc", "bureau", "directorate", "office", "department", "commission", "standing", "cpc", "central", "national", "the", "a", "of", "for", "and", "leading", "group", "members", "members'", "discipline", "inspection", "supervision", "organization", "publicity", "propaganda", "united", "front", "work", "political", "legal", "affairs", "general", "administration", "leadership", "region"])
EN_SPLIT = re.compile(r"\s*(?:,|;|、|，)\s*(?:and\s+)?|\s+and\s+|\s*&\s*")
SMALL_WORDS = frozenset({"of", "the", "and", "for", "in"})
LEVEL_OF_ORG = [
    (re.compile(r"\bcentral\b|\bnational\b|\bcpc central\b|\bstate council\b", re.I), "China"),
    (re.compile(r"provinc|\bregional\b|autonomous region", re.I), "?province"),
    (re.compile(r"municipal|\bcity\b|prefect", re.I), "?city"),
    (re.compile(r"county|district", re.I), "?county"),
    (re.compile(r"township|\btown\b", re.I), "?township"),
]
# a unit's Party committee post, and the same post in a territory's Party committee
TERRITORIAL_POST = {"party_secretary": "secretary", "deputy_party_secretary": "deputy_secretary"}
TERRITORY = re.compile(r"(?:(?-i:[A-Z][a-z]+)\s+)?(?:autonomous\s+)?(?:region|province|city"
                       r"|county|district|prefecture|township|town|league|banner)$", re.I)
POST_LEVEL_MARK = {"province": "?province", "city": "?city", "county": "?county",
                   "township": "?township", "central": "China"}


@dataclass(frozen=True)
class PostIndex:
    en_pattern: re.Pattern[str]
    en_tail: re.Pattern[str]  # a post ending the text
    en_posts: dict[str, PostEntry]
    zh_posts: tuple[tuple[str, PostEntry], ...]  # longest first
    # zh_posts by last character, in the same order: a segment can end only with these
    zh_posts_by_last: dict[str, tuple[tuple[str, PostEntry], ...]]
    # the last word of every English post: a text holds a post only if it holds one of these
    en_last_words: frozenset[str]
    # the same, for str.endswith: an ASCII key that en_tail matches ends with one of them
    en_endings: tuple[str, ...]
    en_ending_length: int  # the longest of them


KEY_WORD = re.compile(r"[\w']+")


_INDEXES: dict[int, PostIndex] = {}


def post_index(kb: KB) -> PostIndex:
    index = _INDEXES.get(id(kb))
    if index is None:
        en_posts: dict[str, PostEntry] = {}
        zh_posts: dict[str, PostEntry] = {}
        # a post's own variants first: "chairman" is the generic Chairman's variant, not the
        # NPC chairman's, whose display name is also "Chairman"
        for post in kb.posts:
            for variant in post.variants_en:
                en_posts.setdefault(_key(variant), post)
        for post in kb.posts:
            en_posts.setdefault(_key(post.en), post)
        for post in kb.posts:
            for variant in (post.zh, *post.variants_zh):
                if variant:
                    zh_posts.setdefault(variant, post)
        alternation = "|".join(re.escape(v) for v in sorted(en_posts, key=len, reverse=True))
        zh_longest_first = tuple(sorted(zh_posts.items(), key=lambda kv: -len(kv[0])))
        by_last: dict[str, list[tuple[str, PostEntry]]] = {}
        for surface, post in zh_longest_first:
            by_last.setdefault(surface[-1], []).append((surface, post))
        last_words = frozenset(KEY_WORD.findall(key)[-1] for key in en_posts
                               if KEY_WORD.search(key))
        index = PostIndex(
            en_pattern=re.compile(rf"(?<![\w'])(?:{alternation})(?![\w'])", re.I),
            en_tail=re.compile(rf"(?<![\w'])(?:{alternation})\s*$", re.I),
            en_posts=en_posts,
            zh_posts=zh_longest_first,
            zh_posts_by_last={last: tuple(posts) for last, posts in by_last.items()},
            en_last_words=last_words,
            # ("",) where a post is not ASCII or ends otherwise: every key ends with it
            en_endings=tuple(sorted(last_words)) if all(
                key.isascii() and KEY_WORD.fullmatch(key.rpartition(" ")[2])
                for key in en_posts) else ("",),
            en_ending_length=max(map(len, last_words), default=0),
        )
        _INDEXES[id(kb)] = index
    return index


def _key(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").replace("-", " ").split())


def _org_words_only(text: str) -> bool:
    words = _key(text).split()
    return all(w in ORG_WORDS or w[:1].isupper() for w in text.split()) and all(
        w in ORG_WORDS or w.isalpha() for w in words)


def nice_org(text: str) -> str:
    words = text.strip(" ,.;").split()
    while words and words[0].lower() in ("the", "a"):
        words = words[1:]
    out = []
    for i, word in enumerate(words):
        lower = word.lower().replace("’", "'")
        if lower in SMALL_WORDS and i:
            out.append(lower)
        elif lower == "cppcc" or lower == "cpc":
            out.append(lower.upper())
        else:
            out.append(lower[:1].upper() + lower[1:])
    return " ".join(out)


def level_mark(org: str | None, post: PostEntry) -> str | None:
    if org:
        for pattern, mark in LEVEL_OF_ORG:
            if pattern.search(org):
                return mark
    return POST_LEVEL_MARK.get(post.level)


def parse_en_title(segment: str, kb: KB) -> Title | None:
    """One English title, or None when the segment is not a title."""
    segment = segment.strip(" ,.;:()")
    if not segment or len(segment) > 160:
        return None
    index = post_index(kb)
    key = _key(segment)
    if index.en_last_words.isdisjoint(KEY_WORD.findall(key)):
        return None  # no post can end here: spare the big alternation
    best: re.Match[str] | None = None
    for match in index.en_pattern.finditer(key):
        prefix = segment[: match.start()]
        if not prefix.strip() or _org_words_only(prefix):
            if best is None or match.end() - match.start() > best.end() - best.start():
                best = match
            break
    if best is None:
        return None
    post = index.en_posts[best.group(0)]
    prefix = segment[: best.start()].strip()
    rest = segment[best.end():].strip()
    org: str | None = None
    if rest:
        of = re.match(r"of\s+(?:the\s+)?(?P<org>.+)$", rest, re.I)
        if not of or not _org_words_only(of.group("org")):
            return None
        org = of.group("org")
        if post.id in TERRITORIAL_POST and TERRITORY.match(org):
            # "deputy secretary of the party committee of the autonomous region" is the
            # region's 自治区党委副书记 (Deputy Secretary), not a unit's 党委副书记
            post = kb.post_by_id.get(TERRITORIAL_POST[post.id], post)
            org = f"{org} Party Committee"
    if prefix and prefix.lower() not in ("the", "a"):
        org = f"{prefix} {org}" if org else prefix
    if org and org.lower() in ("province", "the province", "city", "county", "party"):
        org = None
    nice = nice_org(org) if org else post.default_org
    return Title(post=post.en, org=nice, jurisdiction=level_mark(org or nice, post))


TitleFields = tuple[tuple[str, str | None, str | None], ...] | None
_CHAINS: KBMemo[TitleFields] = KBMemo()  # parsed chains: reports repeat the same few titles


def parse_en_chain(chain: str, kb: KB) -> list[Title] | None:
    """All titles of a chain joined by 'and' and commas; None unless every part parses.
    Parses are remembered; each call gets Titles of its own (callers fill them in)."""
    parsed = _CHAINS.get(chain, kb, _parsed_fields)
    return None if parsed is None else [Title(*fields) for fields in parsed]


def _parsed_fields(chain: str, kb: KB) -> TitleFields:
    titles = _parse_en_chain(chain, kb)
    return None if titles is None else tuple((t.post, t.org, t.jurisdiction) for t in titles)


def _parse_en_chain(chain: str, kb: KB) -> list[Title] | None:
    pieces = [p for p in EN_SPLIT.split(chain.strip(" ,.;:")) if p.strip()]
    if not pieces:
        return None
    segments: list[str] = []
    titles: list[Title | None] = []
    for piece in pieces:
        title = parse_en_title(piece, kb)
        if segments and title is None:
            segments[-1] += " and " + piece  # "Bureau of Economy and Information Technology"
            titles[-1] = parse_en_title(segments[-1], kb)
        else:
            segments.append(piece)
            titles.append(title)
    if any(t is None for t in titles):
        return None
    return [t for t in titles if t is not None]


CLAUSE_STOP = re.compile(r"[.;:!?\n“”\"(]")  # what ends the text a title chain is sought in


def en_titles_before(text: str, name_start: int, kb: KB, window: int = 160) -> list[Title]:
    """The longest title chain that ends right before a name ("Governor Zheng Shanjie")."""
    start = max(0, name_start - window)
    if _no_post_ends(text, max(start, name_start - TAIL), name_start, kb):
        return []
    before = text[start:name_start]
    # the last of these characters, as the first in the reversed window: one search that
    # stops there, not nine rfind calls through the whole window
    stop = CLAUSE_STOP.search(before[::-1])
    before = before[len(before) - stop.start():] if stop else before
    last_comma = before.rfind(",")
    clause = before[last_comma + 1:] if last_comma >= 0 else before
    if not ends_with_post(clause[-60:], kb):
        return []
    words = clause.split()
    for first in range(len(words)):
        chain = " ".join(words[first:])
        titles = parse_en_chain(chain, kb)
        if titles:
            return titles
    return []


# characters before a name whose key tells most texts without a post before it
TAIL = 24


def _no_post_ends(text: str, start: int, end: int, kb: KB) -> bool:
    """Whether no chain in text[..:end] (the clause `en_titles_before` reads) can end with a
    post, told from text[start:end] alone. The key of a text's end is the end of the
    text's key (lower() and the replacements act on each character, and split and join
    on each word): where it is ASCII, at least as long as any post's last word, and ends
    with none of them, so does the clause's key, which `ends_with_post` then rejects."""
    index = post_index(kb)
    key = _key(text[start:end])
    return (key.isascii() and len(key) >= index.en_ending_length
            and not key.endswith(index.en_endings))


def ends_with_post(text: str, kb: KB) -> bool:
    """Whether en_tail finds a post ending the text's key. A post ends an ASCII key (lower-
    cased, as the posts are) with its last word, re.I matching no other ASCII letter to a
    lower-case one: str.endswith tells most keys at once, without the big alternation."""
    index = post_index(kb)
    key = _key(text)
    if key.isascii() and not key.endswith(index.en_endings):
        return False
    return index.en_tail.search(key) is not None


APPOSITIVE_START = re.compile(r"\s*(?:,|\(|，)\s*")
APPOSITIVE_STOP = re.compile(r"[.;:!?\n)“”\"]|\s+and\s+other\s")
# APPOSITIVE_STOP in a text without "other": its first alternative only, which the search
# tries only at those characters, not at every space as FAST_APPOSITIVE_STOP must
APPOSITIVE_MARK = re.compile(r"[.;:!?\n)“”\"]")
# APPOSITIVE_STOP as searched: opening with one class of both alternatives' first
# characters, which the search skips to (a test holds it to the definition)
FAST_APPOSITIVE_STOP = re.compile(
    r"[.;:!?\n)“”\"\s](?:(?<=[.;:!?\n)“”\"])|(?<=\s)\s*and\s+other\s)")


def appositive_stop(text: str) -> re.Match[str] | None:
    """APPOSITIVE_STOP's first match (its second alternative needs "other")."""
    return (FAST_APPOSITIVE_STOP if "other" in text else APPOSITIVE_MARK).search(text)


def en_titles_after(text: str, name_end: int, kb: KB) -> list[Title]:
    """Titles in an appositive after a name: 'Wang Hao, deputy secretary ... , emphasized'."""
    opening = APPOSITIVE_START.match(text, name_end)
    if not opening:
        return []
    rest = text[opening.end(): opening.end() + 240]
    stop = appositive_stop(rest)  # "..., Y, manager of Z and other entrepreneurs spoke"
    rest = rest[: stop.start()] if stop else rest
    titles: list[Title] = []
    for part in rest.split(","):
        parsed = parse_en_chain(part, kb)
        if not parsed:
            break
        titles += parsed
    return titles


# -- Chinese ---------------------------------------------------------------------------

ZH_ORGS = [
    ("全国人大常委会", "Standing Committee of the National People's Congress", "China"),
    ("中共中央政治局", "CPC Central Committee", "China"),
    ("中央政治局", "CPC Central Committee", "China"),
    ("中共中央书记处", "CPC Central Committee", "China"),
    ("中央书记处", "CPC Central Committee", "China"),
    ("中央纪委", "Central Commission for Discipline Inspection", "China"),
    ("中共中央", "CPC Central Committee", "China"),
    ("中央", "CPC Central Committee", "China"),
    ("国务院", "State Council", "China"),
    ("全国政协", "CPPCC National Committee", "China"),
    ("自治区党委", "Regional Party Committee", "?province"),
    ("自治区政府", "Regional Government", "?province"),
    ("省委", "Provincial Party Committee", "?province"),
    ("省政府", "Provincial Government", "?province"),
    ("省人大常委会", "Standing Committee of the Provincial People's Congress", "?province"),
    ("省人大", "Provincial People's Congress", "?province"),
    ("省政协", "CPPCC Provincial Committee", "?province"),
    ("省纪委", "Provincial Commission for Discipline Inspection", "?province"),
    ("市委", "Municipal Party Committee", "?city"),
    ("市政府", "Municipal Government", "?city"),
    ("市人大常委会", "Standing Committee of the Municipal People's Congress", "?city"),
    ("市政协", "CPPCC Municipal Committee", "?city"),
    ("州委", "Prefectural Party Committee", "?city"),
    ("区委", "District Party Committee", "?county"),
    ("区政府", "District Government", "?county"),
    ("县委", "County Party Committee", "?county"),
    ("县政府", "County Government", "?county"),
    ("镇党委", "Township Party Committee", "?township"),
    ("乡党委", "Township Party Committee", "?township"),
]
ZH_DEPARTMENTS = {"宣传部": "Publicity Department", "组织部": "Organization Department",
                  "统战部": "United Front Work Department", "政法委": "Political and Legal "
                  "Affairs Commission", "纪委": "Commission for Discipline Inspection"}


def zh_post(segment: str, kb: KB) -> tuple[PostEntry, str] | None:
    """(post, the text before it) when the segment ends with a known Chinese post."""
    for surface, post in post_index(kb).zh_posts_by_last.get(segment[-1:], ()):
        if segment.endswith(surface):
            return post, segment[: -len(surface)]
    return None


def zh_org(text: str) -> tuple[str | None, str | None]:
    """English organ and jurisdiction mark of a Chinese title ('省政府党组书记')."""
    for surface, english, mark in ZH_ORGS:
        position = text.find(surface)
        if position >= 0:
            department = next((ZH_DEPARTMENTS[d] for d in ZH_DEPARTMENTS if d in text[position:]),
                              None)
            if department and surface not in ("中央纪委", "省纪委"):
                return f"{department} of the {english}", mark
            if "党组" in text[position + len(surface):]:
                return f"{english} Party Group", mark
            return english, mark
    return None, None


@lru_cache(maxsize=4096)
def _split_chain(chain: str) -> tuple[str, ...]:
    return tuple(p for p in re.split(r"[、，,]", chain) if p)


def parse_zh_chain(chain: str, kb: KB) -> list[Title]:
    """Titles of '省委副书记、省长、省政府党组书记'; a part without an organ takes the last."""
    titles: list[Title] = []
    last_prefix = ""
    for segment in _split_chain(chain):
        found = zh_post(segment, kb)
        if found is None:
            return []
        post, prefix = found
        full = segment
        if not prefix and last_prefix and post.level == "any":
            combined = zh_post(last_prefix + segment, kb)
            if combined is not None:
                post, prefix = combined
                full = last_prefix + segment
        org, mark = zh_org(full)
        if org is None:
            org = post.default_org
            mark = POST_LEVEL_MARK.get(post.level)
        titles.append(Title(post=post.en, org=org, jurisdiction=mark))
        last_prefix = _org_base(prefix) or last_prefix
    return titles


def _org_base(prefix: str) -> str:
    """'安徽省政协党组' -> '安徽省政协': what a following bare post belongs to."""
    for suffix in ("党组", "党委"):
        if prefix.endswith(suffix):
            return prefix[: -len(suffix)]
    return prefix
