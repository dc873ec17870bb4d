"""`ingest --spark` (real Spark, local[2]) stores what the in-process ingest stores.

One Spark session for the module; real PolNeAR dev articles and a republication of one
of them, PostgreSQL for the Spark store (documents written from the partitions in
parallel), SQLite for the in-process one.
"""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from sqlalchemy import select

from conftest import fresh_postgres, make_input, shared_path
from dateline.actors.resolve import DATELINE, GENDERS, PRONOUNS, QUOTED
from dateline.engines import spark_ingest
from dateline.engines.spark import spark_session
from dateline.engines.spark_ingest import (
    batch_tasks,
    ingest_with_spark,
    load_parse,
    ship_parse,
    split_stages,
    write_documents,
)
from dateline.events.stage import PLAN as TRIGGERS_PLAN
from dateline.events.stage import STANCES
from dateline.ingest import Ingest
from dateline.io.published import PublishedDates
from dateline.io.readers import ReadError, read_inputs
from dateline.quotes.stage import PLAN as QUOTES_PLAN
from dateline.settings import Settings
from dateline.store import Store
from dateline.store.schema import ActorDocumentRow
from dateline.store.store import KnownRows, save_actor

ARTICLES = 15
# The article republished as the last input (before the binary file, so its index in both).
ORIGINAL = 4
DOCUMENTS = ARTICLES + 1  # and a republication of one of them, last
DATES = PublishedDates.from_options(None, None)
# batches of 4: the 15 articles fall into 4 batches, so into several Spark partitions
SETTINGS = replace(Settings.load(), batch=4)


@pytest.fixture(scope="module")
def spark(spark_ready):
    session = spark_session("local[2]")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    """15 real articles, among them a binary file that must be named and skipped, and
    last a republication of the fifth, which tells events, with other page furniture (a
    near-duplicate)."""
    articles = sorted(shared_path("polnear", "dev", "text").glob("*.txt"))[:ARTICLES]
    folder = tmp_path_factory.mktemp("bad")
    binary = folder / "scan.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    copy = folder / ("gazette_" + articles[ORIGINAL].name.split("_", 1)[1])  # same date, by name
    copy.write_text("Front page | Nation | Markets\nThe Riverside Gazette\n\n"
                    + articles[ORIGINAL].read_text(encoding="utf-8")
                    + "\n\nRead more from our politics desk\nSubscribe for daily updates\n",
                    encoding="utf-8")
    paths = [str(p) for p in articles]
    return [*paths[:7], str(binary), *paths[7:], str(copy)]


def grouping(grouped: list[dict]) -> tuple[dict, set, dict]:
    """What grouping decided, whatever the ids it gave stories and story events: each
    document's duplicate_of, the partition of documents into stories, and the partition
    of events into story events with each story event's counts."""
    stories, story_events = {}, {}
    for doc in grouped:
        stories.setdefault(doc["story"], set()).add(doc["id"])
        for n, event in enumerate(doc["events"]):
            counts = tuple(event[f"num_{c}"] for c in ("mentions", "articles", "sources"))
            story_events.setdefault((event["story_event"], counts), set()).add(
                f"{doc['id']}-e{n}")
    return ({doc["id"]: doc["duplicate_of"] for doc in grouped},
            {frozenset(members) for members in stories.values()},
            {frozenset(members): counts for (_se, counts), members in story_events.items()})


def dump(db: str) -> tuple[dict, list, list, tuple]:
    """A store's documents (contract objects), knowledge base, actor links and grouping,
    comparable."""
    with Store(db) as store:
        docs = {d["id"]: d for d in store.documents()}
        grouped = grouping(list(store.documents(grouped=True)))
        actors = store.actor_records()
        for record in actors:
            record["aliases"].sort(key=lambda a: a["alias"])
            record["roles"].sort(key=lambda r: r["role"])
        with store.session() as s:
            links = sorted((r.actor_id, r.doc_id, r.mentions)
                           for r in s.scalars(select(ActorDocumentRow)))
    return docs, actors, links, grouped


@pytest.fixture(scope="module")
def in_process(inputs, tmp_path_factory):
    db = str(tmp_path_factory.mktemp("inproc") / "a.db")
    with Store(db) as store:
        job = Ingest(store, settings=SETTINGS)
        items = (DATES.apply(i) for i in read_inputs(inputs) if not isinstance(i, ReadError))
        list(job.run(items))
    return dump(db)


@pytest.fixture(scope="module")
def parquet_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("parquet") / "docs"


@pytest.fixture(scope="module")
def on_spark(inputs, spark, parquet_dir):
    """The Spark ingest into a fresh PostgreSQL database: (url, job, what it reported);
    its tasks prepare 2 documents of a batch of 4, so each batch is cut in parts."""
    for url in fresh_postgres():
        told = []
        with Store(url) as store, pytest.MonkeyPatch.context() as patch:
            patch.setattr(spark_ingest, "TASK_DOCS", 2)
            job = ingest_with_spark(inputs, store, DATES, settings=SETTINGS, spark=spark,
                                    parquet=parquet_dir, on_result=told.append)
        yield url, job, told


def test_spark_ingest_equals_in_process(in_process, on_spark):
    url, job, told = on_spark
    docs, actors, links, grouped = dump(url)
    expected_docs, expected_actors, expected_links, expected_grouped = in_process
    assert len(docs) == DOCUMENTS and job.stored == DOCUMENTS
    assert docs.keys() == expected_docs.keys()
    for doc_id, doc in docs.items():
        want = expected_docs[doc_id]
        for part in ("quotes", "events", "timexes", "actors"):
            assert len(doc[part]) == len(want[part]), (doc["source"], part)
        assert [(a["name"], a.get("country")) for a in doc["actors"]] == \
            [(a["name"], a.get("country")) for a in want["actors"]], doc["source"]
        assert doc == want, doc["source"]
    assert actors == expected_actors
    assert links == expected_links
    # a real corpus, so the equality says something
    assert sum(len(d["quotes"]) for d in docs.values()) > 20
    assert sum(len(d["events"]) for d in docs.values()) > 5
    assert any(r["country"] for r in actors) and any(r.get("merged_into") is None for r in actors)


def test_spark_ingest_groups_as_in_process(inputs, in_process, on_spark):
    """The same near-duplicates, stories and story events (with their counts)."""
    duplicates, stories, story_events = dump(on_spark[0])[3]
    assert duplicates == in_process[3][0]
    assert stories == in_process[3][1]
    assert story_events == in_process[3][2]
    # not vacuous: the republication is a copy of its original, one story with it, and
    # its events share their story events, each counted once (the copy counts once)
    with Store(on_spark[0]) as store:
        docs = {d["id"]: d for d in store.documents(grouped=True)}
    assert all(d["story"] and all(e["story_event"] for e in d["events"]) for d in docs.values())
    by_source = {d["source"]: d["id"] for d in docs.values()}
    original, copy = by_source[inputs[ORIGINAL]], by_source[inputs[-1]]
    assert duplicates[copy] == original and duplicates[original] is None
    assert sum(1 for dup in duplicates.values() if dup) == 1
    assert any({original, copy} <= story for story in stories)
    assert len(stories) < DOCUMENTS
    shared = [(members, counts) for members, counts in story_events.items()
              if any(e.startswith(copy) for e in members)
              and any(e.startswith(original) for e in members)]
    assert shared and all(counts[1] == len({e.rsplit("-e", 1)[0] for e in members}) - 1
                          for members, counts in shared)


def test_tasks_cut_each_batch_and_carry_it_whole(monkeypatch):
    """Tasks of 2 wanted documents, each with its whole batch (the clean stage's context);
    a stored document is in no task, and a batch with nothing wanted makes none."""
    monkeypatch.setattr(spark_ingest, "TASK_DOCS", 2)
    items = [make_input(f"Talks in Oslo, day {n}.") for n in range(7)]
    tasks = batch_tasks(items, {items[1].id, *(i.id for i in items[4:])}, 4)
    assert [(first, len(batch), wanted) for first, batch, wanted in tasks] == \
        [(0, 4, [True, False, True, False]), (0, 4, [False, False, False, True])]
    assert all(batch == items[0:4] for _first, batch, _wanted in tasks)
    assert len(batch_tasks(items, set(), 4)) == 4  # 2 tasks of each batch (of 4, of 3)


def test_failing_input_named_once_and_skipped(on_spark):
    _url, _job, told = on_spark
    failures = [str(r) for r in told if isinstance(r, ReadError)]
    assert len(failures) == 1 and "scan.txt" in failures[0] and "binary" in failures[0]
    assert sum(1 for r in told if type(r).__name__ == "Document") == DOCUMENTS


def test_rerun_changes_nothing(inputs, spark, on_spark):
    url, _job, _told = on_spark
    before = dump(url)
    with Store(url) as store:
        job = ingest_with_spark(inputs, store, DATES, settings=SETTINGS, spark=spark)
    assert (job.stored, job.skipped) == (0, DOCUMENTS)
    assert dump(url) == before


def test_killed_job_reruns_to_the_same_store(inputs, spark, on_spark, tmp_path):
    """A job killed while writing documents leaves some stored without their knowledge
    base and links; the rerun must redo them from the same knowledge base."""
    url, _job, _told = on_spark
    complete = dump(url)
    db = str(tmp_path / "killed.db")
    with Store(url) as done, Store(db):
        some = [(raw, json.dumps(data)) for raw, data in list(done.documents_with_raw())[:5]]
    assert sum(write_documents(db, some)) == 5
    assert dump(db)[1] == []  # the state the kill leaves: documents, no knowledge base
    with Store(db) as store:
        job = ingest_with_spark(inputs, store, DATES, settings=SETTINGS, spark=spark)
    assert job.stored == DOCUMENTS - 5
    assert dump(db) == complete


def test_parquet_dataset_by_month(on_spark, parquet_dir):
    import pyarrow.dataset as ds

    url, _job, _told = on_spark
    with Store(url) as store:
        docs = {d["id"]: d for d in store.documents(grouped=True)}
    rows = ds.dataset(parquet_dir, format="parquet", partitioning="hive").to_table().to_pylist()
    assert sorted(r["id"] for r in rows) == sorted(docs)
    for row in rows:
        doc = docs[row["id"]]
        assert row["month"] == (doc["published"][:7] if doc["published"] else "unknown")
        assert (row["quotes"], row["events"]) == (len(doc["quotes"]), len(doc["events"]))
        assert json.loads(row["data"]) == doc  # with its grouping
    assert any(json.loads(row["data"])["duplicate_of"] for row in rows)
    assert {p.name for p in parquet_dir.iterdir() if p.is_dir()} == \
        {f"month={r['month']}" for r in rows}


def test_cli_refuses_what_spark_cannot_do(tmp_path):
    """Usage errors come before any Spark session starts; the positive twin is the CLI run
    that ingests (the flags parse, the same options in-process work)."""
    from typer.testing import CliRunner

    from dateline.cli import app

    runner = CliRunner()
    db = str(tmp_path / "s.db")
    (tmp_path / "a.txt").write_text("Rome hosts summit\n\nROME (AP) — Leaders met on Sunday.\n")
    for args, says in ((["--parquet", str(tmp_path / "pq")], "--parquet needs --spark"),
                       (["--spark", "local[1]", "--replace"], "in-process only"),
                       (["--spark", "local[1]", "-"], "standard input")):
        result = runner.invoke(app, ["ingest", "--db", db, *args, str(tmp_path / "a.txt")])
        assert result.exit_code == 2 and says in result.output, result.output
    result = runner.invoke(app, ["ingest", "--db", db, "--replace", str(tmp_path / "a.txt")])
    assert result.exit_code == 0, result.output


SPLIT_TEXT = ("Talks resume in Oslo\n\nOSLO, Norway — Secretary of State Mara Quillon said on "
              "Monday that the talks with Norway would resume. Quillon met the Norwegian "
              "foreign minister.")


def shipped(pipeline, text: str, stages) -> tuple:
    """A document's executor work (batched stages, then ``stages``), its parse shipped as
    the Spark ingest ships it; returns the document and the parse's entities."""
    item = make_input(text)
    doc = pipeline.prepare([item], [item])[0]
    for stage in stages:
        stage([doc])
    doc.spacy = load_parse(doc.spacy.vocab, ship_parse(doc.spacy))
    return doc, [(e.text, e.label_) for e in doc.spacy.ents]


def test_executor_and_driver_halves_equal_the_whole_pipeline(pipeline):
    """The executors correct the entities (the actor stage's ``prepare``) and date; the
    driver resolves on the shipped parse: the same document as every stage in one go."""
    from dateline.actors.kb import ActorKB

    early, late = split_stages(pipeline)
    actors = pipeline.stages[pipeline.names.index("actors")]
    shared_kb = actors.kb
    try:  # each run from an empty knowledge base
        actors.kb = ActorKB()
        whole = pipeline.process([make_input(SPLIT_TEXT)])[0]
        actors.kb = ActorKB()
        doc, ents = shipped(pipeline, SPLIT_TEXT, early)
        for stage in late:
            stage([doc])
        pipeline.commit(doc)
    finally:
        actors.kb = shared_kb
    assert ("State", "ORG") not in ents and ("Quillon", "PERSON") in ents  # corrected there
    assert doc.spacy.user_data[DATELINE] == [5, 6, 7]  # "OSLO, Norway": shipped, no actor
    assert doc.dumps() == whole.dumps()
    # without the executors' half the driver would resolve spaCy's own entities
    _doc, raw_ents = shipped(pipeline, SPLIT_TEXT, [])
    assert ("State", "ORG") in raw_ents and raw_ents != ents


PLANNED_TEXT = ("Varga meets trade minister\n\nAmbassador Lena Varga said the embargo on "
                "Freedonia would end. Will Varga meet the Norwegian trade minister? Varga met "
                "the Norwegian trade minister on Monday.")


def test_quotes_and_events_ship_their_parse_only_work_with_the_parse(pipeline):
    """The executors find the quotes (speaker spans, no actors yet) and judge the triggers
    (none in a question); the driver only resolves them to actors, using up what shipped."""
    early, late = split_stages(pipeline)
    doc, _ents = shipped(pipeline, PLANNED_TEXT, early)
    [(quote, _how)] = doc.spacy.user_data[QUOTES_PLAN]["quotes"]
    assert quote["text"] == "the embargo on Freedonia would end"
    assert quote["speaker"]["text"] == "Lena Varga" and quote["actor"] is None
    judged = [(doc.spacy[token].text, verdict and verdict[0])
              for _first, _end, triggers, _threats in doc.spacy.user_data[TRIGGERS_PLAN]
              for token, _trigger, verdict, _sense in triggers]
    assert judged == [("meets", "CONSULT"), ("met", "CONSULT")]  # not "Will Varga meet ...?"
    for stage in late:
        stage([doc])
    assert doc.quotes[0]["actor"] == "lena-varga"
    assert {(e["type"], e["source"]["actor"]) for e in doc.events} == {("CONSULT", "lena-varga")}
    assert QUOTES_PLAN not in doc.spacy.user_data and TRIGGERS_PLAN not in doc.spacy.user_data


WALKED_TEXT = ("Quillon in talks\n\nForeign Minister Mara Quillon said \"we will stay.\" She "
               "thanked her hosts, and they cheered. It rained. Quillon is highly critical of "
               "Norway.")


def test_token_walks_ship_with_the_parse(pipeline):
    """The executors walk the tokens for the actor stage (the votes on each person name's
    gender, the pronouns: he/she words only, not "we", "they" or "it", the quotations)
    and for the stances; the driver resolves from what shipped and uses it up."""
    early, late = split_stages(pipeline)
    doc, _ents = shipped(pipeline, WALKED_TEXT, early)
    prepared = doc.spacy.user_data
    assert [doc.spacy[i].text for i in prepared[PRONOUNS]] == ["She", "her"]
    assert [WALKED_TEXT[start:end] for start, end in prepared[QUOTED]] == ["we will stay."]
    assert [doc.spacy[start:end].text for start, end in prepared[GENDERS]] == \
        ["Quillon", "Mara Quillon", "Quillon"]
    assert [(category, doc.spacy[word].text, doc.spacy[about].text)
            for _first, _end, category, word, _subj, about in prepared[STANCES]] == \
        [("ACCUSE", "critical", "Norway")]
    for stage in late:
        stage([doc])
    assert [(m["text"], m["actor"]) for m in doc.mentions if m["kind"] == "pronoun"] == \
        [("She", "mara-quillon"), ("her", "mara-quillon")]
    assert [(e["type"], e["source"]["actor"], e["target"]["actor"]) for e in doc.events] == \
        [("ACCUSE", "mara-quillon", "norway")]
    assert not {PRONOUNS, QUOTED, GENDERS, STANCES} & set(doc.spacy.user_data)


def test_saving_many_actors_with_known_rows_equals_one_by_one(tmp_path):
    """The bulk save (stored rows read beforehand, new rows inserted together) widens and
    adds exactly as saving each actor with its own lookups does."""
    old = {"id": "mara-quillon", "name": "Mara Quillon", "type": "person", "country": None,
           "first_seen": "2024-03-02", "last_seen": "2024-03-05",
           "aliases": [{"alias": "Quillon", "first_seen": "2024-03-02",
                        "last_seen": "2024-03-05"}],
           "evidence": {"country": {"NOR": 1}}, "roles": []}
    new = [{**old, "country": "NOR", "first_seen": "2024-03-01",
            "aliases": [*old["aliases"], {"alias": "Mara Quillon", "first_seen": "2024-03-01",
                                          "last_seen": "2024-03-01"}],
            "evidence": {"country": {"NOR": 2}},
            "roles": [{"role": "foreign minister", "first_seen": "2024-03-01",
                       "last_seen": "2024-03-01", "docs": []}]},
           {"id": "norway", "name": "Norway", "type": "country", "country": "NOR",
            "aliases": [{"alias": "Norway"}], "evidence": {}, "roles": []}]
    stored = []
    for bulk in (False, True):
        with Store(str(tmp_path / f"{bulk}.db")) as store:
            with store.session.begin() as s:
                save_actor(s, old)
            with store.session.begin() as s:
                known = KnownRows(s, [r["id"] for r in new]) if bulk else None
                for record in new:
                    save_actor(s, record, known)
                if known is not None:
                    known.insert_new(s)
            stored.append(store.actor_records())
    assert stored[0] == stored[1]
    quillon = next(r for r in stored[1] if r["id"] == "mara-quillon")
    assert (quillon["first_seen"], quillon["country"]) == ("2024-03-01", "NOR")
    assert {a["alias"] for a in quillon["aliases"]} == {"Quillon", "Mara Quillon"}
