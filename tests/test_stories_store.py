"""Grouping as the store keeps it: copies found through the band index, stored again,
rebuilt, on SQLite and PostgreSQL (documents made here, no pipeline: fast)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from dateline.model import Document
from dateline.store import Store
from dateline.store.rows import insert_missing
from dateline.store.schema import ActorCountRow, BandRow, DocumentRow, EventRow, StoryRow
from test_stories import ARTICLE, OTHER


def event(text: str, word: str, date: str) -> dict:
    start = text.index(word)
    return {"type": "CONSULT", "mode": None, "context": [],
            "source": {"actor": None, "country": "USA", "text": "x", "start": 0, "end": 1},
            "target": {"actor": None, "country": "CHN", "text": "x", "start": 0, "end": 1},
            "trigger": {"start": start, "end": start + len(word), "text": word},
            "sentence": [0, len(text)], "date": date, "place": None, "intensity": 1.0,
            "cameo": None}


def doc(id_: str, text: str, outlet: str, published: str = "2022-11-15") -> Document:
    return Document(id=id_, source=f"{id_}.txt", raw=text, text=text, title=id_,
                    outlet=outlet, published=published, published_from="option",
                    events=[event(text, "said", published)])


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    if request.param == "sqlite":
        db = str(tmp_path / "group.db")
    else:
        db = request.getfixturevalue("postgres_url")
    with Store(db) as opened:
        yield opened


def marks(store: Store) -> dict[str, tuple[str | None, str | None]]:
    with store.session() as s:
        return {i: (dup, story) for i, dup, story in s.execute(
            select(DocumentRow.id, DocumentRow.duplicate_of, DocumentRow.story))}


def test_copies_point_at_the_first_stored_and_survive_a_rewrite_and_a_rebuild(store):
    wrapped = "Home | News | Business\n\n" + ARTICLE + "\n\nShare this"
    trimmed = "\n\n".join(ARTICLE.split("\n\n")[:3])
    for d in (doc("orig", ARTICLE, "Wire"), doc("wrap", wrapped, "Courier", "2022-11-16"),
              doc("trim", trimmed, "Post", "2022-11-16"), doc("other", OTHER, "Wire")):
        assert store.save(d)
    first = marks(store)
    assert first["wrap"][0] == first["trim"][0] == "orig" and first["orig"][0] is None
    assert first["other"][0] is None and first["other"][1] != first["orig"][1]
    assert first["wrap"][1] == first["trim"][1] == first["orig"][1]
    counted = store.document("wrap", grouped=True)["events"][0]
    assert (counted["num_articles"], counted["num_sources"]) == (1, 3)
    assert store.save(doc("orig", ARTICLE, "Wire"), replace=True)  # stored again
    assert marks(store) == first
    with store.rebuild() as rebuild:
        for d in (doc("orig", ARTICLE, "Wire"), doc("other", OTHER, "Wire"),
                  doc("trim", trimmed, "Post", "2022-11-16"),
                  doc("wrap", wrapped, "Courier", "2022-11-16")):
            rebuild.save(d)
    assert marks(store) == first
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(StoryRow)) == 2
        assert s.scalar(select(func.count(func.distinct(BandRow.doc_id)))) == 4


# Fictional campaign news: every article names both candidates; two of them also name the
# same witness and judge, whom no other article names.
ARTICLES = 30  # enough counted for an actor in two of them to look rare


def person(id_: str) -> dict:
    return {"id": id_, "name": id_.title(), "type": "person", "country": "USA",
            "sector": None, "roles": []}


CANDIDATES = [person("candidate-a"), person("candidate-b")]
RARE = [person("witness-c"), person("judge-d")]


def campaign_doc(n: int, actors: list[dict]) -> Document:
    text = " ".join(f"topic{n}word{i}" for i in range(60))  # no two alike
    return Document(id=f"c{n:02d}", source=f"c{n}.txt", raw=text, text=text, title=f"c{n}",
                    outlet="Wire", published=f"2016-09-{1 + n % 28:02d}",
                    published_from="option", actors=actors)


def test_shared_candidates_tie_no_story_and_shared_rare_actors_do(store):
    paired = (ARTICLES - 6, ARTICLES - 3)  # three days apart
    for n in range(ARTICLES):
        store.save(campaign_doc(n, CANDIDATES + (RARE if n in paired else [])))
    stories = {i: story for i, (_, story) in marks(store).items()}
    assert stories[f"c{paired[0]}"] == stories[f"c{paired[1]}"]
    assert len(set(stories.values())) == ARTICLES - 1
    with store.session() as s:
        counted = dict(s.execute(select(ActorCountRow.key, ActorCountRow.documents)).all())
    assert counted["|2016-09"] == counted["candidate-a|2016-09"] == ARTICLES
    assert counted["witness-c|2016-09"] == 2
    store.save(campaign_doc(paired[1], CANDIDATES + RARE), replace=True)
    with store.session() as s:  # stored again: counted once
        assert dict(s.execute(select(ActorCountRow.key, ActorCountRow.documents)).all()) == counted


def test_insert_missing_adds_new_keys_and_leaves_stored_rows_as_they_are(store):
    table = ActorCountRow.__table__
    with store.session.begin() as s:
        insert_missing(s, table, [{"key": "kept|2016-09", "documents": 5}])
        insert_missing(s, table, [{"key": "kept|2016-09", "documents": 9},
                                  {"key": "new|2016-09", "documents": 1}])
    with store.session() as s:
        assert dict(s.execute(select(ActorCountRow.key, ActorCountRow.documents)).all()) == {
            "kept|2016-09": 5, "new|2016-09": 1}


def story_events(store: Store) -> set[frozenset[str]]:
    """The partition of events into story events, whatever their ids."""
    with store.session() as s:
        members: dict[str, set[str]] = {}
        for event_id, se in s.execute(select(EventRow.id, EventRow.story_event)):
            members.setdefault(se, set()).add(event_id)
    return {frozenset(m) for m in members.values()}


def test_grouping_in_batches_equals_grouping_each_as_it_is_saved(store, tmp_path, monkeypatch):
    """The Spark ingest groups stored documents a batch per transaction, in input order:
    each sees what the ones before it in its batch wrote, as when each is grouped as it is
    saved (in-process), through the story events read once per batch; a rerun regroups
    nothing. In another order a copy points at the other original, so the order within a
    batch is kept."""
    from dateline.engines import spark_ingest

    monkeypatch.setattr(spark_ingest, "WRITE_BATCH", 3)  # five documents, two batches
    wrapped = "Home | News | Business\n\n" + ARTICLE + "\n\nShare this"
    trimmed = "\n\n".join(ARTICLE.split("\n\n")[:3])
    docs = [doc("orig", ARTICLE, "Wire"), doc("other", OTHER, "Wire"),
            doc("wrap", wrapped, "Courier", "2022-11-16"),
            doc("trim", trimmed, "Post", "2022-11-16"), doc("late", OTHER, "Post")]
    with Store(str(tmp_path / "each.db")) as each:
        for d in docs:
            each.save(d)
        expected = marks(each), story_events(each)
    assert spark_ingest.save_documents(store, docs) == len(docs)
    assert set(marks(store).values()) == {(None, None)}  # stored, not grouped yet
    spark_ingest.group_documents(store, [d.id for d in docs])
    assert (marks(store), story_events(store)) == expected
    assert expected[0]["wrap"][0] == "orig" and expected[0]["late"][0] == "other"
    spark_ingest.group_documents(store, [d.id for d in docs])  # a rerun
    assert (marks(store), story_events(store)) == expected
    with Store(str(tmp_path / "reversed.db")) as other_order:
        spark_ingest.save_documents(other_order, docs)
        spark_ingest.group_documents(other_order, [d.id for d in reversed(docs)])
        reordered = marks(other_order)
    assert reordered["orig"][0] == "trim" and reordered["other"][0] == "late"


def test_a_stored_story_event_is_decoded_from_its_whole_row():
    """Decoded rows are cached by their content: a row stored again with other words (its
    document replaced) is decoded again, not served from the cache."""
    from dateline.store.stories import _stored_report

    row = ("d1-e0", "d1", "CONSULT", None, "USA", None, "CHN", "2022-11-14", "2022-11-14",
           "island summit")
    assert _stored_report(row).words == frozenset({"island", "summit"})
    assert _stored_report((*row[:-1], "trade talks")).words == frozenset({"trade", "talks"})
    assert _stored_report(row) is _stored_report(tuple(list(row)))


def test_grouping_takes_the_signature_given_for_a_documents_text(store, tmp_path):
    """The Spark executors sign each text; grouping takes the signature given for the
    document's text (a wrong one here, another text's, hides the copy) and signs a text
    given none itself."""
    from dateline.engines.spark_ingest import group_documents, save_documents
    from dateline.stories import minhash

    wrapped = "Home | News | Business\n\n" + ARTICLE + "\n\nShare this"
    docs = [doc("orig", ARTICLE, "Wire"), doc("wrap", wrapped, "Courier", "2022-11-16")]
    save_documents(store, docs)
    group_documents(store, ["orig", "wrap"], {wrapped: minhash.signature(OTHER)})
    assert marks(store)["wrap"][0] is None
    with Store(str(tmp_path / "unsigned.db")) as unsigned:
        save_documents(unsigned, docs)
        group_documents(unsigned, ["orig", "wrap"], {OTHER: minhash.signature(OTHER)})
        assert marks(unsigned)["wrap"][0] == "orig"
