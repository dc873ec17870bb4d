"""Stage order and batching: the same Pipeline runs in-process, in a pool or in Spark.

A stage is any callable that takes a batch of Documents and annotates them in place;
stages are registered by name (dateline.registry) with what they require and assign, and
built lazily, so a worker process (or a Spark partition) constructs its own from names.
The Pipeline is also the library's entry point: call it on a text, or ``pipe`` many.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any

from dateline.io.readers import InputDocument
from dateline.model import Document, document_id
from dateline.registry import resolve
from dateline.settings import Settings

Stage = Callable[[list[Document]], None]


class Pipeline:
    """Runs the named stages, in flow order, over batches of input documents.

    Batched stages (cleaning, which compares the documents of a batch, and parsing, which
    wants ``nlp.pipe``) run over a whole batch; every later stage runs one document at a
    time, and a document's ``commit`` (what it teaches the actor knowledge base) follows
    its last stage. So each document sees exactly what the documents before it taught,
    whatever the batch size, and a failing document teaches nothing.
    """

    def __init__(self, stages: Iterable[str] | None = None, settings: Settings | None = None,
                 **options: Any) -> None:
        """``stages``: names (default: every registered stage); ``options``: per stage,
        ``{name: {option: value}}`` (e.g. ``actors={"kb": kb}``). A stage list whose
        requirements no earlier stage assigns is refused (PipelineError, a ValueError)."""
        self.settings = settings or Settings.load()
        specs = resolve(stages)
        self.names = [spec.name for spec in specs]
        self.stages = [spec.build(settings=self.settings, **options.get(spec.name, {}))
                       for spec in specs]

    @property
    def batched(self) -> list[Stage]:
        return [s for s in self.stages if getattr(s, "batched", False)]

    @property
    def per_document(self) -> list[Stage]:
        return [s for s in self.stages if not getattr(s, "batched", False)]

    def __call__(self, text: str, *, published: str | None = None, title: str | None = None,
                 url: str | None = None, source: str | None = None) -> Document:
        """One text through every stage (the first failure raises)."""
        return self.process([text_input(text, published=published, title=title, url=url,
                                        source=source)])[0]

    def pipe(self, inputs: Iterable[str | InputDocument]) -> Iterator[Document | ProcessError]:
        """Many texts (or read inputs), batched; a failing one comes back as a ProcessError."""
        items = (text_input(i) if isinstance(i, str) else i for i in inputs)
        return self.process_stream(items)

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
        self, inputs: Iterable[InputDocument], batch_size: int | None = None,
        commit: bool = True, skip: Callable[[InputDocument], bool] | None = None,
    ) -> Iterator[Document | ProcessError]:
        """Documents in input order; a document that breaks a stage becomes a ProcessError.

        With ``commit=False`` the caller commits each document itself (the ingest job does,
        inside the transaction that stores it). Inputs for which ``skip`` is true are not
        processed, but still count in their batch's context (the clean stage's site
        templates), so a resumed run cleans every document as a whole run would.
        """
        it = iter(inputs)
        while batch := list(islice(it, batch_size or self.settings.batch)):
            wanted = [item for item in batch if skip is None or not skip(item)]
            for item, doc in zip(wanted, self.prepare(wanted, batch), strict=True):
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

    def prepare(self, batch: list[InputDocument], context: list[InputDocument]
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
    if item.published:  # given by the caller: it wins over anything found in the text
        return Document(id=item.id, source=item.source, raw=item.raw, meta=meta,
                        published=item.published, published_from="option")
    return Document(id=item.id, source=item.source, raw=item.raw, meta=meta)


def text_input(text: str, *, published: str | None = None, title: str | None = None,
               url: str | None = None, source: str | None = None) -> InputDocument:
    """A text given in memory as an input; its id is the hash of its UTF-8 bytes, as for
    the same text read from a file."""
    from dateline.io.decode import check_text
    from dateline.io.published import checked_date

    meta = {k: v for k, v in (("title", title), ("url", url)) if v}
    return InputDocument(document_id(text.encode("utf-8")), source or url or "<text>",
                         check_text(text), "text", meta,
                         published=checked_date(published, "published") if published else None)
