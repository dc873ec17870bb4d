"""Actors: countries, titles and roles, name resolution, the actor knowledge base.

Actor ids (``ids``): a person, organisation or country id is the slug of its canonical name
("antony-blinken", "wang-yi", "npr", "united-states"), a country's ISO 3166-1 alpha-3 code
being its ``country`` ("USA"); an international organisation's id is its own code in lower
case ("nato", "un", "g20"), with that upper-case code as its ``country``.

Modules: ``countries`` (names, demonyms, metonyms, IGOs -> codes), ``ids`` (actor ids),
``titles`` (role words and sectors), ``entities`` (corrections of spaCy's entities),
``resolve`` (mentions -> actors within a document), ``kb`` (the cross-document knowledge
base and user overrides), ``stage`` (the pipeline stage).
"""

from dateline.actors.stage import ActorStage

__all__ = ["ActorStage"]
