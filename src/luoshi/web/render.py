"""Jinja2 templates with autoescaping on: report text and names always render as text."""

from __future__ import annotations

import json
from functools import cache
from typing import Any
from urllib.parse import quote

import jinja2
from fastapi.responses import HTMLResponse
from markupsafe import Markup


def seg(value: object) -> str:
    """`value` quoted as one URL path segment (a slash or '?' in a name stays inside it)."""
    return quote(str(value), safe="")


def num(value: object, digits: int = 1) -> str:
    """A number for a table cell: integers plainly, floats rounded, missing as a dash."""
    if value is None:
        return "–"
    if isinstance(value, float):
        if value != value:  # NaN
            return "–"
        return f"{value:,.{digits}f}".rstrip("0").rstrip(".") if digits else f"{value:,.0f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def pct(value: object) -> str:
    return "–" if not isinstance(value, int | float) else f"{100 * value:.0f}%"


def chart_json(value: Any) -> Markup:
    """JSON safe inside <script type="application/json">: <, >, & and ' escaped."""
    text = json.dumps(value, ensure_ascii=False, default=str)
    for char, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"),
                          ("'", "\\u0027")):
        text = text.replace(char, escaped)
    return Markup(text)  # escaped above for a script


def pretty(value: Any) -> str:
    """Indented JSON as text (escaped by the template like any other text)."""
    return json.dumps(value, ensure_ascii=False, indent=1, default=str)


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.PackageLoader("luoshi.web", "templates"),
                             autoescape=True, trim_blocks=True, lstrip_blocks=True,
                             undefined=jinja2.StrictUndefined)
    env.filters.update(seg=seg, num=num, pct=pct, chart_json=chart_json, pretty=pretty)
    return env


def render_text(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)


def render(template: str, status_code: int = 200, headers: dict[str, str] | None = None,
           **context: Any) -> HTMLResponse:
    return HTMLResponse(render_text(template, **context), status_code=status_code,
                        headers=headers)
