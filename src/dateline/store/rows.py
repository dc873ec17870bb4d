"""Turning a processed Document into the store's rows, and inserting new rows in bulk.

Rows are plain column values (dicts), inserted with one statement per table: an ORM
object per row costs more to build and flush than the database takes to store it."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Table, insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from dateline.model import Document
from dateline.store.schema import DocumentRow, EntityRow, EventRow, QuoteRow, TimexRow
from dateline.timex.interval import DATED_TYPES, date_fields

Rows = dict[type, list[dict[str, Any]]]  # table → rows to insert, each its column values


def document_row(doc: Document) -> dict[str, Any]:
    place = doc.place or {}
    return dict(
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


def annotation_rows(doc: Document) -> Rows:
    """A document's entity, quote, timex and event rows."""
    entities = [dict(doc_id=doc.id, start_char=ent["start"], end_char=ent["end"],
                     text=ent["text"], label=ent["label"], actor_id=ent.get("actor"))
                for ent in doc.entities]
    quotes = [dict(
        id=f"{doc.id}-q{n}", doc_id=doc.id, start_char=quote["start"],
        end_char=quote["end"], text=quote["text"], kind=quote["kind"],
        speaker=(quote.get("speaker") or {}).get("text"),
        cue=(quote.get("cue") or {}).get("text"),
        actor_id=quote.get("actor"), date=quote.get("date"), **date_fields(quote.get("date")),
    ) for n, quote in enumerate(doc.quotes)]
    timexes = [dict(doc_id=doc.id, start_char=tx["start"], end_char=tx["end"],
                    text=tx["text"], type=tx["type"], value=tx["value"], mod=tx.get("mod"),
                    **date_fields(tx["value"] if tx["type"] in DATED_TYPES else None))
               for tx in doc.timexes]
    events = []
    for n, event in enumerate(doc.events):
        source = event.get("source") or {}
        target = event.get("target") or {}
        events.append(dict(
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
    return {EntityRow: entities, QuoteRow: quotes, TimexRow: timexes, EventRow: events}


def insert_values(s: Session, rows: Rows) -> None:
    """Insert rows, one statement per table, in the tables' order (referred ones first)."""
    for table, values in rows.items():
        if values:
            s.execute(insert(table.__table__), values)


def insert_documents(s: Session, docs: list[Document]) -> int:
    """Insert the documents not stored yet with their annotations (no actor links, no
    grouping) inside an open transaction, in bulk; returns how many. A document stored
    already is left as it is, so writing a batch again changes nothing."""
    ids = [doc.id for doc in docs]
    stored = set(s.scalars(select(DocumentRow.id).where(DocumentRow.id.in_(ids))))
    new: dict[str, Document] = {}
    for doc in docs:  # the first of an id read twice
        if doc.id not in stored:
            new.setdefault(doc.id, doc)
    rows: Rows = {DocumentRow: [document_row(doc) for doc in new.values()]}
    for doc in new.values():
        for table, values in annotation_rows(doc).items():
            rows.setdefault(table, []).extend(values)
    insert_values(s, rows)
    return len(new)


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
