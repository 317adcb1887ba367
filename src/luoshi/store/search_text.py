"""Text as the full-text index sees it: words for Latin script, bigrams for Chinese.

DuckDB's full-text index splits on spaces and punctuation; Chinese has neither between
words, so each run of CJK characters is indexed as its overlapping character pairs
(学习贯彻 -> 学习 习贯 贯彻). A query is split the same way.
"""

from __future__ import annotations

import re

CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")


def _bigrams(run: str) -> str:
    if len(run) == 1:
        return run
    return " ".join(run[i:i + 2] for i in range(len(run) - 1))


def search_text(text: str) -> str:
    return CJK_RUN.sub(lambda m: f" {_bigrams(m.group(0))} ", text)
