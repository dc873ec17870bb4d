"""The ingest job on Spark, with one knowledge base: the same store as an in-process ingest.

The actor stage resolves each document against what the documents before it taught the
knowledge base, so in-process the result depends on input order (not on anything else).
The Spark job keeps that order and splits the work by what needs the knowledge base:

1. executors read the files (the driver only lists them);
2. executors run, a few documents of a batch per task (each task carries its batch, one
   the in-process ingest would form, so the clean stage compares the same documents),
   all the work that does not need the knowledge base: clean, parse, the ``prepare`` of
   each stage that splits off what reads no knowledge base (the actor stage's entity
   correction; the quotes stage's candidates, speaker spans and dates; the events
   stage's triggers judged on the parse, kept in the parse's ``user_data``) and
   per-document stages that use none of the actor stage's output (timex), and the
   MinHash signature of the text that grouping needs; each document comes back as
   contract JSON plus its compact parse and its signature;
3. the driver, in input order, runs the rest (the ``resolve`` of those stages: mentions,
   speakers and event sides to actor ids, statements, merging) and the ``Ingest.keep``
   of the in-process job: learn, validate. This replay is the one global knowledge base;
   it costs under a tenth of the executors' work, and overlaps it;
4. executors write the documents in parallel (``WRITE_BATCH`` per transaction, skipped
   when stored; the driver writes them on SQLite);
   the driver then writes the knowledge base (in bulk) and the actor-document links in
   one transaction. Until that commits, a stored document without its links is not done,
   so a killed job reruns from the same knowledge base to the same store;
5. the driver groups (near-duplicates, story events, stories) each input's stored
   document not grouped yet, in input order, ``WRITE_BATCH`` per transaction, with the
   in-process ingest's own ``stories.group``. Grouping decides against the documents
   grouped before it, so this order is what makes it equal the in-process grouping; a
   grouped document is never regrouped, so a rerun after a kill groups the rest in the
   same order.
"""

from __future__ import annotations

import json
import pickle
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.tokens import Doc
from spacy.vocab import Vocab
from sqlalchemy import select

from dateline.engines.spark import spark_session
from dateline.ingest import Ingest
from dateline.io.published import PublishedDates
from dateline.io.readers import InputDocument, ReadError, expand_paths, read_inputs
from dateline.model import Document
from dateline.pipeline import Pipeline, ProcessError, Stage
from dateline.registry import resolve
from dateline.settings import Settings
from dateline.store import Store, stories
from dateline.store.rows import ingested_now, insert_documents, insert_values
from dateline.store.schema import ActorDocumentRow, DocumentRow, SignatureRow
from dateline.store.store import KnownRows, actor_links, save_actor
from dateline.stories import minhash

# What a parse ships without: the tensor (no later stage reads it; it is half of a parse's
# bytes), span groups (no stage makes any) and the user_data, which ships apart.
PARSE_EXCLUDE = ["tensor", "spans", "user_data"]
# Documents per transaction when the store is written or grouped in bulk: a commit costs
# about as much as a document's rows, and a killed job loses at most one batch's work.
WRITE_BATCH = 64
# Documents an executor's task prepares: a pipeline batch is cut into tasks this small
# so that, at the end of a job, no core idles long while another finishes a whole batch;
# not smaller: each task is a Spark job (to stream in order), ~65 ms of CPU in all.
TASK_DOCS = 32
_PIPELINES: dict[Settings, Pipeline] = {}  # one per Python worker (Spark reuses workers)


def worker_pipeline(settings: Settings) -> Pipeline:
    """The executor's pipeline, built once per worker process: loading spaCy takes seconds."""
    if settings not in _PIPELINES:
        _PIPELINES[settings] = Pipeline(settings=settings)
    return _PIPELINES[settings]


def kb_stages(pipeline: Pipeline) -> set[str]:
    """The stages that need the knowledge base: the one that learns into it (it has a
    ``commit``) and every later stage requiring something such a stage assigns."""
    needing, assigned = set(), set()
    for spec, stage in zip(resolve(pipeline.names), pipeline.stages, strict=True):
        if hasattr(stage, "commit") or spec.requires & assigned:
            needing.add(spec.name)
            assigned |= spec.assigns
    return needing


def split_stages(pipeline: Pipeline) -> tuple[list[Stage], list[Stage]]:
    """The per-document work in flow order, split into what the executors run (each stage
    that needs no knowledge base, and the ``prepare`` of one that does and splits off
    what reads none) and what the driver runs (the rest: ``resolve`` of a split stage)."""
    needing = kb_stages(pipeline)
    early: list[Stage] = []
    late: list[Stage] = []
    for name, stage in zip(pipeline.names, pipeline.stages, strict=True):
        if stage not in pipeline.per_document:
            continue
        if name not in needing:
            early.append(stage)
        elif hasattr(stage, "prepare"):
            early.append(each_parsed(stage.prepare))
            late.append(each_parsed(stage.resolve))
        else:
            late.append(stage)
    return early, late


def each_parsed(method: Callable[[Document], None]) -> Stage:
    """A stage calling ``method`` on each parsed document of its batch."""
    def stage(docs: list[Document]) -> None:
        for doc in docs:
            if doc.spacy is not None:
                method(doc)
    return stage


def read_files(indexed_paths: Iterable[tuple[str, int]], settings: Settings
               ) -> Iterator[tuple[int, int, InputDocument | ReadError]]:
    """Executor: every input of its files, as (file index, n, input or read error)."""
    for path, index in indexed_paths:
        for n, item in enumerate(read_inputs([path], settings)):
            yield index, n, item


Prepared = tuple[int, str, str, bytes | None, minhash.Signature | None]


def ship_parse(sdoc: Doc) -> bytes:
    """Executor: a parse as it crosses to the driver, spaCy's dictionary of it and its
    user_data, pickled: spaCy's own bytes are that dictionary in msgpack, whose decoding
    (srsly looks its decoders up at each call) costs the driver more than pickle's."""
    return pickle.dumps((sdoc.to_dict(exclude=PARSE_EXCLUDE), sdoc.user_data))


def load_parse(vocab: Vocab, parse: bytes) -> Doc:
    """Driver: a shipped parse, with its user_data."""
    data, user_data = pickle.loads(parse)  # noqa: S301 - our own executors' bytes
    sdoc = Doc(vocab).from_dict(data, exclude=PARSE_EXCLUDE)
    sdoc.user_data.update(user_data)
    return sdoc


def batch_tasks(items: list[InputDocument], done: set[str], batch: int
                ) -> list[tuple[int, list[InputDocument], list[bool]]]:
    """The executors' tasks, in input order: each pipeline batch (whose documents the
    clean stage compares) cut into tasks of ``TASK_DOCS`` wanted documents, each task
    carrying the whole batch as context. The parts equal the whole batch (the parse of a
    document does not depend on the documents piped with it), and small tasks keep every
    core busy to the end instead of one finishing the last batch alone."""
    tasks = []
    for first in range(0, len(items), batch):
        inputs = items[first:first + batch]
        wanted = [k for k, item in enumerate(inputs) if item.id not in done]
        for part in range(0, len(wanted), TASK_DOCS):
            chosen = set(wanted[part:part + TASK_DOCS])
            tasks.append((first, inputs, [k in chosen for k in range(len(inputs))]))
    return tasks


def prepare_batches(tasks: Iterable[tuple[int, list[InputDocument], list[bool]]],
                    settings: Settings) -> Iterator[Prepared]:
    """Executor: the stages that need no knowledge base over each task's wanted documents
    (its whole batch as the context); for each wanted input, (ordinal, "doc", contract
    JSON, its parse (``ship_parse``), the MinHash signature of its text, for grouping) or
    (ordinal, "error", reason, None, None)."""
    pipeline = worker_pipeline(settings)
    early, _late = split_stages(pipeline)
    for first, batch, wanted in tasks:
        todo = [(first + k, item) for k, item in enumerate(batch) if wanted[k]]
        prepared = pipeline.prepare([item for _, item in todo], batch)
        for (ordinal, item), doc in zip(todo, prepared, strict=True):
            if isinstance(doc, ProcessError):
                yield ordinal, "error", doc.reason, None, None
                continue
            try:
                for stage in early:
                    stage([doc])
                shipped = (doc.dumps(), ship_parse(doc.spacy), minhash.signature(doc.text))
            except Exception as exc:  # noqa: BLE001 - one document's failure is its own
                yield ordinal, "error", ProcessError.of(item.source, exc).reason, None, None
                continue
            yield ordinal, "doc", *shipped


def write_documents(db: str, docs: Iterable[tuple[str, str]]) -> Iterator[int]:
    """Executor: the documents (raw text, contract JSON) without actor links, a batch per
    transaction; one already stored is left as it is. Yields how many it wrote."""
    written = 0
    with Store(db, migrate_schema=False) as store:
        batch: list[Document] = []
        for raw, data in docs:
            batch.append(Document.from_json(json.loads(data), raw=raw))
            if len(batch) == WRITE_BATCH:
                written += save_documents(store, batch)
                batch = []
        written += save_documents(store, batch)
    yield written


def save_documents(store: Store, docs: list[Document]) -> int:
    """Documents in batches of ``WRITE_BATCH``, each batch one transaction; how many were
    new."""
    written = 0
    for k in range(0, len(docs), WRITE_BATCH):
        with store.session.begin() as s:
            written += insert_documents(s, docs[k:k + WRITE_BATCH])
    return written


PARQUET_SCHEMA = ("id string, source string, title string, outlet string, published string, "
                  "month string, quotes int, events int, timexes int, actors int, data string")


def read_documents(db: str, ids: Iterable[str]) -> Iterator[tuple[Any, ...]]:
    """Executor: one row per stored document with its grouping (``PARQUET_SCHEMA``), for
    the Parquet dataset."""
    with Store(db, migrate_schema=False) as store:
        for doc_id in ids:
            data = store.document(doc_id, grouped=True)
            if data is None:
                continue
            published = data.get("published")
            yield (doc_id, data.get("source"), data.get("title"), data.get("outlet"), published,
                   published[:7] if published else "unknown",
                   *(len(data.get(part) or []) for part in ("quotes", "events", "timexes",
                                                            "actors")),
                   json.dumps(data, ensure_ascii=False))


def ordered(sc: Any, rdd: Any) -> Iterator[Any]:
    """An RDD's rows in partition order, streamed: as many partitions run at once as the
    cluster has cores, while the driver consumes the earliest."""
    with ThreadPoolExecutor(max(1, sc.defaultParallelism)) as pool:
        futures = [pool.submit(sc.runJob, rdd, lambda rows: rows, [p])
                   for p in range(rdd.getNumPartitions())]
        try:
            for future in futures:
                yield from future.result()
        finally:
            for future in futures:
                future.cancel()


def done_ids(store: Store, ids: list[str]) -> set[str]:
    """Inputs a rerun skips: stored with their actor links, or stored with no actors (a
    document stored by a job killed before its knowledge base was written is not done)."""
    done = set()
    wanted = sorted(set(ids))
    with store.session() as s:
        for k in range(0, len(wanted), 500):
            chunk = wanted[k:k + 500]
            stored = set(s.scalars(select(DocumentRow.id).where(DocumentRow.id.in_(chunk))))
            linked = set(s.scalars(select(ActorDocumentRow.doc_id)
                                   .where(ActorDocumentRow.doc_id.in_(stored))))
            done |= linked
            for doc_id in stored - linked:
                data = store.document(doc_id) or {}
                if not data.get("actors"):
                    done.add(doc_id)
    return done


@dataclass
class Kept:
    """What the driver's replay keeps for the writes."""

    docs: dict[str, Document] = field(default_factory=dict)  # by id, with their raw text
    actor_ids: set[str] = field(default_factory=set)  # records changed by the run
    # the executors' MinHash signatures, by text: grouping a stored document whose text
    # was signed takes its signature, whatever its id
    signatures: dict[str, minhash.Signature] = field(default_factory=dict)

    def write(self, doc: Document, records: list[dict[str, Any]]) -> bool:
        """``Ingest.keep``'s writer: remember (a duplicate input counts as stored)."""
        if doc.id in self.docs:
            return False
        self.docs[doc.id] = doc
        self.actor_ids |= {r["id"] for r in records}
        return True


def ingest_with_spark(
    paths: Iterable[str], store: Store, dates: PublishedDates, master: str = "local[*]",
    settings: Settings | None = None, overrides: str | Path | None = None,
    parquet: str | Path | None = None, spark: Any = None,
    on_result: Callable[[Document | ProcessError | ReadError], None] | None = None,
) -> Ingest:
    """Ingest the inputs with Spark; returns the job (its counts and summary table).

    ``spark``: a running session to use (kept running), else one is started on ``master``
    and stopped at the end. Each failure is told to ``on_result`` and the job goes on.
    """
    settings = settings or Settings.load()
    tell = on_result or (lambda _result: None)
    own_session = spark is None
    spark = spark or spark_session(master)
    try:
        sc = spark.sparkContext
        files = list(expand_paths(paths))
        indexed = [(path, index) for index, path in enumerate(files)]
        items: list[InputDocument] = []
        if indexed:
            reading = sc.parallelize(indexed, min(len(indexed), sc.defaultParallelism * 4))
            for _index, _n, item in reading.mapPartitions(
                    lambda part: read_files(part, settings)).collect():
                if isinstance(item, ReadError):
                    tell(item)
                else:
                    items.append(dates.apply(item))
        job = Ingest(store, overrides=overrides, settings=settings)
        done = done_ids(store, [item.id for item in items])
        tasks = batch_tasks(items, done, settings.batch)
        kept = Kept()
        job.read = len(items)
        job.skipped = sum(item.id in done for item in items)
        if tasks:
            replay(job, kept, items, ordered(sc, sc.parallelize(tasks, len(tasks)).mapPartitions(
                lambda part: prepare_batches(part, settings))), tell)
        write_store(sc, store, job, kept)
        group_documents(store, [item.id for item in items], kept.signatures)
        if parquet:
            write_parquet(spark, store, [i.id for i in items], str(parquet))
        return job
    finally:
        if own_session:
            spark.stop()


def replay(job: Ingest, kept: Kept, items: list[InputDocument],
           results: Iterator[Prepared],
           tell: Callable[[Document | ProcessError | ReadError], None]) -> None:
    """The driver's pass, in input order: the stages that need the knowledge base, then
    the in-process job's ``keep`` (learn, validate), as the in-process ingest does."""
    pipeline = job.pipeline
    _early, late = split_stages(pipeline)
    vocab = None
    kept_before: set[str] = set()  # ids kept by earlier batches: skipped, as in-process
    batch_of = None
    for ordinal, kind, payload, parse, signature in results:
        item = items[ordinal]
        if ordinal // job.pipeline.settings.batch != batch_of:
            batch_of = ordinal // job.pipeline.settings.batch
            kept_before = set(kept.docs)
        if item.id in kept_before:
            job.skipped += 1
            continue
        if kind == "error":
            tell(ProcessError(item.source, payload, item.id))
            continue
        doc = Document.from_json(json.loads(payload), raw=item.raw)
        kept.signatures[doc.text] = signature
        if vocab is None:
            from dateline.nlp import load

            vocab = load(pipeline.settings).vocab
        doc.spacy = load_parse(vocab, parse)
        result: Document | ProcessError
        try:
            for stage in late:
                stage([doc])
        except Exception as exc:  # noqa: BLE001 - one document's failure is its own
            result = ProcessError.of(item.source, exc, item.id)
        else:
            result = job.keep(doc, kept.write)
        doc.spacy = None
        tell(result)


def write_store(sc: Any, store: Store, job: Ingest, kept: Kept) -> None:
    """Documents first (in parallel on PostgreSQL), then, in one transaction, the knowledge
    base records the run changed and every kept document's actor links."""
    docs = list(kept.docs.values())
    if store.engine.dialect.name == "sqlite":  # one writer: the driver, from memory
        written = save_documents(store, docs)
    elif docs:
        db, rows = store.db, [(doc.raw, doc.dumps()) for doc in docs]
        written = sum(sc.parallelize(rows, min(len(rows), sc.defaultParallelism * 2))
                      .mapPartitions(lambda part: write_documents(db, part)).collect())
    else:
        written = 0
    with store.session.begin() as s:
        known = KnownRows(s, kept.actor_ids)
        for actor_id in sorted(kept.actor_ids):
            if (record := job.record(actor_id)) is not None:
                save_actor(s, record, known)
        known.insert_new(s)
        s.flush()
        insert_values(s, {ActorDocumentRow: [link for doc in docs for link in actor_links(doc)]})
    job.skipped += job.stored - written
    job.stored = written


def group_documents(store: Store, ids: list[str],
                    signatures: dict[str, minhash.Signature] | None = None) -> None:
    """Driver: group each listed document that is stored and not grouped yet (grouping
    gives it a signature), in the order listed, ``WRITE_BATCH`` documents per transaction.

    Its ingest time is set as it is grouped, as the in-process ingest sets it: "the
    earliest stored copy" of a near-duplicate then means the earliest in input order, not
    the first a parallel write happened to store. A batch sees what the documents before
    it in the batch wrote, so it groups as one transaction per document would; a killed
    batch is regrouped whole by the rerun, in the same order. ``signatures``: the MinHash
    signatures of texts, computed already (on the executors)."""
    signatures = signatures or {}
    order = list(dict.fromkeys(ids))
    for k in range(0, len(order), WRITE_BATCH):
        batch = order[k:k + WRITE_BATCH]
        with store.session.begin() as s:
            keyed = stories.StoryEventsByKey()
            grouped = set(s.scalars(select(SignatureRow.doc_id)
                                    .where(SignatureRow.doc_id.in_(batch))))
            stored = {row.id: row for row in s.execute(
                select(DocumentRow.id, DocumentRow.raw, DocumentRow.data)
                .where(DocumentRow.id.in_([i for i in batch if i not in grouped])))}
            for doc_id in batch:
                if (row := stored.get(doc_id)) is None:  # grouped, failed or stored by no one
                    continue
                doc = Document.from_json(json.loads(row.data), raw=row.raw)
                stories.group(s, doc, ingested_now(), signatures.get(doc.text), keyed)


def write_parquet(spark: Any, store: Store, ids: list[str], out: str) -> None:
    """The inputs' stored documents as a Parquet dataset partitioned by publication month
    (``month=YYYY-MM``; ``month=unknown`` when undated), rewritten whole on each run."""
    wanted = sorted(set(ids))
    if not wanted:
        return
    db, sc = store.db, spark.sparkContext
    rows = sc.parallelize(wanted, min(len(wanted), sc.defaultParallelism * 2)).mapPartitions(
        lambda part: read_documents(db, part))
    frame = spark.createDataFrame(rows, PARQUET_SCHEMA)
    frame.write.mode("overwrite").partitionBy("month").parquet(out)
