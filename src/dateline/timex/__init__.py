"""Temporal expressions: recognise them and give each a TIMEX3 value anchored on the DCT."""

from dateline.timex.anchor import SpanDates
from dateline.timex.stage import TimexStage

__all__ = ["SpanDates", "TimexStage"]
