"""Files and folders to documents: .txt, .html/.htm, .jsonl and .json, streamed.

`iter_inputs` yields an InputDoc per document or an InputError per bad file or line,
in a stable order (folders walked sorted), one document in memory at a time.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from luoshi import jsoncodec
from luoshi.errors import InputError
from luoshi.ingest.decode import decode_bytes
from luoshi.ingest.html import html_main_text

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
JSON_SUFFIXES = {".json"}
ALL_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | JSON_SUFFIXES
DEFAULT_MAX_BYTES = 20 * 1024 * 1024  # one report is a few KB; 20 MB is a mistake, not a report
SURROGATE = re.compile("[\ud800-\udfff]")
LINE_SKIP_BYTES = 1024 * 1024  # read size when skipping the rest of a too-long JSONL line


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
    """Every input file under the given paths, in sorted order; gold files are skipped.

    In a folder, anything named like a report that is not a folder is yielded, so that
    a broken link or a pipe is reported by `read_file` instead of silently left out; a
    folder that cannot be listed is an error of its own.
    """
    for raw in paths:
        path = Path(raw)
        if str(raw) == "-":
            yield path  # standard input, read by iter_inputs
        elif path.is_dir():
            yield from _walk_folder(path, set())
        elif path.exists() or path.is_symlink():
            yield path
        else:
            yield InputError("L011", str(path))


def _walk_folder(folder: Path, seen: set[tuple[int, int]]) -> Iterator[Path | InputError]:
    """Depth first, entries sorted by name (the order of sorted(rglob)); links followed once."""
    try:
        info = folder.stat()
        if (info.st_dev, info.st_ino) in seen:  # a link back up the tree
            return
        seen.add((info.st_dev, info.st_ino))
        entries = sorted(folder.iterdir())
    except OSError as exc:
        yield InputError("L001", display(folder), reason=exc.strerror or str(exc))
        return
    for child in entries:
        if child.name.startswith("."):
            continue
        if child.is_dir():
            yield from _walk_folder(child, seen)
        elif child.suffix.lower() in ALL_SUFFIXES and not child.name.endswith(".gold.json"):
            yield child


def display(path: Path | str) -> str:
    """A path as printable text: bytes that are not UTF-8 in a file name become U+FFFD."""
    return os.fsencode(path).decode("utf-8", errors="replace")


def iter_inputs(paths: Iterable[str | Path],
                max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[InputDoc | InputError]:
    """Documents and errors from files, folders, or standard input when paths is ['-']."""
    for item in walk(paths):
        if isinstance(item, InputError):
            yield item
            continue
        if str(item) == "-":
            # one byte more than the limit tells a too-large input without reading all of it
            data = sys.stdin.buffer.read(max_bytes + 1)
            yield from read_stream(data, "<stdin>", "stdin", max_bytes)
            continue
        yield from read_file(item, max_bytes)


class Unreadable(OSError):
    """A path that names no file a report can be read from (a broken link, a pipe)."""


def open_input(path: Path) -> tuple[BinaryIO, int]:
    """The file opened for reading, and its size; OSError with a reason a user understands.

    Only regular files are opened: reading a pipe or a device could block forever.
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        if path.is_symlink():
            raise Unreadable("broken symbolic link") from None
        raise
    if not stat.S_ISREG(info.st_mode):
        kind = "a folder" if stat.S_ISDIR(info.st_mode) else (
            "a pipe" if stat.S_ISFIFO(info.st_mode) else "a device or socket")
        raise Unreadable(f"not a regular file but {kind}")
    return path.open("rb"), info.st_size


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[InputDoc | InputError]:
    name = display(path)
    suffix = path.suffix.lower()
    if suffix not in ALL_SUFFIXES:
        yield InputError("L009", name, suffix=suffix)
        return
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(path, max_bytes)
        return
    try:
        handle, size = open_input(path)
        with handle:
            if size > max_bytes:
                yield InputError("L005", name, size=size, limit=max_bytes)
                return
            data = handle.read(max_bytes + 1)  # the file may have grown since stat
    except OSError as exc:
        yield InputError("L001", name, reason=exc.strerror or str(exc))
        return
    yield from read_stream(data, name, display(path.stem), max_bytes, suffix)


def read_stream(data: bytes, origin: str, stem: str, max_bytes: int,
                suffix: str = ".txt") -> Iterator[InputDoc | InputError]:
    if len(data) > max_bytes:
        # read up to one byte past the limit (stdin, a file that grew): its size is unknown
        yield InputError("L005", origin, size=f"more than {max_bytes}", limit=max_bytes)
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
    """One document per line; a broken line is an error for that line only.

    No line is held in memory beyond `max_bytes`, whatever the file's size.
    """
    name = display(path)
    try:
        handle, _ = open_input(path)
        with handle:
            for number, (raw, size) in enumerate(_lines(handle, max_bytes), start=1):
                if size > max_bytes:
                    yield InputError("L005", f"{name}:{number}", size=size, limit=max_bytes)
                elif raw.strip():
                    yield _jsonl_document(raw, name, number)
    except OSError as exc:
        yield InputError("L001", name, reason=exc.strerror or str(exc))


def read_jsonl_range(path: Path, start: int, end: int, first_line: int,
                     max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[InputDoc | InputError]:
    """The lines of a JSONL file from byte `start` (a line start) to `end`, numbered from
    `first_line`: one partition of a file split for a cluster, read as `read_jsonl` would."""
    name = display(path)
    try:
        handle, _ = open_input(path)
        with handle:
            handle.seek(start)
            number = first_line
            for raw, size in _lines(handle, max_bytes):
                if size > max_bytes:
                    yield InputError("L005", f"{name}:{number}", size=size, limit=max_bytes)
                elif raw.strip():
                    yield _jsonl_document(raw, name, number)
                number += 1
                if handle.tell() >= end:
                    break
    except OSError as exc:
        yield InputError("L001", name, reason=exc.strerror or str(exc))


def _lines(handle: BinaryIO, max_bytes: int) -> Iterator[tuple[bytes, int]]:
    """(line, its size) per line; a line longer than max_bytes is skipped, not read whole."""
    while raw := handle.readline(max_bytes + 1):
        size = len(raw)
        while size > max_bytes and not raw.endswith(b"\n"):
            raw = handle.readline(LINE_SKIP_BYTES)
            if not raw:
                break
            size += len(raw)
        yield (b"" if size > max_bytes else raw), size


def _jsonl_document(raw: bytes, origin: str, number: int) -> InputDoc | InputError:
    try:
        item = jsoncodec.loads(raw.decode("utf-8").lstrip("\ufeff"))
    except UnicodeDecodeError:
        return InputError("L006", origin, line=number, reason="not UTF-8")
    except json.JSONDecodeError as exc:
        return InputError("L006", origin, line=number, reason=exc.msg)
    return _document_from_object(item, origin, number)


def _document_from_object(item: Any, origin: str, number: int,
                          default_id: str | None = None) -> InputDoc | InputError:
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        return InputError("L007", origin, line=number)
    text = _valid_unicode(item["text"])
    if not text.strip():
        return InputError("L004", f"{origin}:{number}")
    doc_id = _valid_unicode(str(item.get("id") or item.get("doc_id") or default_id
                                or content_id(text)))
    url = item.get("url")
    return InputDoc(doc_id, text, f"{origin}:{number}", published=_iso_day(item.get("published")),
                    url=_valid_unicode(url) if isinstance(url, str) else None)


def _valid_unicode(text: str) -> str:
    """JSON may escape lone surrogates (\\ud800), which no file or database can hold: U+FFFD."""
    return SURROGATE.sub("\ufffd", text)


def _iso_day(value: object) -> str | None:
    """A YYYY-MM-DD day from a published field, or None."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    if len(text) >= 10 and text[4] == "-" and text[7] == "-" and text[:4].isdigit():
        return text[:10]
    return None
