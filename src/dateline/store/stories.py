"""Grouping a document as it is written: near-duplicates, story events, its story.

Runs inside the document's own transaction (see store.write_document), so a failure
here is that document's failure. Every lookup goes through an indexed key (LSH band,
story event key, actor key, story event id): the cost of a document does not grow with
the number of stored documents. The decisions are dateline.stories' pure functions.
"""

from __future__ import annotations

import json
from collections import defaultdict
from functools import lru_cache
from typing import Any

from sqlalchemy import bindparam, delete, func, insert, select, update
from sqlalchemy.orm import Session

from dateline.model import Document
from dateline.store.rows import dialect_insert, insert_missing
from dateline.store.schema import (
    ActorCountRow,
    BandRow,
    DocumentRow,
    EventRow,
    SignatureRow,
    StoryEventKeyRow,
    StoryEventRow,
    StoryKeyRow,
    StoryRow,
)
from dateline.stories import assign, events, minhash
from dateline.timex.interval import interval

MAX_CANDIDATES = 50  # documents sharing most bands, then stories sharing most actors
STORED_REPORTS = 16384  # story events kept decoded (~1 KB each) for the next documents
MAX_STORY_SPAN_DAYS = 31  # a publication date vaguer than a month places no story
NAMED = ("person", "organisation", "group")  # actors specific enough to tie a story
GROUPING_TABLES = (StoryKeyRow, StoryRow, StoryEventKeyRow, StoryEventRow, BandRow,
                   SignatureRow, ActorCountRow)


def _in(name: str) -> Any:
    return bindparam(name, expanding=True)


# The statements a document's grouping runs, built once: building and caching a statement
# costs more than running it on an index (documents, bands, story events, stories, keys).
_DOC, _BAND, _SIG = DocumentRow.__table__.c, BandRow.__table__.c, SignatureRow.__table__.c
_EVENT, _SE = EventRow.__table__.c, StoryEventRow.__table__.c
_SE_KEY, _STORY = StoryEventKeyRow.__table__.c, StoryRow.__table__.c
_STORY_KEY, _COUNT = StoryKeyRow.__table__.c, ActorCountRow.__table__.c
_SHARED_BANDS = (select(_BAND.doc_id)
                 .where(_BAND.key.in_(_in("bands")), _BAND.doc_id != bindparam("doc_id"))
                 .group_by(_BAND.doc_id).order_by(func.count().desc(), _BAND.doc_id)
                 .limit(MAX_CANDIDATES))
SIMILAR = (select(_SIG.doc_id, _SIG.shingles, _SIG.signature, _DOC.duplicate_of, _DOC.story,
                  _DOC.ingested_at)
           .join(DocumentRow.__table__, _DOC.id == _SIG.doc_id)
           .where(_SIG.doc_id.in_(_SHARED_BANDS.scalar_subquery())))
ADD_SIGNATURE, ADD_BAND = insert(SignatureRow.__table__), insert(BandRow.__table__)
# a story event's fields in the order of events.EventReport; its ids a subquery, not a
# join made distinct (which sorts whole rows: ~3x slower on a busy key's ~1,000)
STORY_EVENTS = (select(_SE.id, _SE.doc_id, _SE.type, _SE.source_actor, _SE.source_country,
                       _SE.target_actor, _SE.target_country, _SE.date_start, _SE.date_end,
                       _SE.words)
                .where(_SE.id.in_(select(_SE_KEY.story_event)
                                  .where(_SE_KEY.key.in_(_in("keys"))))))
KEYED_STORY_EVENTS = (select(_SE_KEY.key, *STORY_EVENTS.selected_columns)
                      .join(StoryEventRow.__table__, _SE.id == _SE_KEY.story_event)
                      .where(_SE_KEY.key.in_(_in("keys"))))
STORY_EVENTS_BY_ID = select(*STORY_EVENTS.selected_columns).where(_SE.id.in_(_in("ids")))
MARK_EVENT = update(EventRow.__table__).where(_EVENT.id == bindparam("event_id"))
ORIGINAL_STORY = select(_DOC.story).where(_DOC.id == bindparam("doc_id"))
SPANS = select(_STORY.id, _STORY.first_date, _STORY.last_date).where(_STORY.id.in_(_in("ids")))
_STORY_DOCUMENTS = (select(func.count()).where(_DOC.story == bindparam("story_id"))
                    .scalar_subquery())
ADD_STORY = insert(StoryRow.__table__).values(
    id=bindparam("story_id"), title=bindparam("title"), first_date=bindparam("first"),
    last_date=bindparam("last"), documents=_STORY_DOCUMENTS)
WIDEN_STORY = (update(StoryRow.__table__).where(_STORY.id == bindparam("story_id"))
               .values(first_date=bindparam("first"), last_date=bindparam("last"),
                       documents=_STORY_DOCUMENTS))
SHARED_STORY_EVENTS = (select(_DOC.story, func.count(func.distinct(_EVENT.story_event)))
                       .join(DocumentRow.__table__, _DOC.id == _EVENT.doc_id)
                       .where(_EVENT.story_event.in_(_in("ids")),
                              _EVENT.doc_id != bindparam("doc_id"), _DOC.story.is_not(None))
                       .group_by(_DOC.story))
STORIES_BY_KEY = select(_STORY_KEY.story, _STORY_KEY.key).where(_STORY_KEY.key.in_(_in("keys")))
COUNTS = select(_COUNT.key, _COUNT.documents).where(_COUNT.key.in_(_in("keys")))
MEMBERS = (select(_EVENT.story_event, _EVENT.doc_id, _DOC.duplicate_of, _DOC.outlet,
                  _EVENT.mentions)
           .join(DocumentRow.__table__, _DOC.id == _EVENT.doc_id)
           .where(_EVENT.story_event.in_(_in("ids"))))
SET_COUNTS = update(StoryEventRow.__table__).where(_SE.id == bindparam("se"))


class StoryEventsByKey:
    """The story events stored under each lookup key, read once per transaction that groups
    many documents (the Spark ingest's batches): a busy key (a type and sides in a month)
    brings back the same hundreds of story events for document after document. It holds
    only for a transaction that alone groups: the keys it stores are added here, and
    grouping a new document removes no story event."""

    def __init__(self) -> None:
        self.keys: dict[str, dict[str, list[events.EventReport]]] = {}  # key → id → [report]

    def candidates(self, s: Session, keys: list[str]) -> dict[str, list[events.EventReport]]:
        """The story events stored under any of the keys, by id (as ``STORY_EVENTS``)."""
        missing = [key for key in keys if key not in self.keys]
        for key in missing:
            self.keys[key] = {}
        if missing:
            for key, *row in s.execute(KEYED_STORY_EVENTS, {"keys": missing}):
                self.keys[key][row[0]] = [_stored_report(tuple(row))]
        found: dict[str, list[events.EventReport]] = {}
        for key in keys:
            found.update(self.keys[key])
        return found

    def stored(self, s: Session, pairs: list[tuple[str, str]]) -> None:
        """(key, story event) pairs just stored: each story event as stored, under each
        key read already."""
        added = [(key, se) for key, se in pairs if key in self.keys and se not in self.keys[key]]
        if not added:
            return
        rows = {row[0]: _stored_report(tuple(row)) for row in s.execute(
            STORY_EVENTS_BY_ID, {"ids": sorted({se for _key, se in added})})}
        for key, se in added:
            self.keys[key][se] = [rows[se]]


def group(s: Session, doc: Document, ingested_at: str | None = None,
          sig: minhash.Signature | None = None, keyed: StoryEventsByKey | None = None) -> None:
    """Mark the document's duplicate_of and story and its events' story events
    (``ingested_at``: set its ingest time with them, as the Spark ingest does; ``sig``:
    its text's MinHash signature when computed already; ``keyed``: the story events by key
    read already in this transaction)."""
    sig = sig if sig is not None else minhash.signature(doc.text)
    bands = sorted(set(minhash.band_keys(sig)))
    similar = _similar_documents(s, doc.id, sig, bands)
    s.execute(ADD_SIGNATURE, [
        {"doc_id": doc.id, "shingles": sig.shingles, "signature": sig.to_bytes()}])
    if bands:
        s.execute(ADD_BAND, [{"key": k, "doc_id": doc.id} for k in bands])
    copies = [c for c in similar if c["duplicate"] and c["root"] != doc.id]
    duplicate_of = min(copies, key=lambda c: (c["ingested_at"], c["root"]))["root"] \
        if copies else None
    joined, dates = _story_events(s, doc, keyed)
    named = _named(doc.actors)
    start, end = _dates(doc.published)
    story, stored = _story(s, doc.id, similar, joined, dates, duplicate_of, named, start, end)
    marks = {"duplicate_of": duplicate_of, "story": story}
    if ingested_at is not None:
        marks["ingested_at"] = ingested_at
    s.execute(update(DocumentRow).where(DocumentRow.id == doc.id).values(**marks))
    _save_story(s, doc, story, stored, named, start, end)
    if not duplicate_of:  # an original counts towards its actors' documents
        _count(s, assign.actor_keys([assign.TOTAL, *named], start), 1)
    recount(s, set(joined.values()), set())


def _similar_documents(s: Session, doc_id: str, sig: minhash.Signature,
                       bands: list[int]) -> list[dict[str, Any]]:
    """Stored documents sharing an LSH band with this one, with their estimated Jaccard."""
    if not bands:
        return []
    out = []
    for other_id, shingles, data, dup, story, ingested in s.execute(
            SIMILAR, {"bands": bands, "doc_id": doc_id}):
        other = minhash.Signature.from_bytes(data, shingles)
        out.append({"id": other_id, "root": dup or other_id, "story": story,
                    "ingested_at": ingested, "words": minhash.jaccard(sig, other),
                    "duplicate": minhash.is_duplicate(sig, other)})
    return out


def _story_events(s: Session, doc: Document, keyed: StoryEventsByKey | None = None,
                  ) -> tuple[dict[str, str], dict[str, tuple[str | None, str | None]]]:
    """Join each event to the story event it reports, or start one: event id → story
    event, and the dates of the stored story events it joins."""
    ids = [f"{doc.id}-e{n}" for n in range(len(doc.events))]
    new = events.reports(doc.id, doc.text, doc.events, doc.published, ids)
    all_keys = sorted({k for r in new for k in events.lookup_keys(r)})
    candidates: dict[str, list[events.EventReport]] = {}
    if all_keys and keyed is not None:
        candidates = keyed.candidates(s, all_keys)
    elif all_keys:
        for row in s.execute(STORY_EVENTS, {"keys": all_keys}):
            candidates.setdefault(row[0], [_stored_report(tuple(row))])
    joined = events.assign(new, candidates)
    for report in new:
        joined.setdefault(report.id, report.id)
    # a story event it founded when stored before is kept as it was (no conflict update)
    insert_missing(s, StoryEventRow.__table__, [dict(
        id=r.id, type=r.type, source_actor=r.source_actor, source_country=r.source_country,
        target_actor=r.target_actor, target_country=r.target_country, date_start=r.start,
        date_end=r.end, words=" ".join(sorted(r.words)), doc_id=doc.id, num_mentions=0,
        num_articles=0, num_sources=0) for r in new if joined[r.id] == r.id])
    pairs = sorted({(key, joined[r.id]) for r in new for key in events.keys(r)})
    insert_missing(s, StoryEventKeyRow.__table__,
                   [{"key": key, "story_event": se} for key, se in pairs])
    if keyed is not None:
        keyed.stored(s, pairs)
    if joined:
        s.execute(MARK_EVENT, [{"event_id": event_id, "story_event": se}
                               for event_id, se in sorted(joined.items())])
    return joined, {se: (candidates[se][0].start, candidates[se][0].end)
                    for se in set(joined.values()) if se in candidates}


@lru_cache(maxsize=STORED_REPORTS)
def _stored_report(row: tuple[Any, ...]) -> events.EventReport:
    """A stored story event (a ``STORY_EVENTS`` row, as a tuple: a Row compares slowly)
    as a report. A busy key (a type and sides in a month) brings the same story events
    back for document after document, and a row is its whole content, so a cached report
    is never stale."""
    return events.EventReport(*row[:-1], frozenset(row[-1].split()))


def _story(s: Session, doc_id: str, similar: list[dict[str, Any]], joined: dict[str, str],
           dates: dict[str, tuple[str | None, str | None]], duplicate_of: str | None,
           named: list[str], start: str | None, end: str | None,
           ) -> tuple[str, tuple[str | None, str | None] | None]:
    """The story the document joins (its original's, or the best candidate's), or its own
    (kept from before when it is stored again); with the story's stored dates, None when
    the story is new."""
    own = f"{doc_id}-s"
    story = None
    if duplicate_of:
        story = s.scalar(ORIGINAL_STORY, {"doc_id": duplicate_of})
    if story is None:
        candidates, spans = _candidates(s, doc_id, similar, joined, dates, named, start, end,
                                        own)
        story = assign.best(candidates)
    else:
        spans = _spans(s, {story, own})
    if story not in spans:
        story = own
    return story, spans.get(story)


def _save_story(s: Session, doc: Document, story: str,
                stored: tuple[str | None, str | None] | None, named: list[str],
                start: str | None, end: str | None) -> None:
    """Write the story's row (its dates widened to the document's, its documents counted:
    the document is marked already) and its actor keys."""
    if stored is None:
        s.execute(ADD_STORY, {"story_id": story, "title": doc.title, "first": start,
                              "last": end})
    else:
        first, last = stored
        s.execute(WIDEN_STORY, {"story_id": story,
                                "first": min(filter(None, (first, start)), default=None),
                                "last": max(filter(None, (last, end)), default=None)})
    insert_missing(s, StoryKeyRow.__table__,
                   [{"key": k, "story": story} for k in assign.actor_keys(named, start)])


def _spans(s: Session, ids: set[str]) -> dict[str, tuple[str | None, str | None]]:
    """The stored stories among ``ids``, with their first and last dates."""
    return {i: (first, last) for i, first, last in s.execute(SPANS, {"ids": sorted(ids)})}


def _dates(published: str | None) -> tuple[str | None, str | None]:
    """The first and last day a publication date places a document in, for stories."""
    found = interval(published) if published else None
    if found is None or (found.end - found.start).days > MAX_STORY_SPAN_DAYS:
        return None, None  # "published 2025" says nothing about which story
    return found.start.isoformat(), found.end.isoformat()


def _named(actors: list[dict[str, Any]]) -> list[str]:
    return sorted({a["id"] for a in actors if a["type"] in NAMED})


def _count(s: Session, keys: list[str], step: int) -> None:
    """Add ``step`` (1 or -1) to the documents counted under each actor key; a document
    grouped before the counts existed (migration 0005) was never counted in."""
    keys = sorted(set(keys))
    if not keys:
        return
    table = ActorCountRow.__table__
    if step > 0:
        added = dialect_insert(s, table)
        s.execute(added.on_conflict_do_update(
            index_elements=[table.c.key],
            set_={"documents": table.c.documents + added.excluded.documents}),
            [{"key": k, "documents": step} for k in keys])
    else:
        s.execute(update(table).where(table.c.key.in_(keys), table.c.documents + step >= 0)
                  .values(documents=table.c.documents + step))


def _candidates(s: Session, doc_id: str, similar: list[dict[str, Any]],
                joined: dict[str, str], dates: dict[str, tuple[str | None, str | None]],
                named: list[str], start: str | None, end: str | None, own: str,
                ) -> tuple[list[assign.Candidate], dict[str, tuple[str | None, str | None]]]:
    """Stories sharing the document's precisely dated story events, words (LSH) or rare
    named actors; and the dates of those stories and of its own, where stored."""
    shared_events: dict[str, int] = {}
    mine = sorted({se for event_id, se in joined.items()
                   if se != event_id and assign.precise(*dates[se])})
    if mine:
        shared_events = dict(s.execute(SHARED_STORY_EVENTS,
                                       {"ids": mine, "doc_id": doc_id}).all())
    words: dict[str, float] = {}
    for c in similar:
        if c["story"]:
            words[c["story"]] = max(words.get(c["story"], 0.0), c["words"])
    rare = _rarities(s, named, start, end)
    shared: dict[str, float] = defaultdict(float)
    lookup = assign.actor_lookup_keys([a for a in named if rare[a] >= assign.MIN_RARITY],
                                      start, end)
    if lookup:
        for story, actor in {(story, assign.key_actor(key)) for story, key in s.execute(
                STORIES_BY_KEY, {"keys": lookup})}:
            shared[story] += rare[actor]
    ranked = sorted(shared, key=lambda st: (-shared[st], st))[:MAX_CANDIDATES]
    actors = {story: shared[story] for story in ranked}
    total = sum(rare.values())
    ids = set(shared_events) | set(words) | set(actors)
    spans = _spans(s, ids | {own})
    return [assign.Candidate(
        story=story, events=shared_events.get(story, 0), words=words.get(story, 0.0),
        actors=actors.get(story, 0.0), actor_share=actors.get(story, 0.0) / total if total else 0.0,
        gap_days=assign.gap_days(start, end, *spans[story]))
        for story in sorted(ids) if story in spans], spans


def _rarities(s: Session, named: list[str], start: str | None,
              end: str | None) -> dict[str, float]:
    """Each named actor's rarity among the documents of the months around a date."""
    keys = assign.actor_lookup_keys([assign.TOTAL, *named], start, end)
    counts = dict(s.execute(COUNTS, {"keys": keys}).all()) if keys else {}
    return assign.rarities(named, counts)


def recount(s: Session, story_events: set[str], stories: set[str | None]) -> None:
    """Set the counts of story events and stories from their members; drop empty ones."""
    story_events.discard(None)  # type: ignore[arg-type]
    if story_events:
        members: dict[str, list[tuple[str, str | None, str | None, int]]] = defaultdict(list)
        for se, doc_id, dup, outlet, mentions in s.execute(
                MEMBERS, {"ids": sorted(story_events)}):
            members[se].append((doc_id, dup, outlet, mentions or 1))
        if gone := sorted(se for se in story_events if not members.get(se)):
            s.execute(delete(StoryEventRow).where(StoryEventRow.id.in_(gone)))
        if counted := [{"se": se, **events.counts(members[se])}
                       for se in sorted(story_events) if members.get(se)]:
            s.execute(SET_COUNTS, counted)
    for story in sorted(filter(None, stories)):
        n = s.scalar(select(func.count()).where(DocumentRow.story == story)) or 0
        if n:
            s.execute(update(StoryRow).where(StoryRow.id == story).values(documents=n))
        else:
            s.execute(delete(StoryRow).where(StoryRow.id == story))


def before_replace(s: Session, doc_id: str) -> tuple[set[str], set[str | None]]:
    """The story events and story a stored document belongs to, to recount once it is gone;
    its actors are counted off."""
    story_events = set(s.scalars(select(EventRow.story_event).where(
        EventRow.doc_id == doc_id, EventRow.story_event.is_not(None))))
    row = s.get(DocumentRow, doc_id)
    if row.story is not None and row.duplicate_of is None:  # grouped, and counted
        data = json.loads(row.data)
        start, _ = _dates(data.get("published"))
        _count(s, assign.actor_keys([assign.TOTAL, *_named(data.get("actors") or [])], start),
               -1)
    return story_events, {row.story}


def forget_all(s: Session) -> None:
    """Empty the grouping (a rebuild groups every document again, in order)."""
    for table in GROUPING_TABLES:
        s.execute(delete(table))
    s.execute(update(DocumentRow).values(duplicate_of=None, story=None))
    s.execute(update(EventRow).values(story_event=None))


GROUPING_EVENT_FIELDS = ("story_event", "num_mentions", "num_articles", "num_sources")


def add_grouping(s: Session, docs: list[dict[str, Any]]) -> None:
    """Add to stored contract objects what grouping decided: duplicate_of and story on each
    document, story_event and its counts on each event (null where not grouped)."""
    ids = [d["id"] for d in docs]
    marks = {i: (dup, story) for i, dup, story in s.execute(
        select(DocumentRow.id, DocumentRow.duplicate_of, DocumentRow.story)
        .where(DocumentRow.id.in_(ids)))}
    counted = {row.id: row for row in s.execute(
        select(EventRow.id, EventRow.story_event, StoryEventRow.num_mentions,
               StoryEventRow.num_articles, StoryEventRow.num_sources)
        .outerjoin(StoryEventRow, StoryEventRow.id == EventRow.story_event)
        .where(EventRow.doc_id.in_(ids)))}
    for doc in docs:
        doc["duplicate_of"], doc["story"] = marks.get(doc["id"], (None, None))
        for n, event in enumerate(doc.get("events") or []):
            row = counted.get(f"{doc['id']}-e{n}")
            event.update({name: getattr(row, name) if row else None
                          for name in GROUPING_EVENT_FIELDS})
