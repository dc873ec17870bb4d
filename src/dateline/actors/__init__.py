"""Actors: countries, titles and roles, name resolution, the actor knowledge base."""
