"""The rules of the document contract ("dateline/1"), checked before a document is stored.

A stage bug that breaks an offset or invents an actor id would otherwise be written into
the store and only show as a broken page or a foreign-key error much later; checking here
turns it into that one document's failure, with a reason.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from dateline.actors.references import referenced_ids
from dateline.events.ontology import ontology
from dateline.model import Document, Span

QUOTE_KINDS = frozenset({"direct", "indirect", "mixed", "transcript"})
TIMEX_TYPES = frozenset({"DATE", "TIME", "DURATION", "SET"})
ACTOR_TYPES = frozenset({"person", "organisation", "country", "group"})


class ContractError(ValueError):
    """A document that breaks the contract; the message names the first problems."""


def _spans(doc: Document) -> Iterator[tuple[str, Span]]:
    for name in ("entities", "mentions", "quotes", "timexes"):
        for span in getattr(doc, name):
            yield name, span
    for quote in doc.quotes:
        for key in ("cue", "speaker"):
            if quote.get(key):
                yield f"quote {key}", quote[key]
    for event in doc.events:
        yield "event trigger", event["trigger"]
        for key in ("source", "target"):
            if event.get(key):
                yield f"event {key}", event[key]
        for mention in event.get("mentions") or []:
            yield "event mention", mention


def cleaning_problems(doc: Document) -> list[str]:
    """Where ``segments`` and ``removed`` fail to account for ``raw`` exactly once."""
    problems = []
    covered = [0] * len(doc.raw)
    pos = 0
    for ts, rs, n in doc.segments:
        if ts != pos:
            problems.append(f"segment at {ts} does not continue text at {pos}")
        if doc.text[ts : ts + n] != doc.raw[rs : rs + n]:
            problems.append(f"segment {[ts, rs, n]} is not a copy of raw")
        for i in range(rs, min(rs + n, len(covered))):
            covered[i] += 1
        pos = ts + n
    if pos != len(doc.text):
        problems.append("segments do not cover the whole text")
    for entry in doc.removed:
        if doc.raw[entry["raw_start"] : entry["raw_end"]] != entry["text"]:
            problems.append(f"removed {entry['kind']} text is not raw at its offsets")
        for i in range(entry["raw_start"], min(entry["raw_end"], len(covered))):
            covered[i] += 1
    for i, char in enumerate(doc.raw):
        if not char.isspace() and covered[i] != 1:
            problems.append(f"raw[{i}] {char!r} is {'lost' if not covered[i] else 'kept twice'}")
            break
    return problems


def problems(doc: Document) -> list[str]:
    """Every way the document breaks the contract (empty when it keeps it)."""
    found = cleaning_problems(doc) if doc.raw else []
    for name in ("id", "source", "text", "title", "outlet"):
        if "\x00" in (getattr(doc, name) or ""):
            found.append(f"{name} holds a NUL character")
    if not doc.id:
        found.append("no id")
    n = len(doc.text)
    for name, span in _spans(doc):
        start, end = span["start"], span["end"]
        if not 0 <= start <= end <= n:
            found.append(f"{name} span {start}-{end} outside the text (length {n})")
        elif doc.text[start:end] != span["text"]:
            found.append(f"{name} span {start}-{end} is not {span['text'][:40]!r}")
    for start, end in doc.sentences:
        if not 0 <= start < end <= n:
            found.append(f"sentence {start}-{end} outside the text")
    found += _type_problems(doc)
    ids = [a["id"] for a in doc.actors]
    if len(ids) != len(set(ids)):
        found.append("an actor id is listed twice")
    missing = referenced_ids(doc) - set(ids)
    if missing:
        found.append(f"references actor ids not in its actors: {', '.join(sorted(missing))}")
    return found


def _type_problems(doc: Document) -> list[str]:
    found = []
    categories = ontology().categories
    found += [f"unknown event type {e['type']!r}" for e in doc.events
              if e["type"] not in categories]
    found += [f"unknown quote kind {q['kind']!r}" for q in doc.quotes
              if q["kind"] not in QUOTE_KINDS]
    found += [f"unknown timex type {t['type']!r}" for t in doc.timexes
              if t["type"] not in TIMEX_TYPES]
    found += [f"actor {a['id']!r} has unknown type {a['type']!r}" for a in doc.actors
              if a["type"] not in ACTOR_TYPES]
    found += [f"actor {a['id']!r} has country {a['country']!r}, not an upper-case code"
              for a in doc.actors if not _code(a.get("country"))]
    return found


def _code(value: Any) -> bool:
    return value is None or (isinstance(value, str) and value.isupper() and value.isascii())


def validate(doc: Document) -> None:
    """Raise ContractError naming the first problems of a document that breaks the contract."""
    found = problems(doc)
    if found:
        more = f" (and {len(found) - 3} more)" if len(found) > 3 else ""
        raise ContractError("contract: " + "; ".join(found[:3]) + more)
