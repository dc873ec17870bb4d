"""Stories on real articles: each article, a republication in other page furniture and a
copy trimmed to its first 70% of paragraphs, among unrelated articles, ingested into a
real SQLite store; and the two seeds, different stories on one USA–CHN pair timeline."""

from __future__ import annotations

import csv
import io
import itertools
import json

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from conftest import make_input, shared_path
from dateline.export import write_text
from dateline.ingest import Ingest
from dateline.model import Document
from dateline.store import Store
from dateline.store.queries import Queries
from dateline.store.schema import DocumentRow, EventRow, StoryEventRow
from dateline.web.app import create_app

ARTICLES = 8  # each stored three times over
UNRELATED = 6
WORDS = (250, 600)  # articles of ordinary length keep the test fast
PARAGRAPHS = 5  # so that its first 70% is more than a headline

# Page furniture written for this test: what another outlet wraps a wire story in.
HEADER = "Home | World | Politics | Opinion\nThe Evening Courier\nAdvertisement\n\n"
FOOTER = ("\n\nShare this article on Facebook\nSign up for our morning newsletter\n"
          "Copyright 2016 The Evening Courier. All rights reserved.\n")


def paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n\n") if p.strip()]


def trimmed(text: str) -> str:
    kept = paragraphs(text)
    return "\n\n".join(kept[:max(1, int(len(kept) * 0.7))])


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The store after ingest, and per article the ids of its three copies."""
    folder = shared_path("polnear", "dev", "text")
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    texts = [t for t in texts if WORDS[0] <= len(t.split()) <= WORDS[1]
             and len(paragraphs(t)) >= PARAGRAPHS]
    assert len(texts) >= ARTICLES + UNRELATED, "too few dev articles of ordinary length"
    inputs, copies = [], []
    for n, text in enumerate(texts[:ARTICLES]):
        versions = [make_input(text, f"a{n}.txt", "2016-09-20", outlet="Daily Ledger"),
                    make_input(HEADER + text + FOOTER, f"a{n}-republished.txt", "2016-09-21",
                               outlet="Evening Courier"),
                    make_input(trimmed(text), f"a{n}-trimmed.txt", "2016-09-21",
                               outlet="Harbour Post")]
        inputs += versions
        copies.append([v.id for v in versions])
    inputs += [make_input(t, f"u{n}.txt", "2016-09-20", outlet="Daily Ledger")
               for n, t in enumerate(texts[ARTICLES:ARTICLES + UNRELATED])]
    seeds = sorted(shared_path("seeds").glob("*.txt"))
    inputs += [make_input(p.read_text(encoding="utf-8"), str(p)) for p in seeds]
    store = Store(str(tmp_path_factory.mktemp("stories") / "stories.db"))
    results = list(Ingest(store).run(inputs))
    assert all(isinstance(r, Document) for r in results), results
    yield store, copies, [r.id for r in results[-len(seeds):]]
    store.close()


def test_near_duplicate_pairs_have_high_precision_and_recall(corpus):
    store, copies, _ = corpus
    with store.session() as s:
        root = {i: dup or i for i, dup in s.execute(
            select(DocumentRow.id, DocumentRow.duplicate_of))}
    found = {frozenset(p) for p in itertools.combinations(root, 2) if root[p[0]] == root[p[1]]}
    truth = {frozenset(p) for ids in copies for p in itertools.combinations(ids, 2)}
    precision = len(found & truth) / max(1, len(found))
    recall = len(found & truth) / len(truth)
    print(f"near-duplicate pairs: precision {precision:.3f}, recall {recall:.3f}")
    assert precision >= 0.95 and recall >= 0.95, (precision, recall)
    # the earliest stored copy is the original, and it is no one's duplicate
    assert all(root[ids[1]] == ids[0] and root[ids[0]] == ids[0] for ids in copies)


def test_events_of_a_republication_share_story_events(corpus):
    store, copies, _ = corpus
    with store.session() as s:
        rows = s.execute(select(EventRow.doc_id, EventRow.type, EventRow.trigger,
                                EventRow.sentence_start, EventRow.story_event)).all()
    by_doc: dict[str, list] = {}
    for row in rows:
        by_doc.setdefault(row.doc_id, []).append(row)
    shared = total = 0
    for original, republished, _ in copies:
        theirs = {(r.type, r.trigger): r.story_event for r in by_doc.get(republished, [])}
        for event in by_doc.get(original, []):
            total += 1
            shared += theirs.get((event.type, event.trigger)) == event.story_event
    print(f"events sharing their republication's story event: {shared}/{total}")
    assert total >= 10, "too few events to measure"
    assert shared / total >= 0.9, (shared, total)


def test_a_story_event_counts_duplicates_once_and_outlets_each(corpus):
    store, copies, _ = corpus
    with store.session() as s:
        ids = [i for trio in copies for i in trio]
        counted = s.execute(select(StoryEventRow).join(
            EventRow, EventRow.story_event == StoryEventRow.id)
            .where(EventRow.doc_id.in_(ids))).scalars().all()
    assert counted
    three = [se for se in counted if se.num_sources == 3]
    assert three, "an event of the original, republication and trim has three outlets"
    assert all(se.num_articles == 1 for se in three)  # the copies count once


def test_seed_articles_are_different_stories_on_one_pair_timeline(corpus):
    store, _, seeds = corpus
    with store.session() as s:
        stories = {i: st for i, st in s.execute(
            select(DocumentRow.id, DocumentRow.story).where(DocumentRow.id.in_(seeds)))}
    assert len(set(stories.values())) == 2, stories
    queries = Queries(store)
    timeline = queries.pair_timeline("USA", "CHN")
    years = {m["start"][:4] for m in timeline["months"] if m["start"]}
    assert {"2022", "2024"} <= years, timeline
    for story in stories.values():
        page = queries.story(story)
        assert page["documents"] and page["documents"][0]["id"] in seeds


def test_the_api_and_exports_carry_the_grouping(corpus):
    store, copies, _ = corpus
    original, republished, _ = copies[0]
    client = TestClient(create_app(store.db))
    doc = client.get(f"/api/v1/documents/{republished}").json()
    assert doc["duplicate_of"] == original and doc["story"]
    assert client.get(f"/api/v1/documents/{original}").json()["duplicate_of"] is None
    event = doc["events"][0]
    assert event["story_event"] and event["num_sources"] >= 2
    listed = client.get("/api/v1/documents", params={"story": doc["story"]}).json()
    assert {original, republished} <= {d["id"] for d in listed["items"]}
    actor = event["source"]["actor"]
    counted = {count: sum(n for m in client.get(f"/api/v1/timelines/actors/{actor}",
                                                params={"count": count}).json()["months"]
                          for n in m["events"].values())
               for count in ("events", "reports")}
    assert counted["reports"] > counted["events"] > 0  # the copies report the same events
    out = io.StringIO()
    write_text(out, store, "csv", "events")
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert all(r["story_event"] for r in rows)
    assert any(r["num_sources"] == "3" and r["num_articles"] == "1" for r in rows)
    out = io.StringIO()
    write_text(out, store, "jsonl", "documents")
    exported = {d["id"]: d for d in map(json.loads, out.getvalue().splitlines())}
    assert exported[republished]["duplicate_of"] == original


def test_an_article_and_its_copies_are_one_story_and_unrelated_articles_are_not(corpus):
    store, copies, seeds = corpus
    with store.session() as s:
        story = dict(s.execute(select(DocumentRow.id, DocumentRow.story)
                               .where(DocumentRow.id.not_in(seeds))).all())
    assert all(len({story[i] for i in ids}) == 1 for ids in copies)
    # the articles are all 2016 campaign news naming the same candidates, on one day
    assert len(set(story.values())) == ARTICLES + UNRELATED
