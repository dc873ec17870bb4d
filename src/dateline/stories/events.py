"""Story events: reports in different documents of one real event.

Two event reports are one story event when they have the same PLOVER type, the same
actors (or, where an actor is unresolved, the same countries) on each side, overlapping
date intervals and similar sentences. Candidates come from keys (type, sides, date
bucket) that a store indexes, so nothing scans all events.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.lang.en.stop_words import STOP_WORDS

from dateline.timex.interval import interval

WORD = re.compile(r"[^\W\d_]{3,}")
# Reports of one event may date it a day or two apart (time zones, "yesterday" read from
# a later publication date): intervals this close count as overlapping.
DATE_SLACK_DAYS = 2
MAX_MONTH_KEYS = 3  # an interval longer than this many months is keyed by its year
# The sentence similarity a match needs: less when resolved actors already agree.
SIMILAR_WITH_ACTORS = 0.1
SIMILAR_WITH_COUNTRIES = 0.25


@dataclass(frozen=True)
class EventReport:
    """One event of one document, as grouping sees it."""

    id: str
    doc_id: str
    type: str
    source_actor: str | None
    source_country: str | None
    target_actor: str | None
    target_country: str | None
    start: str | None  # the event's first and last day (the document's when undated)
    end: str | None
    words: frozenset[str]


def sentence_words(text: str) -> frozenset[str]:
    """A sentence's content words: stop words would make any two sentences look alike."""
    return frozenset(w for w in map(str.lower, WORD.findall(text)) if w not in STOP_WORDS)


def reports(doc_id: str, text: str, events: list[dict], published: str | None,
            ids: list[str]) -> list[EventReport]:
    """A document's events as reports, each dated by its own interval or the document's."""
    found = interval(published) if published else None
    own = (found.start.isoformat(), found.end.isoformat()) if found else (None, None)
    out = []
    for event_id, event in zip(ids, events, strict=True):
        source, target = event.get("source") or {}, event.get("target") or {}
        start, end = event.get("date_start"), event.get("date_end")
        if not (start and end):
            start, end = own
        s, e = event["sentence"]
        out.append(EventReport(event_id, doc_id, event["type"], source.get("actor"),
                               source.get("country"), target.get("actor"),
                               target.get("country"), start, end,
                               sentence_words(text[s:e])))
    return out


def buckets(start: str | None, end: str | None) -> tuple[list[str], bool]:
    """The date buckets an interval (widened by the slack) falls in, and whether it is
    vague: its months, or its years when it spans more than a few months."""
    if not (start and end):
        return ["undated"], False
    slack = timedelta(days=DATE_SLACK_DAYS)
    first, last = date.fromisoformat(start) - slack, date.fromisoformat(end) + slack
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    if months > MAX_MONTH_KEYS:
        return [str(y) for y in range(first.year, min(last.year, first.year + 2) + 1)], True
    out, y, m = [], first.year, first.month
    for _ in range(months):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out, False


def years(start: str | None, end: str | None) -> list[str]:
    if not (start and end):
        return []
    return [str(y) for y in range(int(start[:4]), min(int(end[:4]), int(start[:4]) + 2) + 1)]


def sides(report: EventReport) -> list[tuple[str, str]]:
    """The (source, target) pairs a report is keyed by: actors, and countries."""
    out = []
    if report.source_actor or report.target_actor:
        out.append((report.source_actor or report.source_country or "",
                    report.target_actor or report.target_country or ""))
    if report.source_country or report.target_country:
        out.append((report.source_country or "", report.target_country or ""))
    return list(dict.fromkeys(out)) or [("", "")]


def keys(report: EventReport) -> list[str]:
    """The keys a story event is stored under: its date buckets; its years too ("in:"),
    where a vaguely dated report looks; and, when itself vague, "vague:" years, where a
    precise report looks. A match always shares a key, and a precise report never looks
    through a whole year of events."""
    found, vague = buckets(report.start, report.end)
    if vague:
        found = found + [f"vague:{y}" for y in found]
    found = found + [f"in:{y}" for y in years(report.start, report.end)]
    return _keyed(report, found)


def lookup_keys(report: EventReport) -> list[str]:
    """The keys to look a report's candidates up by (see keys)."""
    found, vague = buckets(report.start, report.end)
    extra = [f"in:{y}" for y in found] if vague else \
        [f"vague:{y}" for y in years(report.start, report.end)]
    return _keyed(report, found + extra)


def _keyed(report: EventReport, dates: list[str]) -> list[str]:
    return [f"{report.type}|{src}|{tgt}|{when}" for src, tgt in sides(report) for when in dates]


def _side(actor_a: str | None, country_a: str | None, actor_b: str | None,
          country_b: str | None) -> str | None:
    """'actor' when both resolve to one actor, 'country' when only countries agree,
    'none' when both sides are empty, None when they disagree."""
    if actor_a and actor_b:
        return "actor" if actor_a == actor_b else None
    if country_a or country_b:
        return "country" if country_a == country_b else None
    return "none" if not (actor_a or actor_b) else None


def apart(start_a: str, end_a: str, start_b: str, end_b: str) -> bool:
    """Whether two intervals are more than the slack apart."""
    slack = timedelta(days=DATE_SLACK_DAYS)
    return (date.fromisoformat(end_a) + slack < date.fromisoformat(start_b)
            or date.fromisoformat(end_b) + slack < date.fromisoformat(start_a))


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def match(a: EventReport, b: EventReport) -> float | None:
    """How well two reports match as one real event (their sentence similarity),
    or None when they cannot be the same event."""
    if a.type != b.type:
        return None
    source = _side(a.source_actor, a.source_country, b.source_actor, b.source_country)
    target = _side(a.target_actor, a.target_country, b.target_actor, b.target_country)
    if source is None or target is None:
        return None
    if bool(a.start and a.end) != bool(b.start and b.end):
        return None
    if a.start and a.end and b.start and b.end and apart(a.start, a.end, b.start, b.end):
        return None
    score = similarity(a.words, b.words)
    needed = SIMILAR_WITH_ACTORS if "actor" in (source, target) else SIMILAR_WITH_COUNTRIES
    return score if score >= needed else None


def assign(new: list[EventReport], candidates: dict[str, list[EventReport]],
           taken: set[str] = frozenset()) -> dict[str, str]:
    """For each new report, the story event (among ``candidates``: story event id → its
    reports) it joins, best matches first; one document's reports join distinct story
    events, and none it already has (``taken``). A report is compared only with the
    story events having a report of its type (no other can match it)."""
    of_type: dict[str, list[tuple[str, list[EventReport]]]] = {}
    for story_event, members in candidates.items():
        for type_ in {m.type for m in members}:
            of_type.setdefault(type_, []).append((story_event, members))
    scored = []
    for report in new:
        for story_event, members in of_type.get(report.type, ()):
            scores = [s for m in members if m.doc_id != report.doc_id
                      and (s := match(report, m)) is not None]
            if scores:
                scored.append((max(scores), report.id, story_event))
    out: dict[str, str] = {}
    used = set(taken)
    for _, report_id, story_event in sorted(scored, key=lambda t: (-t[0], t[1], t[2])):
        if report_id not in out and story_event not in used:
            out[report_id] = story_event
            used.add(story_event)
    return out


def counts(members: list[tuple[str, str | None, str | None, int]]) -> dict[str, int]:
    """A story event's counts from its reports (document, duplicate_of, outlet, mentions).

    A near-duplicate counts once: its mentions and article are its original's. Sources are
    distinct outlets (a document without one is its own source).
    """
    mentions: dict[str, int] = {}
    for doc_id, duplicate_of, _, n in members:
        root = duplicate_of or doc_id
        mentions[root] = max(mentions.get(root, 0), n)
    outlets = {outlet or f"doc:{duplicate_of or doc_id}"
               for doc_id, duplicate_of, outlet, _ in members}
    return {"num_mentions": sum(mentions.values()), "num_articles": len(mentions),
            "num_sources": len(outlets)}
