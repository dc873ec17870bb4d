"""Give any span (a quote, an event) the date of its sentence, for later stages to sort by."""

from __future__ import annotations

import re
from bisect import bisect_left

from dateline.model import Document
from dateline.spans import SpanIndex
from dateline.timex.interval import DATED_TYPES

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
        self.timexes = SpanIndex([t for t in doc.timexes if t["type"] in DATED_TYPES])

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        """The first sentence holding the span's start or end, else the span itself."""
        for s, e in self.sentences[bisect_left(self.ends, start):]:
            if s <= start < e or (s < end <= e):
                return s, e
            if s > end:
                break
        return start, end

    def nearest(self, within: tuple[int, int], start: int, end: int,
                outside: tuple[int, int] | None = None) -> str | None:
        """The calendar value of the DATE/TIME timex in ``within`` nearest to start..end,
        skipping any inside ``outside`` (a quote's own words). DURATION and SET timexes,
        and values that are not calendar dates (PAST_REF, XXXX-XX-XX), never date a span."""
        best: tuple[int, str] | None = None
        for timex in self.timexes.inside(*within):
            if outside and timex["start"] < outside[1] and timex["end"] > outside[0]:
                continue
            value = calendar_date(timex["value"])
            if value is None:
                continue
            distance = max(0, timex["start"] - end, start - timex["end"])
            if best is None or distance < best[0]:
                best = (distance, value)
        return best[1] if best else None

    def __call__(self, start: int, end: int) -> str | None:
        """The date of the nearest timex in the span's sentence, else the document's DCT."""
        return self.nearest(self.sentence(start, end), start, end) or self.published

    def of_speech(self, start: int, end: int, cue: tuple[int, int] | None) -> str | None:
        """When a quote was said: a date in the clause that reports it ("..., he said
        Friday"), else the document's date. A date inside the quoted words ("in October")
        is what the speaker talks about, not when they spoke, so it never dates the quote."""
        if cue is None:
            return self.published
        within = self.sentence(*cue)
        return self.nearest(within, cue[0], cue[1], outside=(start, end)) or self.published
