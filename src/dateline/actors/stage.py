"""The actors stage: corrects entities, resolves mentions to actors, learns into the KB."""

from __future__ import annotations

from dateline.actors.entities import EntityFixer
from dateline.actors.titles import TitleMatcher
from dateline.model import Document
from dateline.nlp import load


class ActorStage:
    """Annotates ``doc.entities``, ``doc.mentions`` and ``doc.actors`` of each document."""

    name = "actors"

    def __init__(self, model: str | None = None) -> None:
        nlp = load(model)
        self.titles = TitleMatcher(nlp)
        self.fixer = EntityFixer(nlp, self.titles)

    def __call__(self, docs: list[Document]) -> None:
        for doc in docs:
            if doc.spacy is None:
                continue
            spans = self.fixer(doc.spacy)
            doc.entities = [{"start": s.start_char, "end": s.end_char, "text": s.text,
                             "label": s.label_, "actor": None} for s in spans]
