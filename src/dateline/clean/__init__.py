"""Cleaning: page furniture removal and article metadata (title, outlet, place, date).

Reads ``doc.raw`` and ``doc.meta``; writes ``text``, ``segments``, ``removed``, ``title``,
``outlet``, ``place``, ``published`` and ``published_from``. Runs before the parse, so it
uses line features and regular expressions only (no spaCy).
"""

from dateline.clean.stage import CleanStage

__all__ = ["CleanStage"]
