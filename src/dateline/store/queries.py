"""Read queries for the web API and pages, over the tables in schema.py.

Lists are paginated with keyset cursors (opaque strings holding the last row's
sort key) rather than offsets, so a page stays correct while documents are
ingested and deep pages cost no more than the first. Everything here is plain
SQLAlchemy Core/ORM so the same queries run on SQLite and PostgreSQL.
"""

from __future__ import annotations

import base64
import json
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, literal_column, or_, select
from sqlalchemy.orm import Session, aliased

from dateline.actors.ids import code_of_country_id, country_id
from dateline.io.decode import find_control
from dateline.store.schema import (
    ActorAliasRow,
    ActorDocumentRow,
    ActorRoleRow,
    ActorRow,
    DocumentRow,
    EventRow,
    QuoteRow,
    StoryEventRow,
    StoryRow,
)
from dateline.store.store import Store
from dateline.timex.interval import interval

MAX_LIMIT = 200
DEFAULT_LIMIT = 20


class BadCursor(ValueError):
    """A cursor that was not produced by this module (or was tampered with)."""


@dataclass
class Page:
    items: list[dict[str, Any]]
    next: str | None
    total: int = 0  # rows matching the filters, over all pages


def encode_cursor(key: list[Any]) -> str:
    raw = json.dumps(key, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, size: int) -> list[Any]:
    try:
        key = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except ValueError as exc:
        raise BadCursor("invalid cursor") from exc
    if not isinstance(key, list) or len(key) != size or not all(map(cursor_value, key)):
        raise BadCursor("invalid cursor")
    return key


def cursor_value(value: Any) -> bool:
    """A sort key a cursor may carry: text without control characters, or a count (an
    actor's documents)."""
    if isinstance(value, str):
        return find_control(value, allowed="") is None
    return isinstance(value, int) and not isinstance(value, bool) and abs(value) < 2**63


def clamp(limit: int | None) -> int:
    return max(1, min(limit or DEFAULT_LIMIT, MAX_LIMIT))


def like(value: str) -> str:
    """A case-insensitive LIKE pattern that matches ``value`` literally."""
    escaped = value.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def contains(column: Any, value: str) -> ColumnElement[bool]:
    return func.lower(column).like(like(value), escape="\\")


def after(keys: list[Any], values: list[str], descending: bool) -> ColumnElement[bool]:
    """Rows strictly after ``values`` in the order of ``keys`` (a keyset condition)."""
    clauses = []
    for i, key in enumerate(keys):
        equal = [keys[j] == values[j] for j in range(i)]
        clauses.append(and_(*equal, key < values[i] if descending else key > values[i]))
    return or_(*clauses)


def paginate(s: Session, stmt: Select, keys: list[Any], cursor: str | None, limit: int,
             to_item: Any, descending: bool = True) -> Page:
    """Run ``stmt`` ordered by ``keys`` from ``cursor``; one extra row tells whether more follow.
    The total counts every matching row, whatever the cursor."""
    total = s.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    if cursor:
        stmt = stmt.where(after(keys, decode_cursor(cursor, len(keys)), descending))
    order = [k.desc() if descending else k.asc() for k in keys]
    stmt = stmt.add_columns(*(key.label(f"sort_{i}") for i, key in enumerate(keys)))
    rows = s.execute(stmt.order_by(*order).limit(limit + 1)).all()
    more = len(rows) > limit
    rows = rows[:limit]
    nxt = encode_cursor([getattr(rows[-1], f"sort_{i}") for i in range(len(keys))]) \
        if more and rows else None
    return Page([to_item(r) for r in rows], nxt, total)


class BadSort(ValueError):
    """A sort key the list does not offer."""


def sort_keys(sort: str | None, columns: dict[str, list[Any]], default: str) -> tuple[
        list[Any], bool]:
    """Keyset columns and direction for ``sort`` ("date", or "-date" for descending): the
    named column(s), then the default ones as tie-breakers (every key is text, never null)."""
    name = sort or default
    descending = name.startswith("-")
    key = name.removeprefix("-")
    if key not in columns:
        raise BadSort(f"sort must be one of {', '.join(sorted(columns))} (- for descending)")
    extra = [k for k in columns[default.removeprefix("-")] if k not in columns[key]]
    return [*columns[key], *extra], descending


def text_key(column: Any) -> Any:
    return func.coalesce(column, NONE)


def count_facets(s: Session, stmt: Select, columns: dict[str, Any],
                 top: int = 25) -> dict[str, list[dict[str, Any]]]:
    """Per facet, the most frequent values among the rows ``stmt`` matches, with counts."""
    sub = stmt.with_only_columns(*(col.label(f"facet_{name}")
                                   for name, col in columns.items())).subquery()
    out = {}
    for name in columns:
        col = sub.c[f"facet_{name}"]
        rows = s.execute(select(col, func.count()).where(col.is_not(None), col != "")
                         .group_by(col).order_by(func.count().desc(), col).limit(top)).all()
        out[name] = [{"value": v, "count": n} for v, n in rows]
    return out


def year_of(date: Any) -> Any:
    return func.substr(date, literal_column("1"), literal_column("4"))


def snippet(text: str, query: str | None, width: int = 220) -> str:
    """A short excerpt of ``text``, centred on the first match of ``query`` if any."""
    at = text.lower().find(query.lower()) if query else -1
    start = max(0, at - width // 3) if at >= 0 else 0
    piece = " ".join(text[start:start + width].split())
    return ("…" if start else "") + piece + ("…" if start + width < len(text) else "")


# Literal SQL (no bound parameters) so that PostgreSQL sees the GROUP BY expression as
# identical to the selected one. An event or quote without a date of its own takes the
# document's; lists sort by the interval's first day, then its last (ISO text sorts by date).
NONE = literal_column("''")
PUBLISHED_START = func.coalesce(DocumentRow.published_start, NONE)
PUBLISHED_END = func.coalesce(DocumentRow.published_end, NONE)
EVENT_DATE = func.coalesce(EventRow.date, DocumentRow.published, NONE)
EVENT_START = func.coalesce(EventRow.date_start, DocumentRow.published_start, NONE)
EVENT_END = func.coalesce(EventRow.date_end, DocumentRow.published_end, NONE)
EVENT_PRECISION = func.coalesce(EventRow.date_precision, DocumentRow.published_precision, NONE)
QUOTE_DATE = func.coalesce(QuoteRow.date, DocumentRow.published, NONE)
QUOTE_START = func.coalesce(QuoteRow.date_start, DocumentRow.published_start, NONE)
QUOTE_END = func.coalesce(QuoteRow.date_end, DocumentRow.published_end, NONE)
QUOTE_PRECISION = func.coalesce(QuoteRow.date_precision, DocumentRow.published_precision, NONE)
# Precisions fine enough to place in one month of a timeline (a week by its Monday).
WITHIN_MONTH = ("day", "week", "month")
UNDATED = "undated"
# What a timeline counts: story events (the default) or every report of them.
STORY_EVENTS, REPORTS = "events", "reports"
COUNTS = (STORY_EVENTS, REPORTS)
# How many documents name an actor: what an analyst ranks actors by first.
ACTOR_DOCUMENTS = (select(func.count()).where(ActorDocumentRow.actor_id == ActorRow.id)
                   .scalar_subquery())
# What each list can be sorted by (?sort=name, ?sort=-name for descending).
ACTOR_SORTS = {"documents": [ACTOR_DOCUMENTS, ActorRow.id],
               "name": [ActorRow.name, ActorRow.id], "type": [ActorRow.type],
               "country": [text_key(ActorRow.country)], "sector": [text_key(ActorRow.sector)],
               "first_seen": [text_key(ActorRow.first_seen)],
               "last_seen": [text_key(ActorRow.last_seen)]}
QUOTE_SORTS = {"date": [QUOTE_START, QUOTE_END, QuoteRow.id], "kind": [QuoteRow.kind],
               "speaker": [text_key(QuoteRow.speaker)]}
EVENT_SORTS = {"date": [EVENT_START, EVENT_END, EventRow.id], "type": [EventRow.type]}


def overlapping(start: Any, end: Any, date_from: str | None,
                date_to: str | None) -> list[ColumnElement[bool]]:
    """Rows whose interval overlaps from..to, each bound taken as its own interval:
    from "2022" starts on 2022-01-01, to "2023-03" ends on 2023-03-31, and a document
    published "2022" lies within 2022-01-01..2022-12-31. Undated rows never match."""
    where: list[ColumnElement[bool]] = []
    if date_from:
        found = interval(date_from)
        where.append(and_(end != "", end >= (found.start.isoformat() if found else date_from)))
    if date_to:
        found = interval(date_to)
        where.append(and_(start != "", start <= (found.end.isoformat() if found else date_to)))
    return where


def in_bucket(date: Any, start: Any, precision: Any, bucket: str) -> ColumnElement[bool]:
    """Rows in one timeline column: a month ("2023-10") holds the dates within it; a coarser
    value ("2022", "2023-Q4") holds the rows dated by exactly that value."""
    if bucket == UNDATED:
        return start == ""
    if re.fullmatch(r"\d{4}-\d\d", bucket):
        return and_(precision.in_(WITHIN_MONTH), month_of(start) == bucket)
    return and_(precision.not_in(WITHIN_MONTH), date == bucket)


def month_of(date: Any) -> Any:
    """The "YYYY-MM" prefix of a date column."""
    return func.substr(date, literal_column("1"), literal_column("7"))


def buckets(rows: Any) -> dict[str, dict[str, Any]]:
    """Timeline columns from (date, start, end, precision, kind, n) rows: one per month for
    dates within a month, one per coarse value (a year, a quarter) with its whole interval."""
    out: dict[str, dict[str, Any]] = {}
    for date, start, end, precision, kind, n in rows:
        if not start:
            key, first, last, precision = UNDATED, None, None, None
        elif precision in WITHIN_MONTH:
            found = interval(start[:7])
            key, first, last, precision = start[:7], found.start, found.end, "month"
        else:
            key, first, last = date, start, end
        entry = out.setdefault(key, {"month": key, "start": str(first) if first else None,
                                     "end": str(last) if last else None,
                                     "precision": precision, "events": Counter()})
        entry["events"][kind] += n
    return out


def chronological(entries: Any) -> list[dict[str, Any]]:
    """Timeline columns by start, then end; undated last."""
    return sorted(entries, key=lambda e: (e["start"] is None, e["start"] or "", e["end"] or "",
                                          e["month"]))


def dated(row: Any) -> dict[str, Any]:
    """A row's date and interval as the API gives them (null, not "", when unknown)."""
    return {"date": row.date or None, "date_start": row.date_start or None,
            "date_end": row.date_end or None, "date_precision": row.date_precision or None}


SOURCE_ACTOR = aliased(ActorRow, name="source_actor_row")
TARGET_ACTOR = aliased(ActorRow, name="target_actor_row")


def _event_item(row: Any) -> dict[str, Any]:
    ev = row.EventRow
    return {
        "id": ev.id, "doc_id": ev.doc_id, "type": ev.type, "mode": ev.mode,
        "context": [c for c in (ev.context or "").split(",") if c],
        "source": {"actor": ev.source_actor, "name": row.source_name,
                   "country": ev.source_country, "text": ev.source_text},
        "target": ({"actor": ev.target_actor, "name": row.target_name,
                    "country": ev.target_country, "text": ev.target_text}
                   if ev.target_actor or ev.target_country or ev.target_text else None),
        "trigger": {"start": ev.trigger_start, "text": ev.trigger},
        "sentence": [ev.sentence_start, ev.sentence_end],
        "sentence_text": row.sentence_text, **dated(row), "place": ev.place,
        "intensity": ev.intensity, "cameo": ev.cameo, "doc_title": row.title,
        "story_event": ev.story_event, "num_mentions": row.num_mentions,
        "num_articles": row.num_articles, "num_sources": row.num_sources,
    }


def _quote_item(row: Any) -> dict[str, Any]:
    q = row.QuoteRow
    return {
        "id": q.id, "doc_id": q.doc_id, "start": q.start_char, "end": q.end_char,
        "text": q.text, "kind": q.kind, "speaker": q.speaker, "cue": q.cue,
        "actor": q.actor_id, "actor_name": row.actor_name, **dated(row),
        "doc_title": row.title,
    }


class Queries:
    """The read side of the store: lists, details and timelines as JSON-ready dicts."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # -- documents ---------------------------------------------------------------

    def documents(self, cursor: str | None = None, limit: int | None = None,
                  **filters: Any) -> Page:
        """Documents, newest first, matching a text search and filters."""
        q = filters.get("q")

        def item(r: Any) -> dict[str, Any]:
            return {"id": r.id, "title": r.title, "outlet": r.outlet, "published": r.published,
                    "published_start": r.published_start, "published_end": r.published_end,
                    "published_precision": r.published_precision,
                    "source": r.source,
                    "place": {"name": r.place_name, "country": r.place_country}
                    if r.place_name else None,
                    "snippet": snippet(r.text, q), "quotes": r.n_quotes, "events": r.n_events,
                    "duplicate_of": r.duplicate_of, "story": r.story}

        with self.store.session() as s:
            return paginate(s, self._documents(**filters),
                            [PUBLISHED_START, PUBLISHED_END, DocumentRow.id], cursor,
                            clamp(limit), item)

    def document_facets(self, **filters: Any) -> dict[str, list[dict[str, Any]]]:
        with self.store.session() as s:
            return count_facets(s, self._documents(**filters), {
                "outlet": DocumentRow.outlet, "year": year_of(PUBLISHED_START)})

    def _documents(self, q: str | None = None, outlet: str | None = None,
                   actor: str | None = None, date_from: str | None = None,
                   date_to: str | None = None, story: str | None = None) -> Select:
        n_quotes = (select(func.count()).where(QuoteRow.doc_id == DocumentRow.id)
                    .scalar_subquery())
        n_events = (select(func.count()).where(EventRow.doc_id == DocumentRow.id)
                    .scalar_subquery())
        stmt = select(DocumentRow.id, DocumentRow.title, DocumentRow.outlet,
                      DocumentRow.published, DocumentRow.source, DocumentRow.place_name,
                      DocumentRow.place_country, DocumentRow.text,
                      DocumentRow.published_start, DocumentRow.published_end,
                      DocumentRow.published_precision, DocumentRow.duplicate_of,
                      DocumentRow.story, n_quotes.label("n_quotes"), n_events.label("n_events"))
        if q:
            stmt = stmt.where(or_(contains(DocumentRow.title, q), contains(DocumentRow.text, q)))
        if outlet:
            stmt = stmt.where(DocumentRow.outlet == outlet)
        if story:
            stmt = stmt.where(DocumentRow.story == story)
        if actor:
            stmt = stmt.where(DocumentRow.id.in_(
                select(ActorDocumentRow.doc_id).where(ActorDocumentRow.actor_id == actor)))
        return stmt.where(*overlapping(PUBLISHED_START, PUBLISHED_END, date_from, date_to))

    def document(self, doc_id: str) -> dict[str, Any] | None:
        return self.store.document(doc_id, grouped=True)

    def raw(self, doc_id: str) -> str | None:
        with self.store.session() as s:
            return s.scalar(select(DocumentRow.raw).where(DocumentRow.id == doc_id))

    def outlets(self) -> list[dict[str, Any]]:
        with self.store.session() as s:
            rows = s.execute(select(DocumentRow.outlet, func.count()).where(
                DocumentRow.outlet.is_not(None)).group_by(DocumentRow.outlet)
                .order_by(func.count().desc(), DocumentRow.outlet)).all()
        return [{"outlet": o, "documents": n} for o, n in rows]

    # -- actors ------------------------------------------------------------------

    def actors(self, cursor: str | None = None, limit: int | None = None,
               sort: str | None = None, **filters: Any) -> Page:
        """Actors named in most documents first (or ``sort``), matched by name or alias,
        country, type, sector; actors merged into another are not listed apart."""
        keys, descending = sort_keys(sort, ACTOR_SORTS, "-documents")

        def item(r: Any) -> dict[str, Any]:
            a = r.ActorRow
            return {"id": a.id, "name": a.name, "type": a.type, "country": a.country,
                    "sector": a.sector, "first_seen": a.first_seen, "last_seen": a.last_seen,
                    "documents": r.documents}

        with self.store.session() as s:
            return paginate(s, self._actors(**filters), keys, cursor, clamp(limit), item,
                            descending)

    def actor_facets(self, **filters: Any) -> dict[str, list[dict[str, Any]]]:
        with self.store.session() as s:
            return count_facets(s, self._actors(**filters), {
                "type": ActorRow.type, "country": ActorRow.country, "sector": ActorRow.sector})

    def _actors(self, q: str | None = None, country: str | None = None,
                type: str | None = None, sector: str | None = None) -> Select:
        stmt = (select(ActorRow, ACTOR_DOCUMENTS.label("documents"))
                .where(ActorRow.merged_into.is_(None)))
        if q:
            stmt = stmt.where(or_(contains(ActorRow.name, q), ActorRow.id.in_(
                select(ActorAliasRow.actor_id).where(contains(ActorAliasRow.alias, q)))))
        if country:
            stmt = stmt.where(ActorRow.country == country.upper())
        if type:
            stmt = stmt.where(ActorRow.type == type)
        if sector:
            stmt = stmt.where(ActorRow.sector == sector)
        return stmt

    def actor(self, actor_id: str) -> dict[str, Any] | None:
        """One actor with aliases, roles over time, document count and counterparts."""
        with self.store.session() as s:
            a = s.get(ActorRow, actor_id)
            if a is None:
                return None
            aliases = sorted(s.scalars(select(ActorAliasRow.alias)
                                       .where(ActorAliasRow.actor_id == actor_id)))
            roles = [
                {"role": r.role, "first_seen": r.first_seen, "last_seen": r.last_seen,
                 "doc_id": r.doc_id}
                for r in s.scalars(select(ActorRoleRow).where(ActorRoleRow.actor_id == actor_id)
                                   .order_by(func.coalesce(ActorRoleRow.first_seen, ""),
                                             ActorRoleRow.role))
            ]
            n_docs = s.scalar(select(func.count()).where(ActorDocumentRow.actor_id == actor_id))
            counterparts = self._counterparts(s, actor_id, a.country if a.type == "country"
                                              else None)
        return {"id": a.id, "name": a.name, "type": a.type, "country": a.country,
                "sector": a.sector, "first_seen": a.first_seen, "last_seen": a.last_seen,
                "aliases": aliases, "roles": roles, "documents": n_docs or 0,
                "counterparts": counterparts}

    def _counterparts(self, s: Session, actor_id: str, country: str | None,
                      top: int = 30) -> list[dict[str, Any]]:
        """Who this actor acts on and is acted on by, counted over events, both directions.

        A country's counterparts are countries (its events are its people's events too);
        anyone else's are the actors on the other side, or their country when unresolved.
        """
        counts: Counter[tuple[str, str]] = Counter()
        sides = ((EventRow.source_actor, EventRow.source_country, EventRow.target_actor,
                  EventRow.target_country, "as_source"),
                 (EventRow.target_actor, EventRow.target_country, EventRow.source_actor,
                  EventRow.source_country, "as_target"))
        for me_actor, me_country, other_actor, other_country, role in sides:
            mine = me_actor == actor_id
            if country:
                mine = or_(mine, me_country == country)
            stmt = (select(other_actor, other_country, func.count()).where(mine)
                    .group_by(other_actor, other_country))
            for other_id, other_code, n in s.execute(stmt):
                of_country = country_id(other_code) if other_code else None
                who = (of_country or other_id) if country else (other_id or of_country)
                if who and who != actor_id:
                    counts[(who, role)] += n
        ids = {who for who, _ in counts}
        known = {i: (name, kind, code) for i, name, kind, code in s.execute(
            select(ActorRow.id, ActorRow.name, ActorRow.type, ActorRow.country)
            .where(ActorRow.id.in_(ids)))}
        merged: dict[str, dict[str, Any]] = {}
        for (who, role), n in counts.items():
            name, kind, code = known.get(who, (who, None, code_of_country_id(who)))
            entry = merged.setdefault(who, {"actor": who, "name": name, "type": kind,
                                              "country": code, "as_source": 0, "as_target": 0})
            entry[role] += n
        ranked = sorted(merged.values(), key=lambda e: (-(e["as_source"] + e["as_target"]),
                                                         e["actor"]))
        return ranked[:top]

    # -- quotes ------------------------------------------------------------------

    def quotes(self, cursor: str | None = None, limit: int | None = None,
               sort: str | None = None, **filters: Any) -> Page:
        """Quotes, newest first (or ``sort``), by speaker (actor id, name or words) and text."""
        keys, descending = sort_keys(sort, QUOTE_SORTS, "-date")
        with self.store.session() as s:
            return paginate(s, self._quotes(**filters), keys, cursor, clamp(limit), _quote_item,
                            descending)

    def quote_facets(self, **filters: Any) -> dict[str, list[dict[str, Any]]]:
        with self.store.session() as s:
            return count_facets(s, self._quotes(**filters), {
                "kind": QuoteRow.kind, "year": year_of(QUOTE_START),
                "country": ActorRow.country, "outlet": DocumentRow.outlet})

    def _quotes(self, speaker: str | None = None, q: str | None = None,
                actor: str | None = None, doc: str | None = None, kind: str | None = None,
                date_from: str | None = None, date_to: str | None = None,
                country: str | None = None, outlet: str | None = None,
                story: str | None = None, quote_id: str | None = None) -> Select:
        stmt = (select(QuoteRow, DocumentRow.title, QUOTE_DATE.label("date"),
                       QUOTE_START.label("date_start"), QUOTE_END.label("date_end"),
                       QUOTE_PRECISION.label("date_precision"),
                       ActorRow.name.label("actor_name"))
                .join(DocumentRow, DocumentRow.id == QuoteRow.doc_id)
                .outerjoin(ActorRow, ActorRow.id == QuoteRow.actor_id))
        if speaker:
            stmt = stmt.where(or_(QuoteRow.actor_id == speaker, contains(QuoteRow.speaker, speaker),
                                  contains(ActorRow.name, speaker)))
        if q:
            stmt = stmt.where(contains(QuoteRow.text, q))
        if actor:
            stmt = stmt.where(QuoteRow.actor_id == actor)
        if doc:
            stmt = stmt.where(QuoteRow.doc_id == doc)
        if kind:
            stmt = stmt.where(QuoteRow.kind == kind)
        if country:
            stmt = stmt.where(ActorRow.country == country.upper())
        if outlet:
            stmt = stmt.where(DocumentRow.outlet == outlet)
        if story:
            stmt = stmt.where(DocumentRow.story == story)
        if quote_id:
            stmt = stmt.where(QuoteRow.id == quote_id)
        return stmt.where(*overlapping(QUOTE_START, QUOTE_END, date_from, date_to))

    def quote(self, quote_id: str) -> dict[str, Any] | None:
        return next(iter(self.quotes(quote_id=quote_id, limit=1).items), None)

    # -- events ------------------------------------------------------------------

    def _event_filter(self, source: str | None = None, target: str | None = None,
                      actor: str | None = None, pair: tuple[str, str] | None = None,
                      type: str | None = None, month: str | None = None,
                      date_from: str | None = None, date_to: str | None = None,
                      doc: str | None = None, outlet: str | None = None,
                      sector: str | None = None, story: str | None = None,
                      event_id: str | None = None) -> list[ColumnElement[bool]]:
        def side(actor_col: Any, country_col: Any, value: str) -> ColumnElement[bool]:
            """The actor's events, and a country's (by its actor id or its code) its people's."""
            return or_(actor_col == value,
                       country_col == (code_of_country_id(value) or value.upper()))

        where: list[ColumnElement[bool]] = []
        if source:
            where.append(side(EventRow.source_actor, EventRow.source_country, source))
        if target:
            where.append(side(EventRow.target_actor, EventRow.target_country, target))
        if actor:
            where.append(or_(side(EventRow.source_actor, EventRow.source_country, actor),
                             side(EventRow.target_actor, EventRow.target_country, actor)))
        if pair:
            a, b = pair[0].upper(), pair[1].upper()
            where.append(or_(and_(EventRow.source_country == a, EventRow.target_country == b),
                             and_(EventRow.source_country == b, EventRow.target_country == a)))
        if type:
            where.append(EventRow.type == type.upper())
        if month:
            where.append(in_bucket(EVENT_DATE, EVENT_START, EVENT_PRECISION, month))
        where.extend(overlapping(EVENT_START, EVENT_END, date_from, date_to))
        if doc:
            where.append(EventRow.doc_id == doc)
        if outlet:
            where.append(DocumentRow.outlet == outlet)
        if sector:
            where.append(SOURCE_ACTOR.sector == sector)
        if story:
            where.append(DocumentRow.story == story)
        if event_id:
            where.append(EventRow.id == event_id)
        return where

    def events(self, cursor: str | None = None, limit: int | None = None,
               sort: str | None = None, **filters: Any) -> Page:
        """Events, newest first (or ``sort``), by source, target, either side, country pair,
        type and date."""
        keys, descending = sort_keys(sort, EVENT_SORTS, "-date")
        with self.store.session() as s:
            return paginate(s, self._events(**filters), keys, cursor, clamp(limit), _event_item,
                            descending)

    def event_facets(self, **filters: Any) -> dict[str, list[dict[str, Any]]]:
        with self.store.session() as s:
            return count_facets(s, self._events(**filters), {
                "type": EventRow.type, "year": year_of(EVENT_START),
                "country": EventRow.source_country, "sector": SOURCE_ACTOR.sector,
                "outlet": DocumentRow.outlet})

    def _events(self, **filters: Any) -> Select:
        sentence = func.substr(DocumentRow.text, EventRow.sentence_start + 1,
                               EventRow.sentence_end - EventRow.sentence_start)
        return (select(EventRow, DocumentRow.title, EVENT_DATE.label("date"),
                       EVENT_START.label("date_start"), EVENT_END.label("date_end"),
                       EVENT_PRECISION.label("date_precision"),
                       sentence.label("sentence_text"),
                       SOURCE_ACTOR.name.label("source_name"),
                       TARGET_ACTOR.name.label("target_name"), StoryEventRow.num_mentions,
                       StoryEventRow.num_articles, StoryEventRow.num_sources)
                .join(DocumentRow, DocumentRow.id == EventRow.doc_id)
                .outerjoin(StoryEventRow, StoryEventRow.id == EventRow.story_event)
                .outerjoin(SOURCE_ACTOR, SOURCE_ACTOR.id == EventRow.source_actor)
                .outerjoin(TARGET_ACTOR, TARGET_ACTOR.id == EventRow.target_actor)
                .where(*self._event_filter(**filters)))

    def event(self, event_id: str) -> dict[str, Any] | None:
        return next(iter(self.events(event_id=event_id, limit=1).items), None)

    # -- timelines ---------------------------------------------------------------

    def _event_buckets(self, count: str = STORY_EVENTS, **filters: Any
                       ) -> dict[str, dict[str, Any]]:
        """Timeline columns of the events matching ``filters``, counting story events (one
        real event however many documents report it) or reports (every event row)."""
        if count not in COUNTS:
            raise ValueError(f"count must be one of {', '.join(COUNTS)}")
        columns = (EVENT_DATE, EVENT_START, EVENT_END, EVENT_PRECISION, EventRow.type)
        counted = (func.count(func.distinct(func.coalesce(EventRow.story_event, EventRow.id)))
                   if count == STORY_EVENTS else func.count())
        stmt = (select(*columns, counted)
                .join(DocumentRow, DocumentRow.id == EventRow.doc_id)
                .where(*self._event_filter(**filters)).group_by(*columns))
        with self.store.session() as s:
            return buckets(s.execute(stmt).all())

    def actor_timeline(self, actor_id: str, count: str = STORY_EVENTS) -> dict[str, Any]:
        """Per month (or coarser date): the actor's events as source or target (by type),
        and its quotes, in chronological order of each column's interval."""
        events = self._event_buckets(count, actor=actor_id)
        columns = (QUOTE_DATE, QUOTE_START, QUOTE_END, QUOTE_PRECISION, literal_column("'q'"))
        with self.store.session() as s:
            quotes = buckets(s.execute(
                select(*columns, func.count())
                .join(DocumentRow, DocumentRow.id == QuoteRow.doc_id)
                .where(QuoteRow.actor_id == actor_id).group_by(*columns[:4])).all())
        merged = {**quotes, **events}
        return {"actor": actor_id, "count": count, "months": [
            {**{k: v for k, v in entry.items() if k != "events"},
             "events": dict(sorted(events[key]["events"].items())) if key in events else {},
             "quotes": sum(quotes[key]["events"].values()) if key in quotes else 0}
            for key, entry in ((e["month"], e) for e in chronological(merged.values()))]}

    def pair_timeline(self, a: str, b: str, count: str = STORY_EVENTS) -> dict[str, Any]:
        """Per month (or coarser date) and type: events between two countries, either way."""
        events = self._event_buckets(count, pair=(a, b))
        return {"pair": [a.upper(), b.upper()], "count": count, "months": [
            {**entry, "events": dict(sorted(entry["events"].items()))}
            for entry in chronological(events.values())]}

    def pairs(self, top: int = 20) -> list[dict[str, Any]]:
        """The country pairs with most events between them (direction ignored)."""
        stmt = (select(EventRow.source_country, EventRow.target_country, func.count())
                .where(EventRow.source_country.is_not(None),
                       EventRow.target_country.is_not(None),
                       EventRow.source_country != EventRow.target_country)
                .group_by(EventRow.source_country, EventRow.target_country))
        counts: Counter[tuple[str, str]] = Counter()
        with self.store.session() as s:
            for src, tgt, n in s.execute(stmt):
                counts[tuple(sorted((src, tgt)))] += n  # type: ignore[index]
        return [{"pair": list(p), "events": n} for p, n in
                sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]]

    def top_actors(self, top: int = 20) -> list[dict[str, Any]]:
        """The actors mentioned in most documents."""
        n = func.count(ActorDocumentRow.doc_id)
        stmt = (select(ActorRow.id, ActorRow.name, ActorRow.type, n)
                .join(ActorDocumentRow, ActorDocumentRow.actor_id == ActorRow.id)
                .group_by(ActorRow.id, ActorRow.name, ActorRow.type)
                .order_by(n.desc(), ActorRow.id).limit(top))
        with self.store.session() as s:
            return [{"id": i, "name": name, "type": t, "documents": c}
                    for i, name, t, c in s.execute(stmt)]

    # -- stories -----------------------------------------------------------------

    def stories(self, cursor: str | None = None, limit: int | None = None,
                q: str | None = None) -> Page:
        """Stories, latest first, by words of their title."""
        stmt = select(StoryRow)
        if q:
            stmt = stmt.where(contains(StoryRow.title, q))

        def item(r: Any) -> dict[str, Any]:
            st = r.StoryRow
            return {"id": st.id, "title": st.title, "first_date": st.first_date,
                    "last_date": st.last_date, "documents": st.documents}

        with self.store.session() as s:
            return paginate(s, stmt, [text_key(StoryRow.first_date), StoryRow.id], cursor,
                            clamp(limit), item)

    def story(self, story_id: str) -> dict[str, Any] | None:
        """One story: its documents by date (copies marked), its story events with their
        counts, its quotes (not again from copies) and its actors."""
        with self.store.session() as s:
            st = s.get(StoryRow, story_id)
            if st is None:
                return None
            docs = [{"id": d.id, "title": d.title, "outlet": d.outlet, "published": d.published,
                     "duplicate_of": d.duplicate_of}
                    for d in s.scalars(select(DocumentRow).where(DocumentRow.story == story_id)
                                       .order_by(PUBLISHED_START, DocumentRow.id))]
            actors = [{"id": i, "name": name, "type": kind, "documents": n}
                      for i, name, kind, n in s.execute(
                          select(ActorRow.id, ActorRow.name, ActorRow.type, func.count())
                          .join(ActorDocumentRow, ActorDocumentRow.actor_id == ActorRow.id)
                          .join(DocumentRow, DocumentRow.id == ActorDocumentRow.doc_id)
                          .where(DocumentRow.story == story_id)
                          .group_by(ActorRow.id, ActorRow.name, ActorRow.type)
                          .order_by(func.count().desc(), ActorRow.id).limit(50))]
        events: dict[str, dict[str, Any]] = {}
        for event in self.events(story=story_id, sort="date", limit=MAX_LIMIT).items:
            key = event["story_event"] or event["id"]
            events.setdefault(key, {**event, "reports": []})["reports"].append(event["id"])
        copies = {d["id"] for d in docs if d["duplicate_of"]}  # said once, in the original
        quotes = [q for q in self.quotes(story=story_id, sort="date", limit=MAX_LIMIT).items
                  if q["doc_id"] not in copies]
        return {"id": st.id, "title": st.title, "first_date": st.first_date,
                "last_date": st.last_date, "documents": docs, "events": list(events.values()),
                "quotes": quotes, "actors": actors}
