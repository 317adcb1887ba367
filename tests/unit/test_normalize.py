from hypothesis import given
from hypothesis import strategies as st

from luoshi.normalize import cjk_share, fold, to_simplified


def test_normalize_fold_keeps_length_and_meets_variants() -> None:
    text = "“Eight-Eight Strategy” 八八戰略 ＡＢＣ，"
    folded = fold(text)
    assert len(folded) == len(text)
    assert "eight eight strategy" in folded
    assert "八八战略" in folded
    assert "abc，" in folded


@given(st.text())
def test_normalize_fold_is_same_length_for_any_text(text: str) -> None:
    assert len(fold(text)) == len(text)


def test_normalize_traditional_to_simplified() -> None:
    assert to_simplified("學習貫徹黨的二十大精神") == "学习贯彻党的二十大精神"


def test_normalize_cjk_share() -> None:
    assert cjk_share("学习贯彻") == 1.0
    assert cjk_share("study and implement") == 0.0
    assert cjk_share("") == 0.0
