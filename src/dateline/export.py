"""Exports from the store: the document contract, or a flat events or actors table."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from dateline.io.writers import flatten_document, write_csv, write_jsonl, write_parquet
from dateline.store import Store


def event_records(store: Store) -> Iterator[dict[str, Any]]:
    """One row per event, in the shape analysts know from GDELT."""
    from dateline.events.table import event_rows
    from dateline.model import Document

    for data in store.documents():
        yield from event_rows(Document.from_json(data))


def actor_records(store: Store, flat: bool) -> Iterator[dict[str, Any]]:
    """One row per actor of the knowledge base (merged-away ids left out); ``flat`` joins
    roles ("role first..last") and aliases with " | " for CSV and Parquet."""
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


def export_rows(store: Store, fmt: str, table: str, output: Path | None) -> int:
    if table == "actors":
        records: Iterable[dict[str, Any]] = actor_records(store, flat=fmt != "jsonl")
    else:
        records = store.documents() if table == "documents" else event_records(store)
    if fmt == "parquet":
        assert output is not None
        rows = (flatten_document(r) for r in records) if table == "documents" else records
        return write_parquet(rows, output)
    if output is None:
        return write_text(sys.stdout, fmt, table, records)
    with open(output, "w", encoding="utf-8", newline="") as out:
        return write_text(out, fmt, table, records)


def write_text(out: IO[str], fmt: str, table: str, records: Iterable[dict[str, Any]]) -> int:
    if fmt == "csv":
        rows = (flatten_document(r) for r in records) if table == "documents" else records
        return write_csv(rows, out)
    return write_jsonl(records, out)
