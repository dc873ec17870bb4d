"""Shared fixtures: the real spaCy model, the shared corpora, a pipeline runner."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dateline.io.readers import InputDocument
from dateline.model import Document, document_id

SHARED = Path(os.environ.get("DATELINE_SHARED", Path(__file__).resolve().parents[2] / "shared"))
DATA = SHARED / "data"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def shared_path(*parts: str) -> Path:
    """A path under ../shared/data, or a skip naming what is missing."""
    path = DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared data not found: {path} (tests read it from ../shared/data)")
    return path


@pytest.fixture
def seeds_dir() -> Path:
    return shared_path("seeds")


@pytest.fixture
def seed_text():
    """seed_text("000") -> the raw text of that seed."""

    def load(prefix: str) -> tuple[str, str]:
        folder = shared_path("seeds")
        path = next(folder.glob(f"{prefix}_*.txt"))
        return str(path), path.read_text(encoding="utf-8")

    return load


def make_input(text: str, source: str = "test.txt", published: str | None = None,
               **meta) -> InputDocument:
    meta = {k: v for k, v in meta.items() if v is not None}
    if published:
        meta["published_option"] = published
    return InputDocument(document_id(text.encode()), source, text, "text", meta)


@pytest.fixture(scope="session")
def pipeline():
    from dateline.pipeline import Pipeline

    return Pipeline()


@pytest.fixture
def run(pipeline):
    """run(text, published=...) -> the processed Document, through the whole pipeline."""

    def process(text: str, source: str = "test.txt", published: str | None = None,
                **meta) -> Document:
        return pipeline.process([make_input(text, source, published, **meta)])[0]

    return process
