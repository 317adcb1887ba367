"""Score records against gold files field by field.

The metrics are those of the project's reference scorer (shared/tools/score.py):
accuracy for published, date, jurisdiction, level, kind and tasks; precision, recall and
F1 for directives, people, roles, titles, formulations, credits and referenced people;
overall is the mean of the thirteen field scores. Formulations found outside a gold
file's core and optional lists count as false positives.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from luoshi.errors import InputError

ACCURACY_FIELDS = ("published", "date", "jurisdiction", "level", "kind", "tasks")
SET_FIELDS = ("directives", "people", "roles", "titles", "formulations", "credits",
              "referenced")


def norm(text: str | None) -> str:
    value = unicodedata.normalize("NFKC", text or "").lower()
    value = "".join(c for c in unicodedata.normalize("NFKD", value)
                    if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9\u4e00-\u9fff]+", "", value)


def directive_key(d: dict[str, Any]) -> tuple[Any, ...]:
    kind = (d.get("kind") or "").lower()
    if kind == "speech":
        return ("speech", norm(d.get("speaker") or ""))
    return (kind, norm(str(d.get("body") or "")), d.get("term"), d.get("session"))


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: set[Any], pred: set[Any]) -> None:
        self.tp += len(gold & pred)
        self.fp += len(pred - gold)
        self.fn += len(gold - pred)

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Report:
    accuracy: dict[str, list[int]] = field(
        default_factory=lambda: {k: [0, 0] for k in ACCURACY_FIELDS})
    tallies: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k in SET_FIELDS})
    spurious_formulations: int = 0
    missing: list[str] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)

    def field_scores(self) -> dict[str, float]:
        scores = {k: (a / n if n else 1.0) for k, (a, n) in self.accuracy.items()}
        scores.update({k: t.prf()[2] for k, t in self.tallies.items()})
        return scores

    @property
    def overall(self) -> float:
        scores = self.field_scores()
        return sum(scores.values()) / len(scores)

    def lines(self) -> list[str]:
        out = []
        for key, (hits, total) in self.accuracy.items():
            value = hits / total if total else 1.0
            out.append(f"{key:14s} accuracy {value:.2f} ({hits}/{total})")
        for key, tally in self.tallies.items():
            p, r, f = tally.prf()
            out.append(f"{key:14s} P {p:.2f} R {r:.2f} F1 {f:.2f}")
        if self.missing:
            out.append("no record for: " + ", ".join(self.missing))
        out.append(f"overall {self.overall:.3f} (mean of {len(self.field_scores())} field scores;"
                   f" {self.spurious_formulations} formulations outside gold)")
        return out

    def to_dict(self) -> dict[str, Any]:
        return {"fields": self.field_scores(), "overall": self.overall,
                "spurious_formulations": self.spurious_formulations, "missing": self.missing,
                "errors": self.errors}


def load_golds(gold_dir: Path) -> list[dict[str, Any]]:
    golds = []
    for path in sorted(gold_dir.rglob("*.gold.json")):
        try:
            golds.append(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise InputError("L030", str(path), reason=str(exc)) from exc
    return golds


def record_key(record: dict[str, Any]) -> str:
    return Path(str(record.get("doc_id", ""))).name.removesuffix(".txt")


def score(golds: list[dict[str, Any]], predictions: list[dict[str, Any]]) -> Report:
    """Field scores of predicted records against gold records, matched by doc_id."""
    by_id = {record_key(p): p for p in predictions}
    report = Report()
    for gold in golds:
        pred = by_id.get(gold["doc_id"])
        if pred is None:
            report.missing.append(gold["doc_id"])
            pred = {"events": []}
        _score_one(report, gold, pred)
    return report


def _score_one(report: Report, gold: dict[str, Any], pred: dict[str, Any]) -> None:
    acc, tallies = report.accuracy, report.tallies
    mistakes: list[str] = []

    def hit(key: str, ok: bool) -> None:
        acc[key][0] += bool(ok)
        acc[key][1] += 1
        if not ok:
            mistakes.append(key)

    hit("published", (pred.get("published") or None) == gold.get("published"))
    ge = gold["events"][0]
    pe = (pred.get("events") or [{}])[0]
    gd, pd = ge.get("date"), pe.get("date")
    hit("date", pd == gd or bool(ge.get("date_basis") == "inferred" and gd and pd == "--" + gd[5:]))
    gj, pj = ge.get("jurisdiction") or {}, pe.get("jurisdiction") or {}
    hit("jurisdiction", norm(gj.get("name")) == norm(pj.get("name")))
    hit("level", gj.get("level") == pj.get("level"))
    hit("kind", ge.get("kind") == pe.get("kind"))
    tallies["directives"].add({directive_key(d) for d in ge.get("directives", [])},
                              {directive_key(d) for d in pe.get("directives", []) or []})
    gpeople = {norm(x["name"]): x for x in ge.get("people", [])}
    ppeople = {norm(x.get("name")): x for x in pe.get("people", []) or []}
    tallies["people"].add(set(gpeople), set(ppeople))
    tallies["roles"].add({(n, x["role"]) for n, x in gpeople.items()},
                         {(n, x.get("role")) for n, x in ppeople.items() if n in gpeople})
    tallies["titles"].add(
        {(n, norm(t["post"])) for n, x in gpeople.items() for t in x["titles"]},
        {(n, norm(t.get("post"))) for n, x in ppeople.items() if n in gpeople
         for t in x.get("titles", []) or []})
    tallies["referenced"].add({norm(n) for n in ge.get("referenced_people", [])},
                              {norm(n) for n in pe.get("referenced_people", []) or []})
    core = set(ge.get("formulations_core", []))
    optional = set(ge.get("formulations_optional", []))
    got = {f.get("zh") for f in pe.get("formulations", []) or []}
    tallies["formulations"].add(core, got & core)
    outside = got - core - optional
    report.spurious_formulations += len(outside)
    tallies["formulations"].fp += len(outside)
    gold_tasks = ge.get("tasks", [])
    pred_tasks = pe.get("tasks", []) or []
    hit("tasks", len(gold_tasks) == len(pred_tasks) and all(
        norm(b.get("text", ""))[:60].find(norm(a["starts"])[:25]) >= 0
        for a, b in zip(gold_tasks, pred_tasks, strict=False)))
    tallies["credits"].add({(norm(c["name"]), c["role"]) for c in gold.get("credits", [])},
                           {(norm(c.get("name")), c.get("role"))
                            for c in pred.get("credits", []) or []})
    if mistakes or outside:
        report.errors.append({"doc_id": gold["doc_id"], "wrong": mistakes,
                              "formulations_outside_gold": sorted(x for x in outside if x)})
