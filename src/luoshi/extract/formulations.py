"""Formulations (tifa): canonical Chinese keys found through every listed variant (step).

The lexicon scan has found every variant; here the longest wins where variants overlap
("common prosperity demonstration zone" over "common prosperity", 习近平新时代中国特色
社会主义思想 over the 新时代 inside it), and hits are grouped by their Chinese key with a
count and the spans of each use.

A formulation that only names a directive the meeting studies (二十大精神 in a report on
the 20th Congress) is left out: the directive is already recorded under `directives`.
One the directive's signature lists is kept (八项规定 for the eight-point regulation):
the catalogue makes it the directive's content, and fidelity counts it. The step
therefore runs after the directives are resolved.
"""

from __future__ import annotations

from functools import lru_cache

from luoshi.extract.doc import Doc
from luoshi.extract.memo import KBMemo
from luoshi.extract.places import hits_apart
from luoshi.kb.lexicon import FORMULATION, Hit, longest_first
from luoshi.kb.loader import KB
from luoshi.record import Directive, Formulation

# Wrappers that do not change which event a name refers to: 党的二十大, 中共二十大精神 and
# 二十大会议精神 all name the 20th Congress.
NAME_PREFIXES = ("党的", "中共")
NAME_SUFFIXES = ("会议精神", "精神")


def find_formulations(doc: Doc, kb: KB) -> None:
    """Step: event.formulations."""
    found: dict[str, Formulation] = {}
    for hit in _winning(doc.hits_of(FORMULATION)):
        entry = kb.formulation_by_zh[hit.ref]
        formulation = found.get(entry.zh)
        if formulation is None:
            # zh, en, count, spans, scope, category: by position, half the cost of keywords
            formulation = Formulation(entry.zh, entry.en, 0, [], entry.scope,
                                      entry.category or None)
            found[entry.zh] = formulation
        formulation.count += 1
        formulation.spans.append((hit.start, hit.end))
    named = naming_formulations(directive_names(doc.event.directives, kb), kb)
    doc.event.formulations = [f for f in found.values() if f.zh not in named]


def _winning(hits: list[Hit]) -> list[Hit]:
    """`longest_first(hits)`: hits that are apart all win, in their order (most reports'
    formulations overlap none)."""
    return hits if hits_apart(hits) else longest_first(hits)


def directive_names(directives: list[Directive], kb: KB
                    ) -> list[tuple[frozenset[str], frozenset[str]]]:
    """Per directive, its Chinese names as `event_name` reduces them, and its signature."""
    named: list[tuple[frozenset[str], frozenset[str]]] = []
    for directive in directives:
        names, signature = _CATALOGUE_NAMES.get(directive.id, kb, _catalogue_names)
        if directive.zh and (name := event_name(directive.zh)) not in names:
            names = names | {name}
        named.append((names, signature))
    return named


_CATALOGUE_NAMES: KBMemo[tuple[frozenset[str], frozenset[str]]] = KBMemo()


def _catalogue_names(directive_id: str, kb: KB) -> tuple[frozenset[str], frozenset[str]]:
    """A catalogued directive's names as `event_name` reduces them, and its signature."""
    entry = kb.directive_by_id.get(directive_id)
    if entry is None:
        return frozenset(), frozenset()
    surfaces = [entry.zh, *entry.variants_zh]
    return frozenset(event_name(s) for s in surfaces if s), frozenset(entry.signature)


def names_a_directive(zh: str, kb: KB,
                      directives: list[tuple[frozenset[str], frozenset[str]]]) -> bool:
    """True when the formulation's key or a Chinese variant names one of `directives`
    whose signature does not list it."""
    if not directives:
        return False
    reduced = _REDUCED_NAMES.get(zh, kb, _reduced_names)
    for names, signature in directives:
        if not reduced.isdisjoint(names) and zh not in signature:
            return True
    return False


def naming_formulations(directives: list[tuple[frozenset[str], frozenset[str]]], kb: KB
                        ) -> set[str]:
    """The formulations for which `names_a_directive` holds, found from the directives'
    names (a few) through an index of the formulations by reduced name, not by asking
    about every formulation of the report."""
    named: set[str] = set()
    if directives:
        by_name = _BY_REDUCED_NAME.get("", kb, _by_reduced_name)
        for names, signature in directives:
            for name in names:
                named.update(zh for zh in by_name.get(name, ()) if zh not in signature)
    return named


_BY_REDUCED_NAME: KBMemo[dict[str, list[str]]] = KBMemo()


def _by_reduced_name(_: str, kb: KB) -> dict[str, list[str]]:
    """Each name a formulation's surfaces reduce to, with those formulations."""
    index: dict[str, list[str]] = {}
    for zh in kb.formulation_by_zh:
        for name in _reduced_names(zh, kb):
            index.setdefault(name, []).append(zh)
    return index


_REDUCED_NAMES: KBMemo[frozenset[str]] = KBMemo()  # asked for every formulation of a report


def _reduced_names(zh: str, kb: KB) -> frozenset[str]:
    entry = kb.formulation_by_zh[zh]
    return frozenset(event_name(s) for s in (entry.zh, *entry.variants_zh))


@lru_cache(maxsize=65536)  # the same few names in every report
def event_name(surface: str) -> str:
    """党的二十大精神 -> 二十大: the name without the wrappers of NAME_PREFIXES and NAME_SUFFIXES."""
    for suffix in NAME_SUFFIXES:
        if surface.endswith(suffix) and len(surface) > len(suffix):
            surface = surface[:-len(suffix)]
            break
    for prefix in NAME_PREFIXES:
        if surface.startswith(prefix) and len(surface) > len(prefix):
            surface = surface[len(prefix):]
            break
    return surface
