"""`dateline` as a shell tool: output formats, store checks, filters, stdin, progress."""

from __future__ import annotations

import csv
import io
import json
import subprocess

import pytest
from typer.testing import CliRunner

from dateline import __version__, cli
from dateline.cli import app
from dateline.store import Store
from test_cli import BIN, write_articles
from test_store import sample_document
from test_web_corpus import build_db

runner = CliRunner()


@pytest.fixture
def db(tmp_path) -> str:
    path = str(tmp_path / "kb.db")
    with Store(path) as store:
        store.save(sample_document())
    return path


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.strip() == f"dateline {__version__}"


@pytest.mark.parametrize("command", [["quotes"], ["events"], ["actors"], ["export"],
                                     ["reresolve"], ["serve"]])
def test_reading_commands_refuse_a_missing_store(tmp_path, command):
    missing = tmp_path / "missing.db"
    result = subprocess.run([str(BIN), *command, "--db", str(missing)], capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.splitlines() == [
        f"error {missing}: no such store (create it with dateline ingest)"]
    assert not missing.exists()


def test_an_unreachable_postgresql_store_is_one_line_without_its_password():
    url = "postgresql://user:secret@127.0.0.1:1/none"
    result = runner.invoke(app, ["quotes", "--db", url])
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "postgresql://user:***@127.0.0.1:1/none: cannot connect" in lines[0]
    assert "secret" not in result.stderr


def test_an_existing_store_lists(db):
    result = runner.invoke(app, ["quotes", "--db", db, "--format", "json"])
    assert result.exit_code == 0
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == [
        "00000000000000aa-q0"]


@pytest.mark.parametrize("args, message", [
    (["events", "--type", "FOOBAR"], "not a PLOVER type; one of ACCUSE"),
    (["quotes", "--kind", "shouted"], "not a quote kind; one of direct"),
    (["events", "--from", "2022-13"], "not a date"),
    (["quotes", "--to", "yesterday"], "not a date"),
])
def test_filters_are_validated(db, args, message):
    result = runner.invoke(app, [*args, "--db", db])
    assert result.exit_code == 2 and message in " ".join(result.output.split())
    assert result.stdout.count("\t") == 0


def test_valid_filters_are_case_insensitive(db):
    result = runner.invoke(app, ["events", "--db", db, "--type", "consult", "--from", "2023",
                                 "--to", "2023-05"])
    assert result.exit_code == 0 and "\tCONSULT\t" in result.stdout
    result = runner.invoke(app, ["events", "--db", db, "--from", "2024"])
    assert result.exit_code == 0 and result.stdout.splitlines() == [
        "date\ttype\tsource\ttarget\ttrigger\tplace\tdocument\tid"]


def test_piped_listings_are_tsv_and_a_table_only_when_asked(db):
    piped = runner.invoke(app, ["events", "--db", db]).stdout
    assert "┃" not in piped and "─" not in piped
    header, row = (line.split("\t") for line in piped.splitlines())
    assert dict(zip(header, row, strict=True))["source"] == "Lena Ortiz (NOR)"
    table = runner.invoke(app, ["events", "--db", db, "--format", "table"],
                          env={"COLUMNS": "200"}).stdout
    assert "┃" in table and "Lena Ortiz (NOR)" in table


def test_csv_and_json_formats(db):
    result = runner.invoke(app, ["quotes", "--db", db, "-f", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["speaker"], r["said as"], r["quote"]) for r in rows] == [
        ("Lena Ortiz", "Ortiz", "We agreed,")]
    result = runner.invoke(app, ["actors", "--db", db, "-f", "json"])
    actors = [json.loads(line) for line in result.stdout.splitlines()]
    ortiz = next(a for a in actors if a["id"] == "lena-ortiz")
    assert ortiz["roles"] == ["Foreign Minister"] and ortiz["country"] == "NOR"


def test_limit_caps_the_rows(tmp_path):
    db = build_db(tmp_path / "web.db")
    everyone = runner.invoke(app, ["quotes", "--db", db, "-f", "json"]).stdout.splitlines()
    assert len(everyone) == 4
    two = runner.invoke(app, ["quotes", "--db", db, "-f", "json", "--limit", "2"])
    assert two.stdout.splitlines() == everyone[:2]


def test_extract_reads_standard_input_and_writes_a_file(tmp_path):
    out = tmp_path / "doc.jsonl"
    result = runner.invoke(app, ["extract", "--published", "2022-07-09", "-o", str(out), "-"],
                           input="Ministers from Norway met in Oslo on Friday.\n")
    assert result.exit_code == 0 and result.stdout == ""
    (doc,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert doc["source"] == "<stdin>" and doc["text"].startswith("Ministers from Norway")
    assert doc["published"] == "2022-07-09"
    result = runner.invoke(app, ["extract", "-"], input="<html><head><title>Talks</title>"
                           "</head><body><article><p>Envoys from Chile met in Oslo on Friday "
                           "to discuss fishing rights, officials said.</p></article></body>"
                           "</html>")
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert doc["title"] == "Talks" and "<" not in doc["text"]
    assert "Envoys from Chile met in Oslo" in doc["text"]


def test_extract_to_an_unwritable_file_is_one_line(tmp_path):
    target = tmp_path / "no-such-dir" / "out.jsonl"
    result = runner.invoke(app, ["extract", "-o", str(target), "-"], input="Talks in Oslo.\n")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"error {target}: No such file or directory"]


def test_ingest_status_lines_show_total_rate_eta_and_failures(tmp_path, monkeypatch):
    write_articles(tmp_path / "in", 2)
    (tmp_path / "in" / "story-bad.txt").write_bytes(b"")
    monkeypatch.setattr(cli, "STATUS_EVERY", 0.0)
    result = runner.invoke(app, ["ingest", "--db", str(tmp_path / "kb.db"), str(tmp_path / "in")])
    assert result.exit_code == 1
    status = [line for line in result.stderr.splitlines() if line.startswith("ingest: ")]
    assert len(status) == 3
    assert status[0].startswith("ingest: 1/3 · ") and "/s · ETA " in status[0]
    assert status[-1].startswith("ingest: 3/3 · ") and status[-1].endswith("· 1 failed")
    again = runner.invoke(app, ["ingest", "--db", str(tmp_path / "kb.db"),
                                str(tmp_path / "in" / "story-000.txt")])
    assert [line for line in again.stderr.splitlines() if line.startswith("ingest: ")] == [
        line for line in again.stderr.splitlines() if line.startswith("ingest: 1/1 · ")]


def test_count_inputs_counts_json_lines_and_gives_up_on_warc(tmp_path):
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"text": "a"}\n\n{"text": "b"}\n', encoding="utf-8")
    assert cli.count_inputs([str(tmp_path), "-"]) == 4
    (tmp_path / "c.warc.gz").write_bytes(b"")
    assert cli.count_inputs([str(tmp_path)]) is None
