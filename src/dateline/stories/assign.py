"""Stories: documents about one news story, assigned online as documents arrive.

A new document joins the best candidate story — one that shares its story events,
its words or its rarer actors and is close in time — or starts a story of its own. The
store finds the candidates through indexed keys; the decision is this pure function.

An actor counts by its rarity among the documents of its months (an inverse document
frequency from counts the store keeps): in campaign news every article names the two
candidates, and sharing them says nothing about sharing a story.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

MAX_GAP_DAYS = 14  # a story quiet for longer is over, unless a shared event ties it
# A shared story event ties a story only when it is dated to within a week: a claim dated
# by its month ("Trump has called climate change a hoax") is background, not news.
MAX_EVENT_SPAN_DAYS = 7
# A candidate qualifies on any of: shared story events, a close text, rare enough actors.
MIN_WORDS = 0.3
# Shared actors tie a story when, together, fewer than about one document in 50 would
# name them all by chance (the sum of their rarities), and they carry at least this
# share of the rarity of the document's own named actors.
MIN_ACTOR_RARITY = math.log(50)
MIN_ACTOR_SHARE = 0.3
# An actor named in more than one document in eight of its months is background: it finds
# no story and ties none (the many candidates of a primary race are named together).
MIN_RARITY = math.log(8)
WEIGHTS = {"events": 1.0, "words": 2.0, "actors": 1.0}
TOTAL = ""  # the actor key that counts every document of a month


@dataclass(frozen=True)
class Candidate:
    """What a document shares with one existing story."""

    story: str
    events: int  # precisely dated story events the document shares with the story
    words: float  # the highest estimated Jaccard with one of the story's documents
    actors: float  # the summed rarity of the named actors shared with the story
    actor_share: float  # that over the summed rarity of the document's named actors
    gap_days: int | None  # days between the document's date and the story's dates


def gap_days(start: str | None, end: str | None, first: str | None,
             last: str | None) -> int | None:
    """Days between two date intervals (0 when they overlap); None when either is undated."""
    if not (start and end and first and last):
        return None
    if end < first:
        return (date.fromisoformat(first) - date.fromisoformat(end)).days
    if last < start:
        return (date.fromisoformat(start) - date.fromisoformat(last)).days
    return 0


def precise(start: str | None, end: str | None) -> bool:
    """Whether a story event is dated closely enough to tie a story."""
    return bool(start and end) and (
        date.fromisoformat(end) - date.fromisoformat(start)).days <= MAX_EVENT_SPAN_DAYS


def rarity(with_actor: int, documents: int) -> float:
    """An actor's inverse document frequency among ``documents`` (smoothed: with few
    documents counted, no actor looks rare)."""
    return max(0.0, math.log((documents + 1) / (with_actor + 1)))


def score(c: Candidate) -> float | None:
    """How strongly a document belongs to a candidate story; None when it does not."""
    close = c.gap_days is not None and c.gap_days <= MAX_GAP_DAYS
    if c.events >= 2 or (c.events and close):
        pass
    elif not close:
        return None
    elif c.words < MIN_WORDS and not (c.actors >= MIN_ACTOR_RARITY
                                      and c.actor_share >= MIN_ACTOR_SHARE):
        return None
    return (WEIGHTS["events"] * min(c.events, 3) + WEIGHTS["words"] * c.words
            + WEIGHTS["actors"] * c.actor_share)


def best(candidates: list[Candidate]) -> str | None:
    """The story a document joins, or None to start its own."""
    scored = [(s, c.story) for c in candidates if (s := score(c)) is not None]
    return max(scored, key=lambda t: (t[0], t[1]))[1] if scored else None


def actor_keys(actors: list[str], start: str | None) -> list[str]:
    """The keys a story is found by, and its actors counted by: each named actor in the
    month of a document's date (none when undated), so a lookup reads one neighbourhood
    of time, not all of it."""
    return [f"{actor}|{start[:7]}" for actor in actors] if start else []


def actor_lookup_keys(actors: list[str], start: str | None, end: str | None) -> list[str]:
    """The keys of stories whose documents are within the gap of a document's dates."""
    if not (start and end):
        return []
    first = date.fromisoformat(start) - timedelta(days=MAX_GAP_DAYS)
    last = date.fromisoformat(end) + timedelta(days=MAX_GAP_DAYS)
    months, day = [], first.replace(day=1)
    while day <= last:
        months.append(day.isoformat()[:7])
        day = (day + timedelta(days=32)).replace(day=1)
    return [f"{actor}|{month}" for actor in actors for month in months]


def key_actor(key: str) -> str:
    return key.rsplit("|", 1)[0]


def rarities(actors: list[str], counts: dict[str, int]) -> dict[str, float]:
    """Each actor's rarity from the counts of its lookup keys (see actor_lookup_keys),
    the TOTAL keys counting every document."""
    per_actor: dict[str, int] = {}
    for key, n in counts.items():
        per_actor[key_actor(key)] = per_actor.get(key_actor(key), 0) + n
    documents = per_actor.get(TOTAL, 0)
    return {a: rarity(per_actor.get(a, 0), documents) for a in actors}
