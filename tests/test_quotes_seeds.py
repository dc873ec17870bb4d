"""The issue's acceptance checks on the two real seeds (skipped when shared data is absent)."""

from __future__ import annotations

import pytest

SEED_000 = [
    ("Many people believe that the United States is suffering from a China-phobia", "wang-yi"),
    ("If such threat-expansion is allowed to grow", "wang-yi"),
    ("We are concerned about the PRC's alignment with Russia", "antony-blinken"),
    ("There was a strong consensus", "antony-blinken"),
    ("We're committed to managing this relationship", "antony-blinken"),
    ("to place one's own security above the security of others", "wang-yi"),
]


@pytest.fixture
def seed(run, seed_text):
    def process(prefix: str):
        path, text = seed_text(prefix)
        return run(text, source=path)

    return process


def quote_with(doc, fragment: str) -> dict:
    found = [q for q in doc.quotes if fragment in q["text"]]
    assert found, f"no quote containing {fragment!r}"
    return found[0]


def test_seed_000_attributions(seed) -> None:
    doc = seed("000")
    for fragment, actor in SEED_000:
        assert quote_with(doc, fragment)["actor"] == actor, fragment
    for q in doc.quotes:
        assert doc.text[q["start"] : q["end"]] == q["text"]


def test_seed_004_transcript_turns(seed) -> None:
    doc = seed("004")
    turns = [q for q in doc.quotes if q["kind"] == "transcript"]
    labels = {q["label"]: q["actor"] for q in turns}
    assert labels == {"Steve Inskeep": "steve-inskeep", "Second. Flashes": "antony-blinken",
                      "Interview": "steve-inskeep"}
    assert all(q["confidence"] > 0.5 for q in turns)
    assert quote_with(doc, "China’s public statements")["actor"] == "steve-inskeep"
    assert quote_with(doc, "first supplier of essential components")["actor"] == "antony-blinken"


def test_seed_004_quotes(seed) -> None:
    doc = seed("004")
    assert quote_with(doc, "If China doesn’t act, we will")["actor"] == "antony-blinken"
    look = [q for q in doc.quotes if q["kind"] == "direct" and "we trade with" in q["text"]]
    assert look and "china" in look[0]["actor"]  # "the spokesperson ... and he responded"
    hypocritical = quote_with(doc, "hypocritical")
    assert "Foreign Ministry" in hypocritical["speaker"]["text"]
    assert hypocritical["actor"] and "china" in hypocritical["actor"].lower()


def test_seed_004_a_question_is_dated_when_asked_not_by_what_it_mentions(seed) -> None:
    doc = seed("004")
    question = next(q for q in doc.quotes if q["kind"] == "transcript"
                    and "in October the United States issued" in q["text"])
    assert any(t["text"] == "October" and t["value"] == "2023-10" for t in doc.timexes)
    assert (question["date"], question["date_start"], question["date_precision"]) == (
        doc.published, "2024-04-26", "day")


def test_a_reporting_clause_dates_its_quote(run) -> None:
    doc = run('"We met them in October," Blinken told reporters on Tuesday.',
              published="2024-04-26")
    (quote,) = doc.quotes
    assert (quote["date"], quote["date_end"]) == ("2024-04-23", "2024-04-23")
