"""The two real seed articles: the actors the issue names, and Blinken across both."""

from __future__ import annotations

import pytest

from conftest import shared_path
from dateline.actors.kb import ActorKB
from dateline.io.readers import read_inputs
from dateline.pipeline import Pipeline

EXPECTED = {
    "antony-blinken": ("USA", "GOV", "Secretary of State"),
    "wang-yi": ("CHN", "GOV", "Foreign Minister"),
    "sergey-lavrov": ("RUS", "GOV", None),
    "li-zuocheng": ("CHN", "MIL", None),
    "mark-milley": ("USA", "MIL", None),
    "wei-fenghe": ("CHN", "GOV", "Defense Minister"),
    "lloyd-austin": ("USA", "GOV", None),
    "xi-jinping": ("CHN", "GOV", None),
    "steve-inskeep": ("USA", "MED", None),
}


@pytest.fixture(scope="module")
def seeds():
    folder = shared_path("seeds")
    kb = ActorKB()
    pipe = Pipeline(stages=["clean", "parse", "actors"], actors={"kb": kb})
    docs = pipe.process(sorted(read_inputs([str(folder)]), key=lambda i: i.source))
    return docs, kb


def test_seed_actors(seeds) -> None:
    docs, _ = seeds
    actors = {a["id"]: a for doc in docs for a in doc.actors}
    for actor_id, (country, sector, role) in EXPECTED.items():
        actor = actors[actor_id]
        assert (actor["country"], actor["sector"]) == (country, sector), actor_id
        if role:
            assert role in actor["roles"]


def test_blinken_is_one_actor_across_both_seeds(seeds) -> None:
    docs, kb = seeds
    assert all(doc.actor("antony-blinken") for doc in docs)
    record = next(r for r in kb.records() if r["id"] == "antony-blinken")
    assert len(record["docs"]) == 2
    assert kb.find("Blinken", "person") == "antony-blinken"


def test_seed_mentions(seeds) -> None:
    first = seeds[0][0]
    by_text = {}
    for m in first.mentions:
        by_text.setdefault(m["text"], m["actor"])
    assert by_text["Chinese counterpart"] == "wang-yi"
    assert by_text["Beijing"] == "china"
    assert not [e for e in first.entities if e["text"] == "Nusa Dua" and e["label"] == "PERSON"]
    assert not [e for e in first.entities if e["text"] == "State"]
    for m in first.mentions:
        assert first.text[m["start"]:m["end"]] == m["text"]
