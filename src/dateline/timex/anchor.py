"""Give any span (a quote, an event) the date of its sentence, for later stages to sort by."""

from __future__ import annotations

import re
from bisect import bisect_left

from dateline.model import Document
from dateline.spans import SpanIndex

# A calendar value usable as a date: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www, YYYY-Qn, seasons...
_CALENDAR = re.compile(r"^\d{4}(?:-(?:\d{2}(?:-\d{2})?|W\d{1,2}(?:-\d|-WE)?|Q\d|H\d|SP|SU|FA|WI))?")


def calendar_date(value: str) -> str | None:
    """The calendar part of a TIMEX3 value, or None for references (PAST_REF) and unknowns."""
    match = _CALENDAR.match(value or "")
    return match.group(0) if match else None


class SpanDates:
    """Dates spans of one document; its sentences and timexes are indexed once, so dating
    every quote and event costs time linear in the document, not its square."""

    def __init__(self, doc: Document) -> None:
        self.published = doc.published
        self.sentences = doc.sentences  # in text order, as the parse gives them
        self.ends = [end for _, end in self.sentences]
        dated = [t for t in doc.timexes if t["type"] in ("DATE", "TIME")]
        self.timexes = SpanIndex(dated)

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        """The first sentence holding the span's start or end, else the span itself."""
        for s, e in self.sentences[bisect_left(self.ends, start):]:
            if s <= start < e or (s < end <= e):
                return s, e
            if s > end:
                break
        return start, end

    def __call__(self, start: int, end: int) -> str | None:
        """The DATE value of the nearest timex in the span's sentence, else the document's DCT.

        DURATION and SET timexes, and values that are not calendar dates (PAST_REF,
        XXXX-XX-XX), are skipped so that a span is never dated by "five hours".
        """
        best: tuple[int, str] | None = None
        for timex in self.timexes.inside(*self.sentence(start, end)):
            value = calendar_date(timex["value"])
            if value is None:
                continue
            distance = max(0, timex["start"] - end, start - timex["end"])
            if best is None or distance < best[0]:
                best = (distance, value)
        return best[1] if best else self.published

