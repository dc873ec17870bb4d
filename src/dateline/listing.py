"""`dateline quotes`, `events` and `actors`: the store's queries as tables, TSV, CSV or JSON."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from dateline.store import Store
from dateline.store.queries import MAX_LIMIT, Page, Queries


def collect(fetch: Callable[..., Page], limit: int, **filters: Any) -> Iterator[dict[str, Any]]:
    """Up to ``limit`` items, following the query's cursors page by page."""
    cursor, left = None, limit
    while left > 0:
        page = fetch(cursor=cursor, limit=min(left, MAX_LIMIT), **filters)
        yield from page.items[:left]
        left -= len(page.items)
        if not page.next or not page.items:
            return
        cursor = page.next


@dataclass
class Listing:
    """Rows of one listing: flat columns for tables and CSV, and the API items for JSON."""

    title: str
    columns: tuple[str, ...]
    rows: list[dict[str, Any]] = field(default_factory=list)
    items: list[dict[str, Any]] = field(default_factory=list)
    # the one long column a terminal table shortens
    long: str | None = None


def shorten(text: str, width: int = 160) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def quotes_listing(store: Store, limit: int, **filters: Any) -> Listing:
    listing = Listing("quotes", ("date", "speaker", "kind", "quote", "document", "said as", "id"),
                      long="quote")
    for q in collect(Queries(store).quotes, limit, **filters):
        listing.items.append(q)
        listing.rows.append({"date": q["date"], "speaker": q["actor_name"] or q["speaker"] or "?",
                             "kind": q["kind"], "quote": q["text"], "document": q["doc_id"],
                             "said as": q["speaker"], "id": q["id"]})
    return listing


def side(s: dict[str, Any] | None) -> str:
    """An event side: the resolved actor's name (else the words), and its country."""
    if not s:
        return ""
    return f"{s.get('name') or s.get('text') or '?'} ({s.get('country') or '-'})"


def events_listing(store: Store, limit: int, **filters: Any) -> Listing:
    listing = Listing("events", ("date", "type", "source", "target", "trigger", "place",
                                 "document", "id"))
    for e in collect(Queries(store).events, limit, **filters):
        listing.items.append(e)
        listing.rows.append({"date": e["date"], "type": e["type"], "source": side(e["source"]),
                             "target": side(e["target"]), "trigger": e["trigger"]["text"],
                             "place": e["place"], "document": e["doc_id"], "id": e["id"]})
    return listing


def actors_listing(store: Store, limit: int, **filters: Any) -> Listing:
    listing = Listing("actors", ("id", "name", "type", "country", "sector", "roles",
                                 "first seen", "last seen", "docs"))
    queries = Queries(store)
    for a in collect(queries.actors, limit, **filters):
        detail = queries.actor(a["id"]) or {}
        roles = [r["role"] for r in detail.get("roles", [])]
        listing.items.append({**a, "roles": roles})
        listing.rows.append({"id": a["id"], "name": a["name"], "type": a["type"],
                             "country": a["country"], "sector": a["sector"],
                             "roles": ", ".join(roles), "first seen": a["first_seen"],
                             "last seen": a["last_seen"], "docs": a["documents"]})
    return listing


LISTINGS: dict[str, Callable[..., Listing]] = {
    "quotes": quotes_listing, "events": events_listing, "actors": actors_listing}


def text(value: Any) -> str:
    return "" if value is None else str(value)


def write_listing(listing: Listing, fmt: str, console: Console, out: IO[str]) -> None:
    """``table``: a Rich table (scraped words like "[/bold]" are never markup); ``tsv``: one
    line per row, tabs and line breaks inside values turned to spaces; ``csv``: RFC 4180;
    ``json``: one API item per line."""
    if fmt == "table":
        table = Table(title=listing.title)
        for col in listing.columns:
            table.add_column(col, overflow="fold")
        for row in listing.rows:
            table.add_row(*(Text(shorten(text(row[c])) if c == listing.long else text(row[c]))
                            for c in listing.columns))
        console.print(table)
    elif fmt == "json":
        for item in listing.items:
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        writer = csv.writer(out)
        writer.writerow(listing.columns)
        writer.writerows([[text(row[c]) for c in listing.columns] for row in listing.rows])
    else:
        out.write("\t".join(listing.columns) + "\n")
        for row in listing.rows:
            out.write("\t".join(" ".join(text(row[c]).split()) for c in listing.columns) + "\n")
    out.flush()
