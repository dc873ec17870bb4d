"""Calendar points at a granularity (year, quarter, month, week, day) and their arithmetic.

The arithmetic is python-dateutil's; this module only knows how TIMEX3 writes each
granularity ("2022", "2022-Q3", "2022-07", "2022-W27", "2022-07-09").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from dateutil.relativedelta import relativedelta

# The first month of each TIMEX3 season (meteorological, three months; winter crosses the year).
SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
# Granularities from coarse to fine.
ORDER = {"CE": 0, "DE": 1, "Y": 2, "H": 3, "Q": 4, "M": 5, "W": 6, "D": 7}
STEP = {
    "Y": relativedelta(years=1),
    "DE": relativedelta(years=10),
    "CE": relativedelta(years=100),
    "H": relativedelta(months=6),
    "Q": relativedelta(months=3),
    "M": relativedelta(months=1),
    "W": relativedelta(weeks=1),
    "D": relativedelta(days=1),
    "WE": relativedelta(weeks=1),
}
_VALUE = re.compile(
    r"^(?P<y>\d{4})(?:-(?:(?P<m>\d\d)(?:-(?P<d>\d\d))?|Q(?P<q>[1-4])|H(?P<h>[12])|W(?P<w>\d\d)))?"
)


@dataclass(frozen=True)
class Point:
    """A day standing for the period of the given granularity that contains it."""

    day: date
    gran: str

    def shift(self, n: float, unit: str) -> Point:
        step = STEP[unit]
        return replace(self, day=self.day + step * int(n))

    def at(self, gran: str) -> Point:
        return replace(self, gran=gran)

    def value(self, known: str = "D") -> str:
        """TIMEX3 value; parts finer than ``known`` (what the DCT tells) become X."""
        d, g = self.day, self.gran
        if known == "M" and g == "D":
            return f"{d.year}-{d.month:02d}-XX"
        if ORDER[g] > ORDER.get(known, 7) and g in ("M", "W", "D"):
            return {"M": f"{d.year}-XX", "W": f"{d.year}-WXX", "D": f"{d.year}-XX-XX"}[g]
        if g == "CE":
            return f"{d.year // 100:02d}"
        if g == "DE":
            return f"{d.year // 10:03d}"
        if g == "Y":
            return f"{d.year:04d}"
        if g == "H":
            return f"{d.year:04d}-H{1 + (d.month - 1) // 6}"
        if g == "Q":
            return f"{d.year:04d}-Q{1 + (d.month - 1) // 3}"
        if g == "M":
            return f"{d.year:04d}-{d.month:02d}"
        if g == "W":
            year, week, _ = d.isocalendar()
            return f"{year:04d}-W{week:02d}"
        return d.isoformat()


def parse(value: str | None) -> Point | None:
    """A Point from a TIMEX3/ISO value such as "2022-07-09", "1989-Q3" or "1998"."""
    m = _VALUE.match(value or "")
    if not m:
        return None
    year = int(m["y"])
    if year < 1:  # "0000": before the first year a date can hold
        return None
    if m["d"]:
        try:
            return Point(date(year, int(m["m"]), int(m["d"])), "D")
        except ValueError:
            return None
    if m["m"]:
        return Point(date(year, min(12, max(1, int(m["m"]))), 1), "M")
    if m["q"]:
        return Point(date(year, 3 * int(m["q"]) - 2, 1), "Q")
    if m["h"]:
        return Point(date(year, 6 * int(m["h"]) - 5, 1), "H")
    if m["w"]:
        try:
            return Point(date.fromisocalendar(year, int(m["w"]), 1), "W")
        except ValueError:
            return None
    return Point(date(year, 1, 1), "Y")
