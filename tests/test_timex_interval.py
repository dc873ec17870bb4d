"""TIMEX3 values as intervals: first day, last day, precision."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.timex.interval import date_fields, interval


@pytest.mark.parametrize(("value", "start", "end", "precision"), [
    ("2022-07-09", "2022-07-09", "2022-07-09", "day"),
    ("2022-07-09T10:00", "2022-07-09", "2022-07-09", "day"),
    ("2022-07-09TMO", "2022-07-09", "2022-07-09", "day"),
    ("2022-W27", "2022-07-04", "2022-07-10", "week"),  # ISO week: Monday to Sunday
    ("2020-W53", "2020-12-28", "2021-01-03", "week"),  # a week across the new year
    ("2022-W27-6", "2022-07-09", "2022-07-09", "day"),
    ("2022-W27-WE", "2022-07-09", "2022-07-10", "week"),
    ("2022-07", "2022-07-01", "2022-07-31", "month"),
    ("2024-02", "2024-02-01", "2024-02-29", "month"),
    ("2022-07-XX", "2022-07-01", "2022-07-31", "month"),
    ("2024-Q1", "2024-01-01", "2024-03-31", "quarter"),
    ("2022-Q4", "2022-10-01", "2022-12-31", "quarter"),
    ("2022-SP", "2022-03-01", "2022-05-31", "season"),
    ("2022-SU", "2022-06-01", "2022-08-31", "season"),
    ("2022-FA", "2022-09-01", "2022-11-30", "season"),
    ("2023-WI", "2023-12-01", "2024-02-29", "season"),  # winter crosses the year
    ("2022-H1", "2022-01-01", "2022-06-30", "half"),
    ("2022-H2", "2022-07-01", "2022-12-31", "half"),
    ("2022", "2022-01-01", "2022-12-31", "year"),
    ("2022-XX-XX", "2022-01-01", "2022-12-31", "year"),
    ("2022-WXX-6", "2022-01-01", "2022-12-31", "year"),
    ("199X", "1990-01-01", "1999-12-31", "decade"),
    ("199", "1990-01-01", "1999-12-31", "decade"),
    ("19XX", "1900-01-01", "1999-12-31", "century"),
    ("20", "2000-01-01", "2099-12-31", "century"),
])
def test_intervals(value: str, start: str, end: str, precision: str) -> None:
    found = interval(value)
    assert found is not None
    assert (found.start, found.end, found.precision) == (
        date.fromisoformat(start), date.fromisoformat(end), precision)


@pytest.mark.parametrize("value", [
    "PRESENT_REF", "PAST_REF", "FUTURE_REF", "XXXX-XX-XX", "XXXX-WXX-6", "XXXX-07",
    "XXXX-WI", "P5Y", "PT5H", "2022-02-30", "2021-W53", "0000", "", None,
])
def test_values_without_an_interval(value: str | None) -> None:
    assert interval(value) is None


def test_fields_say_unknown_only_for_a_value() -> None:
    assert date_fields("2025-W11") == {"date_start": "2025-03-10", "date_end": "2025-03-16",
                                       "date_precision": "week"}
    assert date_fields("PAST_REF")["date_precision"] == "unknown"
    assert date_fields("PAST_REF")["date_start"] is None
    assert date_fields(None, "published") == {"published_start": None, "published_end": None,
                                              "published_precision": None}
