"""Cleaning: page furniture removal and article metadata (title, outlet, place, date)."""

from dateline.clean.stage import CleanStage

__all__ = ["CleanStage"]
