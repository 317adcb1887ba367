"""Files and folders to documents: .txt, .html/.htm, .jsonl and .json, streamed.

`iter_inputs` yields an InputDoc per document or an InputError per bad file or line,
in a stable order (folders walked sorted), one document in memory at a time.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from luoshi.errors import InputError
from luoshi.ingest.decode import decode_bytes
from luoshi.ingest.html import html_main_text

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
JSON_SUFFIXES = {".json"}
ALL_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | JSON_SUFFIXES
DEFAULT_MAX_BYTES = 20 * 1024 * 1024  # one report is a few KB; 20 MB is a mistake, not a report


@dataclass
class InputDoc:
    doc_id: str
    text: str
    origin: str
    published: str | None = None
    url: str | None = None
    encoding: str = "utf-8"


def content_id(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def walk(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """Every input file under the given paths, in sorted order; gold files are skipped."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if (child.is_file() and child.suffix.lower() in ALL_SUFFIXES
                        and not child.name.endswith(".gold.json")
                        and not any(p.startswith(".") for p in child.relative_to(path).parts)):
                    yield child
        elif path.exists() or path.is_symlink():
            yield path
        else:
            yield InputError("L011", str(path))


def iter_inputs(paths: Iterable[str | Path],
                max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[InputDoc | InputError]:
    """Documents and errors from files, folders, or standard input when paths is ['-']."""
    for item in walk(paths):
        if isinstance(item, InputError):
            yield item
            continue
        if str(item) == "-":
            yield from read_stream(sys.stdin.buffer.read(), "<stdin>", "stdin", max_bytes)
            continue
        yield from read_file(item, max_bytes)


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[InputDoc | InputError]:
    suffix = path.suffix.lower()
    if suffix not in ALL_SUFFIXES:
        yield InputError("L009", str(path), suffix=suffix)
        return
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(path, max_bytes)
        return
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield InputError("L005", str(path), size=size, limit=max_bytes)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield InputError("L001", str(path), reason=exc.strerror or str(exc))
        return
    yield from read_stream(data, str(path), path.stem, max_bytes, suffix)


def read_stream(data: bytes, origin: str, stem: str, max_bytes: int,
                suffix: str = ".txt") -> Iterator[InputDoc | InputError]:
    if len(data) > max_bytes:
        yield InputError("L005", origin, size=len(data), limit=max_bytes)
        return
    try:
        text, encoding = decode_bytes(data, origin)
        if suffix in HTML_SUFFIXES or (suffix == ".txt" and _looks_like_html(text)):
            text, published = html_main_text(text, origin)
            yield InputDoc(stem, text, origin, published=_iso_day(published), encoding=encoding)
        elif suffix in JSON_SUFFIXES:
            yield from _json_documents(text, origin, stem)
        else:
            yield InputDoc(stem, text, origin, encoding=encoding)
    except InputError as exc:
        yield exc


def _looks_like_html(text: str) -> bool:
    head = text[:1000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html"))


def _json_documents(text: str, origin: str, stem: str) -> Iterator[InputDoc | InputError]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield InputError("L006", origin, line=exc.lineno, reason=exc.msg)
        return
    items = data if isinstance(data, list) else [data]
    for number, item in enumerate(items, start=1):
        doc = _document_from_object(item, origin, number, default_id=stem if len(items) == 1
                                    else None)
        yield doc


def read_jsonl(path: Path, max_bytes: int) -> Iterator[InputDoc | InputError]:
    """One document per line; a broken line is an error for that line only."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield InputError("L001", str(path), reason=exc.strerror or str(exc))
        return
    with handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            if len(raw) > max_bytes:
                yield InputError("L005", f"{path}:{number}", size=len(raw), limit=max_bytes)
                continue
            try:
                line = raw.decode("utf-8")
                item = json.loads(line)
            except UnicodeDecodeError:
                yield InputError("L006", str(path), line=number, reason="not UTF-8")
                continue
            except json.JSONDecodeError as exc:
                yield InputError("L006", str(path), line=number, reason=exc.msg)
                continue
            yield _document_from_object(item, str(path), number)


def _document_from_object(item: Any, origin: str, number: int,
                          default_id: str | None = None) -> InputDoc | InputError:
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        return InputError("L007", origin, line=number)
    text = item["text"]
    if not text.strip():
        return InputError("L004", f"{origin}:{number}")
    doc_id = str(item.get("id") or item.get("doc_id") or default_id or content_id(text))
    return InputDoc(doc_id, text, f"{origin}:{number}", published=_iso_day(item.get("published")),
                    url=item.get("url"))


def _iso_day(value: object) -> str | None:
    """A YYYY-MM-DD day from a published field, or None."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    if len(text) >= 10 and text[4] == "-" and text[7] == "-" and text[:4].isdigit():
        return text[:10]
    return None
