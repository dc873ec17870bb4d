"""Grouping a document as it is written: near-duplicates, story events, its story.

Runs inside the document's own transaction (see store.write_document), so a failure
here is that document's failure. Every lookup goes through an indexed key (LSH band,
story event key, actor key, story event id): the cost of a document does not grow with
the number of stored documents. The decisions are dateline.stories' pure functions.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from dateline.model import Document
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
MAX_STORY_SPAN_DAYS = 31  # a publication date vaguer than a month places no story
NAMED = ("person", "organisation", "group")  # actors specific enough to tie a story
GROUPING_TABLES = (StoryKeyRow, StoryRow, StoryEventKeyRow, StoryEventRow, BandRow,
                   SignatureRow, ActorCountRow)


def group(s: Session, doc: Document) -> None:
    """Mark the document's duplicate_of and story and its events' story events."""
    sig = minhash.signature(doc.text)
    similar = _similar_documents(s, doc.id, sig)
    s.add(SignatureRow(doc_id=doc.id, shingles=sig.shingles, signature=sig.to_bytes()))
    s.add_all(BandRow(key=k, doc_id=doc.id) for k in set(minhash.band_keys(sig)))
    copies = [c for c in similar if c["duplicate"] and c["root"] != doc.id]
    duplicate_of = min(copies, key=lambda c: (c["ingested_at"], c["root"]))["root"] \
        if copies else None
    joined = _story_events(s, doc)
    story = _story(s, doc, similar, joined, duplicate_of)
    s.execute(update(DocumentRow).where(DocumentRow.id == doc.id)
              .values(duplicate_of=duplicate_of, story=story))
    s.flush()
    recount(s, set(joined.values()), {story})


def _similar_documents(s: Session, doc_id: str, sig: minhash.Signature) -> list[dict[str, Any]]:
    """Stored documents sharing an LSH band with this one, with their estimated Jaccard."""
    keys = list(set(minhash.band_keys(sig)))
    if not keys:
        return []
    shared = func.count().label("shared")
    ids = select(BandRow.doc_id).where(BandRow.key.in_(keys), BandRow.doc_id != doc_id) \
        .group_by(BandRow.doc_id).order_by(shared.desc(), BandRow.doc_id).limit(MAX_CANDIDATES)
    rows = s.execute(
        select(SignatureRow, DocumentRow.duplicate_of, DocumentRow.story,
               DocumentRow.ingested_at)
        .join(DocumentRow, DocumentRow.id == SignatureRow.doc_id)
        .where(SignatureRow.doc_id.in_(ids.scalar_subquery()))).all()
    out = []
    for row in rows:
        other = minhash.Signature.from_bytes(row.SignatureRow.signature,
                                             row.SignatureRow.shingles)
        out.append({"id": row.SignatureRow.doc_id, "root": row.duplicate_of or
                    row.SignatureRow.doc_id, "story": row.story,
                    "ingested_at": row.ingested_at, "words": minhash.jaccard(sig, other),
                    "duplicate": minhash.is_duplicate(sig, other)})
    return out


def _story_events(s: Session, doc: Document) -> dict[str, str]:
    """Join each event to the story event it reports, or start one; event id → story event."""
    ids = [f"{doc.id}-e{n}" for n in range(len(doc.events))]
    new = events.reports(doc.id, doc.text, doc.events, doc.published, ids)
    wanted = {r.id: events.keys(r) for r in new}
    all_keys = sorted({k for r in new for k in events.lookup_keys(r)})
    candidates: dict[str, list[events.EventReport]] = {}
    if all_keys:
        for se in s.scalars(select(StoryEventRow).join(
                StoryEventKeyRow, StoryEventRow.id == StoryEventKeyRow.story_event)
                .where(StoryEventKeyRow.key.in_(all_keys)).distinct()):
            candidates.setdefault(se.id, [events.EventReport(
                se.id, se.doc_id, se.type, se.source_actor, se.source_country,
                se.target_actor, se.target_country, se.date_start, se.date_end,
                frozenset(se.words.split()))])
    joined = events.assign(new, candidates)
    for report in new:
        joined.setdefault(report.id, report.id)
    founded = {r.id for r in new if joined[r.id] == r.id}
    kept = set(s.scalars(select(StoryEventRow.id).where(StoryEventRow.id.in_(founded)))) \
        if founded else set()  # its own story events, from when it was stored before
    s.add_all(StoryEventRow(
        id=r.id, type=r.type, source_actor=r.source_actor, source_country=r.source_country,
        target_actor=r.target_actor, target_country=r.target_country, date_start=r.start,
        date_end=r.end, words=" ".join(sorted(r.words)), doc_id=doc.id, num_mentions=0,
        num_articles=0, num_sources=0) for r in new if r.id in founded - kept)
    s.flush()
    pairs = {(key, joined[r.id]) for r in new for key in wanted[r.id]}
    have = {(key, se) for key, se in s.execute(
        select(StoryEventKeyRow.key, StoryEventKeyRow.story_event).where(
            StoryEventKeyRow.story_event.in_(set(joined.values())),
            StoryEventKeyRow.key.in_({key for key, _ in pairs})))} if pairs else set()
    s.add_all(StoryEventKeyRow(key=key, story_event=se) for key, se in sorted(pairs - have))
    if joined:
        s.execute(update(EventRow), [{"id": event_id, "story_event": se}
                                     for event_id, se in sorted(joined.items())])
    return joined


def _story(s: Session, doc: Document, similar: list[dict[str, Any]], joined: dict[str, str],
           duplicate_of: str | None) -> str:
    """The story the document joins (its original's, or the best candidate's), or a new one;
    an original counts towards its actors' documents."""
    start, end = _dates(doc.published)
    named = _named(doc.actors)
    story = None
    if duplicate_of:
        story = s.scalar(select(DocumentRow.story).where(DocumentRow.id == duplicate_of))
    if story is None:
        story = assign.best(_candidates(s, doc.id, similar, joined, named, start, end))
    row = s.get(StoryRow, story) if story else None
    if row is None:  # its own story (kept from before when it is stored again)
        story = f"{doc.id}-s"
        row = s.get(StoryRow, story)
    if row is None:
        row = StoryRow(id=story, title=doc.title, first_date=start, last_date=end, documents=0)
        s.add(row)
        s.flush()
    row.first_date = min(filter(None, (row.first_date, start)), default=None)
    row.last_date = max(filter(None, (row.last_date, end)), default=None)
    keys = assign.actor_keys(named, start)
    have = set(s.scalars(select(StoryKeyRow.key).where(StoryKeyRow.story == story,
                                                        StoryKeyRow.key.in_(keys))))
    s.add_all(StoryKeyRow(key=k, story=story) for k in keys if k not in have)
    if not duplicate_of:
        _count(s, assign.actor_keys([assign.TOTAL, *named], start), 1)
    return story


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
    have = set(s.scalars(select(ActorCountRow.key).where(ActorCountRow.key.in_(keys))))
    if have:
        s.execute(update(ActorCountRow).where(ActorCountRow.key.in_(sorted(have)),
                                              ActorCountRow.documents + step >= 0)
                  .values(documents=ActorCountRow.documents + step))
    if step > 0 and (new := [k for k in keys if k not in have]):
        s.execute(insert(ActorCountRow), [{"key": k, "documents": step} for k in new])


def _candidates(s: Session, doc_id: str, similar: list[dict[str, Any]],
                joined: dict[str, str], named: list[str], start: str | None,
                end: str | None) -> list[assign.Candidate]:
    """Stories sharing the document's precisely dated story events, words (LSH) or rare
    named actors."""
    shared_events: dict[str, int] = {}
    mine = sorted({se for event_id, se in joined.items() if se != event_id})
    if mine:
        mine = [se.id for se in s.scalars(select(StoryEventRow).where(
            StoryEventRow.id.in_(mine))) if assign.precise(se.date_start, se.date_end)]
    if mine:
        shared_events = dict(s.execute(
            select(DocumentRow.story, func.count(func.distinct(EventRow.story_event)))
            .join(DocumentRow, DocumentRow.id == EventRow.doc_id)
            .where(EventRow.story_event.in_(mine), EventRow.doc_id != doc_id,
                   DocumentRow.story.is_not(None))
            .group_by(DocumentRow.story)).all())
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
                select(StoryKeyRow.story, StoryKeyRow.key).where(StoryKeyRow.key.in_(lookup)))}:
            shared[story] += rare[actor]
    ranked = sorted(shared, key=lambda st: (-shared[st], st))[:MAX_CANDIDATES]
    actors = {story: shared[story] for story in ranked}
    own = sum(rare.values())
    ids = set(shared_events) | set(words) | set(actors)
    if not ids:
        return []
    spans = {r.id: (r.first_date, r.last_date)
             for r in s.scalars(select(StoryRow).where(StoryRow.id.in_(ids)))}
    return [assign.Candidate(
        story=story, events=shared_events.get(story, 0), words=words.get(story, 0.0),
        actors=actors.get(story, 0.0), actor_share=actors.get(story, 0.0) / own if own else 0.0,
        gap_days=assign.gap_days(start, end, *spans[story]))
        for story in sorted(ids) if story in spans]


def _rarities(s: Session, named: list[str], start: str | None,
              end: str | None) -> dict[str, float]:
    """Each named actor's rarity among the documents of the months around a date."""
    keys = assign.actor_lookup_keys([assign.TOTAL, *named], start, end)
    counts = dict(s.execute(select(ActorCountRow.key, ActorCountRow.documents)
                            .where(ActorCountRow.key.in_(keys))).all()) if keys else {}
    return assign.rarities(named, counts)


def recount(s: Session, story_events: set[str], stories: set[str | None]) -> None:
    """Set the counts of story events and stories from their members; drop empty ones."""
    story_events.discard(None)  # type: ignore[arg-type]
    if story_events:
        members: dict[str, list[tuple[str, str | None, str | None, int]]] = defaultdict(list)
        for se, doc_id, dup, outlet, mentions in s.execute(
                select(EventRow.story_event, EventRow.doc_id, DocumentRow.duplicate_of,
                       DocumentRow.outlet, EventRow.mentions)
                .join(DocumentRow, DocumentRow.id == EventRow.doc_id)
                .where(EventRow.story_event.in_(sorted(story_events)))):
            members[se].append((doc_id, dup, outlet, mentions or 1))
        for se in sorted(story_events):
            if not members.get(se):
                s.execute(delete(StoryEventRow).where(StoryEventRow.id == se))
                continue
            counted = events.counts(members[se])
            s.execute(update(StoryEventRow).where(StoryEventRow.id == se).values(**counted))
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
