"""The host step: the canonical name built from the host phrase."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

WHITE = list(" \t\n\x0b\x0c\r\x1c\x1f\x85\xa0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000")


@given(st.text(alphabet=st.sampled_from(WHITE + list("ab\u200b\ufeff")), max_size=16))
def test_host_white_space_made_one_space_as_by_backslash_s(text: str) -> None:
    """find_host joins str.split's pieces: what re.sub(r"\\s+", " ", ...).strip() gave."""
    assert " ".join(text.split()) == re.sub(r"\s+", " ", text).strip()
