"""`luoshi report`: one directive's cascade as a single self-contained HTML file.

The charts' JavaScript (plotly.min.js from the plotly package and luoshi.js), the style
sheet and the data are all inlined, so the file opens anywhere offline and can be mailed.
Links to other pages are left out: the file stands alone.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from markupsafe import Markup

from luoshi.web import queries
from luoshi.web.app import directive_charts
from luoshi.web.charts import plotly_js_path
from luoshi.web.db import reading
from luoshi.web.render import render_text

STATIC = Path(__file__).parent / "static"
MAX_RESPONDERS = 5000  # rows in the report's table: keeps the file mailable


def _inline_script(text: str) -> Markup:
    """JavaScript safe between <script> tags: no '</script' can close the element early."""
    return Markup(text.replace("</script", "<\\/script").replace("</SCRIPT", "<\\/SCRIPT"))


def directive_report(db_path: str | os.PathLike[str], directive: str) -> str:
    """The HTML of the report on `directive` (raises queries.NotFound if unknown)."""
    with reading(db_path) as con:
        page = queries.directive_page(con, directive, "date", "asc", MAX_RESPONDERS)
    inline = {
        "css": Markup((STATIC / "luoshi.css").read_text(encoding="utf-8")),
        "js": _inline_script((STATIC / "luoshi.js").read_text(encoding="utf-8")),
        "plotly": _inline_script(plotly_js_path().read_text(encoding="utf-8")),
        "generated": dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
        "source": Path(db_path).name,
    }
    return render_text("report.html", page=page, charts=directive_charts(page), inline=inline,
                       live=False, limit=MAX_RESPONDERS)


def write_report(db_path: str | os.PathLike[str], directive: str,
                 out: str | os.PathLike[str]) -> Path:
    html = directive_report(db_path, directive)
    path = Path(out)
    path.write_text(html, encoding="utf-8")
    return path
