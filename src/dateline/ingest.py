"""The ingest job: process what is not stored yet, save each document on its own."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from rich.table import Table
from rich.text import Text
from sqlalchemy import func, select

from dateline.actors.kb import ActorKB
from dateline.io.readers import InputDocument
from dateline.model import Document
from dateline.pipeline import Pipeline, ProcessError
from dateline.store import Store
from dateline.store.schema import ActorRow, DocumentRow, EventRow, QuoteRow, TimexRow


class Ingest:
    """Runs the pipeline into a store; skipping stored ids makes a rerun resume.

    The actor stage resolves against the store's knowledge base, so a later
    article that says only "Blinken" finds the actor an earlier one introduced.
    """

    def __init__(self, store: Store, replace: bool = False,
                 overrides: str | Path | None = None) -> None:
        self.store = store
        self.replace = replace
        self.kb = ActorKB.from_records(store.actor_records(), overrides=overrides)
        self.pipeline = Pipeline(actors={"kb": self.kb})
        self.read = self.stored = self.skipped = 0

    def pending(self, inputs: Iterable[InputDocument]) -> Iterator[InputDocument]:
        for item in inputs:
            self.read += 1
            if not self.replace and self.store.has(item.id):
                self.skipped += 1
                continue
            yield item

    def run(self, inputs: Iterable[InputDocument]) -> Iterator[Document | ProcessError]:
        for result in self.pipeline.process_stream(self.pending(inputs)):
            if isinstance(result, Document):
                known = (self.kb.get(actor["id"]) for actor in result.actors)
                actors = [record for record in known if record is not None]
                if self.store.save(result, replace=self.replace, actors=actors):
                    self.stored += 1
                else:
                    self.skipped += 1
            yield result

    def summary_table(self, failed: int = 0) -> Table:
        table = Table(title=Text(f"dateline ingest → {self.store.db}"))
        table.add_column("")
        table.add_column("this run", justify="right")
        table.add_column("in the store", justify="right")
        with self.store.session() as s:
            def total(row: type) -> int:
                return s.scalar(select(func.count()).select_from(row)) or 0

            table.add_row("documents", str(self.stored), str(total(DocumentRow)))
            table.add_row("already stored (skipped)", str(self.skipped), "")
            table.add_row("failed", str(failed), "")
            table.add_row("quotes", "", str(total(QuoteRow)))
            table.add_row("timexes", "", str(total(TimexRow)))
            table.add_row("events", "", str(total(EventRow)))
            table.add_row("actors", "", str(total(ActorRow)))
        return table


def stored_inputs(store: Store) -> Iterator[InputDocument]:
    """Stored documents as inputs again: their raw text, metadata and given dates."""
    for raw, data in store.documents_with_raw():
        meta = dict(data.get("meta") or {})
        kind = meta.pop("input_kind", "text")
        if data.get("published_from") == "option":
            meta["published_option"] = data["published"]
        yield InputDocument(data["id"], data["source"], raw, kind, meta)


def reresolve(store: Store, overrides: str | Path | None = None
              ) -> tuple[Ingest, Iterator[Document | ProcessError]]:
    """Rebuild the actor knowledge base and every document's annotations from raw text.

    Used after the user edits the overrides file: merges, splits and corrections
    then hold everywhere, and actors no longer referenced disappear. The actor
    tables are cleared at once; iterate the results to re-process the documents.
    """
    inputs = list(stored_inputs(store))
    store.clear_actors()
    job = Ingest(store, replace=True, overrides=overrides)
    return job, job.run(inputs)
