"""Actor ids as a document references them: rewriting after merges, and pruning strays.

The actors stage owns actor ids: every id that entities, mentions, quotes or event sides
name must be one of the document's ``actors``. Merges (learned or the user's) rewrite
every reference at once, so a document never points at an id the store does not hold.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from dateline.model import Document


def _holders(doc: Document) -> Iterator[dict[str, Any]]:
    """Every dict of the document that carries an ``actor`` reference."""
    yield from doc.entities
    yield from doc.mentions
    yield from doc.quotes
    for event in doc.events:
        for side in ("source", "target"):
            if event.get(side):
                yield event[side]


def referenced_ids(doc: Document) -> set[str]:
    return {h["actor"] for h in _holders(doc) if h.get("actor")}


def merge_records(records: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Records by id; two records of one id become one, keeping the first's fields and
    every role and alias of both."""
    merged: dict[str, dict[str, Any]] = {}
    for record in records:
        kept = merged.get(record["id"])
        if kept is None:
            merged[record["id"]] = dict(record, roles=list(record.get("roles", [])),
                                        aliases=list(record.get("aliases", [])))
            continue
        for key in ("roles", "aliases"):
            kept[key] += [v for v in record.get(key, []) if v not in kept[key]]
        for key in ("country", "sector", "gender"):
            if kept.get(key) or record.get(key):
                kept[key] = kept.get(key) or record.get(key)
    return merged


def rewrite_ids(doc: Document, canonical: Callable[[str], str]) -> None:
    """Point every reference, and the actors list, at each id's canonical id."""
    for holder in _holders(doc):
        if holder.get("actor"):
            holder["actor"] = canonical(holder["actor"])
    doc.actors = list(merge_records(
        [dict(a, id=canonical(a["id"])) for a in doc.actors]).values())
    if doc.evidence is not None:
        doc.evidence = list(merge_records(
            [dict(a, id=canonical(a["id"])) for a in doc.evidence]).values())


def drop_dangling(doc: Document) -> None:
    """References to ids the document's actors do not hold are not actors: a mention of
    one goes, any other reference becomes None."""
    known = {a["id"] for a in doc.actors}
    doc.mentions = [m for m in doc.mentions if m["actor"] in known]
    for holder in _holders(doc):
        if holder.get("actor") and holder["actor"] not in known:
            holder["actor"] = None
