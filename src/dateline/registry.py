"""Stages by name, with what each requires of a document and what it assigns.

Like spaCy's component registry, without its ML layer: a stage is a factory (a class or a
"module:attr" string, imported only when a pipeline is built) that returns a callable over
a batch of Documents. Declaring ``requires`` and ``assigns`` lets a pipeline refuse, with
the missing names, a stage list that cannot work (events without quotes), instead of
running and returning nothing. Other packages register stages with ``register_stage`` or
through the ``dateline.stages`` entry-point group (the entry point names the factory).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from typing import Any

from dateline.errors import PipelineError

ENTRY_POINTS = "dateline.stages"
# What a document holds before any stage runs (read from its input).
INPUT_FIELDS = frozenset({"id", "source", "raw", "meta", "published"})


@dataclass(frozen=True)
class StageSpec:
    name: str
    factory: str | Callable[..., Any]
    requires: frozenset[str]
    assigns: frozenset[str]
    config: dict[str, Any] = field(default_factory=dict)

    def build(self, **options: Any) -> Any:
        factory = self.factory
        if isinstance(factory, str):
            module_name, _, attr = factory.partition(":")
            factory = getattr(importlib.import_module(module_name), attr)
        return factory(**{**self.config, **options})


STAGES: dict[str, StageSpec] = {}


def register_stage(name: str, factory: str | Callable[..., Any], *,
                   requires: Iterable[str] = (), assigns: Iterable[str] = (),
                   config: dict[str, Any] | None = None) -> StageSpec:
    """Register (or replace) a stage; the order of registration is the order of the flow,
    so a stage registered by another package runs after the built-in ones."""
    spec = StageSpec(name, factory, frozenset(requires), frozenset(assigns), dict(config or {}))
    STAGES[name] = spec
    return spec


def _load_entry_points() -> None:
    for entry in entry_points(group=ENTRY_POINTS):
        if entry.name not in STAGES:
            spec = entry.load()
            if not isinstance(spec, StageSpec):
                raise PipelineError(f"entry point {entry.name!r} in {ENTRY_POINTS} must give a "
                                    "StageSpec (made with dateline.register_stage)")


def resolve(names: Iterable[str] | None) -> list[StageSpec]:
    """The named stages in flow order, or PipelineError naming what is unknown or missing."""
    _load_entry_points()
    wanted = list(names) if names is not None else list(STAGES)
    unknown = [n for n in wanted if n not in STAGES]
    if unknown:
        raise PipelineError(f"unknown stage(s): {', '.join(unknown)}; known: {', '.join(STAGES)}")
    specs = [spec for name, spec in STAGES.items() if name in wanted]
    have = set(INPUT_FIELDS)
    for spec in specs:
        missing = sorted(spec.requires - have)
        if missing:
            givers = sorted({s.name for s in STAGES.values() if s.assigns & set(missing)})
            raise PipelineError(
                f"stage {spec.name!r} requires {', '.join(missing)}, which no earlier stage "
                f"assigns (add: {', '.join(givers) or 'a stage that assigns them'})")
        have |= spec.assigns
    return specs


register_stage("clean", "dateline.clean:CleanStage", requires=["raw", "meta"],
               assigns=["text", "segments", "removed", "title", "outlet", "place", "published"])
register_stage("parse", "dateline.nlp:ParseStage", requires=["text"],
               assigns=["spacy", "sentences", "entities"])
register_stage("actors", "dateline.actors:ActorStage", requires=["spacy", "entities"],
               assigns=["entities", "mentions", "actors"])
register_stage("timex", "dateline.timex:TimexStage", requires=["spacy", "published"],
               assigns=["timexes"])
register_stage("quotes", "dateline.quotes:QuoteStage",
               requires=["spacy", "entities", "mentions", "actors", "timexes"],
               assigns=["quotes"])
register_stage("events", "dateline.events:EventStage",
               requires=["spacy", "mentions", "actors", "timexes", "quotes"],
               assigns=["events"])
