"""The lexicon's gate words: a catalogue regex runs only on texts holding its literals."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from luoshi.kb import KB
from luoshi.kb.lexicon import gate_words
from luoshi.normalize import fold
from tests.conftest import DEV, OWN, SEEDS, gold_pairs

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))


@pytest.mark.parametrize(("source", "expected"), [
    (r"\b1310\s+(?:specific\s+)?arrangements?\b", ("arrangement", "1310")),
    (r"study session[^.]{0,120}sixth plenary session of the 19th",
     ("sixth plenary session of the 19th", "study session")),
    (r"\bstrategy of\s+8\s*8\b", ("strategy of",)),
    (r"confidence in the path,? (?:the )?theory", ("confidence in the path", "theory")),
    (r"abc|defgh", ()),  # an alternative at the top: nothing is required
    (r"(?:keep\s+)?in\s+mind", ("mind",)),
    (r"colou?r scheme", ("r scheme", "colo")),  # cut before the optional letter
    (r"Great\s+Wall", ("great", "wall")),  # case-insensitive regexes: gates are lower case
    (r"a{2}bcde", ("bcde",)),
    (r"x{1000}yz", ()),  # counts in braces are not literals
])
def test_lexicon_gate_words(source: str, expected: tuple[str, ...]) -> None:
    assert gate_words(source) == expected


@given(st.lists(st.sampled_from(["ab", "cdef", "ghij kl", "(?:mn)?", "o?", "p*", r"\s+", "q{1,2}",
                                 "[rs]", ".", r"\d", " ", "tuvw+"]), min_size=1, max_size=8),
       st.text(alphabet="abcdefghijklmnopqrstuvw 0123456789", max_size=40))
def test_lexicon_gate_words_are_in_every_match(parts: list[str], filler: str) -> None:
    source = "".join(parts)
    pattern = re.compile(source, re.I)
    for text in (filler, filler + "abcdefghij kl mn o pp qq r tuvw 1", "cdef ghij kl tuvww"):
        for match in pattern.finditer(text):
            assert all(word in match.group(0).lower() for word in gate_words(source))


def _texts() -> list[str]:
    from generate import generate

    paths = [path for folder in (SEEDS, DEV, OWN / "en", OWN / "zh", OWN / "pairs")
             for path, _ in gold_pairs(folder)]
    return ([p.read_text(encoding="utf-8") for p in paths]
            + [r.text for r in generate(300, seed=3)])


def test_lexicon_gates_change_no_hit(kb: KB) -> None:
    """Every catalogue regex run on every text finds nothing the gated scan missed."""
    found = 0
    for text in _texts():
        folded = fold(text)
        gated = kb.lexicon.scan(folded)
        regex_hits = {(m.start(), m.end(), kind, ref)
                      for pattern, _, kind, ref in kb.lexicon.compiled
                      for m in pattern.finditer(folded)}
        assert regex_hits <= {(h.start, h.end, h.kind, h.ref) for h in gated}
        found += len(regex_hits)
    assert found >= 5  # the texts do exercise the catalogue's regexes (6 hits when written)
