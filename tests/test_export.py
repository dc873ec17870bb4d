"""`dateline export`: the contract and the quotes, events and timexes tables in every format."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.store import Store
from test_store import sample_document

runner = CliRunner()
URL = "https://example.org/2023/05/talks"


@pytest.fixture
def db(tmp_path) -> str:
    doc = sample_document()
    doc.meta["url"] = URL
    doc.outlet = "Example Wire"
    doc.place = {"name": "Oslo", "country": "NOR"}
    doc.timexes = [{"start": 0, "end": 4, "text": doc.text[:4], "type": "DATE",
                    "value": "2023-05", "date_start": "2023-05-01", "date_end": "2023-05-31",
                    "date_precision": "month"}]
    path = str(tmp_path / "kb.db")
    with Store(path) as store:
        store.save(doc)
    return path


def export(db: str, *args: str) -> str:
    result = runner.invoke(app, ["export", "--db", db, *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_events_table_is_gdelt_shaped(db):
    (row,) = [json.loads(line) for line in export(db, "--table", "events").splitlines()]
    assert row["event_id"] == "00000000000000aa-e0"
    assert (row["date"], row["date_start"], row["date_end"], row["date_precision"]) == (
        "2023-05-02", "2023-05-02", "2023-05-02", "day")
    assert (row["published"], row["outlet"], row["source_url"]) == (
        "2023-05-02", "Example Wire", URL)
    assert (row["actor1_id"], row["actor1_name"], row["actor1_country"], row["actor1_sector"]) \
        == ("lena-ortiz", "Lena Ortiz", "NOR", "GOV")
    assert (row["actor2_name"], row["actor2_country"]) == ("Pavel Kuzmin", "RUS")
    assert (row["type"], row["mode"], row["context"], row["cameo"], row["cameo_root"],
            row["quad_class"]) == ("CONSULT", "visit", ["diplomatic"], "040", "04", 1)
    assert (row["place"], row["place_country"]) == ("Oslo", "NOR")
    assert row["sentence"] == "Lena Ortiz met Pavel Kuzmin in Oslo."
    assert row["document_id"] == "00000000000000aa"


def test_events_csv_and_parquet_hold_the_same_rows(db, tmp_path):
    (row,) = csv.DictReader(io.StringIO(export(db, "--table", "events", "--format", "csv")))
    assert row["context"] == "diplomatic" and row["source_url"] == URL
    out = tmp_path / "events.parquet"
    export(db, "--table", "events", "--format", "parquet", "-o", str(out))
    table = pq.read_table(out)
    assert table.schema.field("context").type == pa.list_(pa.string())
    assert table.schema.field("date_start").type == pa.date32()
    (parquet,) = table.to_pylist()
    assert parquet["date_start"] == date(2023, 5, 2) and parquet["event_id"] == row["event_id"]


def test_quotes_and_timexes_tables(db, tmp_path):
    (quote,) = [json.loads(line) for line in export(db, "--table", "quotes").splitlines()]
    assert (quote["quote_id"], quote["text"], quote["speaker"], quote["actor_name"],
            quote["source_url"]) == ("00000000000000aa-q0", "We agreed,", "Ortiz",
                                     "Lena Ortiz", URL)
    out = tmp_path / "timexes.csv"
    export(db, "--table", "timexes", "--format", "csv", "-o", str(out))
    (timex,) = csv.DictReader(out.open(encoding="utf-8"))
    assert (timex["timex_id"], timex["value"], timex["date_start"], timex["date_end"]) == (
        "00000000000000aa-t0", "2023-05", "2023-05-01", "2023-05-31")


def test_documents_parquet_has_nested_columns(db, tmp_path):
    out = tmp_path / "docs.parquet"
    export(db, "--format", "parquet", "-o", str(out))
    table = pq.read_table(out)
    quotes = table.schema.field("quotes").type
    assert pa.types.is_list(quotes) and pa.types.is_struct(quotes.value_type)
    assert pa.types.is_map(table.schema.field("meta").type)
    (doc,) = table.to_pylist()
    assert doc["quotes"][0]["text"] == "We agreed,"
    assert doc["events"][0]["source"]["actor"] == "lena-ortiz"
    assert doc["place"] == {"name": "Oslo", "country": "NOR"}
    assert dict(doc["meta"])["url"] == URL
    contract = json.loads(export(db))
    assert doc["text"] == contract["text"] and doc["id"] == contract["id"]


def test_an_empty_table_still_has_its_columns(tmp_path):
    db = str(tmp_path / "empty.db")
    Store(db).close()
    out = tmp_path / "events.parquet"
    export(db, "--table", "events", "--format", "parquet", "-o", str(out))
    table = pq.read_table(out)
    assert table.num_rows == 0 and table.column_names[:2] == ["event_id", "date"]
    header = export(db, "--table", "quotes", "--format", "csv").splitlines()
    assert header[0].startswith("quote_id,date,")
