"""Formulations (tifa): canonical Chinese keys found through every listed variant (step).

The lexicon scan has found every variant; here the longest wins where variants overlap
("common prosperity demonstration zone" over "common prosperity"), and hits are grouped
by their Chinese key with a count and the spans of each use.
"""

from __future__ import annotations

from luoshi.extract.doc import Doc
from luoshi.kb.lexicon import FORMULATION, longest_first
from luoshi.kb.loader import KB
from luoshi.record import Formulation


def find_formulations(doc: Doc, kb: KB) -> None:
    """Step: event.formulations."""
    found: dict[str, Formulation] = {}
    for hit in longest_first(doc.hits_of(FORMULATION)):
        entry = kb.formulation_by_zh[hit.ref]
        formulation = found.get(entry.zh)
        if formulation is None:
            formulation = Formulation(zh=entry.zh, en=entry.en, count=0, scope=entry.scope,
                                      category=entry.category or None)
            found[entry.zh] = formulation
        formulation.count += 1
        formulation.spans.append(hit.span)
    doc.event.formulations = list(found.values())
