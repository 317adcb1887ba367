"""Places: a mention votes for a province only when every place of its name lies in one."""

from __future__ import annotations

from luoshi.extract.places import _province_of_name
from luoshi.kb import load_kb


def test_places_name_shared_by_two_provinces_votes_for_none() -> None:
    kb = load_kb()
    assert _province_of_name("jiangsu-suzhou", kb) is None  # Suzhou is also Anhui's
    assert _province_of_name("beijing-chaoyang", kb) is None
    assert _province_of_name("jilin", kb) == "Jilin"
