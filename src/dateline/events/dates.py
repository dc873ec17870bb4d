"""When an event happened: its own sentence first, then the paragraph's narrative time.

A timex led by "since", "until", "by" ... bounds a state rather than dating the event, and
durations never date one. An event with no date in its sentence or in the earlier sentences
of its paragraph gets the publication date when told in the simple tenses (news reports what
just happened), and only the publication MONTH when told in the perfect ("has criticized",
"had warned"): an undated earlier event whose day the text does not give.
"""

from __future__ import annotations

from dateline.model import Document
from dateline.timex.anchor import SpanDates, calendar_date

# Words before a timex that make it a bound, not the time of the event.
BOUNDS = {"since", "until", "till", "by", "through", "before", "after", "from", "to"}


def dated(doc: Document, dates: SpanDates, start: int, end: int) -> list[tuple[int, int, str]]:
    """Calendar DATE/TIME timexes between ``start`` and ``end`` that are not bounds."""
    found = []
    for timex in dates.timexes.inside(start, end):
        value = calendar_date(timex["value"])
        before = doc.text[max(0, timex["start"] - 8):timex["start"]].split()
        if value and not (before and before[-1].lower() in BOUNDS):
            found.append((timex["start"], timex["end"], value))
    return found


def event_date(doc: Document, dates: SpanDates, start: int, end: int,
               sentence: tuple[int, int], perfect: bool = False) -> str | None:
    """The date of the event whose trigger spans ``start``-``end`` in ``sentence``;
    ``perfect``: told in the perfect ("has criticized"), an undated past event."""
    own = dated(doc, dates, *sentence)
    if own:
        return min(own, key=lambda t: max(0, t[0] - end, start - t[1]))[2]
    paragraph = doc.text.rfind("\n", 0, sentence[0]) + 1
    earlier = dated(doc, dates, paragraph, sentence[0])
    if earlier:
        return earlier[-1][2]
    if doc.published and perfect:
        return doc.published[:7]
    return doc.published
