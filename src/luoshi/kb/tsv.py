"""Reading the knowledge base's tab-separated files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from luoshi.errors import KnowledgeBaseError


def read_rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, row) for each data line; `#` lines and blank lines are skipped."""
    lines = path.read_text(encoding="utf-8").splitlines()
    header: list[str] | None = None
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if header is None:
            header = cells
            continue
        if len(cells) > len(header):
            raise KnowledgeBaseError(
                "L020", f"{path.name}:{number}",
                reason=f"{len(cells)} cells for {len(header)} columns",
            )
        cells += [""] * (len(header) - len(cells))
        yield number, dict(zip(header, cells, strict=True))


def split_list(cell: str) -> tuple[str, ...]:
    """Parts of a `|`-separated cell; a `|` inside (), [] or after a backslash is kept,
    so a `re:` variant can hold alternations: `re:(?:5th|fifth) session`."""
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    escaped = False
    for char in cell:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        elif char == "|" and depth == 0:
            parts.append("".join(current))
            current = []
            continue
        current.append(char)
    parts.append("".join(current))
    return tuple(part.strip() for part in parts if part.strip())


def to_int(cell: str) -> int | None:
    return int(cell) if cell.strip() else None
