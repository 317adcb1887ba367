import re

from hypothesis import given
from hypothesis import strategies as st

from luoshi.normalize import cjk_share, fold, fold_by_translate, to_simplified


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


@given(st.text(min_size=64, max_size=400) | st.text(max_size=80))
def test_normalize_fold_table_agrees_with_translate(text: str) -> None:
    assert fold(text) == fold_by_translate(text)


def test_normalize_fold_table_on_every_kind_of_character() -> None:
    text = "“Eight-Eight Strategy” 八八戰略 ＡＢＣ，\u3000\xa0 İ ß \ud800 😀 " * 8
    assert fold(text) == fold_by_translate(text)


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_normalize_cjk_share_counts_ideographs_and_ascii_letters(text: str) -> None:
    head = text[:2000]
    cjk = len(re.findall(r"[\u3400-\u4dbf\u4e00-\u9fff]", head))
    latin = len(re.findall(r"[A-Za-z]", head))
    assert cjk_share(text) == (cjk / (cjk + latin) if cjk + latin else 0.0)


@given(st.text(alphabet=st.sampled_from(list("ab AZ学習\u3400\u4dbf\u4dc0\u9fff\ud800é")), max_size=140),
       st.integers(1, 150))
def test_normalize_fold_and_cjk_share_at_once_are_each_alone(text: str, sample: int) -> None:
    from luoshi.normalize import fold_and_cjk_share

    assert fold_and_cjk_share(text, sample) == (fold(text), cjk_share(text, sample))
