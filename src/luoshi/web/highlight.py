"""The evidence of a record in its text: every fact's span, and the text cut at their edges.

A record keeps [start, end) offsets for people, titles, dates, directives, formulations,
tasks, places and meeting kinds. `facts_of` lists them; `segments` cuts the text into
pieces each covered by the same facts, so a page can wrap each piece in one <mark>
(spans may nest: a date inside a directive's name). Text stays text: the template
escapes it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from luoshi.web.models import Fact

FACT_TYPES = ("person", "title", "date", "directive", "formulation", "task", "place", "kind")
TITLE_WINDOW = 60  # characters either side of a name searched for its post's wording


@cache
def post_wordings() -> Mapping[str, tuple[str, ...]]:
    """Each post's English name -> the ways the knowledge base says reports write it."""
    from luoshi.kb import load_kb

    wordings: dict[str, tuple[str, ...]] = {}
    for post in load_kb().posts:
        words = {post.en, *post.variants_en, post.zh, *post.variants_zh}
        wordings[post.en.lower()] = tuple(sorted((w for w in words if w), key=len,
                                                 reverse=True))
    return wordings


def _title_span(text: str, post: str, near: Sequence[tuple[int, int]],
                taken: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Where a title without a stored span is written next to its holder's name, if anywhere.

    The record's titles often come from the knowledge base's tenures rather than the text;
    when the text does state the post beside the name, that wording is its evidence.
    """
    wordings = post_wordings().get(post.lower(), (post,))
    best: tuple[int, int, int] | None = None
    for start, end in near:
        low, high = max(0, start - TITLE_WINDOW), min(len(text), end + TITLE_WINDOW)
        window = text[low:high]
        for wording in wordings:
            pattern = re.escape(wording)
            if wording.isascii():
                pattern = rf"\b{pattern}\b"
            for match in re.finditer(pattern, window, re.IGNORECASE):
                span = (low + match.start(), low + match.end())
                if any(a < span[1] and span[0] < b for a, b in taken):
                    continue
                distance = min(abs(span[0] - end), abs(start - span[1]))
                if best is None or distance < best[0]:
                    best = (distance, *span)
    return None if best is None else (best[1], best[2])


def _span(value: Any, length: int) -> tuple[int, int] | None:
    if not isinstance(value, list | tuple) or len(value) != 2:
        return None
    start, end = value
    if not isinstance(start, int) or not isinstance(end, int):
        return None
    start, end = max(0, start), min(length, end)
    return (start, end) if start < end else None


def facts_of(record: dict[str, Any], length: int, text: str | None = None) -> list[Fact]:
    """Every fact of `record` with a usable span inside a text of `length` characters.

    Given the `text`, a title without a stored span is looked for beside its holder's name.
    """
    found: list[Fact] = []
    taken: list[tuple[int, int]] = []

    def add(span: Any, kind: str, label: str) -> None:
        cut = _span(span, length)
        if cut is not None:
            found.append(Fact(start=cut[0], end=cut[1], type=kind, label=label))

    for event in record.get("events") or []:
        add(event.get("date_span"), "date", f"date: {event.get('date')}")
        add(event.get("kind_span"), "kind", f"meeting kind: {event.get('kind')}")
        place = event.get("jurisdiction") or {}
        add(place.get("span"), "place", f"place: {place.get('name')} ({place.get('level')})")
        for directive in event.get("directives") or []:
            for span in directive.get("spans") or []:
                add(span, "directive", f"directive: {directive.get('id')}")
        for person in event.get("people") or []:
            name = person.get("name")
            for span in person.get("spans") or []:
                add(span, "person", f"person: {name} ({person.get('role')})")
            near = [cut for span in person.get("spans") or [] if (cut := _span(span, length))]
            taken.extend(near)
            titles = sorted(person.get("titles") or [], key=lambda t: -len(t.get("post") or ""))
            for title in titles:
                label = f"title of {name}: {title.get('post')}"
                span = title.get("span")
                if span is None and text is not None and title.get("post") and near:
                    found_span = _title_span(text, title["post"], near, taken)
                    if found_span is not None:
                        taken.append(found_span)
                        span = list(found_span)
                        label += " (its wording beside the name)"
                add(span, "title", label)
        for formulation in event.get("formulations") or []:
            for span in formulation.get("spans") or []:
                add(span, "formulation",
                    f"formulation: {formulation.get('zh')} ({formulation.get('en')})")
        for task in event.get("tasks") or []:
            add(task.get("span"), "task", f"task {task.get('list')}.{task.get('ordinal')}")
    unique = {(f.start, f.end, f.type, f.label): f for f in found}
    return sorted(unique.values(), key=lambda f: (f.start, -f.end, f.type))


@dataclass
class Segment:
    text: str
    type: str | None  # the innermost fact's type: the colour shown
    types: tuple[str, ...]  # every fact type covering the piece
    labels: tuple[str, ...]


def segments(text: str, facts: list[Fact]) -> list[Segment]:
    """`text` cut at every fact's edges; each piece knows the facts covering it."""
    edges = sorted({0, len(text), *(f.start for f in facts), *(f.end for f in facts)})
    pieces: list[Segment] = []
    for start, end in itertools.pairwise(edges):
        if start >= end:
            continue
        covering = [f for f in facts if f.start <= start and end <= f.end]
        if not covering:
            pieces.append(Segment(text[start:end], None, (), ()))
            continue
        inner = min(covering, key=lambda f: (f.end - f.start, FACT_TYPES.index(f.type)
                                             if f.type in FACT_TYPES else 99))
        types = tuple(dict.fromkeys(f.type for f in covering))
        labels = tuple(dict.fromkeys(f.label for f in covering))
        pieces.append(Segment(text[start:end], inner.type, types, labels))
    return pieces
