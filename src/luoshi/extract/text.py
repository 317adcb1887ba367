"""Sentences and paragraphs of a text, as spans."""

from __future__ import annotations

import re

from luoshi.record import Span

EN_SENTENCE_END = re.compile(r"(?<=[.!?;])[\"”’)]*\s+(?=[\"“‘(]*[A-Z0-9])|\n\s*\n|\n")
ZH_SENTENCE_END = re.compile(r"(?<=[。！？；])[”’」』）)]*|\n+")
PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n(?=\s*\S)")


def sentences(text: str, lang: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentence spans of text[start:end], stripped of surrounding white space."""
    end = len(text) if end is None else end
    pattern = ZH_SENTENCE_END if lang == "zh" else EN_SENTENCE_END
    spans: list[Span] = []
    cursor = start
    for match in pattern.finditer(text, start, end):
        _add_stripped(text, cursor, match.end(), spans)
        cursor = match.end()
    _add_stripped(text, cursor, end, spans)
    return spans


def paragraphs(text: str, start: int = 0) -> list[Span]:
    spans: list[Span] = []
    cursor = start
    for match in PARAGRAPH_BREAK.finditer(text, start):
        _add_stripped(text, cursor, match.start(), spans)
        cursor = match.end()
    _add_stripped(text, cursor, len(text), spans)
    return spans


def _add_stripped(text: str, start: int, end: int, spans: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def containing(spans: list[Span], position: int) -> Span | None:
    for span in spans:
        if span[0] <= position < span[1]:
            return span
    return None
