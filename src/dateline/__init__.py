"""dateline: raw news text to who said what, and who did what to whom, when and where.

    import dateline
    doc = dateline.extract("PARIS — Ministers met on Friday...", published="2022-07-09")
    nlp = dateline.load(batch=16)          # a Pipeline with settings of your own
    for doc in nlp.pipe(texts): ...        # Documents (or ProcessErrors), in input order
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from dateline.errors import ConfigError, DatelineError, PipelineError, StoreError
from dateline.model import Document
from dateline.pipeline import Pipeline, ProcessError
from dateline.registry import StageSpec, register_stage
from dateline.settings import Settings

__version__ = "0.1.0"
__all__ = [
    "ConfigError", "DatelineError", "Document", "Pipeline", "PipelineError", "ProcessError",
    "Settings", "StageSpec", "StoreError", "extract", "load", "register_stage",
]


def load(stages: list[str] | None = None, settings_file: str | None = None,
         **settings: Any) -> Pipeline:
    """A pipeline (every stage unless ``stages`` names some) with the given settings on top
    of the settings file and the environment (see dateline.settings.Settings)."""
    return Pipeline(stages, settings=Settings.load(settings_file, **settings))


@lru_cache(maxsize=1)
def _default() -> Pipeline:
    return load()


def extract(text: str, *, published: str | None = None, title: str | None = None,
            url: str | None = None) -> Document:
    """One article's text through the whole pipeline, with the default settings.

    Documents extracted one after another in a process share one actor knowledge base,
    as the documents of one ``dateline extract`` run do.
    """
    return _default()(text, published=published, title=title, url=url)
