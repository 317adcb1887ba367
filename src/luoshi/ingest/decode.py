"""Bytes to text: UTF-8 (with or without BOM), UTF-16 (BOM or not), GB18030/GBK, Big5.

Government sites still serve GBK; Taiwan and Hong Kong pages Big5. A text that decodes
as GB18030 but is really Big5 shows many characters outside GB2312, which is how the
two are told apart. Binary files (NUL bytes that are not UTF-16, control characters)
are refused rather than decoded into garbage.
"""

from __future__ import annotations

import codecs

from luoshi.errors import InputError
from luoshi.normalize import is_cjk

# A GB18030 reading of a real Chinese text keeps nearly all its ideographs in GB2312
# (the 6,763 common simplified characters); a Big5 text read as GB18030 does not.
GB2312_SHARE_FOR_GB = 0.97
CONTROL_SHARE_FOR_BINARY = 0.02
SNIFF_BYTES = 65536
PLAUSIBLE_SHARE = 0.9  # of characters a UTF-16 reading must make sense of


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM: the reading, little- or big-endian, that gives plausible text."""
    if len(data) < 4 or len(data) % 2:
        return None
    best: tuple[float, str] | None = None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        share = _plausible_share(text[:4000])
        if share >= PLAUSIBLE_SHARE and (best is None or share > best[0]):
            best = (share, text)
    return best[1] if best else None


def _plausible_share(text: str) -> float:
    """Share of characters a report is made of: CJK, printable ASCII, CJK punctuation."""
    if not text:
        return 0.0
    good = sum(1 for c in text if is_cjk(c) or (" " <= c <= "~") or c in "\n\r\t"
               or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef"
               or "\u2010" <= c <= "\u201f")
    return good / len(text)


def _gb2312_share(text: str) -> float:
    ideographs = [c for c in text[:20000] if is_cjk(c)]
    if not ideographs:
        return 1.0
    inside = 0
    for char in ideographs:
        try:
            char.encode("gb2312")
            inside += 1
        except UnicodeEncodeError:
            pass
    return inside / len(ideographs)


def _binary_reason(text: str) -> str | None:
    """Why a decoded text is not a report but binary data, or None when it is text."""
    sample = text[:SNIFF_BYTES]
    if "\x00" in sample:
        return "contains NUL bytes"
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\t\n\r\f\v")
    if sample and controls / len(sample) > CONTROL_SHARE_FOR_BINARY:
        return "control characters; a binary file?"
    return None


def decode_bytes(data: bytes, subject: str) -> tuple[str, str]:
    """(text, encoding name) or InputError L002/L003/L004."""
    if not data.strip():
        raise InputError("L004", subject)
    if data.startswith(codecs.BOM_UTF8):
        return _checked(data[3:].decode("utf-8", errors="strict"), subject), "utf-8-sig"
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                return _checked(data[2:].decode(encoding), subject), "utf-16"
            except UnicodeDecodeError as exc:
                raise InputError("L003", subject) from exc
    try:
        return _checked(data.decode("utf-8"), subject), "utf-8"
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:SNIFF_BYTES]:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return _checked(utf16, subject), "utf-16"
        raise InputError("L002", subject, reason="contains NUL bytes")
    return _decode_chinese_legacy(data, subject)


def _decode_chinese_legacy(data: bytes, subject: str) -> tuple[str, str]:
    gb: str | None
    try:
        gb = data.decode("gb18030")
    except UnicodeDecodeError:
        gb = None
    if gb is not None and _gb2312_share(gb) >= GB2312_SHARE_FOR_GB:
        return _checked(gb, subject), "gb18030"
    try:
        return _checked(data.decode("big5"), subject), "big5"
    except UnicodeDecodeError:
        pass
    if gb is not None:
        return _checked(gb, subject), "gb18030"
    raise InputError("L003", subject)


def _checked(text: str, subject: str) -> str:
    reason = _binary_reason(text)
    if reason:
        raise InputError("L002", subject, reason=reason)
    text = repair_mojibake(text)
    if not text.strip():
        raise InputError("L004", subject)
    return text


MOJIBAKE_MARKERS = ("Ã", "Â", "å", "æ", "ä", "ç", "è", "é")


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 read as Latin-1/cp1252 ("å­¦ä¹ " for 学习) when that gives CJK text."""
    sample = text[:4000]
    if sum(sample.count(m) for m in MOJIBAKE_MARKERS) < 8 or any(is_cjk(c) for c in sample):
        return text
    for wrong in ("cp1252", "latin-1"):
        try:
            repaired = text.encode(wrong).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if sum(1 for c in repaired[:4000] if is_cjk(c)) > 10:
            return repaired
    return text
