"""Extraction uses the whole knowledge base: every variant matches, every plenum dates."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from luoshi.extract.formulations import directive_names, names_a_directive
from luoshi.kb import load_kb
from luoshi.kb.lexicon import REGEX_PREFIX
from luoshi.pipeline import extract
from luoshi.record import Record

KB = load_kb()
ORDINALS = {1: "First", 2: "Second", 3: "Third", 4: "Fourth", 5: "Fifth", 6: "Sixth",
            7: "Seventh", 8: "Eighth", 9: "Ninth"}


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


@pytest.mark.parametrize("entry", KB.formulations, ids=lambda f: f.zh)
def test_kb_every_formulation_variant_is_found(entry: object) -> None:
    from luoshi.kb.model import FormulationEntry

    assert isinstance(entry, FormulationEntry)
    surfaces = [v for v in entry.variants_en if not v.startswith(REGEX_PREFIX)]
    for surface in surfaces:
        record = extract(f"The meeting stressed that we must fully grasp the {surface} and act.",
                         kb=KB)
        found = {f.zh for f in record.events[0].formulations}
        assert entry.zh in found or names_the_directive(record, entry.zh) or any(
            other.zh in found and surface.lower() in " | ".join(other.variants_en).lower()
            for other in KB.formulations), (entry.zh, surface, found)
    for surface in (entry.zh, *entry.variants_zh):
        record = extract(f"会议强调，要深刻领悟“{surface}”的重要意义。", kb=KB)
        assert entry.zh in {f.zh for f in record.events[0].formulations} or any(
            len(f.zh) > len(entry.zh) for f in record.events[0].formulations
        ) or names_the_directive(record, entry.zh), (entry.zh, surface)


def names_the_directive(record: Record, zh: str) -> bool:
    """The sentence made the formulation's own directive the one studied: left out by design."""
    return names_a_directive(zh, KB, directive_names(record.events[0].directives, KB))


PLENUMS = [d for d in KB.directives if d.kind == "plenum" and d.body == "CPC" and d.date_end
           and d.session and d.session <= 9]


@pytest.mark.parametrize("entry", PLENUMS, ids=lambda d: d.id)
def test_kb_every_catalogued_plenum_gets_its_lag(entry: object) -> None:
    from luoshi.kb.model import DirectiveEntry

    assert isinstance(entry, DirectiveEntry) and entry.date_end and entry.term and entry.session
    day = date.fromisoformat(entry.date_end) + timedelta(days=5)
    text = (f"On {day:%B} {day.day}, {day.year}, the provincial government party group held a "
            f"meeting to study the spirit of the {ORDINALS[entry.session]} Plenary Session of "
            f"the {ordinal(entry.term)} CPC Central Committee.")
    directives = extract(text, kb=KB).events[0].directives
    assert [(d.id, d.lag_days) for d in directives] == [(entry.id, 5)]
