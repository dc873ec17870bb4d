"""The cleaning contract on the seeds and the examples, and the seeds' done-means."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import shared_path
from dateline.contract import cleaning_problems as contract_problems
from dateline.io.readers import InputDocument, read_inputs
from dateline.pipeline import to_document
from test_clean_support import STAGE, clean

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SEED_FURNITURE = ("Play Live Radio", "Next Up:", "0:00 0:00", "Available On Air Stations",
                  "hide caption", "toggle caption", "Stefen Chow for NPR", "Pool Photo via AP",
                  "Stefani Reynolds", "Back to top button", "To see more, visit", "Copyright",
                  "NPR News", "Arizona Public Radio")


def read_docs(*paths: Path):
    docs = [to_document(item) for item in read_inputs([str(p) for p in paths])
            if isinstance(item, InputDocument)]
    STAGE(docs)
    return docs


@pytest.fixture(scope="module")
def seeds():
    docs = read_docs(shared_path("seeds"))
    return {Path(doc.source).name[:3]: doc for doc in docs}


def test_seeds_keep_the_contract(seeds):
    for doc in seeds.values():
        assert contract_problems(doc) == []


def test_examples_keep_the_contract_and_lose_their_furniture():
    docs = read_docs(EXAMPLES)
    assert len(docs) >= 8
    for doc in docs:
        assert contract_problems(doc) == [], doc.source
        assert doc.title and doc.text.startswith(doc.title.split(":")[0])
        for furniture in ("Play Live Radio", "hide caption", "Back to top button", "Copyright",
                          "Pool Photo via AP", "Advertisement", "Related Stories"):
            assert furniture not in doc.text, (doc.source, furniture)


def test_the_jsonl_example_carries_title_url_and_published():
    records = [json.loads(line) for line in (EXAMPLES / "07_wirefeed.jsonl").open()]
    assert len(records) >= 2
    assert all({"title", "url", "published", "text"} <= set(r) for r in records)


def test_seed_furniture_is_gone(seeds):
    for doc in seeds.values():
        for furniture in SEED_FURNITURE:
            assert furniture not in doc.text, (doc.source, furniture)


def test_seed_body_paragraphs_all_stay(seeds):
    for doc in seeds.values():
        captions = {e["text"] for e in doc.removed if e["kind"] in ("caption", "duplicate")}
        start = doc.raw.index("BEIJING, China" if "004" in doc.source else "NUSA DUA")
        for para in doc.raw[start:].split("\n"):
            para = para.strip()
            if len(para.split()) >= 8 and para not in captions and "Copyright" not in para:
                assert para in doc.text


def test_seed_duplicate_captions_are_gone(seeds):
    assert "shakes hands with China's Foreign Minister" not in seeds["000"].text
    assert "speaks during a news conference" not in seeds["004"].text
    assert "met with Chinese leader Xi Jinping at the Great Hall" not in seeds["004"].text


def test_seed_interview_labels_stay(seeds):
    text = seeds["004"].text
    assert "Steve Inskeep:" in text and text.count("Second. Flashes:") == 4
    assert text.count("Interview :") == 3


def test_seed_metadata(seeds):
    old, new = seeds["000"], seeds["004"]
    assert old.title == (
        "U.S. tells China that its support for Russia in Ukraine complicates relations"
    )
    assert old.text.startswith(old.title + "\n")
    assert new.title.startswith("US Secretary of State Antony Blinken warns Beijing")
    assert old.place == {"name": "Nusa Dua", "country": "IDN"}
    assert new.place == {"name": "Beijing", "country": "CHN"}
    assert (old.published, old.published_from) == ("2022", "copyright")
    assert (new.published, new.published_from) == ("2024-04-26", "text")
    assert old.outlet == new.outlet == "NPR"


def test_news_corpora_pass_through_unchanged():
    docs = read_docs(shared_path("polnear", "dev", "text"))
    assert docs
    changed = [doc.source for doc in docs if doc.text != doc.raw]
    assert changed == []


def test_furniture_dev_snippets_meet_the_bar():
    folder = shared_path("furniture-dev")
    snippets = json.loads((folder / "snippets.json").read_text(encoding="utf-8"))
    docs = {Path(doc.source).name: doc for doc in read_docs(folder / "text")}
    kept = sum(s in docs[name].text for name, v in snippets.items() for s in v["with"])
    gone = sum(s not in docs[name].text for name, v in snippets.items() for s in v["without"])
    kept_share = kept / sum(len(v["with"]) for v in snippets.values())
    removed_share = gone / sum(len(v["without"]) for v in snippets.values())
    assert kept_share >= 0.97 and removed_share >= 0.75


def test_the_whole_pipeline_keeps_labels_and_the_contract(run, seed_text):
    source, text = seed_text("004")
    doc = run(text, source=source)
    assert contract_problems(doc) == []
    assert "Interview :" in doc.text and doc.place == {"name": "Beijing", "country": "CHN"}
    assert clean(text).text == doc.text
