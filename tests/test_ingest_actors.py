"""Ingest grows the actor knowledge base in the store, across documents and runs."""

from __future__ import annotations

import json
import sqlite3

from dateline.ingest import Ingest
from dateline.io.readers import read_inputs
from dateline.store import Store

INTRO = (
    "Envoys meet in Valletta\n\n"
    "VALLETTA, Malta — Norwegian Foreign Minister Ingrid Halvorsen met her Chilean "
    "counterpart on Tuesday to discuss fishing rights, officials said.\n"
)
LATER = (
    "Fishing talks stall\n\n"
    "Halvorsen said on Friday that the talks had stalled over quotas.\n"
)


def ingest(db: str, *paths: str) -> None:
    with Store(db) as store:
        job = Ingest(store)
        for _ in job.run(i for i in read_inputs(paths)):
            pass


def test_a_later_run_resolves_a_surname_to_the_known_actor(tmp_path):
    (tmp_path / "intro.txt").write_text(INTRO, encoding="utf-8")
    (tmp_path / "later.txt").write_text(LATER, encoding="utf-8")
    db = str(tmp_path / "kb.db")
    ingest(db, str(tmp_path / "intro.txt"))
    ingest(db, str(tmp_path / "later.txt"))  # a new run: the KB comes from the store
    con = sqlite3.connect(db)
    (data,) = con.execute("SELECT data FROM documents WHERE source LIKE '%later.txt'").fetchone()
    doc = json.loads(data)
    actor_ids = {e.get("actor") for e in doc["entities"]} | {m["actor"] for m in doc["mentions"]}
    assert "ingrid-halvorsen" in actor_ids
    actor = next(a for a in doc["actors"] if a["id"] == "ingrid-halvorsen")
    assert actor["country"] == "NOR"
    links = con.execute("SELECT count(*) FROM actor_documents "
                        "WHERE actor_id = 'ingrid-halvorsen'").fetchone()[0]
    assert links == 2


def test_blinken_is_one_actor_across_the_seeds(tmp_path, seeds_dir):
    db = str(tmp_path / "kb.db")
    ingest(db, str(seeds_dir))
    with Store(db) as store:
        records = {r["id"]: r for r in store.actor_records()}
    blinken = records["antony-blinken"]
    assert blinken["country"] == "USA" and len(blinken["docs"]) == 2
    assert "Secretary of State" in {r["role"] for r in blinken["roles"]}


def test_reresolve_applies_user_overrides_everywhere(tmp_path):
    from dateline.ingest import reresolve

    text = INTRO + "Pavel Kuzmin, a Russian observer, said the talks were useful.\n"
    (tmp_path / "intro.txt").write_text(text, encoding="utf-8")
    db = str(tmp_path / "kb.db")
    ingest(db, str(tmp_path / "intro.txt"))
    overrides = tmp_path / "actors.yaml"
    overrides.write_text(
        "merge:\n  - [ingrid-halvorsen, pavel-kuzmin]\n"
        "correct:\n  ingrid-halvorsen: {country: DNK, roles: [Prime Minister]}\n",
        encoding="utf-8")
    with Store(db) as store:
        assert "pavel-kuzmin" in {r["id"] for r in store.actor_records()}
        results = []
        job = reresolve(store, overrides, on_result=results.append)
        assert len(results) == 1 and job.stored == 1
        records = {r["id"]: r for r in store.actor_records()}
        (doc,) = list(store.documents())
    assert "pavel-kuzmin" not in records
    assert records["ingrid-halvorsen"]["country"] == "DNK"
    assert "Prime Minister" in {r["role"] for r in records["ingrid-halvorsen"]["roles"]}
    assert {e.get("actor") for e in doc["entities"]} >= {"ingrid-halvorsen"}
    assert "pavel-kuzmin" not in {m["actor"] for m in doc["mentions"]}


def test_an_input_read_twice_teaches_the_knowledge_base_once(tmp_path):
    # the same article under two names (two dates): the copy is skipped and learns nothing,
    # so the store's knowledge base is the same whichever engine ingests the folder
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_2023-05-02_intro.txt").write_text(INTRO, encoding="utf-8")
    (folder / "b_2023-05-09_intro.txt").write_text(INTRO, encoding="utf-8")
    db = str(tmp_path / "kb.db")
    with Store(db) as store:
        job = Ingest(store)
        for _ in job.run(i for i in read_inputs([str(folder)])):
            pass
        assert (job.stored, job.skipped) == (1, 1)
        assert job.kb.actors["ingrid-halvorsen"]["last_seen"] == "2023-05-02"
    (tmp_path / "c_2023-05-12_later.txt").write_text(LATER, encoding="utf-8")
    ingest(db, str(tmp_path / "c_2023-05-12_later.txt"))  # a new document does teach it
    con = sqlite3.connect(db)
    (seen,) = con.execute("SELECT last_seen FROM actors WHERE id = 'ingrid-halvorsen'").fetchone()
    assert seen == "2023-05-12"
