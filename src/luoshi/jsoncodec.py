"""JSON on the hot path (records between processes, into the store, out as JSON Lines).

orjson reads and writes several times faster than the json module. Where it is stricter
(lone surrogates, integers beyond 64 bits) or reads otherwise (such integers as floats) the
json module takes over, so every text reads and writes as with the json module.
"""

from __future__ import annotations

import json
import re
from typing import Any

import orjson

BIG_NUMBER = re.compile(r"\d{19}")  # 2**63 has 19 digits: such a number may not fit


def dumps(value: Any) -> str:
    """Compact JSON, non-ASCII kept as is."""
    try:
        return orjson.dumps(value).decode("utf-8")
    except (orjson.JSONEncodeError, UnicodeDecodeError):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def dumps_record(record: Any) -> str:
    """A Record as `dumps(record.to_dict())` writes it: orjson walks the dataclasses itself
    (fields in order, tuples as lists), six times faster than building the dicts first."""
    try:
        return orjson.dumps(record).decode("utf-8")
    except (orjson.JSONEncodeError, UnicodeDecodeError):
        return dumps(record.to_dict())


def loads(text: str | bytes) -> Any:
    if BIG_NUMBER.search(text if isinstance(text, str) else text.decode("utf-8", "replace")):
        return json.loads(text)  # orjson reads integers beyond 64 bits as floats
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)  # accepts what orjson refuses, or raises the usual error
