"""Exports from the store: the document contract, or one flat table (one row per quote,
event, date expression or actor) in JSON lines, CSV or Parquet."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from dateline.io.writers import (
    document_row,
    flatten_document,
    write_csv,
    write_jsonl,
    write_parquet,
)
from dateline.model import Document
from dateline.store import Store
from dateline.store.stories import GROUPING_EVENT_FIELDS
from dateline.timex.interval import date_fields

# Columns every per-annotation row starts with: where it comes from.
PROVENANCE = ("document_id", "published", "published_start", "published_end", "outlet",
              "source_url")
EVENT_COLUMNS = (
    "event_id", "date", "date_start", "date_end", "date_precision", *PROVENANCE,
    "actor1_id", "actor1_name", "actor1_country", "actor1_sector",
    "actor2_id", "actor2_name", "actor2_country", "actor2_sector",
    "type", "mode", "context", "cameo", "cameo_root", "quad_class", "intensity",
    "place", "place_country", "sentence", "trigger",
    "story_event", "num_mentions", "num_articles", "num_sources",
)
# What grouping adds to a stored document (dateline.store.stories).
DOCUMENT_GROUPING = ("duplicate_of", "story")
QUOTE_COLUMNS = (
    "quote_id", "date", "date_start", "date_end", "date_precision", *PROVENANCE,
    "kind", "text", "start", "end", "speaker", "cue", "actor_id", "actor_name",
    "actor_country", "actor_sector", "label", "confidence",
)
TIMEX_COLUMNS = (
    "timex_id", *PROVENANCE, "text", "start", "end", "type", "value", "mod",
    "date_start", "date_end", "date_precision",
)


def provenance(doc: Document) -> dict[str, Any]:
    """Where a row comes from. The source URL is the page's canonical URL where the input
    gave one (HTML metadata, WARC record, JSON-lines field), else the input's name."""
    published = date_fields(doc.published, "published")
    return {"document_id": doc.id, "published": doc.published,
            "published_start": published["published_start"],
            "published_end": published["published_end"], "outlet": doc.outlet,
            "source_url": doc.meta.get("url") or doc.source}


def place_country(doc: Document, place: str | None) -> str | None:
    """An event place's country: the dateline's, or the country actor of that name."""
    if not place:
        return None
    if doc.place and doc.place["name"] == place:
        return doc.place["country"]
    return next((a["country"] for a in doc.actors
                 if a["type"] == "country" and place in (a["name"], *a.get("aliases", []))),
                None)


def event_records(doc: Document) -> Iterator[dict[str, Any]]:
    """One row per event, in the shape analysts know from GDELT (see events.table)."""
    from dateline.events.table import event_rows

    where = provenance(doc)
    for n, (event, row) in enumerate(zip(doc.events, event_rows(doc), strict=True)):
        row |= where | {"event_id": f"{doc.id}-e{n}", "context": list(event["context"]),
                        "place_country": place_country(doc, event["place"])}
        row |= {key: event.get(key) for key in GROUPING_EVENT_FIELDS}
        yield {key: row[key] for key in EVENT_COLUMNS}


def quote_records(doc: Document) -> Iterator[dict[str, Any]]:
    """One row per quote: what was said, by whom (resolved), when, and where it was read."""
    where = provenance(doc)
    for n, quote in enumerate(doc.quotes):
        actor = doc.actor(quote["actor"]) or {}
        row = {"quote_id": f"{doc.id}-q{n}", "date": quote.get("date"),
               **date_fields(quote.get("date")), **where, "kind": quote["kind"],
               "text": quote["text"], "start": quote["start"], "end": quote["end"],
               "speaker": (quote["speaker"] or {}).get("text"),
               "cue": (quote["cue"] or {}).get("text"), "actor_id": quote["actor"],
               "actor_name": actor.get("name"), "actor_country": actor.get("country"),
               "actor_sector": actor.get("sector"), "label": quote.get("label"),
               "confidence": quote.get("confidence")}
        yield {key: row[key] for key in QUOTE_COLUMNS}


def timex_records(doc: Document) -> Iterator[dict[str, Any]]:
    """One row per date expression with its TIMEX3 value and interval."""
    where = provenance(doc)
    for n, timex in enumerate(doc.timexes):
        row = {"timex_id": f"{doc.id}-t{n}", **where, "text": timex["text"],
               "start": timex["start"], "end": timex["end"], "type": timex["type"],
               "value": timex["value"], "mod": timex.get("mod"),
               **date_fields(timex["value"] if timex["type"] in ("DATE", "TIME") else None)}
        yield {key: row[key] for key in TIMEX_COLUMNS}


# The flat tables: rows of one stored document, and their columns. (`documents` is the
# contract itself; `actors` is one row per actor of the knowledge base.)
TABLES: dict[str, tuple[Callable[[Document], Iterator[dict[str, Any]]], tuple[str, ...]]] = {
    "quotes": (quote_records, QUOTE_COLUMNS),
    "events": (event_records, EVENT_COLUMNS),
    "timexes": (timex_records, TIMEX_COLUMNS),
}


ACTOR_COLUMNS = ("id", "name", "type", "country", "sector", "roles", "aliases", "documents",
                 "first_seen", "last_seen")


def table_rows(store: Store, table: str, fmt: str) -> Iterator[dict[str, Any]]:
    if table == "actors":
        yield from actor_records(store, flat=fmt == "csv")
        return
    records, _ = TABLES[table]
    for data in store.documents(grouped=True):
        yield from records(Document.from_json(data))


def columns(table: str) -> tuple[str, ...]:
    return ACTOR_COLUMNS if table == "actors" else TABLES[table][1]


def actor_records(store: Store, flat: bool) -> Iterator[dict[str, Any]]:
    """One row per actor of the knowledge base (merged-away ids left out); ``flat`` joins
    roles ("role first..last") and aliases with " | " for CSV."""
    for r in store.actor_records():
        if r.get("merged_into"):
            continue
        roles = [{"role": x["role"], "first_seen": x["first_seen"], "last_seen": x["last_seen"]}
                 for x in r["roles"]]
        aliases = sorted(a["alias"] for a in r["aliases"])
        if flat:
            roles = " | ".join(f"{x['role']} {x['first_seen'] or ''}..{x['last_seen'] or ''}"
                               for x in roles)
            aliases = " | ".join(aliases)
        yield {"id": r["id"], "name": r["name"], "type": r["type"], "country": r["country"],
               "sector": r["sector"], "roles": roles, "aliases": aliases,
               "documents": len(r["docs"]), "first_seen": r["first_seen"],
               "last_seen": r["last_seen"]}


def grouping(doc: dict[str, Any]) -> dict[str, Any]:
    """A stored document's duplicate_of and story, as table columns."""
    return {key: doc.get(key) for key in DOCUMENT_GROUPING}


def export_rows(store: Store, fmt: str, table: str, output: Path | None) -> int:
    if output is None:
        return write_text(sys.stdout, store, fmt, table)
    if fmt == "parquet":
        if table == "documents":
            return write_parquet((document_row(d) | grouping(d)
                                  for d in store.documents(grouped=True)), output)
        return write_parquet(table_rows(store, table, fmt), output, columns(table))
    with open(output, "w", encoding="utf-8", newline="") as out:
        return write_text(out, store, fmt, table)


def write_text(out: IO[str], store: Store, fmt: str, table: str) -> int:
    if table == "documents":
        docs: Iterable[dict[str, Any]] = store.documents(grouped=True)
        if fmt == "csv":
            return write_csv((flatten_document(d) | grouping(d) for d in docs), out)
        return write_jsonl(docs, out)
    if fmt == "csv":
        return write_csv(table_rows(store, table, fmt), out, columns(table))
    return write_jsonl(table_rows(store, table, fmt), out)
