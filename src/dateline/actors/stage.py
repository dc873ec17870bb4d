"""The actors stage: corrects entities, resolves mentions to actors, learns into the KB.

Actor ids: a person or organisation id is the slug of its canonical name
("antony-blinken", "wang-yi", "npr", "foreign-ministry-of-china"), and so is a country
actor's ("united-states", "north-korea"; its ISO code is its ``country``) and an
international organisation's ("united-nations", "group-of-twenty"; its own code is its
``country``).

Reads ``doc.spacy`` and ``doc.entities``; writes ``doc.entities`` (corrected, each with
``actor``), ``doc.mentions`` (kind name | title | pronoun | description | metonym |
demonym) and ``doc.actors``. Options: ``kb`` (an ActorKB shared with the store; without one
the stage keeps its own for the run) and ``overrides`` (a YAML path, see ``kb``).

The stage never changes the knowledge base while annotating: ``commit(doc)`` teaches it,
once the document has passed every stage (and, when ingesting, inside the transaction
that stores the document), so a document that fails leaves no trace.
"""

from __future__ import annotations

import copy
from pathlib import Path

from dateline.actors.entities import EntityFixer
from dateline.actors.fill import fill
from dateline.actors.kb import ActorKB
from dateline.actors.references import drop_dangling
from dateline.actors.resolve import Resolver
from dateline.actors.titles import TitleMatcher
from dateline.model import Document
from dateline.nlp import load
from dateline.settings import Settings


class ActorStage:
    """Annotates ``doc.entities``, ``doc.mentions`` and ``doc.actors`` of each document."""

    name = "actors"

    def __init__(self, settings: Settings | None = None, kb: ActorKB | None = None,
                 overrides: str | Path | None = None) -> None:
        settings = settings or Settings.load()
        nlp = load(settings)
        self.kb = kb if kb is not None else ActorKB(overrides or settings.actor_overrides)
        self.titles = TitleMatcher(nlp)
        self.fixer = EntityFixer(nlp, self.titles)
        self.resolver = Resolver(self.titles)

    def __call__(self, docs: list[Document]) -> None:
        for doc in docs:
            if doc.spacy is not None:
                self.prepare(doc)
                self.resolve(doc)

    def prepare(self, doc: Document) -> None:
        """The part that reads no knowledge base: correct the parse's entities in place
        (``doc.spacy.ents``) and find what the resolver reads of the parse alone, so an
        engine can run it beside the parsing (the Spark ingest does, on its executors, and
        ships the corrected parse)."""
        if doc.spacy is not None:
            self.fixer(doc.spacy, (doc.place or {}).get("name"))
            self.resolver.prepare(doc.spacy)

    def resolve(self, doc: Document) -> None:
        """Annotate one prepared document; what it teaches the knowledge base waits for
        ``commit``."""
        spans = list(doc.spacy.ents)
        res = self.resolver(doc.spacy, spans, self.kb)
        mentions = sorted(res.mentions.values(), key=lambda m: (m["start"], m["end"]))
        by_span = {(m["start"], m["end"]): m["actor"] for m in mentions}
        doc.entities = [{"start": s.start_char, "end": s.end_char, "text": s.text,
                         "label": s.label_, "actor": by_span.get((s.start_char, s.end_char))}
                        for s in spans]
        doc.mentions = mentions
        used = {m["actor"] for m in mentions}
        doc.actors = [a.record() for a in res.actors.values() if a.id in used]
        self.kb.overrides.apply(doc)
        self.kb.canonicalise(doc)
        # the document's own evidence, before the KB fills the gaps
        doc.evidence = copy.deepcopy(doc.actors)
        for actor in doc.actors:
            self.kb.enrich(actor)
        fill(doc, {self.kb.canonical(o): self.kb.canonical(p) for o, p in res.owners.items()})
        self.kb.overrides.apply(doc)  # corrections win over what the KB filled in

    def commit(self, doc: Document) -> None:
        """Teach the knowledge base what a finished document showed, then point the
        document's references at the ids its actors go by after that (merges)."""
        with self.kb.transaction():
            self.kb.canonicalise(doc)
            drop_dangling(doc)
            self.kb.learn(doc)
            self.kb.canonicalise(doc)
