"""The FastAPI application: JSON API, HTML pages and their static assets, over one store."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from swagger_ui_bundle import swagger_ui_path

from dateline.settings import Settings
from dateline.store import Store
from dateline.store.queries import BadCursor, BadSort, Queries
from dateline.web import api, pages
from dateline.web.chart import TYPE_COLOURS
from dateline.web.guard import Guard
from dateline.web.ingest import Ingestor

STATIC = Path(__file__).parent / "static"


def create_app(db: str, token: str | None = None, max_bytes: int | None = None,
               settings: Settings | None = None) -> FastAPI:
    """An app over the database ``db``; writes are enabled only with ``token`` (default:
    the api_token setting, DATELINE_API_TOKEN); request bodies are refused past
    ``max_bytes`` (default: the max_bytes setting, as for input files)."""
    settings = settings or Settings.load()
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
    app.state.settings = settings
    app.state.token = token if token is not None else settings.api_token
    app.state.ingestor = Ingestor(store, settings)
    app.include_router(api.router)
    app.include_router(api.writes)
    app.include_router(pages.router)
    app.mount("/static/swagger", StaticFiles(directory=swagger_ui_path), name="swagger")
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    app.add_middleware(Guard, max_bytes=max_bytes or settings.max_bytes)

    @app.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        """Swagger UI from the swagger-ui-bundle package: served here, no CDN."""
        return FileResponse(STATIC / "docs.html")

    @app.get("/plover.css", include_in_schema=False)
    def plover_css() -> Response:
        """The PLOVER category colours as CSS classes, from the ontology's data file."""
        rules = "".join(f".t-{kind} {{ border-color: {colour}; }}\n"
                        for kind, colour in TYPE_COLOURS.items())
        return Response(rules, media_type="text/css",
                        headers={"Cache-Control": "public, max-age=3600"})

    @app.exception_handler(BadCursor)
    @app.exception_handler(BadSort)
    def bad_cursor(_request: Request, exc: ValueError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=400)

    @app.exception_handler(RequestValidationError)
    def invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        """Each error as its field and reason; never the input (FastAPI's default echoes it)."""
        errors = [{"field": ".".join(str(part) for part in error["loc"]),
                   "reason": error["msg"].removeprefix("Value error, ")}
                  for error in exc.errors()]
        return JSONResponse({"detail": errors}, status_code=422)

    return app
