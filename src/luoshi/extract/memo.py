"""Answers remembered across reports for one knowledge base.

Reports repeat the same few titles and names; parsing or repairing them once per process
instead of once per report is one of extraction's larger savings. A memo belongs to the
knowledge base it was computed with (another one empties it) and holds at most `limit`
answers (reaching it empties it too), so memory stays bounded over a crawl.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from luoshi.kb.loader import KB

V = TypeVar("V")
MEMO_LIMIT = 50_000  # answers remembered per memo


class KBMemo(Generic[V]):
    def __init__(self, limit: int = MEMO_LIMIT) -> None:
        self.limit = limit
        self._answers: dict[str, V] = {}
        self._kb: KB | None = None

    def get(self, key: str, kb: KB, compute: Callable[[str, KB], V]) -> V:
        """The answer for `key` with `kb`, computed by `compute(key, kb)` the first time."""
        if self._kb is not kb or len(self._answers) >= self.limit:
            self._answers.clear()
            self._kb = kb
        if key not in self._answers:
            self._answers[key] = compute(key, kb)
        return self._answers[key]
