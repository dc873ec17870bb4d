"""Turning a processed Document into the store's rows, and inserting new rows in bulk."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Table, insert
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from dateline.model import Document
from dateline.store.schema import DocumentRow, EntityRow, EventRow, QuoteRow, TimexRow
from dateline.timex.interval import DATED_TYPES, date_fields


def document_row(doc: Document) -> DocumentRow:
    place = doc.place or {}
    return DocumentRow(
        id=doc.id, source=doc.source, title=doc.title, outlet=doc.outlet,
        published=doc.published, published_from=doc.published_from,
        **date_fields(doc.published, "published"),
        place_name=place.get("name"), place_country=place.get("country"),
        text=doc.text, raw=doc.raw, data=doc.dumps(),
        ingested_at=ingested_now(),
    )


def ingested_now() -> str:
    """When a document is stored (in-process and on Spark alike), to the microsecond: a
    copy points to the earliest stored of its originals, and within one second the order
    of storing, not the ids, must decide (32 characters, the column's width)."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def annotation_rows(doc: Document) -> list[Any]:
    rows: list[Any] = []
    for ent in doc.entities:
        rows.append(EntityRow(doc_id=doc.id, start_char=ent["start"], end_char=ent["end"],
                              text=ent["text"], label=ent["label"], actor_id=ent.get("actor")))
    for n, quote in enumerate(doc.quotes):
        rows.append(QuoteRow(
            id=f"{doc.id}-q{n}", doc_id=doc.id, start_char=quote["start"],
            end_char=quote["end"], text=quote["text"], kind=quote["kind"],
            speaker=(quote.get("speaker") or {}).get("text"),
            cue=(quote.get("cue") or {}).get("text"),
            actor_id=quote.get("actor"), date=quote.get("date"), **date_fields(quote.get("date")),
        ))
    for tx in doc.timexes:
        rows.append(TimexRow(doc_id=doc.id, start_char=tx["start"], end_char=tx["end"],
                             text=tx["text"], type=tx["type"], value=tx["value"],
                             mod=tx.get("mod"),
                             **date_fields(tx["value"] if tx["type"] in DATED_TYPES else None)))
    for n, event in enumerate(doc.events):
        source = event.get("source") or {}
        target = event.get("target") or {}
        rows.append(EventRow(
            id=f"{doc.id}-e{n}", doc_id=doc.id, type=event["type"], mode=event.get("mode"),
            context=",".join(event.get("context") or []),
            source_actor=source.get("actor"), source_country=source.get("country"),
            source_text=source.get("text"),
            target_actor=target.get("actor"), target_country=target.get("country"),
            target_text=target.get("text"),
            trigger=event["trigger"]["text"], trigger_start=event["trigger"]["start"],
            sentence_start=event["sentence"][0], sentence_end=event["sentence"][1],
            date=event.get("date"), **date_fields(event.get("date")), place=event.get("place"),
            intensity=event.get("intensity"), cameo=event.get("cameo"),
            mentions=len(event.get("mentions") or []) or 1,
        ))
    return rows


def insert_rows(s: Session, rows: Iterable[Any]) -> None:
    """Insert new rows with one statement per table (and set of given columns), past the
    unit of work: its bookkeeping for each object costs more than the database does, and
    a bulk writer (the Spark ingest) needs none of it. Rows referring to others come after
    them, as a table's rows come in the order given."""
    groups: dict[tuple[type, tuple[str, ...]], list[dict[str, Any]]] = {}
    for row in rows:
        values = {k: v for k, v in vars(row).items() if not k.startswith("_")}
        groups.setdefault((type(row), tuple(sorted(values))), []).append(values)
    for (table, _columns), values in groups.items():
        s.execute(insert(table.__table__), values)


def dialect_insert(s: Session, table: Table) -> Any:
    """The store's own INSERT (SQLite's or PostgreSQL's, the stores dateline supports),
    which can leave or update a row whose key is stored already."""
    dialect = postgresql if s.get_bind().dialect.name == "postgresql" else sqlite
    return dialect.insert(table)


def insert_missing(s: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert the rows whose key is not stored yet, in one statement; stored ones are left
    as they are (no query first to learn which)."""
    if rows:
        s.execute(dialect_insert(s, table).on_conflict_do_nothing(), rows)
