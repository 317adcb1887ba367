"""A name mention, the role ranking and the sentences read, shared by both languages."""

from __future__ import annotations

from dataclasses import dataclass, field

from luoshi.extract.text import sentences
from luoshi.record import Span, Title

ROLE_RANK = {"presided": 4, "spoke": 3, "reported": 2, "attended": 1}


@dataclass
class Mention:
    name: str
    start: int
    end: int
    zh: str | None = None
    titles: list[Title] = field(default_factory=list)
    invoked: bool = False  # quoted or invoked, not taking part ("General Secretary Xi Jinping's")
    known: bool = False  # in the knowledge base's officials
    repaired_from: str | None = None
    group_end: int = 0  # end of the coordinated list this mention belongs to


def better(current: tuple[str, Span] | None, role: str, span: Span) -> tuple[str, Span]:
    if current is None or ROLE_RANK[role] > ROLE_RANK[current[0]]:
        return (role, span)
    return current


def sentences_read(text: str, lang: str, first: int, last: int) -> list[Span]:
    """The sentences of the lines from the one holding `first` to the one holding `last`
    (a language's `assign_roles` reads no sentence before its first mention, nor after its
    last mention and pronoun). A line's sentences are the text's (every line break lies in
    a sentence end: a test holds `sentences` to this), so only the lines read are split."""
    line_end = text.find("\n", last)
    return sentences(text, lang, text.rfind("\n", 0, first) + 1,
                     len(text) if line_end < 0 else line_end)
