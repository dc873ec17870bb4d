"""Server-rendered HTML pages: search, document, actor, country pair, quotes.

Templates autoescape everything; the only pre-built HTML comes from markup.py
and chart.py, which escape every piece of data they place.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

from dateline.actors.countries import country_name
from dateline.store.queries import MAX_LIMIT, Queries
from dateline.web.api import Date
from dateline.web.chart import TYPE_COLOURS, timeline_svg
from dateline.web.markup import document_marks, highlight, speaker_colours, speaker_key

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(env=Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"), autoescape=True))


templates.env.filters["country"] = lambda code: country_name(code.upper()) if code else ""


def render(request: Request, name: str, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context)


def db(request: Request) -> Queries:
    return request.app.state.queries


def coloured(quotes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Stored quotes with their speaker's palette index (one colour per speaker per page)."""
    keys = [{"actor": q["actor"], "speaker": {"text": q["speaker"]}} for q in quotes]
    colours = speaker_colours(keys)
    return [dict(q, colour=colours[speaker_key(k)]) for q, k in zip(quotes, keys, strict=True)]


def present(months: list[dict[str, Any]]) -> dict[str, str]:
    """The chart colours of the event types that occur in ``months`` (the legend)."""
    kinds = {kind for m in months for kind in m["events"]}
    return {kind: colour for kind, colour in TYPE_COLOURS.items() if kind in kinds}


def query_url(path: str, **params: Any) -> str:
    """``path`` with the non-empty ``params`` as a query string."""
    kept = {k: v for k, v in params.items() if v not in (None, "")}
    return f"{path}?{urlencode(kept)}" if kept else path


@router.get("/", response_class=HTMLResponse)
def search(request: Request, q: str | None = None, outlet: str | None = None,
           actor: str | None = None, date_from: Date = None, date_to: Date = None,
           cursor: str | None = None) -> HTMLResponse:
    queries = db(request)
    filters = {"q": q, "outlet": outlet, "actor": actor, "date_from": date_from,
               "date_to": date_to}
    results = queries.documents(cursor=cursor, **filters)
    more = query_url("/", **filters, cursor=results.next) if results.next else None
    return render(request, "search.html", results=results.items, more=more, filters=filters,
                  outlets=queries.outlets(), top_actors=queries.top_actors(12),
                  pairs=queries.pairs(12))


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document(request: Request, doc_id: str, raw: bool = False) -> HTMLResponse:
    queries = db(request)
    doc = queries.document(doc_id)
    if doc is None:
        raise HTTPException(404, "document not found")
    names = {a["id"]: a["name"] for a in doc.get("actors") or []}
    colours = speaker_colours(doc.get("quotes") or [])
    quotes = [{"id": f"{doc_id}-q{n}", "text": q["text"], "kind": q["kind"],
               "actor": q.get("actor"), "actor_name": names.get(q.get("actor") or ""),
               "speaker": (q.get("speaker") or {}).get("text"), "date": q.get("date"),
               "colour": colours[speaker_key(q)]}
              for n, q in enumerate(doc.get("quotes") or [])]
    return render(request, "document.html", doc=doc, quotes=quotes,
                  body=highlight(doc.get("text") or "", document_marks(doc, names)),
                  doc_events=queries.events(doc=doc_id, limit=MAX_LIMIT).items,
                  raw=queries.raw(doc_id) if raw else None)


@router.get("/actors", response_class=HTMLResponse)
def actors(request: Request, q: str | None = None, country: str | None = None,
           cursor: str | None = None) -> HTMLResponse:
    results = db(request).actors(q=q, country=country, cursor=cursor, limit=50)
    more = query_url("/actors", q=q, country=country, cursor=results.next) if results.next \
        else None
    return render(request, "actors.html", results=results.items, more=more, q=q,
                  country=country)


@router.get("/actors/{actor_id}", response_class=HTMLResponse)
def actor(request: Request, actor_id: str) -> HTMLResponse:
    queries = db(request)
    info = queries.actor(actor_id)
    if info is None:
        raise HTTPException(404, "actor not found")
    timeline = queries.actor_timeline(actor_id)
    chart = timeline_svg(timeline["months"], lambda month, kind: query_url(
        "/events", actor=actor_id, type=kind, month=month))
    return render(request, "actor.html", actor=info, chart=chart,
                  colours=present(timeline["months"]),
                  quotes=coloured(queries.quotes(actor=actor_id, limit=50).items),
                  as_source=queries.events(source=actor_id, limit=50).items,
                  as_target=queries.events(target=actor_id, limit=50).items,
                  documents=queries.documents(actor=actor_id, limit=20).items)


@router.get("/pairs/{a}/{b}", response_class=HTMLResponse)
def pair(request: Request, a: str, b: str, type: str | None = None,
         month: str | None = None, cursor: str | None = None) -> HTMLResponse:
    queries = db(request)
    timeline = queries.pair_timeline(a, b)
    path = f"/pairs/{a}/{b}"
    chart = timeline_svg(timeline["months"],
                         lambda m, kind: query_url(path, type=kind, month=m))
    events = queries.events(pair=(a, b), type=type, month=month, cursor=cursor, limit=50)
    more = query_url(path, type=type, month=month, cursor=events.next) if events.next else None
    return render(request, "pair.html", a=a.upper(), b=b.upper(), chart=chart,
                  colours=present(timeline["months"]), events=events.items, more=more,
                  type=type, month=month)


@router.get("/events", response_class=HTMLResponse)
def events(request: Request, actor: str | None = None, type: str | None = None,
           month: str | None = None, cursor: str | None = None) -> HTMLResponse:
    results = db(request).events(actor=actor, type=type, month=month, cursor=cursor, limit=50)
    more = query_url("/events", actor=actor, type=type, month=month, cursor=results.next) \
        if results.next else None
    return render(request, "events.html", events=results.items, more=more, actor=actor,
                  type=type, month=month, types=list(TYPE_COLOURS))


@router.get("/quotes", response_class=HTMLResponse)
def quotes(request: Request, speaker: str | None = None, q: str | None = None,
           cursor: str | None = None) -> HTMLResponse:
    results = db(request).quotes(speaker=speaker, q=q, cursor=cursor, limit=50)
    more = query_url("/quotes", speaker=speaker, q=q, cursor=results.next) if results.next \
        else None
    return render(request, "quotes.html", quotes=coloured(results.items), more=more,
                  speaker=speaker, q=q)
