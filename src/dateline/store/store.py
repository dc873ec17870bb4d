"""Opening a database, saving documents with their actors, reading them back."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from typing import Any

from sqlalchemy import create_engine, delete, event, func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from dateline.model import Document
from dateline.store import migrate
from dateline.store.rows import annotation_rows, document_row
from dateline.store.schema import (
    ActorAliasRow,
    ActorDocumentRow,
    ActorRoleRow,
    ActorRow,
    DocumentRow,
)

DEFAULT_DB = "dateline.db"


def database_url(db: str) -> str:
    """A SQLAlchemy URL from a URL or a plain SQLite file path."""
    if "://" in db:
        if db.startswith("postgresql://"):
            return "postgresql+psycopg://" + db[len("postgresql://"):]
        return db
    return f"sqlite:///{db}"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(db: str) -> Engine:
    url = database_url(db)
    engine = create_engine(url, pool_pre_ping=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _earlier(a: str | None, b: str | None) -> str | None:
    return min(x for x in (a, b) if x) if (a or b) else None


def _later(a: str | None, b: str | None) -> str | None:
    return max(x for x in (a, b) if x) if (a or b) else None


class Store:
    """A database of documents, annotations and actors."""

    def __init__(self, db: str = DEFAULT_DB, migrate_schema: bool = True) -> None:
        self.db = db
        self.engine = make_engine(db)
        if migrate_schema:
            migrate.upgrade(self.engine)
        self.session = sessionmaker(self.engine, expire_on_commit=False)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------

    def has(self, doc_id: str) -> bool:
        with self.session() as s:
            return s.get(DocumentRow, doc_id) is not None

    def save(self, doc: Document, replace: bool = False) -> bool:
        """Store one document and its annotations in one transaction.

        Returns False (and changes nothing) when the document is already stored,
        unless ``replace`` is set, in which case its rows are rewritten.
        """
        with self.session.begin() as s:
            if s.get(DocumentRow, doc.id) is not None:
                if not replace:
                    return False
                s.execute(delete(DocumentRow).where(DocumentRow.id == doc.id))
                s.flush()
            s.add(document_row(doc))
            s.flush()
            s.add_all(annotation_rows(doc))
            self._save_actors(s, doc)
        return True

    def _save_actors(self, s: Session, doc: Document) -> None:
        counts = Counter(m["actor"] for m in doc.mentions if m.get("actor"))
        counts.update(e["actor"] for e in doc.entities if e.get("actor"))
        seen = doc.published
        for actor in doc.actors:
            row = s.get(ActorRow, actor["id"])
            if row is None:
                row = ActorRow(id=actor["id"], name=actor["name"], type=actor["type"],
                               country=actor.get("country"), sector=actor.get("sector"),
                               first_seen=seen, last_seen=seen)
                s.add(row)
            else:
                row.country = actor.get("country") or row.country
                row.sector = actor.get("sector") or row.sector
                row.first_seen = _earlier(row.first_seen, seen)
                row.last_seen = _later(row.last_seen, seen)
            for alias in {actor["name"], *(actor.get("aliases") or [])}:
                if alias and s.get(ActorAliasRow, (actor["id"], alias)) is None:
                    s.add(ActorAliasRow(actor_id=actor["id"], alias=alias))
            for role in actor.get("roles") or []:
                role_row = s.get(ActorRoleRow, (actor["id"], role))
                if role_row is None:
                    s.add(ActorRoleRow(actor_id=actor["id"], role=role, first_seen=seen,
                                       last_seen=seen, doc_id=doc.id))
                else:
                    role_row.first_seen = _earlier(role_row.first_seen, seen)
                    role_row.last_seen = _later(role_row.last_seen, seen)
            s.flush()
            s.add(ActorDocumentRow(actor_id=actor["id"], doc_id=doc.id, published=seen,
                                   mentions=max(1, counts.get(actor["id"], 0))))

    # -- reading ---------------------------------------------------------------

    def count(self) -> int:
        with self.session() as s:
            return s.scalar(select(func.count()).select_from(DocumentRow)) or 0

    def document(self, doc_id: str) -> dict[str, Any] | None:
        """The stored contract object of one document."""
        with self.session() as s:
            row = s.get(DocumentRow, doc_id)
            return json.loads(row.data) if row else None

    def documents(self, batch: int = 200) -> Iterator[dict[str, Any]]:
        """Every stored contract object, in a stable order (by id)."""
        last = ""
        while True:
            with self.session() as s:
                rows = s.execute(
                    select(DocumentRow.id, DocumentRow.data)
                    .where(DocumentRow.id > last).order_by(DocumentRow.id).limit(batch)
                ).all()
            if not rows:
                return
            for doc_id, data in rows:
                last = doc_id
                yield json.loads(data)

    def actor_records(self) -> list[dict[str, Any]]:
        """The actor knowledge base as plain records (to seed the actor stage)."""
        with self.session() as s:
            actors = {r.id: r for r in s.scalars(select(ActorRow))}
            aliases: dict[str, list[str]] = {}
            for a in s.scalars(select(ActorAliasRow)):
                aliases.setdefault(a.actor_id, []).append(a.alias)
            roles: dict[str, list[dict[str, Any]]] = {}
            for r in s.scalars(select(ActorRoleRow)):
                roles.setdefault(r.actor_id, []).append(
                    {"role": r.role, "first_seen": r.first_seen, "last_seen": r.last_seen,
                     "doc_id": r.doc_id})
            docs: dict[str, list[str]] = {}
            for d in s.scalars(select(ActorDocumentRow)):
                docs.setdefault(d.actor_id, []).append(d.doc_id)
        return [
            {"id": a.id, "name": a.name, "type": a.type, "country": a.country,
             "sector": a.sector, "first_seen": a.first_seen, "last_seen": a.last_seen,
             "aliases": sorted(aliases.get(a.id, [])), "roles": roles.get(a.id, []),
             "documents": sorted(docs.get(a.id, []))}
            for a in actors.values()
        ]
