"""Counted evidence across documents: an actor's country and sector are what most documents
say, the record says how sure, and the counts survive the store (sentences written for
these tests, the real spaCy model, a real SQLite store)."""

from __future__ import annotations

from conftest import make_input
from dateline.actors.kb import ActorKB, support
from dateline.ingest import Ingest
from dateline.store import Store

TEXTS = [
    "British lawmaker Tom Marsh spoke in Leeds on Monday.",
    "U.S. Senator Tom Marsh spoke in Ohio on Tuesday.",
    "U.S. Senator Tom Marsh spoke in Iowa on Friday.",
]


def ingest(db: str, texts: list[str], kb: ActorKB | None = None) -> Ingest:
    with Store(db) as store:
        job = Ingest(store, kb=kb)
        items = [make_input(t, published=f"2016-09-2{i}") for i, t in enumerate(texts)]
        list(job.run(items))
    return job


def test_the_best_supported_country_wins_over_the_first_seen(tmp_path):
    job = ingest(str(tmp_path / "a.db"), TEXTS)
    record = job.kb.actors["tom-marsh"]
    assert record["evidence"]["country"] == {"GBR": 1, "USA": 2}
    assert record["country"] == "USA"
    assert support(record, "country") == 2 / 3


def test_a_single_document_keeps_its_country_fully_sure(tmp_path):
    job = ingest(str(tmp_path / "b.db"), TEXTS[:1])
    record = job.kb.actors["tom-marsh"]
    assert record["country"] == "GBR" and support(record, "country") == 1.0
    assert support({"country": None, "evidence": {}}, "country") is None


def test_evidence_round_trips_through_the_store(tmp_path):
    db = str(tmp_path / "c.db")
    ingest(db, TEXTS[:2])
    with Store(db) as store:
        (record,) = [r for r in store.actor_records() if r["id"] == "tom-marsh"]
    assert record["evidence"]["country"] == {"GBR": 1, "USA": 1}
    assert record["country"] == "GBR"  # a tie keeps the earlier value
    with Store(db) as store:  # resumed: the third document tips the balance
        kb = ActorKB.from_records(store.actor_records())
    ingest(db, TEXTS[2:], kb=kb)
    with Store(db) as store:
        (record,) = [r for r in store.actor_records() if r["id"] == "tom-marsh"]
    assert record["evidence"]["country"] == {"GBR": 1, "USA": 2}
    assert record["country"] == "USA"
