"""Running the real ingest on a posted document, with the pipeline built once, lazily.

Loading the pipeline (spaCy and every stage) takes seconds and memory, so a
read-only server never pays for it; the first authorised write builds it. The
write goes through the same Ingest job as `dateline ingest`, so a posted
article resolves its actors against the store's knowledge base.
"""

from __future__ import annotations

import threading

from dateline.ingest import Ingest
from dateline.model import Document
from dateline.pipeline import ProcessError, text_input
from dateline.settings import Settings
from dateline.store import Store


class Ingestor:
    """Turns posted {"text", "title", "url", "published"} into a stored Document."""

    def __init__(self, store: Store, settings: Settings | None = None) -> None:
        self.store = store
        self.settings = settings
        self._job: Ingest | None = None
        self._lock = threading.Lock()  # one parse at a time: the pipeline is not thread-safe

    def ingest(self, text: str, title: str | None = None, url: str | None = None,
               published: str | None = None) -> tuple[str, bool]:
        """(document id, whether it was stored now); ProcessError if a stage failed."""
        item = text_input(text, published=published, title=title, url=url, source=url or "api")
        with self._lock:
            if self.store.has(item.id):
                return item.id, False
            if self._job is None:
                self._job = Ingest(self.store, settings=self.settings)
            for result in self._job.run([item]):
                if isinstance(result, ProcessError):
                    raise ProcessFailed(str(result))
                assert isinstance(result, Document)
            return item.id, True


class ProcessFailed(Exception):
    """The pipeline could not process a posted document; the message is one line."""
