"""Temporal expressions: recognise them and give each a TIMEX3 value anchored on the DCT."""

from dateline.timex.anchor import date_for_span
from dateline.timex.stage import TimexStage

__all__ = ["TimexStage", "date_for_span"]
