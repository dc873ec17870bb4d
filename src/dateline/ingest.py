"""The ingest job: process what is not stored yet, save each document on its own."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from rich.table import Table
from rich.text import Text
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from dateline.actors.kb import ActorKB
from dateline.contract import validate
from dateline.errors import StoreError
from dateline.io.readers import InputDocument
from dateline.model import Document
from dateline.pipeline import Pipeline, ProcessError
from dateline.settings import Settings
from dateline.store import Store
from dateline.store.schema import (
    ActorRow,
    DocumentRow,
    EventRow,
    QuoteRow,
    StoryEventRow,
    StoryRow,
    TimexRow,
)
from dateline.store.store import first_line


class AlreadyStored(Exception):
    """The store holds the document already: what processing it taught is undone."""


class Ingest:
    """Runs the pipeline into a store; skipping stored ids makes a rerun resume.

    The actor stage resolves against the store's knowledge base, so a later
    article that says only "Blinken" finds the actor an earlier one introduced.
    One document is one transaction, knowledge base included: what the document
    teaches the knowledge base is learned, checked against the contract and stored
    together, and undone in memory when storing fails, so a failed document leaves
    no trace and a rerun after a kill continues exactly as a clean run would.
    """

    def __init__(self, store: Store, replace: bool = False,
                 overrides: str | Path | None = None, kb: ActorKB | None = None,
                 settings: Settings | None = None) -> None:
        self.store = store
        self.replace = replace
        settings = settings or Settings.load()
        overrides = overrides or settings.actor_overrides
        self.kb = kb if kb is not None else ActorKB.from_records(store.actor_records(),
                                                                 overrides=overrides)
        self.pipeline = Pipeline(settings=settings, actors={"kb": self.kb})
        self.read = self.stored = self.skipped = 0
        self.on_skip: Callable[[], object] | None = None  # told of each input skipped

    def stored_already(self, item: InputDocument) -> bool:
        """Whether an input is stored already (and so skipped), counting what is read."""
        self.read += 1
        if not self.replace and self.store.has(item.id):
            self.skipped += 1
            if self.on_skip is not None:
                self.on_skip()
            return True
        return False

    def run(self, inputs: Iterable[InputDocument],
            write: Callable[[Document, list[dict[str, Any]]], bool] | None = None,
            ) -> Iterator[Document | ProcessError]:
        """Each document stored as it finishes; ``write`` replaces the store's own save."""
        write = write or (lambda doc, actors: self.store.save(doc, self.replace, actors))
        for result in self.pipeline.process_stream(inputs, commit=False,
                                                   skip=self.stored_already):
            if isinstance(result, Document):
                result = self.keep(result, write)
            yield result

    def keep(self, doc: Document,
             write: Callable[[Document, list[dict[str, Any]]], bool]) -> Document | ProcessError:
        """One annotated document learned, checked and written in one transaction (the
        Spark ingest calls it too, on the driver, in input order)."""
        try:
            with self.kb.transaction():
                self.pipeline.commit(doc)
                validate(doc)
                if not write(doc, self.changed_records(doc)):
                    raise AlreadyStored
        except AlreadyStored:  # an input read twice teaches the knowledge base nothing
            self.skipped += 1
            return doc
        except OperationalError as exc:  # the store, not the document: stop here
            raise StoreError(f"database {self.store.db}: {first_line(exc)}") from exc
        except Exception as exc:  # noqa: BLE001 - this document's failure only
            return ProcessError.of(doc.source, exc, doc.id)
        self.stored += 1
        return doc

    def changed_records(self, doc: Document) -> list[dict[str, Any]]:
        """The knowledge-base records to store with a document: its actors, and every
        record its learning changed (an earlier surname-only actor merged into one)."""
        ids = self.kb.changed() | {actor["id"] for actor in doc.actors}
        return [record for actor_id in sorted(ids)
                if (record := self.record(actor_id)) is not None]

    def record(self, actor_id: str) -> dict[str, Any] | None:
        """The knowledge base's record of an actor as stored: the user's corrections on top."""
        record = self.kb.actors.get(actor_id)
        if record is None:
            return None
        return {**record, **self.kb.overrides.corrections.get(actor_id, {})}

    def summary_table(self, failed: int = 0) -> Table:
        table = Table(title=Text(f"dateline ingest → {self.store.db}"))
        table.add_column("")
        table.add_column("this run", justify="right")
        table.add_column("in the store", justify="right")
        with self.store.session() as s:
            def total(row: type) -> int:
                return s.scalar(select(func.count()).select_from(row)) or 0

            table.add_row("documents", str(self.stored), str(total(DocumentRow)))
            copies = s.scalar(select(func.count()).where(DocumentRow.duplicate_of.is_not(None)))
            table.add_row("  near-duplicates of another", "", str(copies or 0))
            table.add_row("already stored (skipped)", str(self.skipped), "")
            table.add_row("failed", str(failed), "")
            table.add_row("quotes", "", str(total(QuoteRow)))
            table.add_row("timexes", "", str(total(TimexRow)))
            table.add_row("events", "", str(total(EventRow)))
            table.add_row("  story events (one per real event)", "",
                          str(total(StoryEventRow)))
            table.add_row("stories", "", str(total(StoryRow)))
            table.add_row("actors", "", str(total(ActorRow)))
        return table


def stored_inputs(store: Store) -> Iterator[InputDocument]:
    """Stored documents as inputs again: their raw text, metadata and given dates."""
    for raw, data in store.documents_with_raw():
        meta = dict(data.get("meta") or {})
        kind = meta.pop("input_kind", "text")
        given = data["published"] if data.get("published_from") == "option" else None
        yield InputDocument(data["id"], data["source"], raw, kind, meta, published=given)


def reresolve(store: Store, overrides: str | Path | None = None,
              on_result: Callable[[Document | ProcessError], None] | None = None,
              settings: Settings | None = None) -> Ingest:
    """Rebuild the actor knowledge base and every document's annotations from raw text.

    Used after the user edits the overrides file: merges, splits and corrections
    then hold everywhere, and actors no longer referenced disappear. It all happens
    in one transaction: until it commits the store keeps its old knowledge base, and
    a document that fails keeps its old annotations and actors.
    """
    settings = settings or Settings.load()
    overrides = overrides or settings.actor_overrides
    job = Ingest(store, replace=True, kb=ActorKB(overrides), settings=settings)  # from nothing
    with store.rebuild() as rebuild:
        def write(doc: Document, actors: list[dict[str, Any]]) -> bool:
            rebuild.save(doc, actors)
            return True

        for result in job.run(stored_inputs(store), write=write):
            if isinstance(result, ProcessError) and (old := store.document(result.id)):
                rebuild.save(Document.from_json(old))  # old annotations, with their actors
            if on_result is not None:
                on_result(result)
    return job
