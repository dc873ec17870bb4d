"""The quality gate: every development figure the README quotes, measured with the
reference scorer, may not fall below the pinned baseline (bench/quality_baseline.json)."""

from __future__ import annotations

import importlib.util
import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from conftest import shared_path

pytestmark = pytest.mark.slow
BENCH = Path(__file__).resolve().parents[1] / "bench"


def load_scores():
    spec = importlib.util.spec_from_file_location("scores", BENCH / "scores.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


scores = load_scores()


def baseline() -> dict[str, float]:
    assert scores.BASELINE.exists(), f"no {scores.BASELINE.name}: run make quality-baseline"
    return json.loads(scores.BASELINE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def work(tmp_path_factory) -> Path:
    shared_path("polnear", "dev")
    if not scores.SCORER.exists():
        pytest.skip(f"reference scorer not found: {scores.SCORER}")
    return tmp_path_factory.mktemp("scores")


SHARED_EXTRACTION = ("quotes", "actors")  # one `dateline extract` of PolNeAR dev, in turn


@pytest.fixture(scope="module")
def measurements(work) -> dict[str, list[tuple[str, dict]]]:
    """Every task measured, two at a time: each is a `dateline extract` process, so the
    gate takes about half the wall time on two cores."""
    groups = [list(SHARED_EXTRACTION)] + [[t] for t in scores.TASKS
                                          if t not in SHARED_EXTRACTION]
    results: dict[str, list[tuple[str, dict]]] = {}
    with ThreadPoolExecutor(max_workers=2) as pool:
        for part in pool.map(lambda group: {t: scores.measure(t, work) for t in group}, groups):
            results.update(part)
    return results


@pytest.mark.parametrize("task", scores.TASKS)
def test_no_figure_drops_below_the_baseline(task, measurements):
    measured: dict[str, float] = {}
    for corpus, summary in measurements[task]:
        measured.update(scores.gated(task, corpus, summary))
    pinned = {k: v for k, v in baseline().items() if k.startswith(f"{task} / ")}
    assert pinned, f"no baseline for {task}: run make quality-baseline"
    assert set(pinned) <= set(measured), sorted(set(pinned) - set(measured))
    assert scores.drops(measured, pinned) == []


def test_a_drop_is_caught():
    """The comparison itself: lower is worse, except where lower is better."""
    pinned = {"quotes / d / direct_f1": 0.88, "actors / d / ids_per_actor": 1.1}
    assert scores.drops({"quotes / d / direct_f1": 0.88, "actors / d / ids_per_actor": 1.1},
                        pinned) == []
    assert scores.drops({"quotes / d / direct_f1": 0.85, "actors / d / ids_per_actor": 1.0},
                        pinned) == ["quotes / d / direct_f1: 0.88 -> 0.85"]
    assert scores.drops({"quotes / d / direct_f1": 0.9, "actors / d / ids_per_actor": 1.3},
                        pinned) == ["actors / d / ids_per_actor: 1.1 -> 1.3"]
