"""The pipeline: flow order, unknown stages, and a document that breaks a stage."""

from __future__ import annotations

import pytest

from conftest import make_input
from dateline import registry
from dateline.errors import PipelineError
from dateline.model import Document
from dateline.pipeline import Pipeline, ProcessError
from dateline.registry import StageSpec


class BoomStage:
    """A stage that fails on one document, as a bug in a real stage would."""

    def __init__(self, settings=None) -> None:
        self.settings = settings

    def __call__(self, docs: list[Document]) -> None:
        for doc in docs:
            if "BOOM" in doc.text:
                raise RuntimeError("stage exploded\nwith a second line")
            doc.meta["boom_checked"] = True


def test_a_broken_document_does_not_take_its_batch_down(monkeypatch):
    monkeypatch.setitem(registry.STAGES, "boom", StageSpec(
        "boom", f"{__name__}:BoomStage", frozenset({"text"}), frozenset({"meta"})))
    runner = Pipeline(["clean", "boom"])
    inputs = [make_input("Talks resume in Oslo.", "a.txt"),
              make_input("BOOM goes the stage.", "b.txt"),
              make_input("Envoys meet in Lima.", "c.txt")]
    results = list(runner.process_stream(inputs, batch_size=3))
    assert [r.source for r in results] == ["a.txt", "b.txt", "c.txt"]
    assert isinstance(results[1], ProcessError)
    assert str(results[1]) == "b.txt: RuntimeError: stage exploded"
    assert all(r.meta["boom_checked"] for r in (results[0], results[2]))


def test_stages_run_in_flow_order_whatever_the_order_asked():
    assert Pipeline(["parse", "clean"]).names == ["clean", "parse"]


def test_unknown_stage_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown stage"):
        Pipeline(["clean", "sentiment"])


def test_a_pipeline_missing_a_requirement_names_it():
    with pytest.raises(PipelineError, match="stage 'parse' requires text.*add: clean"):
        Pipeline(["parse", "events"])
    with pytest.raises(ValueError, match="stage 'events' requires .*mentions.*add: actors"):
        Pipeline(["clean", "parse", "events"])


def test_a_pipeline_with_its_requirements_builds():
    assert Pipeline(["clean", "parse", "timex"]).names == ["clean", "parse", "timex"]
