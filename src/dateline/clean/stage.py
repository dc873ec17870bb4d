"""The clean stage. Placeholder until furniture removal lands: keeps the raw text whole."""

from __future__ import annotations

from dateline.model import Document


class CleanStage:
    name = "clean"

    def __call__(self, docs: list[Document]) -> None:
        for doc in docs:
            doc.text = doc.raw
            doc.segments = [[0, 0, len(doc.raw)]]
            doc.title = doc.raw.strip().splitlines()[0] if doc.raw.strip() else None
            if doc.meta.get("published_option"):
                doc.published = doc.meta["published_option"]
                doc.published_from = "option"
