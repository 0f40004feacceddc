"""The application: the API, the dashboard, the offline API docs, and the edge that guards them all."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from starlette.exceptions import HTTPException as StarletteHTTPException

from doingoai import __version__
from doingoai.errors import DoingoaiError
from doingoai.serve.api import ingest_router, router
from doingoai.serve.guard import Guard
from doingoai.serve.pages import error_page, pages
from doingoai.serve.params import api_message
from doingoai.serve.settings import ServeSettings
from doingoai.store.engine import open_knowledge_base
from doingoai.store.search_syntax import QueryError

__all__ = ["STATIC", "create_app"]

STATIC = Path(str(files("doingoai.serve") / "static"))
OPENAPI = "/api/v1/openapi.json"


def _swagger_assets() -> Path | None:
    """Swagger UI's files (version 5, which reads OpenAPI 3.1) from the fastapi-offline package, so that
    /docs needs no CDN; only its files are used."""
    try:
        folder = Path(str(files("fastapi_offline") / "static"))
    except ModuleNotFoundError:
        return None
    return folder if (folder / "swagger-ui-bundle.js").is_file() else None


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _validation_message(exc: RequestValidationError) -> str:
    """FastAPI's list of errors as one line naming each parameter and the value given."""
    parts = []
    for err in exc.errors():
        loc = [str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body")]
        name = ".".join(loc) or "request"
        value = err.get("input")
        shown = f" {value!r}" if isinstance(value, str | int | float) else ""
        parts.append(f"{name}{shown}: {err.get('msg', 'invalid')}")
    return "; ".join(parts)


def _error(request: Request, status: int, message: str) -> Response:
    if _is_api(request) or request.url.path in ("/docs", OPENAPI):
        return JSONResponse({"detail": message}, status_code=status)
    return error_page(request, status, message)


def create_app(settings: ServeSettings, engine: Engine | None = None) -> Any:
    """The ASGI application. Opens the knowledge base now, so that a missing one stops the server at start
    with the CLI's message (``no knowledge base at ...; run doingoai ingest first``)."""
    app = FastAPI(title="doingoai", version=__version__, docs_url=None, redoc_url=None, openapi_url=OPENAPI,
                  description="Vietnam's diplomacy read from the news: events, partners, people, relations, "
                  "figures, statistics, full-text search and exports. Read-only unless started with "
                  "--allow-ingest.")
    app.state.engine = engine if engine is not None else open_knowledge_base(settings.db)
    app.state.settings = settings
    app.include_router(router)
    if settings.allow_ingest:
        app.include_router(ingest_router)
    app.include_router(pages)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    swagger = _swagger_assets()
    if swagger is not None:
        app.mount("/docs-assets", StaticFiles(directory=swagger), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        if swagger is None:
            return HTMLResponse(f'<!doctype html><title>doingoai API</title><p>Swagger UI is not installed '
                                f'(pip install fastapi-offline); the OpenAPI description is at '
                                f'<a href="{OPENAPI}">{OPENAPI}</a>.</p>')
        return HTMLResponse(
            '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>doingoai API</title>'
            '<link rel="stylesheet" href="/docs-assets/swagger-ui.css">'
            '<link rel="icon" href="/static/favicon.svg"></head>'
            '<body><div id="swagger-ui"></div><script src="/docs-assets/swagger-ui-bundle.js"></script>'
            '<script src="/static/swagger-init.js"></script></body></html>')

    @app.exception_handler(DoingoaiError)
    def _usage(request: Request, exc: DoingoaiError) -> Response:
        return _error(request, 422, api_message(exc.message))

    @app.exception_handler(QueryError)
    def _query(request: Request, exc: QueryError) -> Response:
        return _error(request, 422, f"q: cannot read the query: {exc}")

    @app.exception_handler(RequestValidationError)
    def _invalid(request: Request, exc: RequestValidationError) -> Response:
        return _error(request, 422, _validation_message(exc))

    @app.exception_handler(StarletteHTTPException)
    def _http(request: Request, exc: StarletteHTTPException) -> Response:
        response = _error(request, exc.status_code, str(exc.detail))
        for k, v in (exc.headers or {}).items():
            response.headers[k] = v
        return response

    @app.exception_handler(SQLAlchemyError)
    def _database(request: Request, exc: SQLAlchemyError) -> Response:
        return _error(request, 503, f"database error: {str(exc).splitlines()[0]}")

    app.router.redirect_slashes = False
    app.openapi = lambda: _described(app)  # type: ignore[method-assign]
    return Guard(app, settings.max_body)


ERROR_SCHEMA = {"title": "Error", "type": "object", "required": ["detail"],
                "properties": {"detail": {"type": "string", "title": "Detail",
                                          "description": "one line naming the parameter, the value and the reason"}}}


def _described(app: FastAPI) -> dict[str, Any]:
    """FastAPI's description, with the errors as this API gives them: ``{"detail": "one line"}``, not
    FastAPI's list of validation errors (the handlers above turn that list into the line)."""
    if app.openapi_schema is None:
        spec = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
        schemas = spec.get("components", {}).get("schemas", {})
        if "HTTPValidationError" in schemas:
            schemas["HTTPValidationError"] = ERROR_SCHEMA
            schemas.pop("ValidationError", None)
        app.openapi_schema = spec
    return app.openapi_schema
