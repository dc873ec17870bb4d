"""Server-rendered HTML pages: search, document, actor, country pair, quotes.

Templates autoescape everything; the only pre-built HTML comes from markup.py
and chart.py, which escape every piece of data they place.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

from dateline.actors.countries import country_name
from dateline.store.queries import COUNTS, MAX_LIMIT, REPORTS, STORY_EVENTS, Queries
from dateline.web.api import DateFrom, DateTo, moved_actor
from dateline.web.chart import TYPE_COLOURS, intensity_svg, timeline_svg
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
    """``path`` with the non-empty ``params`` as a query string (``date_from``/``date_to``
    under the API's names, ``from`` and ``to``)."""
    names = {"date_from": "from", "date_to": "to"}
    kept = {names.get(k, k): v for k, v in params.items() if v not in (None, "")}
    return f"{path}?{urlencode(kept)}" if kept else path


PAGE_SIZE = 50


class Listing:
    """What every list page shows around its rows: the total, links to the same rows as JSON
    and CSV (the API, same parameter names), facet and sort links, the next page."""

    def __init__(self, path: str, api: str, result: Any, params: dict[str, Any],
                 facets: dict[str, list[dict[str, Any]]] | None = None) -> None:
        self.path, self.params, self.total = path, params, result.total
        twin = dict(params, limit=PAGE_SIZE)
        self.json = query_url(api, **twin)
        self.csv = query_url(api, **twin, format="csv")
        self.more = query_url(path, **dict(params, cursor=result.next)) if result.next else None
        self.facets = {name: [dict(f, url=self.narrow(name, f["value"])) for f in values]
                       for name, values in (facets or {}).items() if values}

    def narrow(self, facet: str, value: str) -> str:
        """This page with one more filter: a year is from..to that year."""
        params = {k: v for k, v in self.params.items() if k not in ("cursor",)}
        if facet == "year":
            params |= {"date_from": value, "date_to": value}
        else:
            params[FACET_PARAMS.get(self.path, {}).get(facet, facet)] = value
        return query_url(self.path, **params)

    def sort(self, column: str) -> str:
        """This page sorted by ``column``; again to reverse."""
        current = self.params.get("sort")
        return query_url(self.path, **dict(self.params, cursor=None,
                                           sort=f"-{column}" if current == column else column))


# The list filter a facet narrows by, where its name differs (an event's country is its
# source's).
FACET_PARAMS = {"/events": {"country": "source"}}


@router.get("/", response_class=HTMLResponse)
def search(request: Request, q: str | None = None, outlet: str | None = None,
           actor: str | None = None, date_from: DateFrom = None, date_to: DateTo = None,
           cursor: str | None = None) -> HTMLResponse:
    queries = db(request)
    filters = {"q": q, "outlet": outlet, "actor": actor, "date_from": date_from,
               "date_to": date_to}
    results = queries.documents(cursor=cursor, limit=PAGE_SIZE, **filters)
    listing = Listing("/", "/api/v1/documents", results, dict(filters, cursor=cursor),
                      queries.document_facets(**filters))
    return render(request, "search.html", results=results.items, listing=listing,
                  filters=filters, outlets=queries.outlets(), top_actors=queries.top_actors(12),
                  pairs=queries.pairs(12))


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document(request: Request, doc_id: str, raw: bool = False) -> HTMLResponse:
    queries = db(request)
    doc = queries.document(doc_id)
    if doc is None:
        raise HTTPException(404, "document not found")
    names = {a["id"]: a["name"] for a in doc.get("actors") or []}
    colours = speaker_colours(doc.get("quotes") or [])
    quotes = [{"id": f"{doc_id}-q{n}", "doc_id": doc_id, "text": q["text"], "kind": q["kind"],
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
           type: str | None = None, sector: str | None = None, sort: str | None = None,
           cursor: str | None = None) -> HTMLResponse:
    queries = db(request)
    filters = {"q": q, "country": country, "type": type, "sector": sector}
    results = queries.actors(sort=sort, cursor=cursor, limit=PAGE_SIZE, **filters)
    listing = Listing("/actors", "/api/v1/actors", results,
                      dict(filters, sort=sort, cursor=cursor), queries.actor_facets(**filters))
    return render(request, "actors.html", results=results.items, listing=listing, q=q,
                  country=country)


def counting(path: str, count: str, **params: Any) -> dict[str, Any]:
    """What a timeline counts, and a link to this page counting the other way."""
    if count not in COUNTS:
        raise HTTPException(422, f"count must be one of {', '.join(COUNTS)}")
    other = REPORTS if count == STORY_EVENTS else STORY_EVENTS
    return {"count": count, "other": other, "url": query_url(
        path, **params, count=None if other == STORY_EVENTS else other)}


@router.get("/actors/{actor_id}", response_class=HTMLResponse)
def actor(request: Request, actor_id: str, count: str = STORY_EVENTS) -> Response:
    queries = db(request)
    info = queries.actor(actor_id)
    if info is None:
        return moved_actor(request, actor_id)
    counts = counting(f"/actors/{actor_id}", count)
    timeline = queries.actor_timeline(actor_id, count)
    chart = timeline_svg(timeline["months"], lambda month, kind: query_url(
        "/events", actor=actor_id, type=kind, month=month))
    return render(request, "actor.html", actor=info, chart=chart, counts=counts,
                  colours=present(timeline["months"]),
                  quotes=coloured(queries.quotes(actor=actor_id, limit=50).items),
                  as_source=queries.events(source=actor_id, limit=50).items,
                  as_target=queries.events(target=actor_id, limit=50).items,
                  documents=queries.documents(actor=actor_id, limit=20).items)


def known_country(code: str) -> bool:
    """An ISO3 code (or IGO code) the country tables know: anything else is a 404."""
    return len(code) == 3 and country_name(code.upper()) != code.upper()


@router.get("/pairs/{a}/{b}", response_class=HTMLResponse)
def pair(request: Request, a: str, b: str, type: str | None = None,
         month: str | None = None, count: str = STORY_EVENTS,
         cursor: str | None = None) -> HTMLResponse:
    if not (known_country(a) and known_country(b)):
        raise HTTPException(404, "unknown country code")
    queries = db(request)
    path = f"/pairs/{a}/{b}"
    counts = counting(path, count, type=type, month=month)
    timeline = queries.pair_timeline(a, b, count)
    chart = timeline_svg(timeline["months"],
                         lambda m, kind: query_url(path, type=kind, month=m))
    filters = {"type": type, "month": month}
    ab = queries.events(source=a, target=b, limit=PAGE_SIZE, **filters)
    ba = queries.events(source=b, target=a, limit=PAGE_SIZE, **filters)
    listings = [Listing(path, "/api/v1/events", result, dict(filters, source=x, target=y))
                for result, (x, y) in ((ab, (a, b)), (ba, (b, a)))]
    quotes = coloured(queries.quotes(country=a, q=country_name(b.upper()), limit=20).items +
                      queries.quotes(country=b, q=country_name(a.upper()), limit=20).items)
    return render(request, "pair.html", a=a.upper(), b=b.upper(), chart=chart,
                  colours=present(timeline["months"]), directions=list(zip(
                      (ab.items, ba.items), listings, ((a, b), (b, a)), strict=True)),
                  intensity=intensity_svg(ab.items + ba.items, a.upper()), quotes=quotes,
                  type=type, month=month, counts=counts)


@router.get("/events", response_class=HTMLResponse)
def events(request: Request, actor: str | None = None, source: str | None = None,
           target: str | None = None, type: str | None = None, month: str | None = None,
           outlet: str | None = None, sector: str | None = None, date_from: DateFrom = None,
           date_to: DateTo = None, sort: str | None = None,
           cursor: str | None = None) -> HTMLResponse:
    queries = db(request)
    filters = {"actor": actor, "source": source, "target": target, "type": type,
               "month": month, "outlet": outlet, "sector": sector, "date_from": date_from,
               "date_to": date_to}
    results = queries.events(sort=sort, cursor=cursor, limit=PAGE_SIZE, **filters)
    listing = Listing("/events", "/api/v1/events", results,
                      dict(filters, sort=sort, cursor=cursor), queries.event_facets(**filters))
    return render(request, "events.html", events=results.items, listing=listing, actor=actor,
                  type=type, month=month, types=list(TYPE_COLOURS))


@router.get("/quotes", response_class=HTMLResponse)
def quotes(request: Request, speaker: str | None = None, q: str | None = None,
           kind: str | None = None, country: str | None = None, outlet: str | None = None,
           date_from: DateFrom = None, date_to: DateTo = None, sort: str | None = None,
           cursor: str | None = None) -> HTMLResponse:
    queries = db(request)
    filters = {"speaker": speaker, "q": q, "kind": kind, "country": country, "outlet": outlet,
               "date_from": date_from, "date_to": date_to}
    results = queries.quotes(sort=sort, cursor=cursor, limit=PAGE_SIZE, **filters)
    listing = Listing("/quotes", "/api/v1/quotes", results,
                      dict(filters, sort=sort, cursor=cursor), queries.quote_facets(**filters))
    return render(request, "quotes.html", quotes=coloured(results.items), listing=listing,
                  speaker=speaker, q=q)


@router.get("/stories", response_class=HTMLResponse)
def stories(request: Request, q: str | None = None, cursor: str | None = None) -> HTMLResponse:
    queries = db(request)
    results = queries.stories(q=q, cursor=cursor, limit=PAGE_SIZE)
    listing = Listing("/stories", "/api/v1/stories", results, {"q": q, "cursor": cursor})
    return render(request, "stories.html", results=results.items, listing=listing, q=q)


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story(request: Request, story_id: str) -> HTMLResponse:
    info = db(request).story(story_id)
    if info is None:
        raise HTTPException(404, "story not found")
    twins = {name: query_url(f"/api/v1/{name}", story=story_id, limit=MAX_LIMIT,
                             format="csv") for name in ("documents", "events", "quotes")}
    return render(request, "story.html", story=info, twins=twins,
                  quotes=coloured(info["quotes"]))
