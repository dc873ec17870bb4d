"""The store on a real SQLite file and a real PostgreSQL server: idempotence, replace, actors."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import func, select

from dateline.model import Document
from dateline.store import Store, database_url
from dateline.store.rows import insert_documents
from dateline.store.schema import ActorRoleRow, EntityRow, EventRow, QuoteRow


def sample_document(doc_id: str = "00000000000000aa", published: str = "2023-05-02") -> Document:
    text = 'Lena Ortiz met Pavel Kuzmin in Oslo. "We agreed," Ortiz said.'
    return Document(
        id=doc_id, source="sample.txt", raw=text, text=text, title="Sample",
        published=published, published_from="option",
        segments=[[0, 0, len(text)]], sentences=[[0, 36], [37, len(text)]],
        entities=[{"start": 0, "end": 10, "text": "Lena Ortiz", "label": "PERSON",
                   "actor": "lena-ortiz"}],
        actors=[{"id": "lena-ortiz", "name": "Lena Ortiz", "type": "person", "country": "NOR",
                 "sector": "GOV", "roles": ["Foreign Minister"], "aliases": ["Ortiz"]}],
        quotes=[{"start": 38, "end": 48, "text": "We agreed,", "kind": "direct",
                 "cue": {"start": 56, "end": 60, "text": "said"},
                 "speaker": {"start": 50, "end": 55, "text": "Ortiz"}, "actor": "lena-ortiz"}],
        timexes=[],
        events=[{"type": "CONSULT", "mode": "visit", "context": ["diplomatic"],
                 "source": {"actor": "lena-ortiz", "country": "NOR", "text": "Lena Ortiz",
                            "start": 0, "end": 10},
                 "target": {"actor": "pavel-kuzmin", "country": "RUS", "text": "Pavel Kuzmin",
                            "start": 15, "end": 27},
                 "trigger": {"start": 11, "end": 14, "text": "met"}, "sentence": [0, 36],
                 "date": published, "place": "Oslo", "intensity": 1.0, "cameo": "040"}],
    )


def count(store: Store, row: type) -> int:
    with store.session() as s:
        return s.scalar(select(func.count()).select_from(row))


def check_store(store: Store) -> None:
    doc = sample_document()
    assert store.save(doc) is True
    assert store.save(doc) is False  # re-ingest changes nothing
    assert store.count() == 1 and count(store, QuoteRow) == 1 and count(store, EventRow) == 1
    assert store.document(doc.id)["quotes"][0]["actor"] == "lena-ortiz"

    doc.quotes = []
    assert store.save(doc, replace=True) is True
    assert count(store, QuoteRow) == 0 and count(store, EventRow) == 1

    later = sample_document("00000000000000bb", published="2024-01-09")
    later.actors[0]["roles"] = ["Prime Minister"]
    store.save(later)
    (record,) = [r for r in store.actor_records() if r["id"] == "lena-ortiz"]
    assert record["first_seen"] == "2023-05-02" and record["last_seen"] == "2024-01-09"
    assert {r["role"] for r in record["roles"]} == {"Foreign Minister", "Prime Minister"}
    assert record["docs"] == ["00000000000000aa", "00000000000000bb"]
    assert record["country"] == "NOR" and record["sector"] == "GOV"
    assert [d["id"] for d in store.documents(batch=1)] == ["00000000000000aa",
                                                           "00000000000000bb"]
    with store.session() as s:
        roles = s.scalars(select(ActorRoleRow).where(ActorRoleRow.role == "Prime Minister"))
        assert [r.doc_id for r in roles] == ["00000000000000bb"]


def test_sqlite_store(tmp_path):
    path = tmp_path / "kb.db"
    with Store(str(path)) as store:
        check_store(store)
    with Store(str(path)) as store:  # reopening migrates nothing and keeps everything
        assert store.count() == 2
    assert sqlite3.connect(path).execute("PRAGMA integrity_check").fetchone() == ("ok",)


def annotations(store: Store) -> list[tuple]:
    """Every annotation row (events without the story event grouping gives them)."""
    event = [c for c in EventRow.__table__.c if c.name != "story_event"]
    with store.session() as s:
        return [tuple(s.execute(query).all()) for query in (
            select(QuoteRow.__table__), select(*event), select(EntityRow.__table__))]


def test_bulk_insert_writes_what_a_save_writes_and_never_twice(tmp_path):
    """The bulk writer (the Spark ingest's) stores the rows a save stores; a batch written
    again changes nothing, and of an id given twice the first document is the one kept."""
    first = sample_document()
    other = sample_document("00000000000000bb", published="2024-01-09")
    twice = sample_document(published="2025-07-01")  # the first's id, other content
    with Store(str(tmp_path / "saved.db")) as saved, Store(str(tmp_path / "bulk.db")) as bulk:
        saved.save(first)
        saved.save(other)
        with bulk.session.begin() as s:
            assert insert_documents(s, [first, other, twice]) == 2
        with bulk.session.begin() as s:
            assert insert_documents(s, [other, first]) == 0
        assert [d["published"] for d in bulk.documents()] == ["2023-05-02", "2024-01-09"]
        assert annotations(bulk) == annotations(saved)
        assert count(bulk, EventRow) == 2 and count(bulk, EntityRow) == 2


def test_database_url_forms():
    assert database_url("x.db") == "sqlite:///x.db"
    assert database_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"


@pytest.mark.postgres
def test_postgres_store(postgres_url):
    with Store(postgres_url) as store:
        check_store(store)


def test_actors_list_the_most_named_first_and_hide_merged_ids(tmp_path):
    from dateline.store.queries import Queries

    store = Store(str(tmp_path / "rank.db"))
    records = [{"id": i, "name": n, "type": "person", "first_seen": None, "last_seen": None,
                "docs": []} for i, n in (("ann-lee", "Ann Lee"), ("zed-moss", "Zed Moss"))]
    records.append({"id": "lee", "name": "Lee", "type": "person", "merged_into": "ann-lee"})
    for n, cited in enumerate((["zed-moss"], ["zed-moss"], ["ann-lee", "lee"])):
        doc = sample_document(f"{n:016x}")
        doc.actors = [{"id": a, "name": a, "type": "person", "country": None, "sector": None,
                       "roles": []} for a in cited]
        doc.entities, doc.mentions, doc.quotes, doc.events = [], [], [], []
        store.save(doc, actors=records)
    queries = Queries(store)
    assert [a["id"] for a in queries.actors().items] == ["zed-moss", "ann-lee"]
    assert [a["documents"] for a in queries.actors().items] == [2, 1]
    assert [a["id"] for a in queries.actors(sort="name").items] == ["ann-lee", "zed-moss"]
    store.close()
