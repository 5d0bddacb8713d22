"""`create_app(db)`: the read-only web reader over one corpus store (FastAPI + Jinja2).

A thin face: every page is a library call (`pages`, `reader`, `corpus.calls`) rendered by a
template. The store is opened read-only (SQLite `mode=ro` plus `query_only`), one connection per
server thread; only GET routes exist; static files come from a fixed table of names; every page
carries a Content-Security-Policy that allows scripts from this server only.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException

from ..corpus import Corpus
from ..corpus.calls import load_call
from ..errors import CallscopeError
from . import assets, pages
from .reader import reader_view
from .templating import render

# Scripts only from this server (plotly included: it needs no eval); inline styles for plotly and the tone colours.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def create_app(db: str | Path) -> FastAPI:
    """The reader app for the store at `db` (which must exist: it is never created or written)."""
    db = Path(db)
    Corpus(db, readonly=True).close()  # fail now, with a clear one-line error, if it is not a store
    local = threading.local()

    def corpus() -> Corpus:
        c = getattr(local, "corpus", None)
        if c is None:
            c = Corpus(db, readonly=True)
            c.conn.execute("PRAGMA query_only = ON")
            local.corpus = c
        return c

    app = FastAPI(title="callscope reader", docs_url=None, redoc_url=None, openapi_url=None)
    static = assets.table()

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        for key, value in HEADERS.items():
            response.headers.setdefault(key, value)
        return response

    def page(name: str, code: int = 200, **context: Any) -> HTMLResponse:
        return HTMLResponse(render(name, **context), status_code=code)

    @app.exception_handler(HTTPException)
    def http_error(request: Request, exc: HTTPException) -> HTMLResponse:
        message = "Nothing here." if exc.status_code == 404 else str(exc.detail)
        return page("error.html", exc.status_code, status=exc.status_code, message=message)

    @app.exception_handler(RequestValidationError)
    def bad_path(request: Request, exc: RequestValidationError) -> HTMLResponse:
        return page("error.html", 404, status=404, message="Nothing here.")

    @app.exception_handler(CallscopeError)
    def store_error(request: Request, exc: CallscopeError) -> HTMLResponse:
        return page("error.html", 500, status=500, message=str(exc))

    @app.get("/", response_class=HTMLResponse)
    def home() -> HTMLResponse:
        return page("home.html", **pages.home(corpus()))

    @app.get("/companies", response_class=HTMLResponse)
    def companies() -> HTMLResponse:
        return page("companies.html", **pages.companies(corpus()))

    @app.get("/companies/{company_id:int}", response_class=HTMLResponse)
    def company(company_id: int) -> HTMLResponse:
        context = pages.company(corpus(), company_id)
        if context is None:
            raise HTTPException(404)
        return page("company.html", **context)

    @app.get("/calls/{call_id:int}.json")
    def call_json(call_id: int) -> JSONResponse:
        call = load_call(corpus().conn, call_id)
        if call is None:
            raise HTTPException(404)
        return JSONResponse(call)

    @app.get("/calls/{call_id:int}", response_class=HTMLResponse)
    def call(call_id: int) -> HTMLResponse:
        data = load_call(corpus().conn, call_id)
        if data is None:
            raise HTTPException(404)
        return page("call.html", v=reader_view(data))

    @app.get("/search", response_class=HTMLResponse)
    def search(request: Request) -> HTMLResponse:
        return page("search.html", **pages.search(corpus(), dict(request.query_params)))

    @app.get("/static/{name}")
    def static_file(name: str) -> FileResponse:
        path = static.get(name)
        if path is None:
            raise HTTPException(404)
        media = assets.TYPES.get(path.suffix, "application/octet-stream")
        return FileResponse(path, media_type=media, headers={"Cache-Control": "public, max-age=3600"})

    return app
