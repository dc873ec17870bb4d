"""Renaming actor ids in a store: every reference to an old id moves to its new id.

Shared by the migrations that changed how ids are made (0006: country actors, 0007:
international organisations): the actor rows and what hangs on them, entities, quotes, event
and story-event sides, story keys and actor counts, and each stored document's JSON. An actor
already holding the new id keeps its record and takes the old one's rows.
"""

from __future__ import annotations

import json

import sqlalchemy as sa

from dateline.actors.references import referenced_ids, rewrite_ids
from dateline.model import Document

# tables keyed by (actor_id, ...): the rest of their primary key
ACTOR_CHILDREN = {"actor_aliases": ("alias",), "actor_roles": ("role",),
                  "actor_evidence": ("field", "value"), "actor_documents": ("doc_id",)}
# plain references to an actor id
REFERENCES = {"actors": ("merged_into",), "entities": ("actor_id",), "quotes": ("actor_id",),
              "events": ("source_actor", "target_actor"),
              "story_events": ("source_actor", "target_actor")}
# key columns made of "|"-separated parts, and which parts are actor ids
KEYS = {"story_keys": (0,), "story_actor_counts": (0,), "story_event_keys": (1, 2)}
BATCH = 500


def rename(bind: sa.Connection, mapping: dict[str, str]) -> None:
    """Every reference to an old id of ``mapping`` to its new id."""
    mapping = {old: new for old, new in mapping.items() if new != old}
    if not mapping:
        return
    existing = {i for (i,) in bind.execute(sa.text("SELECT id FROM actors"))}
    for old, new in mapping.items():
        move_actor(bind, old, new, new in existing)
    for table, columns in REFERENCES.items():
        for column in columns:
            update = sa.text(f"UPDATE {table} SET {column} = :new "  # noqa: S608 (fixed names)
                             f"WHERE {column} = :old")
            bind.execute(update, [{"old": o, "new": n} for o, n in mapping.items()])
    for table, parts in KEYS.items():
        rename_keys(bind, table, parts, mapping)
    rewrite_documents(bind, mapping)


def move_actor(bind: sa.Connection, old: str, new: str, exists: bool) -> None:
    """The actor row under its new id, with its aliases, roles, evidence and documents."""
    if not exists:
        bind.execute(sa.text(
            "INSERT INTO actors (id, name, type, country, sector, first_seen, last_seen, "
            "merged_into) SELECT :new, name, type, country, sector, first_seen, last_seen, "
            "merged_into FROM actors WHERE id = :old"), {"old": old, "new": new})
    for table, rest in ACTOR_CHILDREN.items():
        same = " AND ".join(f"n.{c} = {table}.{c}" for c in rest)
        bind.execute(sa.text(  # what the new id already has stays as it is
            f"DELETE FROM {table} WHERE actor_id = :old AND EXISTS "  # noqa: S608 (fixed names)
            f"(SELECT 1 FROM {table} n WHERE n.actor_id = :new AND {same})"),
            {"old": old, "new": new})
        bind.execute(sa.text(f"UPDATE {table} SET actor_id = :new "  # noqa: S608 (fixed names)
                             "WHERE actor_id = :old"), {"old": old, "new": new})
    bind.execute(sa.text("DELETE FROM actors WHERE id = :old"), {"old": old})


def rename_keys(bind: sa.Connection, table: str, parts: tuple[int, ...],
                mapping: dict[str, str]) -> None:
    """Keys naming a renamed actor in one of ``parts``; a key already there wins."""
    keys = {k for (k,) in bind.execute(sa.text(f"SELECT key FROM {table}"))}  # noqa: S608
    for key in sorted(keys):
        words = key.split("|")
        renamed = "|".join(mapping.get(w, w) if i in parts else w for i, w in enumerate(words))
        if renamed == key:
            continue
        if renamed in keys:
            statement = f"DELETE FROM {table} WHERE key = :key"  # noqa: S608 (fixed names)
        else:
            statement = f"UPDATE {table} SET key = :renamed WHERE key = :key"  # noqa: S608
        bind.execute(sa.text(statement), {"key": key, "renamed": renamed})


def rewrite_documents(bind: sa.Connection, mapping: dict[str, str]) -> None:
    """Each stored document's JSON with the new ids (``rewrite_ids``, as merges do)."""
    ids = [i for (i,) in bind.execute(sa.text("SELECT id FROM documents ORDER BY id"))]
    for at in range(0, len(ids), BATCH):
        rows = bind.execute(sa.text("SELECT id, data FROM documents WHERE id IN :ids")
                            .bindparams(sa.bindparam("ids", expanding=True)),
                            {"ids": ids[at:at + BATCH]}).all()
        changed = []
        for doc_id, data in rows:
            doc = Document.from_json(json.loads(data))
            if (referenced_ids(doc) | {a["id"] for a in doc.actors}) & mapping.keys():
                rewrite_ids(doc, lambda i: mapping.get(i, i))
                changed.append({"id": doc_id, "data": doc.dumps()})
        if changed:
            bind.execute(sa.text("UPDATE documents SET data = :data WHERE id = :id"), changed)
