"""Shared helpers of the clean tests (no tests here): the clean stage alone, the contract check."""

from __future__ import annotations

from dateline.clean import CleanStage
from dateline.io.readers import InputDocument
from dateline.model import Document, document_id
from dateline.pipeline import to_document

STAGE = CleanStage()


def clean(text: str, source: str = "page.txt", given: str | None = None, **meta) -> Document:
    """One text through the clean stage; ``meta`` as a reader would set it, ``given`` the
    publication date the caller gives (--published)."""
    return clean_batch([(text, source, meta)], given)[0]


def clean_batch(items: list[tuple[str, str, dict]], given: str | None = None) -> list[Document]:
    docs = [to_document(InputDocument(document_id(text.encode()), source, text, "text", meta,
                                      published=given))
            for text, source, meta in items]
    STAGE(docs)
    return docs
