"""The pipeline: flow order, unknown stages, and a document that breaks a stage."""

from __future__ import annotations

import pytest

from conftest import make_input
from dateline import pipeline
from dateline.model import Document
from dateline.pipeline import Pipeline, ProcessError


class BoomStage:
    """A stage that fails on one document, as a bug in a real stage would."""

    def __call__(self, docs: list[Document]) -> None:
        for doc in docs:
            if "BOOM" in doc.text:
                raise RuntimeError("stage exploded\nwith a second line")
            doc.meta["boom_checked"] = True


def test_a_broken_document_does_not_take_its_batch_down(monkeypatch):
    monkeypatch.setitem(pipeline.STAGES, "boom", f"{__name__}:BoomStage")
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
