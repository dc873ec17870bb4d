"""A Pipeline whose stages are timed one by one, for the benches (not for the product)."""

from __future__ import annotations

import time
from typing import Any

from dateline.pipeline import Pipeline


class Timed:
    """A stage that adds its running time to ``seconds[name]``; it keeps the stage's
    attributes (batched, uses_batch_context, commit), so the pipeline runs it as before."""

    def __init__(self, name: str, stage: Any, seconds: dict[str, float]) -> None:
        self.name, self.stage, self.seconds = name, stage, seconds

    def __getattr__(self, attr: str) -> Any:
        return getattr(self.stage, attr)

    def __call__(self, docs: list[Any], **options: Any) -> None:
        start = time.perf_counter()
        self.stage(docs, **options)
        self.seconds[self.name] += time.perf_counter() - start


def timed_pipeline() -> tuple[Pipeline, dict[str, float]]:
    """The default pipeline, and the seconds each of its stages has spent so far."""
    pipeline = Pipeline()
    seconds = dict.fromkeys(pipeline.names, 0.0)
    pipeline.stages = [Timed(n, s, seconds) for n, s in zip(pipeline.names, pipeline.stages,
                                                             strict=True)]
    return pipeline, seconds
