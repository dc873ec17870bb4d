"""The JSON API under /api/v1: read-only by default, writes only with the configured token."""

from __future__ import annotations

import csv
import hmac
import io
import re
from collections.abc import Callable, Coroutine
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response, Security
from fastapi.responses import RedirectResponse
from fastapi.routing import APIRoute
from fastapi.security import HTTPBearer
from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from dateline.actors.ids import former_country_id
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


Sort = Annotated[str | None, Query(description="Column to sort by; a leading - sorts "
                                             "descending (e.g. -date).")]
Format = Annotated[Literal["json", "csv"], Query(
    alias="format", description="json (the default) or csv: the same rows as a table.")]


# What the store's grouping (dateline.stories) adds to documents and events, in the contract
# objects and the list rows alike: one definition each. (Annotated fields, not a mixin: a
# mixin's fields would come first and change the order of the JSON keys.)
DuplicateOf = Annotated[str | None, Field(
    description="The earliest stored near-duplicate (the store's grouping)")]
StoryOf = Annotated[str | None, Field(description="The story the document belongs to")]
StoryEventOf = Annotated[str | None, Field(
    description="One real event's id across reports (the store's grouping)")]
NumMentions = Annotated[int | None, Field(
    description="Triggers reporting the story event, near-duplicates counted once")]
NumArticles = Annotated[int | None, Field(
    description="Documents reporting the story event, near-duplicates counted once")]
NumSources = Annotated[int | None, Field(description="Distinct outlets reporting it")]


class Open(BaseModel):
    """A contract object: the fields below, and any the contract adds later."""

    model_config = ConfigDict(extra="allow")


class Span(Open):
    start: int
    end: int
    text: str


class Place(Open):
    name: str
    country: str | None = None


class Actor(Open):
    """An actor in a document (the contract) or in the knowledge base (lists)."""

    id: str
    name: str
    type: str = Field(description="person | organisation | country | group")
    country: str | None = Field(None, description="ISO 3166-1 alpha-3 code")
    sector: str | None = None
    roles: list[Any] = []
    aliases: list[str] = []


class Timex(Span):
    type: str = Field(description="DATE | TIME | DURATION | SET")
    value: str = Field(description="TIMEX3 value, e.g. 2023-03 or 2023-W10")
    mod: str | None = None
    date_start: str | None = None
    date_end: str | None = None
    date_precision: str | None = None


class Quote(Span):
    kind: str = Field(description="direct | indirect | mixed | transcript")
    cue: Span | None = None
    speaker: Span | None = None
    actor: str | None = Field(None, description="Resolved speaker's actor id")
    date: str | None = None
    date_start: str | None = None
    date_end: str | None = None
    date_precision: str | None = None


class EventSide(Open):
    actor: str | None = None
    country: str | None = None
    text: str


class Event(Open):
    type: str = Field(description="PLOVER category, e.g. CONSULT")
    mode: str | None = None
    context: list[str] = []
    source: EventSide
    target: EventSide | None = None
    trigger: Span
    sentence: list[int]
    date: str | None = None
    date_start: str | None = None
    date_end: str | None = None
    date_precision: str | None = None
    place: str | None = None
    intensity: float
    cameo: str | None = None
    story_event: StoryEventOf = None
    num_mentions: NumMentions = None
    num_articles: NumArticles = None
    num_sources: NumSources = None


class Document(Open):
    """The document JSON contract (schema dateline/1)."""

    schema_: str = Field(alias="schema")
    id: str
    source: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    published_from: str | None = None
    place: Place | None = None
    text: str
    segments: list[list[int]] = []
    removed: list[dict[str, Any]] = []
    sentences: list[list[int]] = []
    entities: list[Span] = []
    mentions: list[Span] = []
    actors: list[Actor] = []
    quotes: list[Quote] = []
    timexes: list[Timex] = []
    events: list[Event] = []
    meta: dict[str, Any] = {}
    duplicate_of: DuplicateOf = None
    story: StoryOf = None


class DocumentItem(Open):
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    source: str
    snippet: str
    quotes: int
    events: int
    duplicate_of: DuplicateOf = None
    story: StoryOf = None


class QuoteItem(Open):
    """A stored quote with its id (doc id + "-q" + index), date and resolved speaker name."""

    id: str
    doc_id: str
    text: str
    kind: str
    speaker: str | None
    actor: str | None
    actor_name: str | None
    date: str | None


class ListSide(EventSide):
    name: str | None = Field(None, description="The resolved actor's name")


class EventItem(Open):
    """A stored event with its id (doc id + "-e" + index), named sides and sentence."""

    id: str
    doc_id: str
    type: str
    mode: str | None
    source: ListSide
    target: ListSide | None
    trigger: dict[str, Any]
    date: str | None
    intensity: float
    sentence_text: str | None
    story_event: StoryEventOf = None
    num_mentions: NumMentions = None
    num_articles: NumArticles = None
    num_sources: NumSources = None


class StoryItem(Open):
    id: str
    title: str | None
    first_date: str | None
    last_date: str | None
    documents: int


class ActorItem(Open):
    id: str
    name: str
    type: str
    country: str | None
    sector: str | None
    first_seen: str | None
    last_seen: str | None
    documents: int


class PageOut(BaseModel):
    items: list[Any]
    next: str | None = Field(description="Cursor of the next page, or null on the last page.")
    total: int = Field(description="Rows matching the filters, over all pages.")


class DocumentPage(PageOut):
    items: list[DocumentItem]


class QuotePage(PageOut):
    items: list[QuoteItem]


class EventPage(PageOut):
    items: list[EventItem]


class ActorPage(PageOut):
    items: list[ActorItem]


class StoryPage(PageOut):
    items: list[StoryItem]


def flat(item: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """A list item as one CSV row: nested objects as dotted columns, lists as a;b."""
    row: dict[str, Any] = {}
    for key, value in item.items():
        if isinstance(value, dict):
            row |= flat(value, f"{prefix}{key}.")
        elif isinstance(value, list):
            row[prefix + key] = ";".join(str(v) for v in value)
        else:
            row[prefix + key] = value
    return row


def csv_page(result: Page) -> Response:
    """A page as CSV: the same rows as its JSON; the next page's cursor in a Link header."""
    out = io.StringIO()
    rows = [flat(item) for item in result.items]
    columns = list(dict.fromkeys(key for row in rows for key in row))
    writer = csv.DictWriter(out, fieldnames=columns)
    writer.writeheader()
    writer.writerows(rows)
    headers = {"X-Total-Count": str(result.total)}
    if result.next:
        headers["Link"] = f'<?cursor={result.next}>; rel="next"'
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)


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


def page(result: Page, fmt: str = "json") -> Any:
    if fmt == "csv":
        return csv_page(result)
    return {"items": result.items, "next": result.next, "total": result.total}


def found(value: dict[str, Any] | None, what: str) -> dict[str, Any]:
    if value is None:
        raise HTTPException(404, f"{what} not found")
    return value


def moved_actor(request: Request, actor_id: str) -> RedirectResponse:
    """Where a country actor's former id went ("/actors/usa" -> "/actors/united-states"): links
    made before country ids were names still arrive; any other unknown id is a 404."""
    moved = former_country_id(actor_id)
    if moved is None:
        raise HTTPException(404, "actor not found")
    path = request.url.path.removesuffix(actor_id) + moved
    return RedirectResponse(str(request.url.replace(path=path)), status_code=308)


CSV = {"text/csv": {}}


@router.get("/documents", response_model=DocumentPage, responses={200: {"content": CSV}})
def list_documents(db: Q, q: str | None = None, outlet: str | None = None,
                   actor: str | None = None, date_from: DateFrom = None, date_to: DateTo = None,
                   story: StoryId = None, cursor: Cursor = None, limit: Limit = 20,
                   fmt: Format = "json") -> Any:
    """Documents, newest first: search title and text (`q`), filter by date, outlet, actor,
    story."""
    return page(db.documents(q=q, outlet=outlet, actor=actor, date_from=date_from,
                             date_to=date_to, story=story, cursor=cursor, limit=limit), fmt)


@router.get("/documents/{doc_id}", response_model=Document, response_model_by_alias=True)
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


@router.get("/actors", response_model=ActorPage, responses={200: {"content": CSV}})
def list_actors(db: Q, q: str | None = None, country: str | None = None,
                type: str | None = None, sector: str | None = None, sort: Sort = None,
                cursor: Cursor = None, limit: Limit = 20, fmt: Format = "json") -> Any:
    """Actors in name order (or `sort`): by name or alias (`q`), country (ISO3), type, sector."""
    return page(db.actors(q=q, country=country, type=type, sector=sector, sort=sort,
                          cursor=cursor, limit=limit), fmt)


@router.get("/actors/{actor_id}")
def get_actor(request: Request, db: Q, actor_id: str) -> Any:
    """One actor: aliases, roles over time, document count, counterparts."""
    return db.actor(actor_id) or moved_actor(request, actor_id)


@router.get("/quotes", response_model=QuotePage, responses={200: {"content": CSV}})
def list_quotes(db: Q, speaker: str | None = None, q: str | None = None,
                actor: str | None = None, doc: str | None = None, kind: str | None = None,
                country: str | None = None, outlet: str | None = None,
                date_from: DateFrom = None, date_to: DateTo = None, story: StoryId = None,
                sort: Sort = None, cursor: Cursor = None, limit: Limit = 20,
                fmt: Format = "json") -> Any:
    """Quotes, newest first: by speaker (actor id, name or words), text (`q`), kind, date,
    the speaker's country, outlet, story."""
    return page(db.quotes(speaker=speaker, q=q, actor=actor, doc=doc, kind=kind,
                          country=country, outlet=outlet, date_from=date_from, date_to=date_to,
                          story=story, sort=sort, cursor=cursor, limit=limit), fmt)


@router.get("/quotes/{quote_id}", response_model=QuoteItem)
def get_quote(db: Q, quote_id: str) -> dict[str, Any]:
    return found(db.quote(quote_id), "quote")


Count = Annotated[Literal["events", "reports"], Query(
    description="events (the default): each real event once, however many documents "
    "report it (story events); reports: every event of every document.")]
StoryId = Annotated[str | None, Query(description="Only this story's rows.")]
Month = Annotated[str | None, Query(description="A timeline column: YYYY-MM, or a coarser "
                                              "date value such as 2022, or 'undated'.")]


@router.get("/events", response_model=EventPage, responses={200: {"content": CSV}})
def list_events(db: Q, source: str | None = None, target: str | None = None,
                actor: str | None = None, type: str | None = None, doc: str | None = None,
                outlet: str | None = None, sector: str | None = None,
                date_from: DateFrom = None, date_to: DateTo = None, month: Month = None,
                story: StoryId = None, sort: Sort = None, cursor: Cursor = None,
                limit: Limit = 20, fmt: Format = "json") -> Any:
    """Events, newest first: by source, target or either (actor id or country), type, date,
    timeline column (`month`), outlet, source sector, story."""
    return page(db.events(source=source, target=target, actor=actor, type=type, doc=doc,
                          outlet=outlet, sector=sector, date_from=date_from, date_to=date_to,
                          month=month, story=story, sort=sort, cursor=cursor, limit=limit),
                fmt)


@router.get("/events/{event_id}", response_model=EventItem)
def get_event(db: Q, event_id: str) -> dict[str, Any]:
    return found(db.event(event_id), "event")


@router.get("/timelines/actors/{actor_id}")
def actor_timeline(request: Request, db: Q, actor_id: str, count: Count = "events") -> Any:
    """Per month: the actor's events (as source or target) by type, and its quotes."""
    if db.actor(actor_id) is None:
        return moved_actor(request, actor_id)
    return db.actor_timeline(actor_id, count)


@router.get("/timelines/pairs/{a}/{b}")
def pair_timeline(db: Q, a: str, b: str, count: Count = "events") -> dict[str, Any]:
    """Per month and type: events between two countries (ISO3), in either direction."""
    return db.pair_timeline(a, b, count)


@router.get("/stories", response_model=StoryPage, responses={200: {"content": CSV}})
def list_stories(db: Q, q: str | None = None, cursor: Cursor = None, limit: Limit = 20,
                 fmt: Format = "json") -> Any:
    """Stories (documents about one news story), latest first, by words of their title."""
    return page(db.stories(q=q, cursor=cursor, limit=limit), fmt)


@router.get("/stories/{story_id}")
def get_story(db: Q, story_id: str) -> dict[str, Any]:
    """One story: its documents by date, its story events with counts, quotes, actors."""
    return found(db.story(story_id), "story")


@router.get("/pairs")
def list_pairs(db: Q, top: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 20) -> list[dict[str, Any]]:
    """Country pairs with the most events between them."""
    return db.pairs(top)


@router.get("/outlets")
def list_outlets(db: Q) -> list[dict[str, Any]]:
    return db.outlets()
