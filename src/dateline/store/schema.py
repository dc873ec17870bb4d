"""The store's tables: documents and their annotations, and the actor knowledge base.

Every annotation row keeps its document id and character offsets, so each fact
links back to the words that gave it (provenance). Ids of quotes and events are
``<doc id>-q<n>`` / ``<doc id>-e<n>``: stable across re-ingests and linkable.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Float, ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


CASCADE = {"ondelete": "CASCADE"}


class DocumentRow(Base):
    __tablename__ = "documents"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    source: Mapped[str] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(String(200), index=True)
    published: Mapped[str | None] = mapped_column(String(32), index=True)
    published_from: Mapped[str] = mapped_column(String(16))
    # Every date column is a TIMEX3 value with its interval beside it: first and last day
    # (ISO, so text order is date order) and precision (dateline.timex.interval).
    published_start: Mapped[str | None] = mapped_column(String(10), index=True)
    published_end: Mapped[str | None] = mapped_column(String(10))
    published_precision: Mapped[str | None] = mapped_column(String(16))
    place_name: Mapped[str | None] = mapped_column(String(200))
    place_country: Mapped[str | None] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    raw: Mapped[str] = mapped_column(Text)
    data: Mapped[str] = mapped_column(Text)  # the whole contract object, as JSON
    ingested_at: Mapped[str] = mapped_column(String(32))
    # Grouping (dateline.stories): the earliest stored copy of a near-duplicate, the story.
    duplicate_of: Mapped[str | None] = mapped_column(String(32), index=True)
    story: Mapped[str | None] = mapped_column(String(64), index=True)


class EntityRow(Base):
    __tablename__ = "entities"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    doc_id: Mapped[str] = mapped_column(ForeignKey("documents.id", **CASCADE), index=True)
    start_char: Mapped[int] = mapped_column(Integer)
    end_char: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    label: Mapped[str] = mapped_column(String(32))
    actor_id: Mapped[str | None] = mapped_column(String(200), index=True)


class QuoteRow(Base):
    __tablename__ = "quotes"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    doc_id: Mapped[str] = mapped_column(ForeignKey("documents.id", **CASCADE), index=True)
    start_char: Mapped[int] = mapped_column(Integer)
    end_char: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16))
    speaker: Mapped[str | None] = mapped_column(Text)
    cue: Mapped[str | None] = mapped_column(Text)
    actor_id: Mapped[str | None] = mapped_column(String(200), index=True)
    date: Mapped[str | None] = mapped_column(String(32), index=True)
    date_start: Mapped[str | None] = mapped_column(String(10), index=True)
    date_end: Mapped[str | None] = mapped_column(String(10))
    date_precision: Mapped[str | None] = mapped_column(String(16))


class TimexRow(Base):
    __tablename__ = "timexes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    doc_id: Mapped[str] = mapped_column(ForeignKey("documents.id", **CASCADE), index=True)
    start_char: Mapped[int] = mapped_column(Integer)
    end_char: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    type: Mapped[str] = mapped_column(String(16))
    value: Mapped[str] = mapped_column(String(64), index=True)
    mod: Mapped[str | None] = mapped_column(String(16))
    date_start: Mapped[str | None] = mapped_column(String(10), index=True)
    date_end: Mapped[str | None] = mapped_column(String(10))
    date_precision: Mapped[str | None] = mapped_column(String(16))


class EventRow(Base):
    __tablename__ = "events"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    doc_id: Mapped[str] = mapped_column(ForeignKey("documents.id", **CASCADE), index=True)
    type: Mapped[str] = mapped_column(String(16), index=True)
    mode: Mapped[str | None] = mapped_column(String(64))
    context: Mapped[str | None] = mapped_column(Text)  # comma-separated PLOVER contexts
    source_actor: Mapped[str | None] = mapped_column(String(200), index=True)
    source_country: Mapped[str | None] = mapped_column(String(16), index=True)
    source_text: Mapped[str | None] = mapped_column(Text)
    target_actor: Mapped[str | None] = mapped_column(String(200), index=True)
    target_country: Mapped[str | None] = mapped_column(String(16), index=True)
    target_text: Mapped[str | None] = mapped_column(Text)
    trigger: Mapped[str] = mapped_column(Text)
    trigger_start: Mapped[int] = mapped_column(Integer)
    sentence_start: Mapped[int] = mapped_column(Integer)
    sentence_end: Mapped[int] = mapped_column(Integer)
    date: Mapped[str | None] = mapped_column(String(32), index=True)
    date_start: Mapped[str | None] = mapped_column(String(10), index=True)
    date_end: Mapped[str | None] = mapped_column(String(10))
    date_precision: Mapped[str | None] = mapped_column(String(16))
    place: Mapped[str | None] = mapped_column(String(200))
    intensity: Mapped[float | None] = mapped_column(Float)
    cameo: Mapped[str | None] = mapped_column(String(8))
    mentions: Mapped[int | None] = mapped_column(Integer)  # triggers of it in the document
    story_event: Mapped[str | None] = mapped_column(String(64), index=True)


class ActorRow(Base):
    __tablename__ = "actors"

    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    type: Mapped[str] = mapped_column(String(32))
    country: Mapped[str | None] = mapped_column(String(16), index=True)
    sector: Mapped[str | None] = mapped_column(String(16))
    first_seen: Mapped[str | None] = mapped_column(String(32))
    last_seen: Mapped[str | None] = mapped_column(String(32))
    # a surname-only actor ("biden") later known by the full name points at it
    merged_into: Mapped[str | None] = mapped_column(String(200))


class ActorAliasRow(Base):
    __tablename__ = "actor_aliases"

    actor_id: Mapped[str] = mapped_column(ForeignKey("actors.id", **CASCADE), primary_key=True)
    alias: Mapped[str] = mapped_column(String(300), primary_key=True)
    first_seen: Mapped[str | None] = mapped_column(String(32))
    last_seen: Mapped[str | None] = mapped_column(String(32))


class ActorRoleRow(Base):
    """A role seen for an actor, with the dates and the first document that showed it."""

    __tablename__ = "actor_roles"

    actor_id: Mapped[str] = mapped_column(ForeignKey("actors.id", **CASCADE), primary_key=True)
    role: Mapped[str] = mapped_column(String(300), primary_key=True)
    first_seen: Mapped[str | None] = mapped_column(String(32))
    last_seen: Mapped[str | None] = mapped_column(String(32))
    doc_id: Mapped[str | None] = mapped_column(String(32))


class ActorEvidenceRow(Base):
    """How many documents said an actor has a value of a field ("country" "USA": 3): the
    actor's value is the best-supported one, and its share says how sure that is."""

    __tablename__ = "actor_evidence"

    actor_id: Mapped[str] = mapped_column(ForeignKey("actors.id", **CASCADE), primary_key=True)
    field: Mapped[str] = mapped_column(String(16), primary_key=True)
    value: Mapped[str] = mapped_column(String(16), primary_key=True)
    docs: Mapped[int] = mapped_column(Integer)


class ActorDocumentRow(Base):
    """Which documents mention which actors (the actor's provenance)."""

    __tablename__ = "actor_documents"

    actor_id: Mapped[str] = mapped_column(ForeignKey("actors.id", **CASCADE), primary_key=True)
    doc_id: Mapped[str] = mapped_column(ForeignKey("documents.id", **CASCADE), primary_key=True)
    published: Mapped[str | None] = mapped_column(String(32))
    mentions: Mapped[int] = mapped_column(Integer, default=1)


Index("ix_actor_documents_doc", ActorDocumentRow.doc_id)


class SignatureRow(Base):
    """A document's MinHash signature (dateline.stories.minhash), to confirm candidates."""

    __tablename__ = "document_signatures"

    doc_id: Mapped[str] = mapped_column(ForeignKey("documents.id", **CASCADE), primary_key=True)
    shingles: Mapped[int] = mapped_column(Integer)
    signature: Mapped[bytes] = mapped_column(LargeBinary)


class BandRow(Base):
    """One LSH band key of a document: documents sharing a key are duplicate candidates,
    found through the primary key's index whatever the size of the store."""

    __tablename__ = "document_bands"

    key: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    doc_id: Mapped[str] = mapped_column(ForeignKey("documents.id", **CASCADE), primary_key=True)


Index("ix_document_bands_doc", BandRow.doc_id)


class StoryEventRow(Base):
    """Reports of one real event in several documents, with the report that started it
    (to match new reports against) and its counts."""

    __tablename__ = "story_events"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    type: Mapped[str] = mapped_column(String(16))
    source_actor: Mapped[str | None] = mapped_column(String(200))
    source_country: Mapped[str | None] = mapped_column(String(16))
    target_actor: Mapped[str | None] = mapped_column(String(200))
    target_country: Mapped[str | None] = mapped_column(String(16))
    date_start: Mapped[str | None] = mapped_column(String(10))
    date_end: Mapped[str | None] = mapped_column(String(10))
    words: Mapped[str] = mapped_column(Text)  # the first report's sentence words
    doc_id: Mapped[str] = mapped_column(String(32))  # the first report's document
    num_mentions: Mapped[int] = mapped_column(Integer, default=0)
    num_articles: Mapped[int] = mapped_column(Integer, default=0)
    num_sources: Mapped[int] = mapped_column(Integer, default=0)


class StoryEventKeyRow(Base):
    """A lookup key (type, sides, date bucket) of a story event."""

    __tablename__ = "story_event_keys"

    key: Mapped[str] = mapped_column(String(300), primary_key=True)
    story_event: Mapped[str] = mapped_column(ForeignKey("story_events.id", **CASCADE),
                                             primary_key=True)


class StoryRow(Base):
    __tablename__ = "stories"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    title: Mapped[str | None] = mapped_column(Text)  # the first document's
    first_date: Mapped[str | None] = mapped_column(String(10), index=True)
    last_date: Mapped[str | None] = mapped_column(String(10))
    documents: Mapped[int] = mapped_column(Integer, default=0)


class StoryKeyRow(Base):
    """A named actor of a story: how documents naming it find the story."""

    __tablename__ = "story_keys"

    key: Mapped[str] = mapped_column(String(300), primary_key=True)
    story: Mapped[str] = mapped_column(ForeignKey("stories.id", **CASCADE), primary_key=True)


class ActorCountRow(Base):
    """Documents naming an actor in a month (key "actor|YYYY-MM"; the empty actor counts
    every document), copies counted once: how rare an actor is (dateline.stories.assign)."""

    __tablename__ = "story_actor_counts"

    key: Mapped[str] = mapped_column(String(300), primary_key=True)
    documents: Mapped[int] = mapped_column(Integer, default=0)
