"""The `dateline` command end to end: the JSON contract, bad input, ingest, resume, export."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
from typer.testing import CliRunner

from dateline.cli import app
from dateline.contract import problems
from dateline.model import Document

runner = CliRunner()
BIN = Path(sys.executable).parent / "dateline"


def extract(*args: str) -> tuple[int, list[dict], str]:
    result = runner.invoke(app, ["extract", *args])
    docs = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    return result.exit_code, docs, result.stderr


def assert_contract(doc: dict, raw: str) -> None:
    """The rules of schema dateline/1 that hold for any document (dateline.contract)."""
    assert doc["schema"] == "dateline/1"
    assert problems(Document.from_json(doc, raw)) == []


def test_extract_seeds_satisfies_the_contract(seeds_dir):
    code, docs, _ = extract(str(seeds_dir))
    assert code == 0 and len(docs) == 2
    for doc, path in zip(docs, sorted(seeds_dir.glob("*.txt")), strict=True):
        data = path.read_bytes()
        assert doc["source"] == str(path)
        assert doc["id"] == hashlib.sha256(data).hexdigest()[:16]
        assert_contract(doc, data.decode("utf-8"))
        assert doc["entities"], "the parse found no entities"


def test_extract_is_stable_and_in_input_order(tmp_path):
    for name, body in (("b.txt", "Trade talks resume in Hanoi."),
                       ("a.txt", "Ministers meet in Oslo on Friday.")):
        (tmp_path / name).write_text(body + "\n", encoding="utf-8")
    _, first, _ = extract(str(tmp_path / "b.txt"), str(tmp_path / "a.txt"))
    _, again, _ = extract(str(tmp_path / "b.txt"), str(tmp_path / "a.txt"))
    assert [d["source"].rsplit("/", 1)[-1] for d in first] == ["b.txt", "a.txt"]
    assert first == again


def test_bad_inputs_are_reported_and_the_batch_goes_on(tmp_path):
    (tmp_path / "1-good.txt").write_text("Ministers meet in Oslo on Friday.\n", encoding="utf-8")
    (tmp_path / "2-empty.txt").write_bytes(b"")
    (tmp_path / "3-binary.bin").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "4-good.txt").write_text("Trade talks resume in Hanoi.\n", encoding="utf-8")
    code, docs, stderr = extract(str(tmp_path))
    assert code == 1
    assert [d["source"].rsplit("/", 1)[-1] for d in docs] == ["1-good.txt", "4-good.txt"]
    assert "2-empty.txt: empty file" in stderr and "3-binary.bin: binary" in stderr


def test_published_option_and_tsv(tmp_path):
    (tmp_path / "a.txt").write_text("Ministers meet in Oslo on Friday.\n", encoding="utf-8")
    tsv = tmp_path / "published.tsv"
    tsv.write_text("file\tdate\na.txt\t2021-03-04\n", encoding="utf-8")
    _, (doc,), _ = extract("--published-tsv", str(tsv), str(tmp_path / "a.txt"))
    assert (doc["published"], doc["published_from"]) == ("2021-03-04", "option")
    _, (doc,), _ = extract("--published", "2020-01-02", str(tmp_path / "a.txt"))
    assert doc["published"] == "2020-01-02"


def write_articles(folder: Path, n: int) -> None:
    folder.mkdir()
    for i in range(n):
        (folder / f"story-{i:03d}.txt").write_text(
            f"Envoys hold round {i} of talks\n\nOSLO, Norway — Envoys from Norway and Chile met "
            f"for round {i} of talks on fishing rights on Tuesday, officials said.\n",
            encoding="utf-8")


def test_ingest_is_idempotent_and_exports(tmp_path):
    write_articles(tmp_path / "in", 3)
    db = str(tmp_path / "kb.db")
    first = runner.invoke(app, ["ingest", "--db", db, str(tmp_path / "in")])
    assert first.exit_code == 0, first.output
    before = sqlite3.connect(db).execute("SELECT id, data FROM documents ORDER BY id").fetchall()
    again = runner.invoke(app, ["ingest", "--db", db, str(tmp_path / "in")])
    assert again.exit_code == 0
    after = sqlite3.connect(db).execute("SELECT id, data FROM documents ORDER BY id").fetchall()
    assert len(before) == 3 and before == after

    exported = runner.invoke(app, ["export", "--db", db])
    rows = [json.loads(line) for line in exported.stdout.splitlines()]
    assert sorted(r["id"] for r in rows) == [r[0] for r in before]
    out = tmp_path / "docs.parquet"
    runner.invoke(app, ["export", "--db", db, "--format", "parquet", "-o", str(out)])
    table = pq.read_table(out)
    assert table.num_rows == 3 and "text" in table.column_names


def test_killed_ingest_resumes_without_loss(tmp_path):
    write_articles(tmp_path / "in", 40)
    db = tmp_path / "kb.db"
    cmd = [str(BIN), "ingest", "--db", str(db), str(tmp_path / "in")]
    env = {**os.environ, "DATELINE_BATCH": "1"}
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    deadline = time.time() + 120
    stored = 0
    while time.time() < deadline and proc.poll() is None:
        if db.exists():
            try:
                stored = sqlite3.connect(db).execute("SELECT count(*) FROM documents").fetchone()[0]
            except sqlite3.OperationalError:
                stored = 0
            if stored >= 1:
                break
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert sqlite3.connect(db).execute("PRAGMA integrity_check").fetchone() == ("ok",)
    partial = sqlite3.connect(db).execute("SELECT count(*) FROM documents").fetchone()[0]
    assert 1 <= partial < 40, "the kill came too late to test resuming"
    resumed = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 40
    assert con.execute("SELECT count(DISTINCT id) FROM documents").fetchone()[0] == 40


def test_process_pool_gives_the_same_documents_in_order(tmp_path):
    write_articles(tmp_path / "in", 6)
    _, serial, _ = extract(str(tmp_path / "in"))
    code, pooled, _ = extract("--workers", "2", str(tmp_path / "in"))
    assert code == 0 and pooled == serial


def test_listing_commands_read_the_store(tmp_path):
    from dateline.store import Store
    from test_store import sample_document

    db = str(tmp_path / "kb.db")
    with Store(db) as store:
        store.save(sample_document())
    wide = {"COLUMNS": "200"}
    result = runner.invoke(app, ["quotes", "--db", db, "--speaker", "Ortiz"], env=wide)
    assert result.exit_code == 0 and "We agreed," in result.stdout
    assert "We agreed" not in runner.invoke(
        app, ["quotes", "--db", db, "--search", "nothing like this"], env=wide).stdout
    result = runner.invoke(app, ["events", "--db", db, "--source", "NOR", "--type", "consult"],
                           env=wide)
    assert "CONSULT" in result.stdout and "Pavel Kuzmin (RUS)" in result.stdout
    assert "CONSULT" not in runner.invoke(app, ["events", "--db", db, "--target", "NOR"],
                                          env=wide).stdout
    result = runner.invoke(app, ["actors", "Ortiz", "--db", db], env=wide)
    assert "lena-ortiz" in result.stdout and "Foreign Minister" in result.stdout


def test_a_broken_database_is_one_clear_line(tmp_path):
    db = tmp_path / "not-a.db"
    db.write_bytes(b"this is not a database file at all" * 100)
    result = subprocess.run([str(BIN), "actors", "--db", str(db)], capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert lines == ["error database: file is not a database"]


def test_scraped_markup_is_printed_as_text(tmp_path):
    from dateline.store import Store
    from test_store import sample_document

    doc = sample_document()
    hostile = 'We [/bold] agreed [link=http://x.test]click[/link],'
    doc.text = doc.raw = doc.text.replace('We agreed,', hostile)
    doc.quotes[0]["text"] = hostile
    db = str(tmp_path / "kb.db")
    with Store(db) as store:
        store.save(doc)
    result = runner.invoke(app, ["quotes", "--db", db], env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    assert "[/bold]" in result.stdout and "[link=http://x.test]" in result.stdout
    bad = tmp_path / "[bold]boom.txt"
    bad.write_bytes(b"")
    assert "[bold]boom.txt: empty file" in extract(str(bad))[2]


def test_a_bad_published_date_is_a_usage_error(tmp_path):
    (tmp_path / "a.txt").write_text("Ministers meet in Oslo on Friday.\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", "--published", "yesterday", str(tmp_path / "a.txt")])
    assert result.exit_code == 2 and "'yesterday' is not a date" in result.output
    tsv = tmp_path / "dates.tsv"
    tsv.write_text("a.txt\t2022-13-45\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", "--published-tsv", str(tsv), str(tmp_path)],
                           env={"COLUMNS": "300"})  # the usage box wraps a long temporary path
    assert result.exit_code == 2 and "dates.tsv:1" in result.output
    assert result.stdout.strip() == "" or "schema" not in result.stdout
