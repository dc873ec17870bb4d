"""The clean stage: furniture removal, then title, outlet, place and published date."""

from __future__ import annotations

from dateline.clean.furniture import classify
from dateline.clean.lines import split_lines
from dateline.clean.segments import assemble
from dateline.clean.templates import batch_templates
from dateline.clean.vocabulary import vocabulary
from dateline.model import Document


class CleanStage:
    """Writes text, segments, removed, title, outlet, place, published and published_from."""

    name = "clean"

    def __init__(self) -> None:
        self.vocab = vocabulary()

    def __call__(self, docs: list[Document]) -> None:
        lines = [split_lines(doc.raw) for doc in docs]
        templates_of = batch_templates(docs, lines)
        for doc, doc_lines, templates in zip(docs, lines, templates_of, strict=True):
            kinds, title = classify(doc_lines, self.vocab, templates)
            doc.text, doc.segments, doc.removed = assemble(doc.raw, doc_lines, kinds)
            doc.title = doc_lines[title].text if title is not None else None
            if doc.meta.get("published_option"):
                doc.published = doc.meta["published_option"]
                doc.published_from = "option"
