"""Give any span (a quote, an event) the date of its sentence, for later stages to sort by."""

from __future__ import annotations

import re

from dateline.model import Document

# A calendar value usable as a date: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www, YYYY-Qn, seasons...
_CALENDAR = re.compile(r"^\d{4}(?:-(?:\d{2}(?:-\d{2})?|W\d{1,2}(?:-\d|-WE)?|Q\d|H\d|SP|SU|FA|WI))?")


def calendar_date(value: str) -> str | None:
    """The calendar part of a TIMEX3 value, or None for references (PAST_REF) and unknowns."""
    match = _CALENDAR.match(value or "")
    return match.group(0) if match else None


def date_for_span(doc: Document, start: int, end: int) -> str | None:
    """The DATE value of the nearest timex in the span's sentence, else the document's DCT.

    DURATION and SET timexes, and values that are not calendar dates (PAST_REF,
    XXXX-XX-XX), are skipped so that a span is never dated by "five hours".
    """
    sentence = next(
        ((s, e) for s, e in doc.sentences if s <= start < e or (s < end <= e)), (start, end)
    )
    best: tuple[int, str] | None = None
    for timex in doc.timexes:
        if timex["type"] not in ("DATE", "TIME"):
            continue
        if timex["start"] < sentence[0] or timex["end"] > sentence[1]:
            continue
        value = calendar_date(timex["value"])
        if value is None:
            continue
        distance = max(0, timex["start"] - end, start - timex["end"])
        if best is None or distance < best[0]:
            best = (distance, value)
    return best[1] if best else doc.published
