"""The meeting's jurisdiction and level, and the report's province (step).

The level comes from the host organ ("provincial government", 市政府党组, 杨浦区委). The
name comes from the organ when it names the place; otherwise from the places the report
mentions (nicknames included: Longjiang is Heilongjiang), its outlet (吉林日报), the
officials who took part, and local formulations (八八战略 is Zhejiang's). A name is given
only when one candidate leads; otherwise it is null with a warning.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from luoshi.extract.doc import Doc
from luoshi.extract.memo import KBMemo
from luoshi.extract.names import is_pinyin_name
from luoshi.extract.spans import SpanIndex
from luoshi.kb.lexicon import FORMULATION, PLACE, PLACE_NICKNAME, Hit
from luoshi.kb.loader import KB
from luoshi.kb.model import PlaceEntry
from luoshi.record import Jurisdiction, Span

# A Chinese short place name ("安康", "长治") is also an ordinary word; it counts as a
# place only when a word that goes with places follows it.
ZH_PLACE_FOLLOWERS = ("省", "市", "县", "区", "州", "实际", "发展", "工作", "人民", "特色", "篇章",
                      "振兴", "故事", "经验", "大地", "全面", "高质量", "新", "作出", "的", "干部",
                      "各级", "是", "考察", "调研", "视察", "日报", "新闻", "网", "建设", "现代化")
WEIGHT = {"host": 10, "official": 3, "outlet": 2, "mention": 1, "local_slogan": 1}


def find_places(doc: Doc, kb: KB) -> None:
    """Step: event.jurisdiction, doc.province, and the jurisdictions of titles."""
    phrase = doc.host_phrase
    level = phrase.level if phrase and phrase.level else _level_from_titles(doc)
    mentions = _place_mentions(doc, kb)
    doc.province = _province(doc, kb, mentions)
    name: str | None = None
    basis: str | None = None
    if level == "central":
        name, basis = "China", "host"
    elif phrase and phrase.place:
        name, basis = phrase.place, "host"
    elif level == "province":
        name, basis = doc.province, "evidence"
    elif level in ("city", "county"):
        name = _most_mentioned(doc, kb, mentions, level)
        basis = "mentions" if name else None
        if name is None and level == "county":
            name = _county_named(doc, kb)
            basis = "pattern" if name else None
    if level is None:
        level = "unknown"
        doc.warn("level of the meeting's body not found")
    if name is None and level not in ("unknown",):
        doc.warn(f"the {level} that held the meeting is not named")
    province = doc.province if level != "central" else None
    # name, level, province, span, basis: by position, quicker than by keyword
    doc.event.jurisdiction = Jurisdiction(name, level, province,
                                          phrase.span if phrase else None, basis)
    _fill_title_jurisdictions(doc)


def _level_from_titles(doc: Doc) -> str | None:
    marks = {"?province": "province", "?city": "city", "?county": "county",
             "?township": "township", "China": "central"}
    for person in doc.event.people:
        for title in person.titles:
            if title.jurisdiction in marks:
                return marks[title.jurisdiction]
    return None


def _place_mentions(doc: Doc, kb: KB) -> list[Hit]:
    accepted = []
    in_name = _overlapping([span for person in doc.event.people for span in person.spans])
    for hit in doc.hits_of(PLACE, PLACE_NICKNAME):
        if in_name(hit.start, hit.end):
            continue  # "Yuhong" in "Xiao Yuhong" is a given name, not Yuhong District
        if hit.latin or hit.kind == PLACE_NICKNAME:
            accepted.append(hit)
            continue
        place = kb.place_by_id[hit.ref]
        surface = doc.text[hit.start:hit.end]
        if surface == place.zh or (place.level == "province" and len(surface) >= 2) or (
                doc.text.startswith(ZH_PLACE_FOLLOWERS, hit.end)):
            accepted.append(hit)
    return _longest(accepted)


FEW_SPANS = 8  # up to this many spans, a scan of them is quicker than indexing them


def _overlapping(spans: list[Span]) -> Callable[[int, int], bool]:
    """`SpanIndex(spans).overlaps`: whether a span shares a position with one of `spans`
    (a report names a person or two: their spans are scanned, not indexed)."""
    if len(spans) > FEW_SPANS:
        return SpanIndex(spans).overlaps

    def overlaps(start: int, end: int) -> bool:
        for span_start, span_end in spans:  # noqa: SIM110  - quicker than any()
            if span_start < end and start < span_end:
                return True
        return False
    return overlaps


def _longest(hits: list[Hit]) -> list[Hit]:
    """Drop hits inside longer ones (吉林 inside 吉林市, Jilin inside Jilin City)."""
    if hits_apart(hits):  # none holds another
        return hits
    spans = SpanIndex((h.start, h.end) for h in hits)
    return [h for h in hits if not spans.contains_strictly(h.start, h.end)]


def hits_apart(hits: list[Hit]) -> bool:
    """Whether the hits are non-empty and each ends before the next starts: then none
    holds or overlaps another (a quick pass, where SpanIndex or longest_first sorts)."""
    end = 0
    for hit in hits:
        if not end <= hit.start < hit.end:
            return False
        end = hit.end
    return True


def _province(doc: Doc, kb: KB, mentions: list[Hit]) -> str | None:
    votes: dict[str, int] = {}  # a Counter's += calls its __missing__ for each new key
    phrase = doc.host_phrase
    if phrase and phrase.place:
        for place in kb.place_by_name.get(phrase.place.lower(), []):
            if province := kb.province_of.get(place.id):
                votes[province] = votes.get(province, 0) + WEIGHT["host"]
    for hit in mentions:
        province = _PROVINCE_OF_NAME.get(hit.ref, kb, _province_of_name)
        if province:
            votes[province] = votes.get(province, 0) + WEIGHT["mention"]
    if doc.source:
        for place in _source_places(doc, kb):
            if province := kb.province_of.get(place.id):
                votes[province] = votes.get(province, 0) + WEIGHT["outlet"]
    for person in doc.event.people:
        places = {o.jurisdiction for o in kb.officials_by_name.get(person.name.lower(), [])}
        if len(places) == 1 and (only := places.pop()) != "China":
            votes[only] = votes.get(only, 0) + WEIGHT["official"]
    local = _LOCAL_SCOPES.get("", kb, _local_scopes)
    for zh in {h.ref for h in doc.hits_of(FORMULATION)}:
        if (scope := local.get(zh)) is not None:
            votes[scope] = votes.get(scope, 0) + WEIGHT["local_slogan"]
    if not votes:
        return None
    ranked = _top_two(votes)
    if len(ranked) == 2 and ranked[0][1] == ranked[1][1]:
        doc.warn(f"province unclear: {ranked[0][0]} or {ranked[1][0]}")
        return None
    return ranked[0][0]


ZH_LEVEL_ENDS = ("省", "市", "县", "区", "州", "盟", "旗")


def _source_places(doc: Doc, kb: KB) -> list[PlaceEntry]:
    """The place an outlet or office is named after: "Jilin Daily", 来源：厦门市财政局 (a
    Chinese source counts only by a full name with its level, 厦门市, not a bare 新华)."""
    source = doc.source or ""
    places = kb.place_by_name.get(source.split(" ")[0].lower(), [])
    if places or doc.lang != "zh":
        return places  # a known outlet is named in English ("Jilin Daily")
    source = source.removeprefix("中共")
    for length in range(min(len(source), 7), 2, -1):
        prefix = source[:length]
        if prefix.endswith(ZH_LEVEL_ENDS) and (named := kb.place_by_zh.get(prefix)):
            return named
    return []


def _top_two(counts: dict[str, int]) -> list[tuple[str, int]]:
    """`Counter(counts).most_common(2)`: the two highest counts, the first counted first
    among equal ones, in one pass (quicker than its heap or a sort)."""
    first: tuple[str, int] | None = None
    second: tuple[str, int] | None = None
    for item in counts.items():
        if first is None or item[1] > first[1]:
            first, second = item, first
        elif second is None or item[1] > second[1]:
            second = item
    return [item for item in (first, second) if item is not None]


_PROVINCE_OF_NAME: KBMemo[str | None] = KBMemo()  # every report mentions the same places


# a few formulations are a province's own (八八战略 is Zhejiang's): looked up in a small table,
# not in all of the knowledge base's entries
_LOCAL_SCOPES: KBMemo[dict[str, str]] = KBMemo()


def _local_scopes(_: str, kb: KB) -> dict[str, str]:
    """The scope of each formulation whose scope is not "central"."""
    return {zh: entry.scope for zh, entry in kb.formulation_by_zh.items()
            if entry.scope != "central"}


def _province_of_name(place_id: str, kb: KB) -> str | None:
    """The one province of every place named as this one is, if there is one."""
    place = kb.place_by_id[place_id]
    provinces = {province for p in kb.place_by_name.get(place.name.lower(), [place])
                 if (province := kb.province_of.get(p.id))}
    return provinces.pop() if len(provinces) == 1 else None


def _most_mentioned(doc: Doc, kb: KB, mentions: list[Hit], level: str) -> str | None:
    counts: dict[str, int] = {}
    for hit in mentions:
        place = kb.place_by_id[hit.ref]
        if place.level != level:
            continue
        if doc.province and kb.province_of.get(place.id) not in (doc.province, None):
            continue
        counts[place.name] = counts.get(place.name, 0) + 1
    if doc.source and level == "city":
        for place in _source_places(doc, kb):
            if place.level == "city":
                counts[place.name] = counts.get(place.name, 0) + 2
    if not counts:
        return None
    ranked = _top_two(counts)
    if len(ranked) == 2 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]


EN_COUNTY = re.compile(r"\b(?P<name>[A-Z][a-z]+)\s+(?:County|District|Banner)\b")
# a name starts after punctuation or a line start (Chinese has no spaces to mark words)
ZH_COUNTY = re.compile(r"(?<![\u4e00-\u9fff])(?:中共)?(?P<name>[\u4e00-\u9fff]{2,3}?)(?P<lvl>县|区|旗)(?:委|人民政府|政府|人大|政协|融媒体中心)")


def _county_named(doc: Doc, kb: KB) -> str | None:
    """A county the knowledge base lacks, named in the headline, lead or source line:
    "Chengguan District holds ...", 来源：肥西县人民政府. Only one distinct name may appear."""
    from luoshi.extract.directives.mentions import lead_end
    from luoshi.extract.meeting import _zh_place

    parts = [doc.title or "", doc.text[doc.body_start:lead_end(doc)], doc.source or ""]
    text = "\n".join(parts)
    names: set[str] = set()
    if doc.lang == "zh":
        for match in ZH_COUNTY.finditer(text):
            if place := _zh_place(kb, match.group("name"), match.group("lvl")):
                names.add(place)
    else:
        names = {m.group("name") for m in EN_COUNTY.finditer(text)
                 if is_pinyin_name(m.group("name"), kb.syllables)}
    return names.pop() if len(names) == 1 else None


def _fill_title_jurisdictions(doc: Doc) -> None:
    jurisdiction = doc.event.jurisdiction
    by_mark = {"?province": doc.province, "China": "China"}
    if jurisdiction.level in ("city", "county", "township"):
        by_mark["?" + jurisdiction.level] = jurisdiction.name
    if jurisdiction.level == "province" and jurisdiction.name:
        by_mark["?province"] = jurisdiction.name
    for person in doc.event.people:
        for title in person.titles:
            if title.jurisdiction and title.jurisdiction.startswith("?"):
                title.jurisdiction = by_mark.get(title.jurisdiction)
