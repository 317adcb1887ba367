"""Answers remembered across reports: per knowledge base, bounded."""

from __future__ import annotations

from typing import Any

from luoshi.extract.memo import KBMemo


def test_memo_computes_once_per_key_and_forgets_with_another_kb_or_at_its_limit() -> None:
    calls: list[str] = []

    def compute(key: str, kb: Any) -> str:
        calls.append(key)
        return key.upper()

    first, second = object(), object()
    memo: KBMemo[str] = KBMemo(limit=2)
    assert memo.get("a", first, compute) == "A"  # type: ignore[arg-type]
    assert memo.get("a", first, compute) == "A"  # type: ignore[arg-type]
    assert calls == ["a"]
    memo.get("a", second, compute)  # type: ignore[arg-type]
    assert calls == ["a", "a"]  # another knowledge base: computed anew
    memo.get("b", second, compute)  # type: ignore[arg-type]
    memo.get("c", second, compute)  # type: ignore[arg-type]  # the limit: emptied first
    memo.get("a", second, compute)  # type: ignore[arg-type]
    assert calls == ["a", "a", "b", "c", "a"]
