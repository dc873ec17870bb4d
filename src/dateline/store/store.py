"""Opening a database, saving documents with their actors, reading them back."""

from __future__ import annotations

import json
import random
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import create_engine, delete, event, func, inspect, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from dateline.model import Document
from dateline.store import migrate, stories
from dateline.store.rows import annotation_rows, document_row, insert_rows, insert_values
from dateline.store.schema import (
    ActorAliasRow,
    ActorDocumentRow,
    ActorEvidenceRow,
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


SQLITE_BUSY_SECONDS = 60  # how long a writer waits for another process's transaction
SAVE_ATTEMPTS = 8  # a save that meets another writer's row or lock is tried again


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # The driver's own transaction handling skips DDL and savepoints; SQLAlchemy emits BEGIN
    # itself (see _sqlite_begin), so a schema migration and a document are all-or-nothing.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _sqlite_begin(connection: Any) -> None:
    connection.exec_driver_sql(connection.get_execution_options().get("sqlite_begin", "BEGIN"))


def make_engine(db: str) -> Engine:
    url = database_url(db)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_SECONDS})
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, pool_pre_ping=True)


def first_line(exc: Exception) -> str:
    """The database's own message, first line only (the driver adds SQL and a URL)."""
    text = str(getattr(exc, "orig", None) or exc)
    return (text.strip().splitlines() or [type(exc).__name__])[0]


def _transient(exc: Exception) -> bool:
    """Errors another writer causes: a row it inserted first, a lock, a deadlock."""
    if isinstance(exc, IntegrityError):
        return True
    text = str(getattr(exc, "orig", exc)).lower()
    return any(word in text for word in ("locked", "deadlock", "could not serialize", "busy"))


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

    def save(self, doc: Document, replace: bool = False,
             actors: list[dict[str, Any]] | None = None) -> bool:
        """Store one document, its annotations and its actors in one transaction.

        ``actors`` are knowledge-base records (see dateline.actors.kb): the document's
        actors and any other record its learning changed (a merge); without them the
        document's own actors are recorded. Returns False (and changes nothing) when the
        document is already stored, unless ``replace`` is set, in which case its rows are
        rewritten. Another writer's row or lock makes it try again; a document that the
        other writer stored meanwhile counts as already stored.
        """
        for attempt in range(SAVE_ATTEMPTS):
            try:
                with self.session.begin() as s:
                    return write_document(s, doc, replace, actors)
            except (IntegrityError, OperationalError) as exc:
                if not _transient(exc) or attempt == SAVE_ATTEMPTS - 1:
                    raise
                if not replace and self.has(doc.id):
                    return False
                time.sleep(random.uniform(0.01, 0.05) * 2**attempt)
        return False

    @contextmanager
    def rebuild(self) -> Iterator[Rebuild]:
        """One transaction in which the actor tables and the grouping are emptied and
        documents rewritten: the store changes only if the whole rebuild commits."""
        with self.session.begin() as s:
            for table in (ActorDocumentRow, ActorEvidenceRow, ActorRoleRow, ActorAliasRow,
                          ActorRow):
                s.execute(delete(table))
            stories.forget_all(s)
            yield Rebuild(s)


    # -- reading ---------------------------------------------------------------

    def count(self) -> int:
        with self.session() as s:
            return s.scalar(select(func.count()).select_from(DocumentRow)) or 0

    def document(self, doc_id: str, grouped: bool = False) -> dict[str, Any] | None:
        """The stored contract object of one document (``grouped``: with its grouping)."""
        with self.session() as s:
            row = s.get(DocumentRow, doc_id)
            data = json.loads(row.data) if row else None
            if data is not None and grouped:
                stories.add_grouping(s, [data])
            return data

    def documents(self, batch: int = 200, grouped: bool = False) -> Iterator[dict[str, Any]]:
        """Every stored contract object, in a stable order (by id); ``grouped`` adds each
        document's duplicate_of and story and its events' story events with their counts."""
        found: list[dict[str, Any]] = []
        for (data,) in self._by_id(batch, DocumentRow.data):
            found.append(json.loads(data))
            if len(found) == batch:
                yield from self._grouped(found, grouped)
                found = []
        yield from self._grouped(found, grouped)

    def _grouped(self, docs: list[dict[str, Any]], grouped: bool) -> list[dict[str, Any]]:
        if grouped and docs:
            with self.session() as s:
                stories.add_grouping(s, docs)
        return docs

    def documents_with_raw(self, batch: int = 200) -> Iterator[tuple[str, dict[str, Any]]]:
        """Every stored document's raw input and contract object, by id."""
        for raw, data in self._by_id(batch, DocumentRow.raw, DocumentRow.data):
            yield raw, json.loads(data)

    def _by_id(self, batch: int, *columns: Any) -> Iterator[tuple[Any, ...]]:
        """Rows of the given document columns in id order, one short session per batch."""
        last = ""
        while True:
            with self.session() as s:
                rows = s.execute(
                    select(DocumentRow.id, *columns)
                    .where(DocumentRow.id > last).order_by(DocumentRow.id).limit(batch)
                ).all()
            if not rows:
                return
            last = rows[-1][0]
            for row in rows:
                yield tuple(row[1:])

    def actor_records(self) -> list[dict[str, Any]]:
        """The actor knowledge base as records (the format of dateline.actors.kb)."""
        with self.session() as s:
            aliases: dict[str, list[dict[str, Any]]] = {}
            for a in s.scalars(select(ActorAliasRow)):
                aliases.setdefault(a.actor_id, []).append(
                    {"alias": a.alias, "first_seen": a.first_seen, "last_seen": a.last_seen,
                     "docs": []})
            roles: dict[str, list[dict[str, Any]]] = {}
            for r in s.scalars(select(ActorRoleRow)):
                roles.setdefault(r.actor_id, []).append(
                    {"role": r.role, "first_seen": r.first_seen, "last_seen": r.last_seen,
                     "docs": [r.doc_id] if r.doc_id else []})
            evidence: dict[str, dict[str, dict[str, int]]] = {}
            for e in s.scalars(select(ActorEvidenceRow)):
                evidence.setdefault(e.actor_id, {}).setdefault(e.field, {})[e.value] = e.docs
            docs: dict[str, list[str]] = {}
            for d in s.scalars(select(ActorDocumentRow).order_by(ActorDocumentRow.doc_id)):
                docs.setdefault(d.actor_id, []).append(d.doc_id)
            return [
                {"id": a.id, "name": a.name, "type": a.type, "country": a.country,
                 "sector": a.sector, "first_seen": a.first_seen, "last_seen": a.last_seen,
                 "merged_into": a.merged_into, "docs": docs.get(a.id, []),
                 "aliases": aliases.get(a.id, []), "roles": roles.get(a.id, []),
                 "evidence": evidence.get(a.id, {})}
                for a in s.scalars(select(ActorRow).order_by(ActorRow.id))
            ]


def write_document(s: Session, doc: Document, replace: bool,
                   actors: list[dict[str, Any]] | None) -> bool:
    """The rows of one document inside an open transaction; False if already stored."""
    if s.get(DocumentRow, doc.id) is not None:
        if not replace:
            return False
        grouped = stories.before_replace(s, doc.id)
        s.execute(delete(DocumentRow).where(DocumentRow.id == doc.id))
        s.flush()
        stories.recount(s, *grouped)
    insert_values(s, {DocumentRow: [document_row(doc)], **annotation_rows(doc)})
    records = actors if actors is not None else own_actor_records(doc)
    for record in sorted(records, key=lambda r: r["id"]):  # one lock order for every writer
        save_actor(s, record)
    s.flush()
    insert_values(s, {ActorDocumentRow: actor_links(doc)})
    stories.group(s, doc)  # near-duplicates, story events, story: after all its rows
    return True


def own_actor_records(doc: Document) -> list[dict[str, Any]]:
    """Knowledge-base records from one document alone (when no KB was used)."""
    from dateline.actors.kb import ActorKB

    kb = ActorKB()
    kb.learn(doc)
    return kb.records()


class KnownRows:
    """The stored rows of some actors (with their aliases, evidence and roles), read in a
    few queries, for saving many actors at once: a row that is not stored is then known
    to be missing without asking the database, as ``Session.get`` does for each, and the
    new rows are inserted together by ``insert_new``."""

    TABLES = (ActorRow, ActorAliasRow, ActorEvidenceRow, ActorRoleRow)  # referred ones first

    def __init__(self, s: Session, actor_ids: Iterable[str]) -> None:
        self.rows: dict[tuple[type, tuple[Any, ...]], Any] = {}
        self.new: list[Any] = []
        ids = sorted(set(actor_ids))
        for k in range(0, len(ids), 500):
            for table in self.TABLES:
                column = table.id if table is ActorRow else table.actor_id
                for row in s.scalars(select(table).where(column.in_(ids[k:k + 500]))):
                    self.rows[self._key(row)] = row

    @staticmethod
    def _key(row: Any) -> tuple[type, tuple[Any, ...]]:
        return type(row), inspect(type(row)).identity_key_from_instance(row)[1]

    def get(self, table: type, key: Any) -> Any:
        return self.rows.get((table, key if isinstance(key, tuple) else (key,)))

    def add(self, row: Any) -> None:
        self.new.append(row)
        self.rows[self._key(row)] = row

    def insert_new(self, s: Session) -> None:
        insert_rows(s, sorted(self.new, key=lambda row: self.TABLES.index(type(row))))
        self.new = []


def save_actor(s: Session, record: dict[str, Any], known: KnownRows | None = None) -> None:
    """Upsert an actor with its aliases and roles; seen-dates only ever widen. ``known``:
    the stored rows of the actors being saved, read beforehand (for many actors at once)."""
    get, add = (known.get, known.add) if known is not None else (s.get, s.add)
    row = get(ActorRow, record["id"])
    if row is None:
        row = ActorRow(id=record["id"], name=record["name"], type=record["type"])
        add(row)
    row.name, row.type = record["name"], record["type"]
    row.country = record.get("country") or row.country
    row.sector = record.get("sector") or row.sector
    row.first_seen = _earlier(row.first_seen, record.get("first_seen"))
    row.last_seen = _later(row.last_seen, record.get("last_seen"))
    row.merged_into = record.get("merged_into") or row.merged_into
    for alias in record.get("aliases") or []:
        a = get(ActorAliasRow, (record["id"], alias["alias"]))
        if a is None:
            a = ActorAliasRow(actor_id=record["id"], alias=alias["alias"])
            add(a)
        a.first_seen = _earlier(a.first_seen, alias.get("first_seen"))
        a.last_seen = _later(a.last_seen, alias.get("last_seen"))
    for field, counts in (record.get("evidence") or {}).items():
        for value, docs in counts.items():  # the KB's counts are totals: set, not added
            e = get(ActorEvidenceRow, (record["id"], field, value))
            if e is None:
                add(ActorEvidenceRow(actor_id=record["id"], field=field, value=value,
                                       docs=docs))
            else:
                e.docs = docs
    for role in record.get("roles") or []:
        if isinstance(role, str):  # a role the user's overrides set, with no dates
            role = {"role": role, "first_seen": None, "last_seen": None, "docs": []}
        r = get(ActorRoleRow, (record["id"], role["role"]))
        if r is None:
            r = ActorRoleRow(actor_id=record["id"], role=role["role"],
                             doc_id=next(iter(role.get("docs") or []), None))
            add(r)
        r.first_seen = _earlier(r.first_seen, role.get("first_seen"))
        r.last_seen = _later(r.last_seen, role.get("last_seen"))


def actor_links(doc: Document) -> list[dict[str, Any]]:
    """Which actors this document mentions, and how often (the actors' provenance): rows
    of ``ActorDocumentRow``."""
    counts = Counter(m["actor"] for m in doc.mentions if m.get("actor"))
    return [dict(actor_id=a["id"], doc_id=doc.id, published=doc.published,
                 mentions=max(1, counts.get(a["id"], 0))) for a in doc.actors]


class Rebuild:
    """Writes documents inside a store-wide rebuild, each in a savepoint of its own."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def save(self, doc: Document, actors: list[dict[str, Any]] | None = None) -> None:
        with self.session.begin_nested():
            write_document(self.session, doc, True, actors)
