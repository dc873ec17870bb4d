"""The Spark engine (real Spark, local mode) gives what the in-process pipeline gives."""

from __future__ import annotations

from dateline.engines.spark import process_with_spark
from dateline.io.published import PublishedDates
from dateline.io.readers import ReadError, read_inputs
from dateline.model import Document
from dateline.pipeline import Pipeline


def test_spark_matches_in_process_in_order(tmp_path, spark_ready):
    stories = {
        "c.txt": "Envoys meet in Lima\n\nLIMA, Peru — Envoys from Peru and Chile met on Monday.\n",
        "a.txt": "Talks stall in Hanoi\n\nHANOI, Vietnam — Trade talks stalled on Friday.\n",
        "b.txt": "",  # empty: reported, the rest goes on
        "d.txt": "Rome hosts summit\n\nROME (AP) — Leaders gathered in Rome on Sunday.\n",
    }
    for name, text in stories.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    dates = PublishedDates(default="2023-06-05")
    results = list(process_with_spark([str(tmp_path)], dates, master="local[2]"))
    expected = Pipeline().process([dates.apply(i) for i in read_inputs([str(tmp_path)])
                                   if not isinstance(i, ReadError)])
    docs = [r for r in results if isinstance(r, Document)]
    errors = [r for r in results if isinstance(r, ReadError)]
    assert [d.to_json() for d in docs] == [d.to_json() for d in expected]
    assert [d.source.rsplit("/", 1)[-1] for d in docs] == ["a.txt", "c.txt", "d.txt"]
    assert docs[0].published == "2023-06-05"
    assert len(errors) == 1 and "b.txt" in errors[0].source and "empty" in errors[0].reason
