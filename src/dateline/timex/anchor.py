"""Give any span (a quote, an event) the date of its sentence, for later stages to sort by."""

from __future__ import annotations

import re

from dateline.model import Document
from dateline.timex.interval import DATED_TYPES

# A calendar value usable as a date: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www, YYYY-Qn, seasons...
_CALENDAR = re.compile(r"^\d{4}(?:-(?:\d{2}(?:-\d{2})?|W\d{1,2}(?:-\d|-WE)?|Q\d|H\d|SP|SU|FA|WI))?")


def calendar_date(value: str) -> str | None:
    """The calendar part of a TIMEX3 value, or None for references (PAST_REF) and unknowns."""
    match = _CALENDAR.match(value or "")
    return match.group(0) if match else None


def _sentence(doc: Document, start: int, end: int) -> tuple[int, int]:
    return next(((s, e) for s, e in doc.sentences if s <= start < e or (s < end <= e)),
                (start, end))


def _nearest_date(doc: Document, within: tuple[int, int], start: int, end: int,
                  outside: tuple[int, int] | None = None) -> str | None:
    """The calendar value of the DATE/TIME timex in ``within`` nearest to start..end,
    skipping any inside ``outside`` (a quote's own words)."""
    best: tuple[int, str] | None = None
    for timex in doc.timexes:
        if timex["type"] not in DATED_TYPES:
            continue
        if timex["start"] < within[0] or timex["end"] > within[1]:
            continue
        if outside and timex["start"] < outside[1] and timex["end"] > outside[0]:
            continue
        value = calendar_date(timex["value"])
        if value is None:
            continue
        distance = max(0, timex["start"] - end, start - timex["end"])
        if best is None or distance < best[0]:
            best = (distance, value)
    return best[1] if best else None


def date_for_span(doc: Document, start: int, end: int) -> str | None:
    """The DATE value of the nearest timex in the span's sentence, else the document's DCT.

    DURATION and SET timexes, and values that are not calendar dates (PAST_REF,
    XXXX-XX-XX), are skipped so that a span is never dated by "five hours".
    """
    return _nearest_date(doc, _sentence(doc, start, end), start, end) or doc.published


def date_of_speech(doc: Document, start: int, end: int,
                   cue: tuple[int, int] | None) -> str | None:
    """When a quote was said: a date in the clause that reports it ("..., he said Friday"),
    else the document's date. A date inside the quoted words ("in October") is what the
    speaker talks about, not when they spoke, so it never dates the quote."""
    if cue is None:
        return doc.published
    within = _sentence(doc, *cue)
    return _nearest_date(doc, within, cue[0], cue[1], outside=(start, end)) or doc.published
