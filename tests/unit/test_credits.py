"""Credit lines: the block search of extract/credits.py against the pattern it stands for."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from luoshi.extract.credits import (
    EN_CREDIT_BLOCK,
    EN_CREDIT_WORDS,
    ZH_CREDIT_WORDS,
    _en_blocks,
    _zh_may_credit,
)
from luoshi.extract.text import STRAY_LETTERS
from luoshi.normalize import fold

PIECES = ["(", "[", ")", "]", "（", "Reporter ", "reporters", "Correspondent", "Editor in charge",
          "Responsible editor", "editors", "photo by ", "Photographed by ", "Photos", "Photographer",
          "written by ", "Author", "Pictures by ", "all-media ", ":", "：", " ", "  ", "\t", "\n",
          "\n\n", "Li Hua", "Wang Wei", ",", ".", "x", "ſ", "CORREſPONDENT", "“", "ＥＤＩＴＯＲ"]
TEXT = st.lists(st.sampled_from(PIECES), max_size=16).map("".join)


@given(TEXT)
@settings(max_examples=2000)
@example("Editor: Li Hua")
@example(" \t Photos by Li Hua")  # a line-start block at the text's start, after white space
@example("\nEditor: Li Hua")
@example("x\n  Photos by Li Hua\n(Reporter Wang Wei)")
@example("x\nCORREſPONDENT: Li Hua")
@example("x\nResponsible editor: Li")  # each word a line-start alternative can start with
@example("x\n editors in charge: Li")
@example("x\nReporters: Li")
@example("x\nCorrespondent： Li")
@example("x\nPhotographers: Li")
@example("x\nPhotos: Li")
@example("x\nPhoto by: Li")
@example("x\nAuthor: Li")
@example("x\nPictures by Li Hua")
@example("x [Editor Li Hua] (photo by Wang Wei)")
@example("x\n\tphotographs by Li Hua")
def test_credits_en_blocks_as_found_by_the_pattern(text: str) -> None:
    folded = fold(text)
    expected = (list(EN_CREDIT_BLOCK.finditer(text))
                if any(word in folded for word in EN_CREDIT_WORDS) else [])
    assert [m.span() for m in _en_blocks(text, folded)] == [m.span() for m in expected]


def test_credits_fold_keeps_the_odd_case_characters() -> None:
    assert fold(STRAY_LETTERS) == STRAY_LETTERS


@given(st.lists(st.sampled_from([*ZH_CREDIT_WORDS, "者", "讯", "编", "摄", "实习", "习生", "记", "x",
                                 "（", "李浩", "："]), max_size=8).map("".join))
@example("实习生")
@example("学者")
@example("记者")
@example("通讯员")
@example("编辑")
@example("责编")
@example("摄影")
def test_credits_zh_gate_as_the_words(text: str) -> None:
    assert _zh_may_credit(text) == any(word in text for word in ZH_CREDIT_WORDS)
