"""Chart specifications for plotly.js: plain dicts of traces and layout, drawn in the browser.

The pages embed these as JSON and `static/luoshi.js` draws them with the plotly.min.js
that the plotly Python package ships (served from this app, or inlined in a report):
nothing is fetched from the network.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from luoshi.analyse.cascade import LEVEL_ORDER
from luoshi.web import models as m

Chart = dict[str, Any]
LEVEL_COLOURS = {"central": "#c0392b", "province": "#e67e22", "city": "#27ae60",
                 "county": "#2980b9", "township": "#8e44ad", "unknown": "#7f8c8d"}
BASE_LAYOUT: dict[str, Any] = {
    "margin": {"l": 50, "r": 20, "t": 40, "b": 50}, "height": 320,
    "legend": {"orientation": "h", "y": -0.25}, "font": {"size": 12},
}


def plotly_js_path() -> Path:
    """The plotly.min.js bundled in the plotly package (no CDN)."""
    import plotly

    return Path(plotly.__file__).parent / "package_data" / "plotly.min.js"


def _layout(title: str, **extra: Any) -> dict[str, Any]:
    return {**BASE_LAYOUT, "title": {"text": title}, **extra}


def _levels(present: set[str]) -> list[str]:
    ordered = [level for level in LEVEL_ORDER if level in present]
    return ordered + sorted(present - set(ordered))


def cascade_timeline(page: m.DirectivePage) -> Chart:
    levels = _levels({p.level for p in page.timeline})
    traces = [{"type": "bar", "name": level,
               "x": [p.date for p in page.timeline if p.level == level],
               "y": [p.meetings for p in page.timeline if p.level == level],
               "marker": {"color": LEVEL_COLOURS.get(level, "#555")}} for level in levels]
    shapes = []
    if page.directive.date_end:
        shapes.append({"type": "line", "xref": "x", "yref": "paper", "x0": page.directive.date_end,
                       "x1": page.directive.date_end, "y0": 0, "y1": 1,
                       "line": {"dash": "dot", "color": "#333"}})
    return {"data": traces, "layout": _layout(
        "Meetings by date and level", barmode="stack", shapes=shapes,
        xaxis={"type": "date", "title": {"text": "date held"}},
        yaxis={"title": {"text": "meetings"}})}


def _stacked_by_level(bins: list[Any], x: str) -> list[dict[str, Any]]:
    """One bar trace per level, in level order: `x` of each bin against its meetings."""
    return [{"type": "bar", "name": level,
             "x": [getattr(b, x) for b in bins if b.level == level],
             "y": [b.meetings for b in bins if b.level == level],
             "marker": {"color": LEVEL_COLOURS.get(level, "#555")}}
            for level in _levels({b.level for b in bins})]


def lag_distribution(page: m.DirectivePage) -> Chart:
    return {"data": _stacked_by_level(page.lag_bins, "lag_days"), "layout": _layout(
        "Response lag by level", barmode="stack",
        xaxis={"title": {"text": "days after the directive ended"}},
        yaxis={"title": {"text": "meetings"}})}


def fidelity_chart(page: m.DirectivePage) -> Chart:
    return {"data": _stacked_by_level(page.echo_bins, "echo"), "layout": _layout(
        "Fidelity: share of the signature formulations echoed", barmode="stack",
        xaxis={"title": {"text": "echo"}, "range": [-0.05, 1.05], "tickformat": ".0%"},
        yaxis={"title": {"text": "meetings"}})}


def periods_chart(rows: list[m.PeriodCount], title: str, what: str = "meetings") -> Chart:
    return {"data": [{"type": "bar", "name": what, "x": [r.period for r in rows],
                      "y": [r.meetings for r in rows], "marker": {"color": "#2c3e50"}}],
            "layout": _layout(title, xaxis={"type": "date", "title": {"text": "month"}},
                              yaxis={"title": {"text": what}})}


def provinces_chart(rows: list[m.ProvinceCount], title: str) -> Chart:
    ordered = sorted(rows, key=lambda r: r.meetings)
    return {"data": [{"type": "bar", "orientation": "h", "name": "meetings",
                      "y": [r.province for r in ordered], "x": [r.meetings for r in ordered],
                      "marker": {"color": "#e67e22"}}],
            "layout": _layout(title, height=max(320, 22 * len(rows) + 80),
                              margin={"l": 140, "r": 20, "t": 40, "b": 40},
                              xaxis={"title": {"text": "meetings"}})}


def posts_chart(page: m.PersonPage) -> Chart:
    """Each post as a bar from the first to the last day it was seen."""
    rows = [p for p in page.posts if p.first_seen and p.last_seen]
    labels = [" ".join(filter(None, [p.post, p.org, p.jurisdiction and f"({p.jurisdiction})"]))
              for p in rows]
    traces: list[dict[str, Any]] = []
    for row, label in zip(rows, labels, strict=True):
        traces.append({"type": "scatter", "mode": "lines+markers", "name": label,
                       "x": [row.first_seen, row.last_seen], "y": [label, label],
                       "line": {"width": 10}, "showlegend": False})
    dates = [r.date for r in page.meetings if r.date]
    if dates:
        traces.append({"type": "scatter", "mode": "markers", "name": "meetings",
                       "x": dates, "y": ["meetings"] * len(dates),
                       "marker": {"symbol": "line-ns-open", "size": 14, "color": "#c0392b"}})
    return {"data": traces, "layout": _layout(
        "Posts over time", height=max(260, 40 * (len(rows) + 1) + 100),
        margin={"l": 260, "r": 20, "t": 40, "b": 40}, xaxis={"type": "date"},
        yaxis={"type": "category", "automargin": True})}
