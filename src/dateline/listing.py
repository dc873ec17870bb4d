"""Terminal tables for `dateline quotes`, `events` and `actors`, over the store's queries."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

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


def cells(*values: Any) -> list[Text]:
    """Table cells as plain text: scraped words like "[/bold]" are never markup."""
    return [Text("" if v is None else str(v)) for v in values]


def shorten(text: str, width: int = 160) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def quotes_table(store: Store, limit: int, **filters: Any) -> Table:
    table = Table(title="quotes", show_lines=False)
    for col in ("date", "speaker", "kind", "quote", "document"):
        table.add_column(col, overflow="fold")
    for q in collect(Queries(store).quotes, limit, **filters):
        who = q["actor_name"] or q["speaker"] or "?"
        table.add_row(*cells(q["date"], who, q["kind"], shorten(q["text"]), q["doc_id"]))
    return table


def events_table(store: Store, limit: int, **filters: Any) -> Table:
    table = Table(title="events")
    for col in ("date", "type", "source", "target", "trigger", "place", "document"):
        table.add_column(col, overflow="fold")

    def side(s: dict[str, Any] | None) -> str:
        if not s:
            return ""
        return f"{s.get('actor') or s.get('text') or '?'} ({s.get('country') or '-'})"

    for e in collect(Queries(store).events, limit, **filters):
        table.add_row(*cells(e["date"], e["type"], side(e["source"]), side(e["target"]),
                             e["trigger"]["text"], e["place"], e["doc_id"]))
    return table


def actors_table(store: Store, limit: int, **filters: Any) -> Table:
    table = Table(title="actors")
    for col in ("id", "name", "type", "country", "sector", "roles", "first seen", "last seen",
                "docs"):
        table.add_column(col, overflow="fold")
    queries = Queries(store)
    for a in collect(queries.actors, limit, **filters):
        detail = queries.actor(a["id"]) or {}
        roles = ", ".join(r["role"] for r in detail.get("roles", []))
        table.add_row(*cells(a["id"], a["name"], a["type"], a["country"], a["sector"], roles,
                             a["first_seen"], a["last_seen"], a["documents"]))
    return table
