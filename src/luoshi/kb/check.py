"""`luoshi kb check`: schema, duplicate keys, colliding variants, date order."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import astuple, fields
from datetime import date
from typing import Any

from luoshi.kb.lexicon import REGEX_PREFIX, fold_key
from luoshi.kb.loader import KB, load_kb
from luoshi.kb.model import NAME_FORMS, OfficialEntry

CATEGORIES = frozenset(["ideology", "party_building", "development", "economy", "reform_opening", "governance", "rule_of_law", "livelihood", "ecology", "security", "military", "culture", "united_front", "work_style", "local_strategy", "planning", "rural", "health"])
DIRECTIVE_KINDS = frozenset({"congress", "plenum", "speech", "document", "meeting"})
LEVELS = frozenset({"country", "province", "city", "county"})
POST_LEVELS = frozenset({"central", "province", "city", "county", "township", "any"})
MONTH = re.compile(r"^\d{4}-\d{2}(?:-\d{2})?$")


def check_kb(kb: KB) -> list[str]:
    problems = list(kb.problems)
    problems += _check_formulations(kb)
    problems += _check_directives(kb)
    problems += _check_places(kb)
    problems += _check_posts(kb)
    problems += _check_officials(kb)
    return problems


def _duplicates(keys: list[str], what: str) -> list[str]:
    seen: dict[str, int] = defaultdict(int)
    for key in keys:
        seen[key] += 1
    return [f"{what}: duplicate key {k!r}" for k, n in seen.items() if n > 1]


def _check_formulations(kb: KB) -> list[str]:
    problems = _duplicates([f.zh for f in kb.formulations], "formulations")
    owner: dict[str, str] = {}
    places = {p.name for p in kb.places}
    for f in kb.formulations:
        where = f"formulations {f.zh}"
        if not f.en:
            problems.append(f"{where}: no preferred English")
        if not f.source:
            problems.append(f"{where}: no source")
        if f.category not in CATEGORIES:
            problems.append(f"{where}: unknown category {f.category!r}")
        if f.scope != "central" and f.scope not in places:
            problems.append(f"{where}: scope {f.scope!r} is not a known jurisdiction")
        if f.first_year is not None and not 1921 <= f.first_year <= date.today().year:
            problems.append(f"{where}: first_year {f.first_year} out of range")
        for variant in (f.zh, *f.variants_zh, *f.variants_en):
            if variant.startswith(REGEX_PREFIX):
                try:
                    re.compile(variant[len(REGEX_PREFIX):])
                except re.error as exc:
                    problems.append(f"{where}: bad regex {variant!r}: {exc}")
                continue
            key = fold_key(variant)
            if key in owner and owner[key] != f.zh:
                problems.append(f"{where}: variant {variant!r} also belongs to {owner[key]}")
            owner.setdefault(key, f.zh)
    return problems


def _check_directives(kb: KB) -> list[str]:
    problems = _duplicates([d.id for d in kb.directives], "directives")
    keys = [f"{d.kind}/{d.body}/{d.term}/{d.session}" for d in kb.directives
            if d.kind in ("congress", "plenum")]
    problems += _duplicates(keys, "directives (kind/body/term/session)")
    for d in kb.directives:
        where = f"directives {d.id}"
        if d.kind not in DIRECTIVE_KINDS:
            problems.append(f"{where}: unknown kind {d.kind!r}")
        if d.kind in ("congress", "plenum") and d.term is None:
            problems.append(f"{where}: a {d.kind} needs a term")
        if d.kind == "plenum" and d.session is None:
            problems.append(f"{where}: a plenum needs a session")
        if d.kind == "speech" and not d.speaker:
            problems.append(f"{where}: a speech needs a speaker")
        if not d.source:
            problems.append(f"{where}: no source")
        parsed = []
        for value in (d.date_start, d.date_end):
            if value:
                try:
                    parsed.append(date.fromisoformat(value))
                except ValueError:
                    problems.append(f"{where}: bad date {value!r}")
        if len(parsed) == 2 and parsed[0] > parsed[1]:
            problems.append(f"{where}: starts after it ends")
        for key in d.signature:
            if key not in kb.formulation_by_zh:
                problems.append(f"{where}: signature {key!r} is not a formulation")
    return problems


def _check_places(kb: KB) -> list[str]:
    problems = _duplicates([p.id for p in kb.places], "jurisdictions")
    ids = {p.id for p in kb.places}
    nicknames: dict[str, str] = {}
    for p in kb.places:
        where = f"jurisdictions {p.id}"
        if p.level not in LEVELS:
            problems.append(f"{where}: unknown level {p.level!r}")
        if p.level != "country" and p.parent not in ids:
            problems.append(f"{where}: parent {p.parent!r} does not exist")
        if not p.source:
            problems.append(f"{where}: no source")
        for nickname in p.nicknames:
            if nickname in nicknames and nicknames[nickname] != p.id:
                problems.append(f"{where}: nickname {nickname!r} also of {nicknames[nickname]}")
            nicknames.setdefault(nickname, p.id)
    provinces = sum(1 for p in kb.places if p.level == "province")
    if kb.places and provinces != 34:
        problems.append(f"jurisdictions: {provinces} provincial-level divisions, expected 34")
    return problems


def _check_posts(kb: KB) -> list[str]:
    problems = _duplicates([p.id for p in kb.posts], "posts")
    for p in kb.posts:
        if p.level not in POST_LEVELS:
            problems.append(f"posts {p.id}: unknown level {p.level!r}")
        if not p.source:
            problems.append(f"posts {p.id}: no source")
    return problems


def _check_officials(kb: KB) -> list[str]:
    problems: list[str] = []
    places = {p.name for p in kb.places} | {"China"}
    posts = {p.en for p in kb.posts}
    for o in kb.officials:
        where = f"officials {o.name} ({o.post}, {o.jurisdiction})"
        name_problem = _check_official_name(o, kb)
        if name_problem:
            problems.append(f"{where}: {name_problem}")
        if o.jurisdiction not in places:
            problems.append(f"{where}: unknown jurisdiction")
        if o.post not in posts:
            problems.append(f"{where}: post {o.post!r} is not in posts.tsv")
        if not MONTH.match(o.start) or (o.end and not MONTH.match(o.end)):
            problems.append(f"{where}: dates must be YYYY-MM or YYYY-MM-DD")
        elif o.end and o.end < o.start:
            problems.append(f"{where}: ends before it starts")
        if not o.source:
            problems.append(f"{where}: no source")
    return problems


def _check_official_name(o: OfficialEntry, kb: KB) -> str | None:
    """The name is written as its `name_form` says (see NAME_FORMS in model.py).

    A Han name must be "Surname Given" with a surname from surnames.tsv; a name without a
    Han surname passes only when its row says so (`transcribed` or `single`), so a garbled
    or one-word Han name is still caught."""
    words = o.name.split()
    if o.name_form not in NAME_FORMS:
        return f"unknown name_form {o.name_form!r} (expected one of {NAME_FORMS[1:]} or empty)"
    if o.name_form == "single":
        if len(words) != 1 or not o.name[0].isupper() or "·" in o.zh:
            return "a 'single' name is one capitalised word (its Chinese has no ·)"
        return None
    if o.name_form == "transcribed":
        return None if len(words) >= 2 else "a 'transcribed' name has two or more words"
    if len(words) != 2:
        return "name is not 'Surname Given' (set name_form for a name without a Han surname)"
    if kb.surnames and words[0] not in kb.surname_pinyin:
        return (f"surname {words[0]!r} is not in surnames.tsv (set name_form for a name "
                "without a Han surname)")
    return None


def table_rows(table: str, grep: str | None = None) -> Iterator[str]:
    kb = load_kb()
    tables: dict[str, list[Any]] = {
        "formulations": kb.formulations, "directives": kb.directives, "jurisdictions": kb.places,
        "posts": kb.posts, "officials": kb.officials, "outlets": kb.outlets}
    entries = tables[table]
    if not entries:
        return
    yield "\t".join(f.name for f in fields(entries[0]))
    for entry in entries:
        cells = ["|".join(v) if isinstance(v, tuple) else "" if v is None else str(v)
                 for v in astuple(entry)]
        line = "\t".join(cells)
        if grep is None or grep.lower() in line.lower():
            yield line
