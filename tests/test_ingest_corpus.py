"""Ingest of a real corpus (the 84 PolNeAR dev articles) as a user runs it: the command line
into a real SQLite file and the real PostgreSQL server, killed, resumed, run twice at once."""

from __future__ import annotations

import csv
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from conftest import shared_path
from dateline.contract import problems
from dateline.model import Document
from dateline.store import Store
from dateline.store.schema import (
    ActorAliasRow,
    ActorDocumentRow,
    ActorEvidenceRow,
    ActorRoleRow,
    ActorRow,
    DocumentRow,
    EntityRow,
    EventRow,
    QuoteRow,
)

pytestmark = pytest.mark.slow
BIN = Path(sys.executable).parent / "dateline"


EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
BAD = ("zz-broken.bin", "zz-empty.txt")


@pytest.fixture(scope="module")
def extras(tmp_path_factory) -> Path:
    """What a real crawl mixes in: a web page, a feed, a binary file and an empty one."""
    folder = tmp_path_factory.mktemp("extras")
    shutil.copy(EXAMPLES / "06_moscow_visit.html", folder)
    shutil.copy(EXAMPLES / "07_wirefeed.jsonl", folder)
    (folder / BAD[0]).write_bytes(bytes(range(256)) * 40)
    (folder / BAD[1]).write_bytes(b"")
    return folder


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, Path]:
    """The dev articles and a two-column file of their publication dates."""
    folder = shared_path("polnear", "dev", "text")
    dates = tmp_path_factory.mktemp("dates") / "published.tsv"
    with open(shared_path("polnear", "metadata.tsv"), encoding="utf-8") as fh, \
            open(dates, "w", encoding="utf-8") as out:
        for row in csv.DictReader(fh, delimiter="\t"):
            out.write(f"{row['filename']}.txt\t{row['publication_date']}\n")
    return folder, dates


def ingest(db: str, corpus: tuple[Path, Path], *paths: str,
           **popen: object) -> subprocess.CompletedProcess | subprocess.Popen:
    folder, dates = corpus
    cmd = [str(BIN), "ingest", "--db", db, "--published-tsv", str(dates), *(paths or [folder])]
    if popen:
        return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                **popen)
    return subprocess.run(cmd, capture_output=True, text=True, timeout=900)


def snapshot(db: str) -> dict[str, list]:
    """Everything a run stores, in a comparable form (ingest times aside)."""
    tables = {
        "documents": (DocumentRow.id, DocumentRow.data),
        "actors": (ActorRow.id, ActorRow.name, ActorRow.type, ActorRow.country,
                   ActorRow.sector, ActorRow.first_seen, ActorRow.last_seen,
                   ActorRow.merged_into),
        "aliases": (ActorAliasRow.actor_id, ActorAliasRow.alias, ActorAliasRow.first_seen,
                    ActorAliasRow.last_seen),
        "roles": (ActorRoleRow.actor_id, ActorRoleRow.role, ActorRoleRow.first_seen,
                  ActorRoleRow.last_seen, ActorRoleRow.doc_id),
        "evidence": (ActorEvidenceRow.actor_id, ActorEvidenceRow.field, ActorEvidenceRow.value,
                     ActorEvidenceRow.docs),
        "links": (ActorDocumentRow.actor_id, ActorDocumentRow.doc_id,
                  ActorDocumentRow.published, ActorDocumentRow.mentions),
    }
    with Store(db) as store, store.session() as s:
        return {name: sorted(tuple(row) for row in s.execute(select(*cols)))
                for name, cols in tables.items()}


def assert_references_hold(db: str) -> None:
    """Every stored document keeps the contract, and every actor it names is stored."""
    with Store(db) as store, store.session() as s:
        stored = set(s.scalars(select(ActorRow.id)))
        for raw, data in store.documents_with_raw():
            doc = Document.from_json(data, raw)
            assert problems(doc) == [], doc.source
            assert {a["id"] for a in doc.actors} <= stored, doc.source
        for column in (EntityRow.actor_id, QuoteRow.actor_id, EventRow.source_actor,
                       EventRow.target_actor):
            named = set(s.scalars(select(column).where(column.is_not(None))))
            assert named <= stored, (column, sorted(named - stored)[:5])


def assert_only_the_bad_files_failed(result: subprocess.CompletedProcess) -> None:
    assert result.returncode == 1, result.stderr[-2000:]
    errors = [line for line in result.stderr.splitlines() if line.startswith("error")]
    assert len(errors) == 2 and all(any(b in e for e in errors) for b in BAD), errors


@pytest.fixture(scope="module")
def clean_run(corpus, extras, tmp_path_factory) -> str:
    """The dev corpus and the extras ingested once, start to end, into a new SQLite file."""
    db = str(tmp_path_factory.mktemp("clean") / "dev.db")
    result = ingest(db, corpus, str(corpus[0]), str(extras))
    assert_only_the_bad_files_failed(result)
    return db


def test_the_whole_dev_corpus_is_stored_with_every_reference_valid(clean_run):
    assert len(snapshot(clean_run)["documents"]) > 84
    assert_references_hold(clean_run)
    assert sqlite3.connect(clean_run).execute("PRAGMA foreign_key_check").fetchall() == []


def test_a_rerun_changes_nothing(clean_run, corpus, extras, tmp_path):
    db = str(tmp_path / "again.db")
    shutil.copy(clean_run, db)
    before = snapshot(db)
    result = ingest(db, corpus, str(corpus[0]), str(extras))
    assert_only_the_bad_files_failed(result)
    assert snapshot(db) == before


def wait_for_documents(db: Path, proc: subprocess.Popen, at_least: int) -> int:
    deadline, stored = time.time() + 600, 0
    while time.time() < deadline and proc.poll() is None and stored < at_least:
        try:
            stored = sqlite3.connect(db).execute("SELECT count(*) FROM documents").fetchone()[0]
        except sqlite3.OperationalError:
            stored = 0
        time.sleep(0.1)
    return stored


def test_killed_twice_and_resumed_equals_the_clean_run(clean_run, corpus, extras, tmp_path):
    db = tmp_path / "killed.db"
    for at_least in (15, 50):
        proc = ingest(str(db), corpus, str(corpus[0]), str(extras), env=dict(os.environ))
        wait_for_documents(db, proc, at_least)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert sqlite3.connect(db).execute("PRAGMA integrity_check").fetchone() == ("ok",)
    partial = sqlite3.connect(db).execute("SELECT count(*) FROM documents").fetchone()[0]
    assert 50 <= partial < 84, "the kills came too late to test resuming"
    result = ingest(str(db), corpus, str(corpus[0]), str(extras))
    assert_only_the_bad_files_failed(result)
    assert snapshot(str(db)) == snapshot(clean_run)


def test_a_kill_while_creating_a_new_store_leaves_it_usable(corpus, tmp_path):
    folder, _ = corpus
    one = sorted(folder.glob("*.txt"))[0]
    for delay in (0.0, 0.05, 0.2, 0.5):
        db = tmp_path / f"new-{delay}.db"
        proc = ingest(str(db), corpus, str(one), env=dict(os.environ))
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        result = ingest(str(db), corpus, str(one))
        assert result.returncode == 0, (delay, result.stderr[-500:])
        assert len(snapshot(str(db))["documents"]) == 1


def test_reresolve_keeps_every_actor_and_reference(clean_run, tmp_path):
    db = str(tmp_path / "reresolved.db")
    shutil.copy(clean_run, db)
    before = snapshot(db)
    result = subprocess.run([str(BIN), "reresolve", "--db", db], capture_output=True,
                            text=True, timeout=900)
    assert result.returncode == 0, result.stderr
    after = snapshot(db)
    assert after["documents"] and len(after["documents"]) == len(before["documents"])
    assert len(after["actors"]) >= 0.95 * len(before["actors"])
    assert_references_hold(db)


def assert_two_ingests_at_once_finish(db: str, corpus: tuple[Path, Path], part: Path,
                                      articles: slice) -> None:
    """Two processes ingest the same articles into one store at the same time."""
    part.mkdir()
    chosen = sorted(corpus[0].glob("*.txt"))[articles]
    for path in chosen:
        shutil.copy(path, part / path.name)
    procs = [ingest(db, corpus, str(part), env=dict(os.environ)) for _ in range(2)]
    for proc in procs:
        _, stderr = proc.communicate(timeout=900)
        assert proc.returncode == 0, stderr.decode()[-2000:]
    assert len(snapshot(db)["documents"]) == len(chosen)
    assert_references_hold(db)


def test_two_ingests_at_once_both_finish(corpus, tmp_path):
    assert_two_ingests_at_once_finish(str(tmp_path / "shared.db"), corpus, tmp_path / "part",
                                      slice(0, 16))


@pytest.mark.postgres
def test_postgresql_stores_what_sqlite_stores(clean_run, corpus, extras, postgres_url):
    result = ingest(postgres_url, corpus, str(corpus[0]), str(extras))
    assert_only_the_bad_files_failed(result)
    assert snapshot(postgres_url) == snapshot(clean_run)
    assert_references_hold(postgres_url)


@pytest.mark.postgres
def test_two_ingests_at_once_on_postgresql(corpus, postgres_url, tmp_path):
    assert_two_ingests_at_once_finish(postgres_url, corpus, tmp_path / "part", slice(16, 28))

