"""Coded error messages: one line each, naming the file and the reason.

Codes are stable so that users can grep logs and tests can assert on them.
"""

from __future__ import annotations

import re

# a line must stay one line however odd the file name or reason: controls become \xNN,
# lone surrogates (undecodable bytes in a file name) become U+FFFD
UNPRINTABLE = re.compile("[\x00-\x1f\x7f\ud800-\udfff]")

MESSAGES = {
    "L001": "cannot read: {reason}",
    "L002": "not text: {reason}",
    "L003": "not decodable as UTF-8, UTF-16, GB18030 or Big5",
    "L004": "empty file",
    "L005": "too large: {size} bytes (limit {limit}; raise it with --max-bytes)",
    "L006": "broken JSON on line {line}: {reason}",
    "L007": "line {line}: no 'text' field",
    "L008": "HTML has no main text",
    "L009": "unsupported file type {suffix!r} (use .txt, .html, .htm, .jsonl or .json)",
    "L010": "extraction failed: {reason}",
    "L011": "no such file or folder",
    "L020": "knowledge base: {reason}",
    "L030": "gold file unreadable: {reason}",
    "L040": "database: {reason}",
    "L041": "unknown directive {directive!r}; try `luoshi kb show directives --grep {hint}`",
    "L042": "unknown formulation {formulation!r}; try `luoshi kb show formulations --grep ...`",
    "L043": "no person called {person!r} in this database",
    "L044": "no full-text index: {reason}",
    "L045": "cannot export: {reason}",
    "L047": "Parquet: {reason}",
    "L048": "cluster engine: {reason}",
    "L046": "busy: {holder} has held the database for more than {seconds} s; try again later",
}


class LuoshiError(Exception):
    """An error with a code, a subject (usually a file path) and a one-line message."""

    def __init__(self, code: str, subject: str = "", **fields: object) -> None:
        self.code = code
        self.subject = subject
        self.fields = fields
        super().__init__(self.line())

    def __reduce__(self) -> tuple[object, ...]:
        """Pickled as what it was made of: a worker process sends its errors back."""
        return (_rebuilt, (type(self), self.code, self.subject, self.fields))

    def line(self) -> str:
        reason = MESSAGES[self.code].format(**self.fields)
        prefix = f"[{self.code}] "
        line = f"{prefix}{self.subject}: {reason}" if self.subject else prefix + reason
        return UNPRINTABLE.sub(_escape, line)


def _rebuilt(kind: type[LuoshiError], code: str, subject: str,
             fields: dict[str, object]) -> LuoshiError:
    return kind(code, subject, **fields)


def _escape(match: re.Match[str]) -> str:
    char = match.group(0)
    return "\ufffd" if ord(char) >= 0xD800 else f"\\x{ord(char):02x}"


class InputError(LuoshiError):
    """A bad input file: reported, counted, and the run goes on (unless --fail-fast)."""


class DatabaseBusy(LuoshiError):
    """Another process held the database file longer than the caller would wait."""


class KnowledgeBaseError(LuoshiError):
    """The knowledge base files are inconsistent."""
