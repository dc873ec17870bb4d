"""The JSON API under /api/v1: read-only by default, writes only with the configured token."""

from __future__ import annotations

import hmac
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, HTTPException, Query, Request, Response
from pydantic import BaseModel, Field

from dateline.store.queries import MAX_LIMIT, Page, Queries
from dateline.web.ingest import ProcessFailed

router = APIRouter(prefix="/api/v1", tags=["api v1"])

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Page size (capped).")]
Cursor = Annotated[str | None, Query(description="The `next` value of the previous page.")]
DateFrom = Annotated[str | None, Query(
    alias="from", description="Earliest date, YYYY[-MM[-DD]]; dates whose interval overlaps "
    "the range match (a document published 2022 is in from=2022-06-01).")]
DateTo = Annotated[str | None, Query(
    alias="to", description="Latest date, YYYY[-MM[-DD]]; to=2023-03 takes all of March.")]


def queries(request: Request) -> Queries:
    return request.app.state.queries


Q = Annotated[Queries, Depends(queries)]


class PageOut(BaseModel):
    items: list[dict[str, Any]]
    next: str | None = Field(description="Cursor of the next page, or null on the last page.")


class NewDocument(BaseModel):
    text: str = Field(min_length=1, max_length=2_000_000)
    title: str | None = None
    url: str | None = None
    published: str | None = Field(default=None, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")


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


def authorise(request: Request, authorization: str | None) -> None:
    token = request.app.state.token
    if not token:
        raise HTTPException(403, "writes are disabled (set DATELINE_API_TOKEN to enable them)")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.encode(), token.encode()):
        raise HTTPException(401, "a valid bearer token is required",
                            headers={"WWW-Authenticate": "Bearer"})


@router.post("/documents", status_code=201)
def post_document(request: Request, response: Response, body: NewDocument,
                  authorization: Annotated[str | None, Header()] = None) -> dict[str, Any]:
    """Run the pipeline on a posted article and store it (needs `Authorization: Bearer`).

    201 when stored, 200 when the same text was already stored (nothing changes).
    """
    authorise(request, authorization)
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
