"""Actors: countries, titles and roles, name resolution, the actor knowledge base."""

from dateline.actors.stage import ActorStage

__all__ = ["ActorStage"]
