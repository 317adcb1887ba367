"""Load the bundled knowledge base, merged with the user's own files.

User files have the bundled files' names and columns and live in the folder named by
the LUOSHI_KB_DIR environment variable (default ~/.config/luoshi/kb). A user row with
the same key as a bundled row replaces it; other rows are added.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, TypeVar

from luoshi.kb.model import (
    DirectiveEntry,
    FormulationEntry,
    OfficialEntry,
    OutletEntry,
    PlaceEntry,
    PostEntry,
)
from luoshi.kb.tsv import read_rows, split_list, to_int

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
USER_DIR_ENV = "LUOSHI_KB_DIR"
DEFAULT_USER_DIR = Path("~/.config/luoshi/kb")

T = TypeVar("T")


def user_dir() -> Path:
    return Path(os.environ.get(USER_DIR_ENV) or DEFAULT_USER_DIR).expanduser()


def _formulation(row: dict[str, str]) -> FormulationEntry:
    return FormulationEntry(
        zh=row["zh"], en=row["en"], variants_en=split_list(row["variants_en"]),
        variants_zh=split_list(row["variants_zh"]), scope=row["scope"] or "central",
        category=row["category"], first_year=to_int(row["first_year"]), source=row["source"],
    )


def _directive(row: dict[str, str]) -> DirectiveEntry:
    return DirectiveEntry(
        id=row["id"], kind=row["kind"], body=row["body"], term=to_int(row["term"]),
        session=to_int(row["session"]), date_start=row["date_start"] or None,
        date_end=row["date_end"] or None, zh=row["zh"], labels_en=split_list(row["labels_en"]),
        variants_zh=split_list(row["variants_zh"]), speaker=row["speaker"] or None,
        topic=row["topic"] or None, signature=split_list(row["signature"]), source=row["source"],
    )


def _place(row: dict[str, str]) -> PlaceEntry:
    return PlaceEntry(
        id=row["id"], name=row["name"], zh=row["zh"], level=row["level"],
        parent=row["parent"] or None, aliases_en=split_list(row["aliases_en"]),
        aliases_zh=split_list(row["aliases_zh"]), abbrev_zh=row["abbrev_zh"] or None,
        nicknames=split_list(row["nicknames"]), source=row["source"],
    )


def _post(row: dict[str, str]) -> PostEntry:
    return PostEntry(
        id=row["id"], en=row["en"], variants_en=split_list(row["variants_en"]), zh=row["zh"],
        variants_zh=split_list(row["variants_zh"]), system=row["system"], level=row["level"],
        rank=int(row["rank"] or 9), default_org=row["default_org"] or None, source=row["source"],
    )


def _official(row: dict[str, str]) -> OfficialEntry:
    return OfficialEntry(
        name=row["name"], zh=row["zh"], post=row["post"], org=row["org"],
        jurisdiction=row["jurisdiction"], start=row["start"], end=row["end"] or None,
        source=row["source"], name_form=row.get("name_form", ""),
    )


def _outlet(row: dict[str, str]) -> OutletEntry:
    return OutletEntry(zh=row["zh"], en=row["en"], variants_en=split_list(row["variants_en"]),
                       source=row["source"])


@dataclass(frozen=True)
class TableSpec:
    """How one file becomes entries, and the key a user row replaces a bundled row by."""

    filename: str
    parse: Callable[[dict[str, str]], Any]
    key: Callable[[Any], Any]


TABLES = {
    "formulations": TableSpec("formulations.tsv", _formulation, lambda e: e.zh),
    "directives": TableSpec("directives.tsv", _directive, lambda e: e.id),
    "jurisdictions": TableSpec("jurisdictions.tsv", _place, lambda e: e.id),
    "posts": TableSpec("posts.tsv", _post, lambda e: e.id),
    "officials": TableSpec("officials.tsv", _official,
                           lambda e: (e.name, e.post, e.jurisdiction, e.start)),
    "outlets": TableSpec("outlets.tsv", _outlet, lambda e: e.zh),
}


def load_table(spec: TableSpec, dirs: Iterable[Path]) -> tuple[list[Any], list[str]]:
    """Entries of one table over all folders, later folders replacing earlier keys.

    Returns the entries and a list of "file:line: reason" problems for `kb check`.
    """
    merged: dict[Any, Any] = {}
    problems: list[str] = []
    for folder in dirs:
        path = folder / spec.filename
        if not path.exists():
            continue
        for number, row in read_rows(path):
            try:
                entry = spec.parse(row)
            except (KeyError, ValueError) as exc:
                problems.append(f"{path}:{number}: {exc!r}")
                continue
            merged[spec.key(entry)] = entry
    return list(merged.values()), problems


@dataclass
class KB:
    formulations: list[FormulationEntry]
    directives: list[DirectiveEntry]
    places: list[PlaceEntry]
    posts: list[PostEntry]
    officials: list[OfficialEntry]
    outlets: list[OutletEntry]
    surnames: dict[str, str]
    syllables: frozenset[str]
    problems: list[str] = field(default_factory=list)

    @cached_property
    def formulation_by_zh(self) -> dict[str, FormulationEntry]:
        return {f.zh: f for f in self.formulations}

    @cached_property
    def directive_by_id(self) -> dict[str, DirectiveEntry]:
        return {d.id: d for d in self.directives}

    @cached_property
    def directive_by_key(self) -> dict[tuple[str, str, int | None, int | None], DirectiveEntry]:
        return {(d.kind, d.body, d.term, d.session): d for d in self.directives
                if d.kind in ("congress", "plenum")}

    @cached_property
    def place_by_id(self) -> dict[str, PlaceEntry]:
        return {p.id: p for p in self.places}

    @cached_property
    def place_by_name(self) -> dict[str, list[PlaceEntry]]:
        """Canonical names, English aliases and nicknames, lower-cased."""
        index: dict[str, list[PlaceEntry]] = defaultdict(list)
        for place in self.places:
            for name in (place.name, *place.aliases_en):
                index[name.lower()].append(place)
        return index

    @cached_property
    def place_by_zh(self) -> dict[str, list[PlaceEntry]]:
        """Full Chinese names and short forms (黑龙江省, 黑龙江)."""
        index: dict[str, list[PlaceEntry]] = defaultdict(list)
        for place in self.places:
            for name in {place.zh, *place.aliases_zh}:
                if name:
                    index[name].append(place)
        return index

    @cached_property
    def place_by_local_zh(self) -> dict[str, list[PlaceEntry]]:
        """Districts and counties by their name without the parent city's (朝阳区 for
        北京市朝阳区 and 长春市朝阳区): forms the lexicon leaves off when places share them,
        but which still name the place when an organ (朝阳区委) does."""
        index: dict[str, list[PlaceEntry]] = defaultdict(list)
        for place in self.places:
            parent = self.place_by_id.get(place.parent or "")
            if parent is not None and parent.zh and place.zh.startswith(parent.zh) \
                    and len(place.zh) > len(parent.zh) + 1:
                index[place.zh[len(parent.zh):]].append(place)
        return index

    @cached_property
    def province_of(self) -> dict[str, str]:
        """Place id -> canonical name of its province (the province itself for provinces)."""
        result: dict[str, str] = {}
        for place in self.places:
            node: PlaceEntry | None = place
            while node is not None and node.level not in ("province", "country"):
                node = self.place_by_id.get(node.parent or "")
            if node is not None and node.level == "province":
                result[place.id] = node.name
        return result

    @cached_property
    def post_by_id(self) -> dict[str, PostEntry]:
        return {p.id: p for p in self.posts}

    @cached_property
    def officials_by_name(self) -> dict[str, list[OfficialEntry]]:
        index: dict[str, list[OfficialEntry]] = defaultdict(list)
        for official in self.officials:
            index[official.name.lower()].append(official)
        return index

    @cached_property
    def officials_by_surname(self) -> dict[str, dict[str, list[OfficialEntry]]]:
        """Lower-case surname -> lower-case full name -> entries (for repairing typos)."""
        index: dict[str, dict[str, list[OfficialEntry]]] = defaultdict(dict)
        for key, entries in self.officials_by_name.items():
            index[key.partition(" ")[0]][key] = entries
        return index

    @cached_property
    def officials_by_zh(self) -> dict[str, list[OfficialEntry]]:
        index: dict[str, list[OfficialEntry]] = defaultdict(list)
        for official in self.officials:
            if official.zh:
                index[official.zh].append(official)
        return index

    @cached_property
    def surname_pinyin(self) -> frozenset[str]:
        """Surnames as they are written in English text (Wang, Ouyang, Lü, Lv, Lyu)."""
        names = set(self.surnames.values())
        names |= {py.replace("ü", "v") for py in names} | {py.replace("ü", "u") for py in names}
        names |= {py.replace("ü", "yu") for py in names}
        return frozenset(names)

    @cached_property
    def outlet_by_zh(self) -> dict[str, OutletEntry]:
        return {o.zh: o for o in self.outlets}

    @cached_property
    def lexicon(self) -> Any:
        from luoshi.kb.lexicon import Lexicon

        return Lexicon.build(self)


def _read_surnames(dirs: Iterable[Path]) -> dict[str, str]:
    surnames: dict[str, str] = {}
    for folder in dirs:
        path = folder / "surnames.tsv"
        if path.exists():
            for _, row in read_rows(path):
                surnames[row["zh"]] = row["pinyin"]
    return surnames


def _read_syllables() -> frozenset[str]:
    text = (DATA_DIR / "pinyin_syllables.txt").read_text(encoding="utf-8")
    return frozenset(w for w in text.split() if not w.startswith("#") and w.isalpha())


def build_kb(dirs: list[Path]) -> KB:
    tables: dict[str, list[Any]] = {}
    problems: list[str] = []
    for name, spec in TABLES.items():
        tables[name], table_problems = load_table(spec, dirs)
        problems += table_problems
    return KB(
        formulations=tables["formulations"], directives=tables["directives"],
        places=tables["jurisdictions"], posts=tables["posts"], officials=tables["officials"],
        outlets=tables["outlets"], surnames=_read_surnames(dirs), syllables=_read_syllables(),
        problems=problems,
    )


@lru_cache(maxsize=4)
def _load_cached(dirs: tuple[Path, ...]) -> KB:
    return build_kb(list(dirs))


def load_kb(extra_dir: Path | None = None) -> KB:
    """The bundled knowledge base merged with the user's folder (cached per folder set)."""
    dirs = [DATA_DIR, user_dir()]
    if extra_dir is not None:
        dirs.append(extra_dir)
    return _load_cached(tuple(d for d in dirs if d.exists()))
