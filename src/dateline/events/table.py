"""The events table export: one row per event in the shape analysts know from GDELT.

Columns mirror GDELT's event table (SQLDATE, here the TIMEX3 date with its first and last
day and precision; Actor1/Actor2 name, country and type, EventCode/EventRootCode,
QuadClass, GoldsteinScale, ActionGeo, SOURCEURL), with PLOVER's type, mode and intensity
alongside and the sentence and trigger that explain the row.
"""

from __future__ import annotations

from typing import Any

from dateline.events.ontology import ontology
from dateline.model import Document, EventActor
from dateline.timex.interval import date_fields

QUAD_CLASS = {"verbal_cooperation": 1, "material_cooperation": 2, "verbal_conflict": 3,
              "material_conflict": 4}
COLUMNS = (
    "date", "date_start", "date_end", "date_precision",
    "actor1_id", "actor1_name", "actor1_country", "actor1_sector",
    "actor2_id", "actor2_name", "actor2_country", "actor2_sector",
    "type", "mode", "context", "cameo", "cameo_root", "quad_class", "intensity",
    "place", "document_id", "source", "sentence", "trigger",
)


def actor_columns(doc: Document, side: str, actor: EventActor | None) -> dict[str, Any]:
    record = doc.actor(actor["actor"]) if actor and actor["actor"] else None
    return {
        f"{side}_id": actor["actor"] if actor else None,
        f"{side}_name": (record or {}).get("name") or (actor["text"] if actor else None),
        f"{side}_country": actor["country"] if actor else None,
        f"{side}_sector": (record or {}).get("sector"),
    }


def event_rows(doc: Document) -> list[dict[str, Any]]:
    """The document's events as flat rows (keys in COLUMNS order)."""
    onto = ontology()
    rows = []
    for event in doc.events:
        start, end = event["sentence"]
        row: dict[str, Any] = {"date": event["date"], **date_fields(event["date"])}
        row |= actor_columns(doc, "actor1", event["source"])
        row |= actor_columns(doc, "actor2", event["target"])
        row |= {
            "type": event["type"],
            "mode": event["mode"],
            "context": ";".join(event["context"]),
            "cameo": event["cameo"],
            "cameo_root": (event["cameo"] or "")[:2] or None,
            "quad_class": QUAD_CLASS[onto.categories[event["type"]]["quad"]],
            "intensity": event["intensity"],
            "place": event["place"],
            "document_id": doc.id,
            "source": doc.source,
            "sentence": doc.text[start:end].strip(),
            "trigger": event["trigger"]["text"],
        }
        rows.append({key: row[key] for key in COLUMNS})
    return rows
