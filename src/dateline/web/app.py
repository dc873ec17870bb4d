"""The FastAPI application: JSON API, HTML pages and their static assets, over one store."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from swagger_ui_bundle import swagger_ui_path

from dateline.store import Store
from dateline.store.queries import BadCursor, Queries
from dateline.web import api, pages
from dateline.web.ingest import Ingestor

STATIC = Path(__file__).parent / "static"
TOKEN_ENV = "DATELINE_API_TOKEN"


def create_app(db: str, token: str | None = None) -> FastAPI:
    """An app over the database ``db``; writes are enabled only with ``token``
    (default: the DATELINE_API_TOKEN environment variable)."""
    store = Store(db)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(title="dateline", version="1", lifespan=lifespan, docs_url=None,
                  redoc_url=None,
                  description="Who said what, and who did what to whom, when and where.")
    app.state.store = store
    app.state.queries = Queries(app.state.store)
    app.state.token = token if token is not None else os.environ.get(TOKEN_ENV) or None
    app.state.ingestor = Ingestor(store)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static/swagger", StaticFiles(directory=swagger_ui_path), name="swagger")
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        """Swagger UI from the swagger-ui-bundle package: served here, no CDN."""
        return get_swagger_ui_html(
            openapi_url="/openapi.json", title="dateline API",
            swagger_js_url="/static/swagger/swagger-ui-bundle.js",
            swagger_css_url="/static/swagger/swagger-ui.css",
            swagger_favicon_url="/static/swagger/favicon-32x32.png")

    @app.exception_handler(BadCursor)
    def bad_cursor(_request: Request, exc: BadCursor) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=400)

    return app
