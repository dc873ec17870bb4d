"""The JSON API under /api/v1: read-only by default, writes only with the configured token."""

from __future__ import annotations

import hmac
import re
from collections.abc import Callable, Coroutine
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response, Security
from fastapi.routing import APIRoute
from fastapi.security import HTTPBearer
from pydantic import AfterValidator, BaseModel, Field

from dateline.io.decode import check_text, find_control
from dateline.io.published import checked_date
from dateline.io.readers import too_long
from dateline.store.queries import MAX_LIMIT, Page, Queries
from dateline.web.ingest import ProcessFailed

router = APIRouter(prefix="/api/v1", tags=["api v1"])

DATE_FORMS = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def real_date(value: str | None) -> str | None:
    """A calendar date (2025-13-45 is not one), or None for none (an empty form field);
    the message does not repeat the input."""
    if not value:
        return None
    try:
        if not DATE_FORMS.fullmatch(value):
            raise ValueError
        checked_date(value, "date")
    except ValueError:
        raise ValueError("not a calendar date (YYYY, YYYY-MM or YYYY-MM-DD)") from None
    return value


Date = Annotated[str | None, AfterValidator(real_date)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Page size (capped).")]
Cursor = Annotated[str | None, Query(description="The `next` value of the previous page.")]
DateFrom = Annotated[Date, Query(
    alias="from", description="Earliest date, YYYY[-MM[-DD]]; dates whose interval overlaps "
    "the range match (a document published 2022 is in from=2022-06-01).")]
DateTo = Annotated[Date, Query(
    alias="to", description="Latest date, YYYY[-MM[-DD]]; to=2023-03 takes all of March.")]


def queries(request: Request) -> Queries:
    return request.app.state.queries


Q = Annotated[Queries, Depends(queries)]


class PageOut(BaseModel):
    items: list[dict[str, Any]]
    next: str | None = Field(description="Cursor of the next page, or null on the last page.")


def article_text(text: str) -> str:
    """The checks `dateline ingest` applies to a file's text (its length limit is a setting,
    checked by the route)."""
    control = find_control(text)
    if control:
        raise ValueError(f"control character {control} in the text")
    return check_text(text)


def one_line(value: str | None) -> str | None:
    """A title or URL: no control character at all (PostgreSQL refuses NUL)."""
    control = value and find_control(value, allowed="")
    if control:
        raise ValueError(f"control character {control}")
    return value


class NewDocument(BaseModel):
    text: Annotated[str, AfterValidator(article_text)]
    title: Annotated[str | None, AfterValidator(one_line)] = None
    url: Annotated[str | None, AfterValidator(one_line)] = None
    published: Date = None


def page(result: Page) -> PageOut:
    return PageOut(items=result.items, next=result.next)


def found(value: dict[str, Any] | None, what: str) -> dict[str, Any]:
    if value is None:
        raise HTTPException(404, f"{what} not found")
    return value


@router.get("/documents", response_model=PageOut)
def list_documents(db: Q, q: str | None = None, outlet: str | None = None,
                   actor: str | None = None, date_from: DateFrom = None, date_to: DateTo = None,
                   cursor: Cursor = None, limit: Limit = 20) -> PageOut:
    """Documents, newest first: search title and text (`q`), filter by date, outlet, actor."""
    return page(db.documents(q=q, outlet=outlet, actor=actor, date_from=date_from,
                             date_to=date_to, cursor=cursor, limit=limit))


@router.get("/documents/{doc_id}")
def get_document(db: Q, doc_id: str) -> dict[str, Any]:
    """One document with all its annotations: the document JSON contract (dateline/1)."""
    return found(db.document(doc_id), "document")


def authorise(request: Request) -> None:
    token = request.app.state.token
    if not token:
        raise HTTPException(403, "writes are disabled (set DATELINE_API_TOKEN to enable them)")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.encode(), token.encode()):
        raise HTTPException(401, "a valid bearer token is required",
                            headers={"WWW-Authenticate": "Bearer"})


class WriteRoute(APIRoute):
    """A route that checks the bearer token before FastAPI reads or validates the body
    (a dependency would run only after both)."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def authorised(request: Request) -> Response:
            authorise(request)
            return await handler(request)

        return authorised


# The token is checked by WriteRoute; this dependency only declares the scheme in OpenAPI,
# so that the docs page offers "Authorize".
BEARER = Security(HTTPBearer(auto_error=False, description="The DATELINE_API_TOKEN value."))
writes = APIRouter(prefix="/api/v1", tags=["api v1"], route_class=WriteRoute,
                   dependencies=[BEARER])


@writes.post("/documents", status_code=201)
def post_document(request: Request, response: Response, body: NewDocument) -> dict[str, Any]:
    """Run the pipeline on a posted article and store it (needs `Authorization: Bearer`).

    201 when stored, 200 when the same text was already stored (nothing changes).
    """
    limit = request.app.state.settings.max_chars
    if len(body.text) > limit:
        raise HTTPException(422, [{"field": "body.text", "reason": too_long(len(body.text),
                                                                            limit)}])
    try:
        doc_id, created = request.app.state.ingestor.ingest(body.text, body.title, body.url,
                                                            body.published)
    except ProcessFailed as exc:
        raise HTTPException(422, str(exc)) from exc
    if not created:
        response.status_code = 200
    return {"id": doc_id, "created": created, "document": f"/api/v1/documents/{doc_id}"}


@router.get("/actors", response_model=PageOut)
def list_actors(db: Q, q: str | None = None, country: str | None = None,
                type: str | None = None, cursor: Cursor = None, limit: Limit = 20) -> PageOut:
    """Actors in name order: by name or alias (`q`), country (ISO3) and type."""
    return page(db.actors(q=q, country=country, type=type, cursor=cursor, limit=limit))


@router.get("/actors/{actor_id}")
def get_actor(db: Q, actor_id: str) -> dict[str, Any]:
    """One actor: aliases, roles over time, document count, counterparts."""
    return found(db.actor(actor_id), "actor")


@router.get("/quotes", response_model=PageOut)
def list_quotes(db: Q, speaker: str | None = None, q: str | None = None,
                actor: str | None = None, doc: str | None = None, kind: str | None = None,
                date_from: DateFrom = None, date_to: DateTo = None, cursor: Cursor = None,
                limit: Limit = 20) -> PageOut:
    """Quotes, newest first: by speaker (actor id, name or words), text (`q`), kind, date."""
    return page(db.quotes(speaker=speaker, q=q, actor=actor, doc=doc, kind=kind,
                          date_from=date_from, date_to=date_to, cursor=cursor, limit=limit))


@router.get("/quotes/{quote_id}")
def get_quote(db: Q, quote_id: str) -> dict[str, Any]:
    return found(db.quote(quote_id), "quote")


@router.get("/events", response_model=PageOut)
def list_events(db: Q, source: str | None = None, target: str | None = None,
                actor: str | None = None, type: str | None = None, doc: str | None = None,
                date_from: DateFrom = None, date_to: DateTo = None, cursor: Cursor = None,
                limit: Limit = 20) -> PageOut:
    """Events, newest first: by source, target or either (actor id or country), type, date."""
    return page(db.events(source=source, target=target, actor=actor, type=type, doc=doc,
                          date_from=date_from, date_to=date_to, cursor=cursor, limit=limit))


@router.get("/events/{event_id}")
def get_event(db: Q, event_id: str) -> dict[str, Any]:
    return found(db.event(event_id), "event")


@router.get("/timelines/actors/{actor_id}")
def actor_timeline(db: Q, actor_id: str) -> dict[str, Any]:
    """Per month: the actor's events (as source or target) by type, and its quotes."""
    found(db.actor(actor_id), "actor")
    return db.actor_timeline(actor_id)


@router.get("/timelines/pairs/{a}/{b}")
def pair_timeline(db: Q, a: str, b: str) -> dict[str, Any]:
    """Per month and type: events between two countries (ISO3), in either direction."""
    return db.pair_timeline(a, b)


@router.get("/pairs")
def list_pairs(db: Q, top: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 20) -> list[dict[str, Any]]:
    """Country pairs with the most events between them."""
    return db.pairs(top)


@router.get("/outlets")
def list_outlets(db: Q) -> list[dict[str, Any]]:
    return db.outlets()
