"""Choose the meeting's directives among the mentions, and give them ids, dates, lags (step).

Congresses and plenums count wherever they are mentioned, unless blocked ("since the
18th Party Congress", "welcome the 20th Congress", inside a document title). Speeches
and meetings count when they are in the lead (headline and first paragraph) or the
object of a study verb ("must study ... the General Secretary's important speech").
"""

from __future__ import annotations

import re
from datetime import date

from luoshi.extract.directives.mentions import DirectiveMention
from luoshi.extract.doc import Doc
from luoshi.extract.numbers import EN_ORDINAL_WORDS
from luoshi.kb.lexicon import FORMULATION
from luoshi.kb.loader import KB
from luoshi.kb.model import DirectiveEntry
from luoshi.record import Directive

ORDINAL_NAMES = {v: k for k, v in EN_ORDINAL_WORDS.items()}
ZH_DIGITS = "零一二三四五六七八九"
MAX_LAG_FOR_UNDATED_RECURRING = 366


def reference_day(doc: Doc) -> str | None:
    """The latest day the meeting can have been held: its date, the dateline, the release."""
    day = doc.event.date
    if day and not day.startswith("--"):
        return day
    return doc.dateline or doc.published


def resolve_directives(doc: Doc, kb: KB) -> None:
    """Step: event.directives."""
    _attach_catalogue_hits(doc)
    reference = reference_day(doc)
    directives: dict[str, Directive] = {}
    lead_has_directive = any(m.in_lead and not m.blocked and m.kind != "absorbed"
                             for m in doc.directive_mentions)
    for mention in doc.directive_mentions:
        if mention.blocked or mention.kind == "absorbed":
            continue
        if mention.kind in ("speech", "meeting", "document") and not (
                mention.in_lead or mention.framed):
            continue
        if lead_has_directive and not mention.in_lead and _background(doc, mention):
            continue
        directive = _directive(doc, kb, mention, reference)
        if directive is None:
            continue
        existing = directives.get(directive.id)
        if existing:
            existing.spans.append(mention.span)
        else:
            directives[directive.id] = directive
    merged = _merge_untopical_speeches(list(directives.values()))
    merged = _drop_speeches_at_events(doc, merged)
    merged = _drop_own_plenum(doc, merged)
    for directive in merged:
        directive.lag_days = lag_days(doc.event.date, directive.date_end)
    doc.event.directives = merged


def _attach_catalogue_hits(doc: Doc) -> None:
    """A catalogue hit inside a speech or meeting mention names that mention's event."""
    mentions = doc.directive_mentions
    for hit in [m for m in mentions if m.catalogue and m.kind != "absorbed"]:
        for outer in mentions:
            if outer is hit or outer.catalogue or outer.kind in ("congress", "plenum"):
                continue
            if outer.span[0] <= hit.span[0] and hit.span[1] <= outer.span[1]:
                outer.catalogue = hit.catalogue
                hit.kind = "absorbed"
                break


def _directive(doc: Doc, kb: KB, mention: DirectiveMention,
               reference: str | None) -> Directive | None:
    if mention.kind in ("congress", "plenum"):
        return _numbered(doc, kb, mention, reference)
    entry = _choose_catalogued(kb, mention.catalogue, reference)
    if entry is not None:
        return _from_entry(entry, mention)
    if mention.catalogue:
        doc.warn(f"directive {mention.label or mention.catalogue[0]!r}: no catalogued "
                 f"occurrence before {reference or 'an unknown date'}; date unknown")
    if mention.kind == "speech":
        return _speech(doc, kb, mention, reference)
    return _meeting(doc, kb, mention, reference)


def _numbered(doc: Doc, kb: KB, mention: DirectiveMention,
              reference: str | None) -> Directive | None:
    body = resolve_body(doc, mention.body)
    term, session = mention.term, mention.session
    if body is None and mention.kind == "plenum":
        central = kb.directive_by_key.get(("plenum", "CPC", term, session))
        if central and (reference is None or (central.date_end or "") <= reference):
            body = "CPC"
        else:
            doc.warn(f"plenum {session} of term {term}: whose committee is not said")
            return None
    if body is None:
        doc.warn(f"{mention.kind} of term {term}: its body is unknown")
        return None
    entry = kb.directive_by_key.get((mention.kind, body, term, session))
    if entry is not None:
        return _from_entry(entry, mention)
    if body == "CPC" and mention.kind == "plenum":
        doc.warn(f"plenum {session} of the {term}th Central Committee is not in the catalogue")
    slug = re.sub(r"[^a-z0-9]+", "-", body.lower()).strip("-")
    directive_id = f"{slug}-{term}" if session is None else f"{slug}-{term}-{session}"
    return Directive(id=directive_id, kind=mention.kind, body=body, term=term, session=session,
                     label=_label(mention.kind, body, term, session),
                     zh=_zh_label(mention.kind, body, term, session), spans=[mention.span])


def resolve_body(doc: Doc, body: str | None) -> str | None:
    """'?province' -> the report's province; '?city'/'?county' -> the meeting's place."""
    if body is None or not body.startswith("?"):
        return body
    level = body[1:]
    if level == "province":
        return doc.province
    jurisdiction = doc.event.jurisdiction
    if jurisdiction.level == level and jurisdiction.name:
        return jurisdiction.name
    return None


def _choose_catalogued(kb: KB, ids: tuple[str, ...], reference: str | None
                       ) -> DirectiveEntry | None:
    """Among recurring events of one name, the latest that ended by the reference day."""
    entries = [kb.directive_by_id[i] for i in ids if i in kb.directive_by_id]
    if len(entries) == 1 and reference is None:
        return entries[0]
    dated = sorted((e for e in entries if e.date_end), key=lambda e: e.date_end or "")
    if reference is None:
        return None
    before = [e for e in dated if (e.date_end or "") <= reference]
    if not before:
        return None
    latest = before[-1]
    if len(entries) > 1 and (lag_days(reference, latest.date_end) or 0) > (
            MAX_LAG_FOR_UNDATED_RECURRING):
        return None
    return latest


def _from_entry(entry: DirectiveEntry, mention: DirectiveMention) -> Directive:
    return Directive(
        id=entry.id, kind=entry.kind, body=entry.body, term=entry.term, session=entry.session,
        label=entry.label, zh=entry.zh, date_end=entry.date_end, speaker=entry.speaker,
        topic=entry.topic or mention.topic, spans=[mention.span])


def _speech(doc: Doc, kb: KB, mention: DirectiveMention, reference: str | None) -> Directive:
    speaker = mention.speaker or "Xi Jinping"
    slug = _topic_slug(doc, kb, mention)
    prefix = "xi" if speaker == "Xi Jinping" else re.sub(r"[^a-z]+", "-", speaker.lower())
    return Directive(id=f"{prefix}-{slug}" if slug else f"{prefix}-speech", kind="speech",
                     body="CPC", speaker=speaker, topic=mention.topic, spans=[mention.span])


def _meeting(doc: Doc, kb: KB, mention: DirectiveMention, reference: str | None) -> Directive:
    body = resolve_body(doc, mention.body) or ("CPC" if mention.body is None else None)
    label = mention.label or "meeting"
    day = _full_day(mention.day, reference)
    if label == "Politburo meeting":
        directive_id = f"cpc-politburo-{day}" if day else "cpc-politburo"
    else:
        directive_id = "-".join(filter(None, [
            re.sub(r"[^a-z0-9]+", "-", (body or "local").lower()).strip("-"),
            _slug(label, kb), day]))
    if body is None:
        doc.warn(f"meeting {label!r}: whose meeting is not said")
    return Directive(id=directive_id, kind="meeting", body=body, label=label, date_end=day,
                     spans=[mention.span])


def _full_day(day: str | None, reference: str | None) -> str | None:
    """'--07-24' with a reference day 2023-07-28 -> '2023-07-24' (the latest not after it)."""
    if day is None or not day.startswith("--") or reference is None:
        return day if day and not day.startswith("--") else None
    year = int(reference[:4])
    candidate = f"{year:04d}{day[1:]}"
    return candidate if candidate <= reference else f"{year - 1:04d}{day[1:]}"


def _topic_slug(doc: Doc, kb: KB, mention: DirectiveMention) -> str:
    if mention.topic_span:
        start, end = mention.topic_span
        for hit in doc.hits_of(FORMULATION):
            if start <= hit.start and hit.end <= end:
                return _slug(kb.formulation_by_zh[hit.ref].en, kb)
    return _slug(mention.topic or "", kb)


def _slug(text: str, kb: KB) -> str:
    if any("\u4e00" <= c <= "\u9fff" for c in text):
        from luoshi.extract.romanize import syllables

        return "-".join(syllables(text[:12]))
    words = re.findall(r"[a-z0-9]+", text.lower())
    return "-".join(words[:6])


def _merge_untopical_speeches(directives: list[Directive]) -> list[Directive]:
    """A speech mentioned once with its topic and again without is one speech."""
    if not any(d.kind == "speech" for d in directives):
        return directives  # most reports: nothing to merge
    by_speaker: dict[str, list[Directive]] = {}
    for d in directives:
        if d.kind == "speech":
            by_speaker.setdefault(d.speaker or "", []).append(d)
    drop: set[int] = set()
    for speeches in by_speaker.values():
        topical = [d for d in speeches if d.topic or d.date_end]
        bare = [d for d in speeches if not (d.topic or d.date_end)]
        if len(topical) == 1:
            for d in bare:
                topical[0].spans += d.spans
                drop.add(id(d))
    return [d for d in directives if id(d) not in drop]


# "the Central Economic Work Conference and General Secretary Xi Jinping's important speech",
# "全会精神和习近平总书记重要讲话": the speech was given at that event and is part of it
SPEECH_AT_EVENT = re.compile(r"^\W{0,3}(?:spirit\W+)?(?:精神)?\s*(?:and|as\s+well\s+as|和|及|以及|、)"
                             r"[^.;。；,，]{0,30}$", re.I)


def _drop_speeches_at_events(doc: Doc, directives: list[Directive]) -> list[Directive]:
    """A speech without its own topic or date, named right after an event, is that event's."""
    events = [d for d in directives if d.kind != "speech"]
    if len(events) == len(directives):
        return directives  # no speech to drop
    kept = []
    for directive in directives:
        host = None
        if directive.kind == "speech" and not (directive.topic or directive.date_end):
            start = min(span[0] for span in directive.spans)
            host = next((e for e in events for span in e.spans
                         if 0 <= start - span[1] <= 40
                         and SPEECH_AT_EVENT.match(doc.text[span[1]:start])), None)
        if host is None:
            kept.append(directive)
        else:
            host.spans += directive.spans
    return kept


# "省委全会深入贯彻党的二十大精神" (what another event did), "贯彻党的二十大精神开局之年" (a
# year), "the plenary session implemented the 20th Congress": background, not this meeting's
BACKGROUND_BEFORE = re.compile(r"(?:全会|会议|plenary\s+session|conference|plenum)\W{0,2}"
                               r"(?:[^，。,.;；]{0,12}?)$", re.I)
BACKGROUND_AFTER = re.compile(r"^[^，。,.;；]{0,6}?(?:开局之年|的开局|first\s+year)", re.I)


def _background(doc: Doc, mention: DirectiveMention) -> bool:
    """A mention outside the lead that says what another event did, or names a year."""
    start, end = mention.span
    before = doc.text[max(0, start - 30):start]
    return bool(BACKGROUND_BEFORE.search(before) or BACKGROUND_AFTER.match(doc.text[end:end + 20]))


def _drop_own_plenum(doc: Doc, directives: list[Directive]) -> list[Directive]:
    """At a local committee's plenary session, its own plenum is the meeting, not a directive."""
    event = doc.event
    if event.kind != "plenary_session" or not event.jurisdiction.name:
        return directives
    return [d for d in directives if not (d.kind == "plenum" and d.body != "CPC"
                                          and d.body == event.jurisdiction.name)]


def lag_days(day: str | None, end: str | None) -> int | None:
    if not day or not end or day.startswith("--") or end.startswith("--"):
        return None
    try:
        return (date.fromisoformat(day) - date.fromisoformat(end)).days
    except ValueError:
        return None


def _label(kind: str, body: str, term: int | None, session: int | None) -> str:
    def ordinal(n: int | None) -> str:
        if n is None:
            return "?"
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix}"
    committee = "CPC Central Committee" if body == "CPC" else f"{body} Party Committee"
    if kind == "congress":
        return f"{ordinal(term)} National Congress of the CPC" if body == "CPC" else (
            f"{ordinal(term)} {body} Party Congress")
    return f"{ordinal(session)} Plenary Session of the {ordinal(term)} {committee}"


def zh_numeral(n: int) -> str:
    if n < 10:
        return ZH_DIGITS[n]
    tens, units = divmod(n, 10)
    return ("" if tens == 1 else ZH_DIGITS[tens]) + "十" + (ZH_DIGITS[units] if units else "")


def _zh_label(kind: str, body: str, term: int | None, session: int | None) -> str | None:
    if term is None:
        return None
    if kind == "congress":
        return f"党的{zh_numeral(term)}大" if body == "CPC" else None
    if session is None:
        return None
    if body == "CPC":
        return f"{zh_numeral(term)}届{zh_numeral(session)}中全会"
    return f"{zh_numeral(term)}届{zh_numeral(session)}次全会"
