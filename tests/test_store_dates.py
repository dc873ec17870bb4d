"""Dates as intervals in the store: overlap filters, chronological lists, timelines, exports."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from alembic import command
from sqlalchemy import text

from dateline.export import export_rows, write_text
from dateline.store import Store, migrate
from dateline.store.queries import Queries
from dateline.web.chart import timeline_svg
from test_store import sample_document


def dated(doc_id: str, published: str, event_date: str | None = None):
    doc = sample_document(doc_id, published)
    doc.events[0]["date"] = event_date or published
    doc.quotes[0]["date"] = event_date or published
    return doc


def filled(tmp_path) -> Store:
    store = Store(str(tmp_path / "dates.db"))
    for doc in (dated("00000000000000a1", "2022"),
                dated("00000000000000a2", "2022-07-09"),
                dated("00000000000000a3", "2025-03-14", "2025-W11"),
                dated("00000000000000a4", "2025-03-14", "2025-03-13"),
                dated("00000000000000a5", "2025-03-14", "2025")):
        store.save(doc)
    return store


def ids(page) -> list[str]:
    """The distinguishing part of each item's id ("00000000000000a3-e0" -> "a3")."""
    return [item["id"][14:16] for item in page.items]


def test_a_range_finds_every_document_whose_date_overlaps_it(tmp_path):
    q = Queries(filled(tmp_path))
    found = q.documents(date_from="2022-01-01", date_to="2022-12-31")
    assert ids(found) == ["a2", "a1"]  # the year-only "2022" too, sorted by its first day
    (year,) = [d for d in found.items if d["published"] == "2022"]
    assert (year["published_start"], year["published_end"], year["published_precision"]) == (
        "2022-01-01", "2022-12-31", "year")
    assert ids(q.documents(date_from="2022-07-10", date_to="2022-12")) == ["a1"]
    assert ids(q.documents(date_to="2021")) == []
    assert ids(q.events(date_from="2025-03-15")) == ["a3", "a5"]  # the week runs to the 16th
    assert ids(q.events(date_from="2025-03-17")) == ["a5"]


def test_lists_run_by_start_then_end_across_pages(tmp_path):
    q = Queries(filled(tmp_path))
    events, cursor = [], None
    while True:
        page = q.events(date_from="2025", cursor=cursor, limit=1)
        events += page.items
        cursor = page.next
        if cursor is None:
            break
    assert [e["date"] for e in events] == ["2025-03-13", "2025-W11", "2025"]
    assert events[1]["date_start"] == "2025-03-10" and events[1]["date_precision"] == "week"
    quotes = q.quotes(date_from="2025-03-12", date_to="2025-03-13").items
    assert [x["date"] for x in quotes] == ["2025-03-13", "2025-W11", "2025"]


def test_timelines_place_coarse_dates_by_their_interval(tmp_path):
    q = Queries(filled(tmp_path))
    months = q.pair_timeline("nor", "rus")["months"]
    assert [(m["month"], m["start"], m["end"]) for m in months] == [
        ("2022", "2022-01-01", "2022-12-31"), ("2022-07", "2022-07-01", "2022-07-31"),
        ("2025", "2025-01-01", "2025-12-31"), ("2025-03", "2025-03-01", "2025-03-31")]
    assert months[3]["events"] == {"CONSULT": 2}  # the week of 10 March and the 13th
    assert [e["date"] for e in q.events(pair=("nor", "rus"), month="2025").items] == ["2025"]
    assert len(q.events(pair=("nor", "rus"), month="2025-03").items) == 2

    svg = str(timeline_svg(months, lambda month, kind: f"/e?m={month}"))
    assert svg.count('<rect class="bar"') == 2  # July 2022 and March 2025
    assert 'class="span"' in svg and 'data-start="2022-01-01" data-end="2022-12-31"' in svg
    assert 'class="bar"' not in svg.split('data-month="2022"')[0].rsplit("<rect", 1)[-1]


def test_exported_interval_ends_are_dates(tmp_path):
    store = filled(tmp_path)
    out = io.StringIO()
    write_text(out, store, "csv", "events")
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(rows) == 5
    for row in rows:
        assert date.fromisoformat(row["date_start"]) <= date.fromisoformat(row["date_end"])
    path = tmp_path / "events.parquet"
    assert export_rows(store, "parquet", "events", path) == 5
    table = pq.read_table(path)
    assert table.schema.field("date_start").type == pa.date32()
    assert table.schema.field("date").type == pa.string()
    docs = tmp_path / "docs.parquet"
    export_rows(store, "parquet", "documents", docs)
    assert pq.read_table(docs).column("published_end").to_pylist()[0] == date(2022, 12, 31)
    lines = io.StringIO()
    write_text(lines, store, "jsonl", "documents")
    first = json.loads(lines.getvalue().splitlines()[0])
    assert first["published_precision"] == "year"
    assert first["events"][0]["date"] == "2022"


def test_migration_0002_gives_old_rows_their_intervals(tmp_path):
    path = tmp_path / "old.db"
    store = Store(str(path), migrate_schema=False)
    migrate.upgrade(store.engine, "0001")
    with store.engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO documents (id, source, published, published_from, text, raw, data, "
            "ingested_at) VALUES ('d1', 's', '2024-Q1', 'option', 't', 'r', '{}', 'now')"))
        conn.execute(text(
            "INSERT INTO timexes (doc_id, start_char, end_char, text, type, value) VALUES "
            "('d1', 0, 1, 'x', 'DATE', '2023-WI'), ('d1', 0, 1, 'y', 'DURATION', 'P2Y')"))
    migrate.upgrade(store.engine)
    with store.engine.connect() as conn:
        doc = conn.execute(text("SELECT published_start, published_end, published_precision "
                                "FROM documents")).one()
        timexes = conn.execute(text("SELECT value, date_start, date_end, date_precision "
                                    "FROM timexes ORDER BY value DESC")).all()
    assert tuple(doc) == ("2024-01-01", "2024-03-31", "quarter")
    assert [tuple(t) for t in timexes] == [("P2Y", None, None, None),
                                           ("2023-WI", "2023-12-01", "2024-02-29", "season")]
    store.close()


def test_migration_0006_gives_country_actors_their_name_ids(tmp_path):
    check_country_ids_migrate(str(tmp_path / "old.db"))


@pytest.mark.postgres
def test_migration_0006_on_postgres(postgres_url):
    check_country_ids_migrate(postgres_url)


def check_country_ids_migrate(db: str) -> None:
    store = Store(db, migrate_schema=False)
    migrate.upgrade(store.engine, "0005")
    doc = sample_document()
    russia = {"id": "rus", "name": "Russia", "type": "country", "country": "RUS",
              "sector": None, "roles": [], "aliases": []}
    doc.actors.append(russia)
    doc.entities.append({"start": 31, "end": 35, "text": "Oslo", "label": "GPE", "actor": "rus"})
    doc.events[0]["target"]["actor"] = "rus"
    store.save(doc)
    migrate.upgrade(store.engine)
    with store.engine.connect() as conn:
        actors = dict(conn.execute(text("SELECT id, type FROM actors")).all())
        evidence = conn.execute(text("SELECT actor_id FROM actor_evidence WHERE value = 'RUS'")
                                ).scalar()
        entity = conn.execute(text("SELECT actor_id FROM entities WHERE text = 'Oslo'")).scalar()
        target = conn.execute(text("SELECT target_actor FROM events")).scalar()
        keys = [k for (k,) in conn.execute(text("SELECT key FROM story_event_keys"))]
    assert actors == {"lena-ortiz": "person", "russia": "country"}  # a person's id as it was
    assert evidence == "russia" and entity == "russia" and target == "russia"
    assert keys and all("|rus|" not in k for k in keys) and any("|russia|" in k for k in keys)
    stored = store.document(doc.id)
    assert [a["id"] for a in stored["actors"]] == ["lena-ortiz", "russia"]
    assert stored["events"][0]["target"]["actor"] == "russia"
    config = migrate.alembic_config()  # and back
    with store.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0005")
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT target_actor FROM events")).scalar() == "rus"
    assert store.document(doc.id)["entities"][1]["actor"] == "rus"
    store.close()


def test_migration_0007_gives_igo_actors_their_name_ids(tmp_path):
    store = Store(str(tmp_path / "old.db"), migrate_schema=False)
    migrate.upgrade(store.engine, "0006")
    doc = sample_document()
    un = {"id": "un", "name": "United Nations", "type": "organisation", "country": "UN",
          "sector": "IGO", "roles": [], "aliases": ["U.N."]}
    # an organisation whose id happens to be a code's letters but which is no IGO keeps it
    who = {"id": "who", "name": "The Who", "type": "organisation", "country": "GBR",
           "sector": None, "roles": [], "aliases": []}
    doc.actors += [un, who]
    doc.events[0]["target"].update(actor="un", country="IGO")
    store.save(doc)
    migrate.upgrade(store.engine)
    with store.engine.connect() as conn:
        ids = {i for (i,) in conn.execute(text("SELECT id FROM actors"))}
        target = conn.execute(text("SELECT target_actor FROM events")).scalar()
    assert ids == {"lena-ortiz", "united-nations", "who"}
    assert target == "united-nations"
    assert store.document(doc.id)["events"][0]["target"]["actor"] == "united-nations"
    config = migrate.alembic_config()  # and back
    with store.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0006")
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT target_actor FROM events")).scalar() == "un"
    store.close()
