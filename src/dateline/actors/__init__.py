"""Actors: countries, titles and roles, name resolution, the actor knowledge base.

Actor ids (``ids``): a person, organisation, country or international organisation id is
the slug of its canonical name ("antony-blinken", "wang-yi", "npr", "united-states",
"united-nations"), a country's ISO 3166-1 alpha-3 code being its ``country`` ("USA") and an
international organisation's own code its ``country`` ("UN", "NATO", "UNSC").

Modules: ``countries`` (names, demonyms, metonyms, IGOs -> codes), ``ids`` (actor ids),
``titles`` (role words and sectors), ``entities`` (corrections of spaCy's entities),
``resolve`` (mentions -> actors within a document), ``kb`` (the cross-document knowledge
base and user overrides), ``stage`` (the pipeline stage).
"""

from dateline.actors.stage import ActorStage

__all__ = ["ActorStage"]
