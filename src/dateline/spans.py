"""Find the spans over or inside a range by bisection, so per-document cost stays linear.

A stage that asked "which mentions overlap this quote?" by scanning every mention
spent time in the square of the document's length; an index answers from the
few spans near the range. Answers keep the order the spans were given in.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Generic, TypeVar

T = TypeVar("T")


def dict_bounds(item: Any) -> tuple[int, int]:
    return item["start"], item["end"]


def attr_bounds(item: Any) -> tuple[int, int]:
    return item.start, item.end


class SpanIndex(Generic[T]):
    """Spans (dicts with start/end by default) sorted by start, with the longest length,
    so that the spans touching a range lie in one short run of the sorted list."""

    def __init__(self, items: Sequence[T],
                 bounds: Callable[[Any], tuple[int, int]] = dict_bounds) -> None:
        spans = [(*bounds(item), n) for n, item in enumerate(items)]
        spans.sort()
        self.items = items
        self.starts = [s for s, _, _ in spans]
        self.spans = spans
        self.longest = max((e - s for s, e, _ in spans), default=0)

    def __iter__(self) -> Iterator[T]:
        """Every span, in the given order."""
        return iter(self.items)

    def _near(self, lo: int, hi: int) -> list[tuple[int, int, int]]:
        """Spans whose start lies in [lo, hi]."""
        return self.spans[bisect_left(self.starts, lo):bisect_right(self.starts, hi)]

    def overlapping(self, start: int, end: int) -> list[T]:
        """Spans sharing at least one character with [start, end), in the given order."""
        found = [n for s, e, n in self._near(start - self.longest, end - 1)
                 if max(s, start) < min(e, end)]
        return [self.items[n] for n in sorted(found)]

    def inside(self, start: int, end: int) -> list[T]:
        """Spans within [start, end], in the given order."""
        found = [n for _, e, n in self._near(start, end) if e <= end]
        return [self.items[n] for n in sorted(found)]

    def covering(self, at: int) -> list[T]:
        """Spans with start <= at < end, in the given order."""
        found = [n for s, e, n in self._near(at - self.longest, at) if e > at]
        return [self.items[n] for n in sorted(found)]
