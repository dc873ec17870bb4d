"""PLOVER event coding: who did what to whom, explained by the words that caused it."""

from dateline.events.stage import EventStage

__all__ = ["EventStage"]
