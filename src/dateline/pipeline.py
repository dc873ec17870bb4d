"""Stage order and batching: the same Pipeline runs in-process, in a pool or in Spark.

A stage is any callable that takes a batch of Documents and annotates them in
place. Stages are named in STAGES and built lazily so a worker process (or a
Spark partition) constructs its own from names alone.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any

from dateline.io.readers import InputDocument
from dateline.model import Document

Stage = Callable[[list[Document]], None]

# name -> "module:factory"; the order here is the order of the flow.
STAGES: dict[str, str] = {
    "clean": "dateline.clean:CleanStage",
    "parse": "dateline.nlp:ParseStage",
    "actors": "dateline.actors:ActorStage",
    "timex": "dateline.timex:TimexStage",
    "quotes": "dateline.quotes:QuoteStage",
    "events": "dateline.events:EventStage",
}
DEFAULT_BATCH = int(os.environ.get("DATELINE_BATCH", 64))  # documents per pipeline batch


def build_stage(name: str, **options: Any) -> Stage:
    module_name, _, attr = STAGES[name].partition(":")
    factory = getattr(importlib.import_module(module_name), attr)
    return factory(**options.get(name, {}))


class Pipeline:
    """Runs the named stages, in flow order, over batches of input documents.

    Batched stages (cleaning, which compares the documents of a batch, and parsing, which
    wants ``nlp.pipe``) run over a whole batch; every later stage runs one document at a
    time, and a document's ``commit`` (what it teaches the actor knowledge base) follows
    its last stage. So each document sees exactly what the documents before it taught,
    whatever the batch size, and a failing document teaches nothing.
    """

    def __init__(self, stages: Iterable[str] | None = None, **options: Any) -> None:
        wanted = list(stages) if stages is not None else list(STAGES)
        unknown = [s for s in wanted if s not in STAGES]
        if unknown:
            raise ValueError(f"unknown stage(s): {', '.join(unknown)}; known: {', '.join(STAGES)}")
        self.names = [s for s in STAGES if s in wanted]
        self.stages = [build_stage(name, **options) for name in self.names]
        self.batched = [s for s in self.stages if getattr(s, "batched", False)]
        self.per_document = [s for s in self.stages if not getattr(s, "batched", False)]

    def process(self, inputs: list[InputDocument]) -> list[Document]:
        """Every stage over the inputs; the first failure raises."""
        docs = [to_document(item) for item in inputs]
        self._run_batched(docs, docs)
        for doc in docs:
            self.annotate(doc)
            self.commit(doc)
        return docs

    def _run_batched(self, docs: list[Document], context: list[Document]) -> None:
        for stage in self.batched:
            if getattr(stage, "uses_batch_context", False):
                stage(docs, context=context)
            else:
                stage(docs)

    def annotate(self, doc: Document) -> None:
        """The per-document stages, in flow order."""
        for stage in self.per_document:
            stage([doc])

    def commit(self, doc: Document) -> None:
        """Let each stage keep what a finished document taught it."""
        for stage in self.stages:
            if hasattr(stage, "commit"):
                stage.commit(doc)

    def process_stream(
        self, inputs: Iterable[InputDocument], batch_size: int = DEFAULT_BATCH,
        commit: bool = True, skip: Callable[[InputDocument], bool] | None = None,
    ) -> Iterator[Document | ProcessError]:
        """Documents in input order; a document that breaks a stage becomes a ProcessError.

        With ``commit=False`` the caller commits each document itself (the ingest job does,
        inside the transaction that stores it). Inputs for which ``skip`` is true are not
        processed, but still count in their batch's context (the clean stage's site
        templates), so a resumed run cleans every document as a whole run would.
        """
        it = iter(inputs)
        while batch := list(islice(it, batch_size)):
            wanted = [item for item in batch if skip is None or not skip(item)]
            for item, doc in zip(wanted, self._prepare(wanted, batch), strict=True):
                if isinstance(doc, ProcessError):
                    yield doc
                    continue
                try:
                    self.annotate(doc)
                    if commit:
                        self.commit(doc)
                except Exception as exc:  # noqa: BLE001 - one document's failure is its own
                    yield ProcessError.of(item.source, exc, item.id)
                    continue
                yield doc

    def _prepare(self, batch: list[InputDocument], context: list[InputDocument]
                 ) -> list[Document | ProcessError]:
        """The batched stages over a batch, or over each document alone when one fails;
        ``context`` is the whole batch as read, for stages that compare documents."""
        if not batch:
            return []
        context_docs = [to_document(item) for item in context]
        docs = [to_document(item) for item in batch]
        try:
            self._run_batched(docs, context_docs)
            return list(docs)
        except Exception:  # noqa: BLE001 - isolate the culprit, keep the batch going
            results: list[Document | ProcessError] = []
            for item in batch:
                doc = to_document(item)
                try:
                    self._run_batched([doc], context_docs)
                    results.append(doc)
                except Exception as exc:  # noqa: BLE001
                    results.append(ProcessError.of(item.source, exc, item.id))
            return results


@dataclass
class ProcessError:
    """A document that a stage could not process, and why, in one line."""

    source: str
    reason: str
    id: str | None = None  # the input's document id, where it was read

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"

    @classmethod
    def of(cls, source: str, exc: BaseException, doc_id: str | None = None) -> ProcessError:
        first_line = (str(exc).strip().splitlines() or [""])[0][:300]
        return cls(source, f"{type(exc).__name__}: {first_line}", doc_id)


def to_document(item: InputDocument) -> Document:
    meta = dict(item.meta)
    meta["input_kind"] = item.kind
    return Document(id=item.id, source=item.source, raw=item.raw, meta=meta)
