"""Bounded cost: the span indexes answer as a scan would, and the work per character of
the quotes and actors stages does not grow with the document's length (counted calls,
never wall-clock time; bench/length_scaling.py measures the time)."""

from __future__ import annotations

import random
from pathlib import Path

from conftest import make_input, shared_path
from dateline.actors.resolve import Mentions, Resolution
from dateline.quotes import stage as quote_stage
from dateline.spans import SpanIndex


def random_spans(rng: random.Random, n: int) -> list[dict[str, int]]:
    spans = []
    for _ in range(n):
        start = rng.randrange(0, 500)
        spans.append({"start": start, "end": start + rng.randrange(1, 30)})
    return spans


def test_span_index_answers_as_a_scan_does():
    rng = random.Random(7)
    spans = random_spans(rng, 300)
    index = SpanIndex(spans)
    hits = 0
    for _ in range(200):
        lo = rng.randrange(0, 520)
        hi = lo + rng.randrange(1, 40)
        assert index.overlapping(lo, hi) == [
            s for s in spans if max(s["start"], lo) < min(s["end"], hi)]
        assert index.inside(lo, hi) == [s for s in spans if lo <= s["start"] and s["end"] <= hi]
        assert index.covering(lo) == [s for s in spans if s["start"] <= lo < s["end"]]
        hits += len(index.overlapping(lo, hi))
    assert hits > 200  # the queries did find spans


def test_mentions_index_answers_as_a_scan_does():
    rng = random.Random(3)
    mentions = Mentions()
    for n in range(400):
        start = rng.randrange(0, 300)
        key = (start, start + rng.randrange(1, 6))
        if key in mentions and n % 3 == 0:
            del mentions[key]
        else:
            mentions[key] = {"n": n}
    keys = list(mentions)  # dict order: the order the mentions were (re)added
    assert len(keys) > 100
    for i in range(0, 310, 7):
        assert mentions.covering(i) == [k for k in keys if k[0] <= i < k[1]]
        assert mentions.inside(i, i + 8) == [k for k in keys if i <= k[0] and k[1] <= i + 8]
        ending = [k for k in keys if k[1] == i]
        assert mentions.first_ending(i) == (ending[0] if ending else None)


def long_document(size: int) -> str:
    parts, total = [], 0
    for path in sorted(Path(shared_path("polnear", "dev", "text")).glob("*.txt")):
        parts.append(path.read_text(encoding="utf-8").strip())
        total += len(parts[-1])
        if total >= size:
            return "\n\n".join(parts)
    raise AssertionError("the dev corpus is shorter than the test needs")


def test_work_per_character_does_not_grow_with_length(pipeline, monkeypatch):
    """Before the fix, merging quotes compared every clause with every quote and each short
    name rescanned every full name: calls per character grew with length (1.3x to 2x here)."""
    counts = {"words": 0, "name_actor": 0, "near": 0}

    def counted(name, fn):
        def call(*args, **kwargs):
            result = fn(*args, **kwargs)
            counts[name] += len(result) if name == "near" else 1
            return result
        return call

    monkeypatch.setattr(quote_stage, "_words", counted("words", quote_stage._words))
    monkeypatch.setattr(Resolution, "name_actor", counted("name_actor", Resolution.name_actor))
    monkeypatch.setattr(SpanIndex, "_near", counted("near", SpanIndex._near))
    per_char, quotes = [], []
    for size in (15_000, 60_000):
        text = long_document(size)
        for key in counts:
            counts[key] = 0
        (doc,) = pipeline.process([make_input(text, "long.txt")])
        quotes.append(len(doc.quotes))
        per_char.append({k: v / len(doc.text) for k, v in counts.items()})
    assert quotes[1] > quotes[0] > 0
    for key in counts:
        assert per_char[0][key] > 0
        assert per_char[1][key] < 1.2 * per_char[0][key], (key, per_char)
