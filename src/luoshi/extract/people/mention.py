"""A name mention and the role ranking shared by both languages."""

from __future__ import annotations

from dataclasses import dataclass, field

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
