"""The main text of an HTML page, without its menus, headers and footers."""

from __future__ import annotations

import re

from luoshi.errors import InputError

# Block-level tags end a line when a page is flattened without trafilatura's help.
BLOCK_TAGS = re.compile(r"<\s*/?\s*(p|div|br|h[1-6]|li|tr|section|article)\b[^>]*>", re.I)
DROP_BLOCKS = re.compile(
    r"<\s*(script|style|nav|header|footer|aside|noscript)\b.*?<\s*/\s*\1\s*>", re.I | re.S
)
TAG = re.compile(r"<[^>]+>")
MIN_MAIN_TEXT = 20


def html_main_text(html: str, subject: str) -> tuple[str, str | None]:
    """(main text with the page title as its first line, published date or None)."""
    import trafilatura

    title = _page_title(html)
    text = trafilatura.extract(html, include_comments=False, include_tables=False,
                               favor_recall=True, deduplicate=False)
    published: str | None = None
    try:
        metadata = trafilatura.extract_metadata(html)
    except Exception:  # trafilatura raises assorted errors on broken pages
        metadata = None
    if metadata is not None:
        published = getattr(metadata, "date", None)
        title = getattr(metadata, "title", None) or title
    if not text or len(text.strip()) < MIN_MAIN_TEXT:
        text = _flatten(html)
    if not text or len(text.strip()) < MIN_MAIN_TEXT:
        raise InputError("L008", subject)
    if title and not text.lstrip().startswith(title.strip()):
        text = title.strip() + "\n\n" + text
    return text, published


def _page_title(html: str) -> str | None:
    match = re.search(r"<title[^>]*>(.*?)</title>", html, re.I | re.S)
    return TAG.sub("", match.group(1)).strip() if match else None


def _flatten(html: str) -> str:
    """Tag-stripped text of a page with its navigation blocks removed."""
    import html as html_lib

    body = DROP_BLOCKS.sub(" ", html)
    body = BLOCK_TAGS.sub("\n", body)
    text = html_lib.unescape(TAG.sub("", body))
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "\n".join(line for line in lines if line)
