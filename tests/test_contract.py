"""The contract validator: a document that breaks the contract is refused with the reason."""

from __future__ import annotations

import copy

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from dateline.contract import ContractError, problems, validate
from dateline.model import Document
from dateline.store import Store
from dateline.store.schema import Base

TEXT = "Envoys met in Oslo. Wang said talks were useful."


def good() -> Document:
    doc = Document(id="c1", source="c.txt", raw=TEXT, text=TEXT,
                   segments=[[0, 0, len(TEXT)]], sentences=[[0, 19], [20, 48]])
    doc.actors = [{"id": "wang-yi", "name": "Wang Yi", "type": "person", "country": "CHN",
                   "sector": "GOV", "roles": []}]
    doc.mentions = [{"start": 20, "end": 24, "text": "Wang", "actor": "wang-yi", "kind": "name"}]
    doc.entities = [{"start": 14, "end": 18, "text": "Oslo", "label": "GPE", "actor": None}]
    doc.quotes = [{"start": 30, "end": 47, "text": "talks were useful", "kind": "indirect",
                   "cue": {"start": 25, "end": 29, "text": "said"},
                   "speaker": {"start": 20, "end": 24, "text": "Wang"}, "actor": "wang-yi"}]
    return doc


def test_a_good_document_passes():
    assert problems(good()) == []
    validate(good())


@pytest.mark.parametrize(("breakage", "reason"), [
    (lambda d: d.quotes[0].update(actor="made-up"), "references actor ids not in its actors"),
    (lambda d: d.mentions[0].update(end=25), "is not 'Wang'"),
    (lambda d: d.entities[0].update(start=40, end=90), "outside the text"),
    (lambda d: d.quotes[0].update(kind="rumour"), "unknown quote kind"),
    (lambda d: d.actors[0].update(country="chn"), "not an upper-case code"),
    (lambda d: d.actors.append(copy.deepcopy(d.actors[0])), "listed twice"),
    (lambda d: setattr(d, "title", "A\x00B"), "NUL"),
    (lambda d: setattr(d, "segments", [[0, 1, len(TEXT) - 1]]), "not a copy of raw"),
])
def test_each_breakage_is_named(breakage, reason):
    doc = good()
    breakage(doc)
    assert any(reason in p for p in problems(doc)), problems(doc)
    with pytest.raises(ContractError, match="contract: "):
        validate(doc)


def test_the_schema_and_the_migrations_agree(tmp_path):
    with Store(str(tmp_path / "m.db")) as store, store.engine.connect() as connection:
        context = MigrationContext.configure(connection)
        assert compare_metadata(context, Base.metadata) == []


@pytest.mark.postgres
def test_the_schema_and_the_migrations_agree_on_postgresql(postgres_url):
    with Store(postgres_url) as store, store.engine.connect() as connection:
        context = MigrationContext.configure(connection)
        assert compare_metadata(context, Base.metadata) == []
