"""The web interface: server-rendered pages and their /api/ twins, over a read-only database.

Every request opens the database read-only through `luoshi.web.db.reading` (which waits
briefly while an ingest commits a batch), asks `luoshi.web.queries` for one page's data
and renders it, or returns it as JSON under /api/. Unknown ids give a 404 page, bad
parameters 422; a database that stays locked gives 503.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

from fastapi import FastAPI, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from luoshi.web import charts, queries
from luoshi.web import models as m
from luoshi.web.db import DatabaseUnavailable, database_version, reading
from luoshi.web.render import render

STATIC = Path(__file__).parent / "static"
T = TypeVar("T")

Limit = Annotated[int, Query(ge=1, le=2000, description="responders shown")]
Key = Annotated[str, PathParam(min_length=1, max_length=500)]


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def create_app(db_path: str | os.PathLike[str]) -> FastAPI:
    """The application serving the database at `db_path` (opened read-only per request)."""
    # no /docs or /redoc: FastAPI's documentation pages load their scripts from a CDN
    app = FastAPI(title="luoshi", version=_version(), docs_url=None, redoc_url=None,
                  description="Meetings, directives, formulations and people extracted from "
                              "reports of Chinese Party and government meetings. Read-only.")
    path = str(db_path)
    app.state.db_path = path

    def ask(func: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        with reading(path) as con:
            return func(con, *args, **kwargs)

    overview_cache: dict[tuple[int, ...], m.Overview] = {}
    overview_lock = threading.Lock()

    def overview() -> m.Overview:
        """The overview aggregates the whole database: kept until a writer commits."""
        version = database_version(path)
        with overview_lock:
            cached = overview_cache.get(version)
        if cached is None:
            cached = ask(queries.overview)
            with overview_lock:
                overview_cache.clear()
                overview_cache[version] = cached
        return cached

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/vendor/plotly.min.js", include_in_schema=False)
    def plotly_js() -> FileResponse:
        return FileResponse(charts.plotly_js_path(), media_type="text/javascript",
                            headers={"Cache-Control": "public, max-age=86400"})

    # -- errors: an HTML page for pages, JSON for the API --------------------------------

    @app.exception_handler(queries.NotFound)
    def not_found(request: Request, exc: queries.NotFound) -> Response:
        return _error(request, 404, "Not found", f"No {exc.what} {exc.key!r} in this database.")

    @app.exception_handler(DatabaseUnavailable)
    def unavailable(request: Request, exc: DatabaseUnavailable) -> Response:
        return _error(request, 503, "Database unavailable", exc.reason,
                      {"Retry-After": "2"} if exc.busy else None)

    @app.exception_handler(StarletteHTTPException)
    def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        title = "Not found" if exc.status_code == 404 else "Error"
        detail = "No such page." if exc.status_code == 404 else str(exc.detail)
        return _error(request, exc.status_code, title, detail)

    @app.exception_handler(RequestValidationError)
    def invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = [f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg')}"
                    for e in exc.errors()]
        if _wants_json(request):
            return JSONResponse({"detail": [{k: e.get(k) for k in ("loc", "msg", "type")}
                                            for e in exc.errors()]}, status_code=422)
        return _error(request, 422, "Bad request", "; ".join(problems))

    # -- JSON ------------------------------------------------------------------------------

    @app.get("/api/overview", response_model=m.Overview, tags=["api"])
    def api_overview() -> Response:
        """Counts, the latest meetings, the directives with most responses."""
        return _json(overview())

    @app.get("/api/directive/{directive_id}", response_model=m.DirectivePage, tags=["api"])
    def api_directive(directive_id: Key, sort: queries.SortKey = "lag",
                      order: queries.Order = "asc", limit: Limit = queries.RESPONDERS,
                      ) -> Response:
        """A directive's cascade: meetings by day and level, lags, fidelity, responders."""
        return _json(ask(queries.directive_page, directive_id, sort, order, limit))

    @app.get("/api/tifa/{key}", response_model=m.TifaPage, tags=["api"])
    def api_tifa(key: Key) -> Response:
        """A formulation (Chinese key or English wording): uses by month and province."""
        return _json(ask(queries.tifa_page, key))

    @app.get("/api/person/{person_id}", response_model=m.PersonPage, tags=["api"])
    def api_person(person_id: Key) -> Response:
        """A person: posts over time and meetings."""
        return _json(ask(queries.person_page, person_id))

    @app.get("/api/place/{name}", response_model=m.PlacePage, tags=["api"])
    def api_place(name: Key) -> Response:
        """A jurisdiction: its meetings, officials and directives studied."""
        return _json(ask(queries.place_page, name))

    @app.get("/api/doc/{doc_id}", response_model=m.DocumentPage, tags=["api"])
    def api_doc(doc_id: Key) -> Response:
        """A stored report (doc_id or content hash): text, record, fact spans."""
        return _json(ask(queries.document_page, doc_id))

    @app.get("/api/search", response_model=m.SearchPage, tags=["api"])
    def api_search(q: Annotated[str, Query(min_length=1, max_length=500)],
                   limit: Annotated[int, Query(ge=1, le=100)] = queries.SEARCH_LIMIT,
                   ) -> Response:
        """Full-text search over the reports (BM25)."""
        return _json(ask(queries.search_page, q, limit))

    # -- pages -----------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def overview_page() -> HTMLResponse:
        return render("overview.html", page=overview())

    @app.get("/directive/{directive_id}", response_class=HTMLResponse, include_in_schema=False)
    def directive_html(directive_id: Key, sort: queries.SortKey = "lag",
                       order: queries.Order = "asc",
                       limit: Limit = queries.RESPONDERS) -> HTMLResponse:
        page = ask(queries.directive_page, directive_id, sort, order, limit)
        return render("directive.html", page=page, charts=directive_charts(page),
                      limit=limit, live=True)

    @app.get("/tifa/{key}", response_class=HTMLResponse, include_in_schema=False)
    def tifa_html(key: Key) -> HTMLResponse:
        page = ask(queries.tifa_page, key)
        return render("tifa.html", page=page, charts={
            "months": charts.periods_chart(page.by_month, "Meetings using it, by month"),
            "provinces": charts.provinces_chart(page.by_province, "Meetings by province")})

    @app.get("/person/{person_id}", response_class=HTMLResponse, include_in_schema=False)
    def person_html(person_id: Key) -> HTMLResponse:
        page = ask(queries.person_page, person_id)
        return render("person.html", page=page, charts={"posts": charts.posts_chart(page)})

    @app.get("/place/{name}", response_class=HTMLResponse, include_in_schema=False)
    def place_html(name: Key) -> HTMLResponse:
        page = ask(queries.place_page, name)
        return render("place.html", page=page, charts={
            "months": charts.periods_chart(page.by_month, "Meetings by month")})

    @app.get("/doc/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
    def doc_html(doc_id: Key) -> HTMLResponse:
        from luoshi.web.highlight import segments

        page = ask(queries.document_page, doc_id)
        return render("doc.html", page=page, segments=segments(page.text, page.facts),
                      person_ids={p.name: p.person_id for p in page.people})

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_html(q: Annotated[str, Query(max_length=500)] = "",
                    limit: Annotated[int, Query(ge=1, le=100)] = queries.SEARCH_LIMIT,
                    ) -> HTMLResponse:
        page = ask(queries.search_page, q, limit) if q.strip() else m.SearchPage(query=q,
                                                                                hits=[])
        return render("search.html", page=page, limit=limit)

    return app


def _json(model: BaseModel) -> Response:
    """The model as JSON, without FastAPI validating it again (its schema is response_model)."""
    return Response(model.model_dump_json(), media_type="application/json")


def directive_charts(page: m.DirectivePage) -> dict[str, charts.Chart]:
    return {"timeline": charts.cascade_timeline(page), "lags": charts.lag_distribution(page),
            "fidelity": charts.fidelity_chart(page)}


def _error(request: Request, status: int, title: str, detail: str,
           headers: dict[str, str] | None = None) -> Response:
    if _wants_json(request):
        return JSONResponse({"detail": detail}, status_code=status, headers=headers)
    return render("error.html", status_code=status, headers=headers, status=status,
                  title=title, detail=detail)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("luoshi")
    except PackageNotFoundError:
        return "0"
