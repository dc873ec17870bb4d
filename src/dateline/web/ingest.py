"""Running the real pipeline on a posted document, with the pipeline built once, lazily.

Loading the pipeline (spaCy and every stage) takes seconds and memory, so a
read-only server never pays for it; the first authorised write builds it.
"""

from __future__ import annotations

import threading
from typing import Any

from dateline.io.readers import InputDocument
from dateline.model import Document, document_id


class Ingestor:
    """Turns posted {"text", "title", "url", "published"} into a processed Document."""

    def __init__(self) -> None:
        self._pipeline: Any = None
        self._lock = threading.Lock()

    def pipeline(self) -> Any:
        with self._lock:
            if self._pipeline is None:
                from dateline.pipeline import Pipeline

                self._pipeline = Pipeline()
            return self._pipeline

    def process(self, text: str, title: str | None = None, url: str | None = None,
                published: str | None = None) -> Document:
        meta = {k: v for k, v in (("title", title), ("url", url), ("published", published)) if v}
        if published:
            meta["published_option"] = published
        item = InputDocument(document_id(text.encode("utf-8")), url or "api", text, "text", meta)
        pipeline = self.pipeline()
        with self._lock:  # one spaCy parse at a time: the pipeline is not thread-safe
            return pipeline.process([item])[0]
