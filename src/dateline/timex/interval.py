"""A TIMEX3 value as the days it covers: first day, last day and precision.

"2022" is every day of 2022 and "2025-W11" the seven days from its Monday, so
stores and charts can filter by overlap and sort by start without pretending a
year is its first of January. Values that name no calendar period (PAST_REF,
XXXX-XX-XX, durations) have no interval: their precision is "unknown".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from dateutil.relativedelta import relativedelta

from dateline.timex.calendar import SEASON_MONTH

DATED_TYPES = ("DATE", "TIME")  # timex types whose values name days; durations and sets do not
PRECISIONS = ("day", "week", "month", "quarter", "season", "half", "year", "decade",
              "century", "unknown")
_VALUE = re.compile(
    r"^(?:(?P<century>\d\d)(?:XX)?|(?P<decade>\d{3})X?"
    r"|(?P<year>\d{4})(?:-(?:"
    r"(?P<month>\d\d)(?:-(?P<day>\d\d)|-XX)?|XX(?:-XX)?"
    r"|W(?P<week>\d\d)(?:-(?P<weekday>[1-7])|-(?P<weekend>WE))?|WXX(?:-(?:[1-7]|WE))?"
    r"|Q(?P<quarter>[1-4])|H(?P<half>[12])|(?P<season>SP|SU|FA|WI)"
    r"))?)(?:T.*)?$"
)


@dataclass(frozen=True)
class Interval:
    """The days a date value covers, both ends included."""

    start: date
    end: date
    precision: str


def _span(start: date, length: relativedelta, precision: str) -> Interval:
    return Interval(start, start + length - timedelta(days=1), precision)


def interval(value: str | None) -> Interval | None:
    """The interval of a TIMEX3 DATE/TIME value ("2022-W27", "199X", "2024-Q1"), or None.

    Unknown parts finer than the year ("2022-XX-XX", "2022-WXX-6") leave the year.
    """
    match = _VALUE.match(value or "")
    if not match:
        return None
    g = {k: v for k, v in match.groupdict().items() if v is not None}
    try:
        if "century" in g:
            return _span(date(max(1, int(g["century"]) * 100), 1, 1),
                         relativedelta(years=100), "century")
        if "decade" in g:
            return _span(date(max(1, int(g["decade"]) * 10), 1, 1),
                         relativedelta(years=10), "decade")
        year = int(g["year"])
        if "day" in g:
            day = date(year, int(g["month"]), int(g["day"]))
            return Interval(day, day, "day")
        if "month" in g:
            return _span(date(year, int(g["month"]), 1), relativedelta(months=1), "month")
        if "week" in g:
            monday = date.fromisocalendar(year, int(g["week"]), 1)
            if "weekday" in g:
                day = monday + timedelta(days=int(g["weekday"]) - 1)
                return Interval(day, day, "day")
            if "weekend" in g:
                return Interval(monday + timedelta(days=5), monday + timedelta(days=6), "week")
            return _span(monday, relativedelta(weeks=1), "week")
        if "quarter" in g:
            return _span(date(year, 3 * int(g["quarter"]) - 2, 1), relativedelta(months=3),
                         "quarter")
        if "half" in g:
            return _span(date(year, 6 * int(g["half"]) - 5, 1), relativedelta(months=6), "half")
        if "season" in g:
            return _span(date(year, SEASON_MONTH[g["season"]], 1), relativedelta(months=3),
                         "season")
        return _span(date(year, 1, 1), relativedelta(years=1), "year")
    except (ValueError, OverflowError):  # "2022-02-30", "2020-W54", "0000", past 9999
        return None


def date_fields(value: str | None, prefix: str = "date") -> dict[str, Any]:
    """``{prefix}_start``, ``{prefix}_end`` (ISO dates) and ``{prefix}_precision`` of a value.

    No value gives nulls; a value without an interval has precision "unknown".
    """
    found = interval(value)
    return {
        f"{prefix}_start": found.start.isoformat() if found else None,
        f"{prefix}_end": found.end.isoformat() if found else None,
        f"{prefix}_precision": found.precision if found else ("unknown" if value else None),
    }
