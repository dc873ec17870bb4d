"""The Document every stage reads and annotates, and its JSON contract ("dateline/1").

Annotations are plain JSON-ready dicts (typed with TypedDict) so that a stage
can add a field without a schema change and serialisation stays trivial.
Every span's ``start``/``end`` is a character offset into ``Document.text``.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any, NotRequired, TypedDict

SCHEMA = "dateline/1"


class Span(TypedDict):
    start: int
    end: int
    text: str


class Removed(TypedDict):
    raw_start: int
    raw_end: int
    kind: str
    text: str


class Place(TypedDict):
    name: str
    country: str | None


class Entity(Span):
    label: str
    actor: NotRequired[str | None]


class Mention(Span):
    """Any reference to an actor: a name, a title, a pronoun, a description."""

    actor: str
    kind: NotRequired[str]  # name | title | pronoun | description | metonym | demonym


class Actor(TypedDict):
    id: str
    name: str
    type: str  # person | organisation | country | group
    country: str | None
    sector: str | None
    roles: list[str]
    aliases: NotRequired[list[str]]
    gender: NotRequired[str | None]  # a person's: "m" / "f" as texts showed it, or None


class Quote(Span):
    kind: str  # direct | indirect | mixed | transcript
    cue: Span | None
    speaker: Span | None
    actor: str | None
    date: NotRequired[str | None]  # when it was said (TIMEX3 value)
    date_start: NotRequired[str | None]  # the date's first and last day, ISO
    date_end: NotRequired[str | None]
    date_precision: NotRequired[str | None]  # day | week | month | ... | year | unknown
    label: NotRequired[str]  # transcript turns: the speaker label as printed
    confidence: NotRequired[float]  # transcript turns: how sure the label -> speaker mapping is


class Timex(Span):
    type: str  # DATE | TIME | DURATION | SET
    value: str
    mod: NotRequired[str]
    date_start: NotRequired[str | None]  # DATE and TIME values: first and last day, ISO
    date_end: NotRequired[str | None]
    date_precision: NotRequired[str | None]


class EventActor(TypedDict):
    actor: str | None
    country: str | None
    text: str
    start: int
    end: int


class Event(TypedDict):
    type: str
    mode: str | None
    context: list[str]
    source: EventActor
    target: EventActor | None
    trigger: Span
    sentence: list[int]
    date: str | None
    date_start: NotRequired[str | None]
    date_end: NotRequired[str | None]
    date_precision: NotRequired[str | None]
    place: str | None
    intensity: float
    cameo: str | None
    mentions: NotRequired[list[Span]]  # every trigger of this one event in the document


def document_id(data: bytes) -> str:
    """Stable id: the same input bytes give the same id on every machine."""
    return hashlib.sha256(data).hexdigest()[:16]


@dataclass
class Document:
    """One article on its way through the pipeline.

    ``raw`` is the decoded input (for HTML, the text the extractor returned);
    ``text`` is the cleaned article, built only from runs of ``raw`` listed in
    ``segments``. ``spacy`` holds the one parse of ``text`` shared by every
    stage after parsing; it is never serialised. ``evidence`` is what the text itself
    said of each actor, before the knowledge base filled gaps: what the knowledge base
    learns from this document (never serialised either).
    """

    id: str
    source: str
    raw: str
    text: str = ""
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    published_from: str = "none"
    place: Place | None = None
    segments: list[list[int]] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    sentences: list[list[int]] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    spacy: Any = field(default=None, repr=False, compare=False)
    evidence: list[Actor] | None = field(default=None, repr=False, compare=False)

    def span(self, start: int, end: int) -> Span:
        """A contract span over ``text``."""
        return {"start": start, "end": end, "text": self.text[start:end]}

    def actor(self, actor_id: str | None) -> Actor | None:
        for actor in self.actors:
            if actor["id"] == actor_id:
                return actor
        return None

    def to_json(self) -> dict[str, Any]:
        """The contract object (schema "dateline/1")."""
        from dateline.timex.interval import date_fields  # the timex package imports this module

        out: dict[str, Any] = {
            "schema": SCHEMA,
            "id": self.id,
            "source": self.source,
            "title": self.title,
            "outlet": self.outlet,
            "published": self.published,
            "published_from": self.published_from,
            **date_fields(self.published, "published"),
            "place": self.place,
            "text": self.text,
            "segments": self.segments,
            "removed": self.removed,
            "sentences": self.sentences,
            "entities": self.entities,
            "mentions": self.mentions,
            "actors": self.actors,
            "quotes": self.quotes,
            "timexes": self.timexes,
            "events": self.events,
        }
        if self.meta:
            out["meta"] = self.meta
        return out

    def dumps(self) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False)

    @classmethod
    def from_json(cls, data: dict[str, Any], raw: str = "") -> Document:
        """Rebuild a document (without its parse) from the contract object."""
        names = (
            "title outlet published published_from place text segments removed sentences "
            "entities mentions actors quotes timexes events meta"
        ).split()
        kwargs = {name: data[name] for name in names if data.get(name) is not None}
        return cls(id=data["id"], source=data.get("source", ""), raw=raw, **kwargs)
