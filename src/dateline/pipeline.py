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
    """Runs the named stages, in flow order, over batches of input documents."""

    def __init__(self, stages: Iterable[str] | None = None, **options: Any) -> None:
        wanted = list(stages) if stages is not None else list(STAGES)
        unknown = [s for s in wanted if s not in STAGES]
        if unknown:
            raise ValueError(f"unknown stage(s): {', '.join(unknown)}; known: {', '.join(STAGES)}")
        self.names = [s for s in STAGES if s in wanted]
        self.stages = [build_stage(name, **options) for name in self.names]

    def process(self, inputs: list[InputDocument]) -> list[Document]:
        docs = [to_document(item) for item in inputs]
        for stage in self.stages:
            stage(docs)
        return docs

    def process_stream(
        self, inputs: Iterable[InputDocument], batch_size: int = DEFAULT_BATCH
    ) -> Iterator[Document | ProcessError]:
        """Documents in input order; a document that breaks a stage becomes a ProcessError."""
        it = iter(inputs)
        while batch := list(islice(it, batch_size)):
            try:
                yield from self.process(batch)
            except Exception:  # noqa: BLE001 - isolate the culprit, keep the batch going
                for item in batch:
                    try:
                        yield from self.process([item])
                    except Exception as exc:  # noqa: BLE001
                        first_line = (str(exc).strip().splitlines() or [""])[0][:300]
                        yield ProcessError(item.source, f"{type(exc).__name__}: {first_line}")


@dataclass
class ProcessError:
    """A document that a stage could not process, and why, in one line."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


def to_document(item: InputDocument) -> Document:
    meta = dict(item.meta)
    meta["input_kind"] = item.kind
    return Document(id=item.id, source=item.source, raw=item.raw, meta=meta)
