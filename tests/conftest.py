"""Shared fixtures: the real spaCy model, the shared corpora, a pipeline runner."""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

import pytest

from dateline.io.readers import InputDocument
from dateline.model import Document, document_id

SHARED = Path(os.environ.get("DATELINE_SHARED", Path(__file__).resolve().parents[2] / "shared"))
DATA = SHARED / "data"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
PG_ADMIN = os.environ.get("DATELINE_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")


def shared_path(*parts: str) -> Path:
    """A path under ../shared/data, or a skip naming what is missing."""
    path = DATA.joinpath(*parts)
    if not path.exists():
        if IN_CI:  # CI runs beside ../shared: a missing corpus is a broken setup, not a skip
            pytest.fail(f"shared data not found in CI: {path}")
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
    return InputDocument(document_id(text.encode()), source, text, "text", meta,
                         published=published)


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


@pytest.fixture
def postgres_url():
    """A fresh database on the local PostgreSQL server, dropped afterwards."""
    yield from fresh_postgres()


def fresh_postgres():
    """Yields the URL of a new database, dropped afterwards (for fixtures of any scope).

    Skips where there is no server, but fails in CI, where one must run.
    """
    psycopg = pytest.importorskip("psycopg")
    try:
        admin = psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as exc:
        if IN_CI:
            pytest.fail(f"PostgreSQL is required in CI but unreachable at {PG_ADMIN}: {exc}")
        pytest.skip(f"no PostgreSQL server at {PG_ADMIN}: {exc}")
    name = f"dateline_test_{uuid.uuid4().hex[:10]}"
    admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{PG_ADMIN.rsplit('/', 1)[0]}/{name}"
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


@pytest.fixture(scope="module")
def spark_ready():
    """Skips where Spark cannot run (no pyspark or no Java), but fails in CI."""
    missing = []
    try:
        import pyspark  # noqa: F401
    except ImportError:
        missing.append("pyspark")
    if shutil.which("java") is None:
        missing.append("java")
    if missing:
        if IN_CI:
            pytest.fail(f"the Spark engine needs {', '.join(missing)} in CI")
        pytest.skip(f"Spark engine not testable here: no {', '.join(missing)}")


def only_event(doc: Document, category: str) -> dict:
    """The first event of a PLOVER category, failing with the events found otherwise."""
    found = [e for e in doc.events if e["type"] == category]
    assert found, doc.events
    return found[0]
