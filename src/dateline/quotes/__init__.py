"""Quotes: direct, indirect and mixed quotations and interview turns, attributed to actors."""

from dateline.quotes.stage import QuoteStage

__all__ = ["QuoteStage"]
