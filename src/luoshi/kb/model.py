"""One frozen dataclass per kind of knowledge-base row."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FormulationEntry:
    zh: str
    en: str
    variants_en: tuple[str, ...]
    variants_zh: tuple[str, ...]
    scope: str
    category: str
    first_year: int | None
    source: str


@dataclass(frozen=True)
class DirectiveEntry:
    id: str
    kind: str
    body: str
    term: int | None
    session: int | None
    date_start: str | None
    date_end: str | None
    zh: str
    labels_en: tuple[str, ...]
    variants_zh: tuple[str, ...]
    speaker: str | None
    topic: str | None
    signature: tuple[str, ...]
    source: str

    @property
    def label(self) -> str:
        return self.labels_en[0] if self.labels_en else self.zh


@dataclass(frozen=True)
class PlaceEntry:
    id: str
    name: str
    zh: str
    level: str
    parent: str | None
    aliases_en: tuple[str, ...]
    aliases_zh: tuple[str, ...]
    abbrev_zh: str | None
    nicknames: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class PostEntry:
    id: str
    en: str
    variants_en: tuple[str, ...]
    zh: str
    variants_zh: tuple[str, ...]
    system: str
    level: str
    rank: int
    default_org: str | None
    source: str


# How an official's `name` is written (the `name_form` column of officials.tsv):
#   ""            Han name, "Surname Given" in pinyin, the surname a reading in surnames.tsv
#   "transcribed" a non-Han name in its customary transcription, two or more words and
#                 no Han surname (Nur Bekri, Padma Choling, Shohrat Zakir)
#   "single"      a single-word name with no surname (the Mongolian names Bayanqolu, Bagatur)
NAME_FORMS = ("", "transcribed", "single")


@dataclass(frozen=True)
class OfficialEntry:
    name: str
    zh: str
    post: str
    org: str
    jurisdiction: str
    start: str
    end: str | None
    source: str
    name_form: str = ""

    def holds_on(self, day: str) -> bool:
        """True when the post was held on `day` (YYYY-MM-DD), to month precision."""
        month = day[:7]
        return self.start[:7] <= month and (self.end is None or month <= self.end[:7])


@dataclass(frozen=True)
class OutletEntry:
    zh: str
    en: str
    variants_en: tuple[str, ...]
    source: str
