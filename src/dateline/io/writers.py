"""Writers: the document contract as JSON lines or Parquet, and flat tables as CSV/Parquet."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import IO, Any

from dateline.timex.interval import date_fields

# Scalar fields become columns; nested annotations are kept as JSON text columns
# so one Parquet schema fits every document.
SCALAR_FIELDS = ("schema", "id", "source", "title", "outlet", "published", "published_from",
                 "text")
# Interval ends (ISO text in JSON and CSV) that Parquet stores as real dates.
DATE_COLUMNS = frozenset({"published_start", "published_end", "date_start", "date_end"})
NESTED_FIELDS = ("place", "segments", "removed", "sentences", "entities", "mentions", "actors",
                 "quotes", "timexes", "events", "meta")


def write_jsonl(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    n = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


def flatten_document(doc: dict[str, Any]) -> dict[str, Any]:
    row = {name: doc.get(name) for name in SCALAR_FIELDS}
    row |= date_fields(doc.get("published"), "published")  # also for documents stored before
    for name in NESTED_FIELDS:
        row[name] = json.dumps(doc.get(name), ensure_ascii=False)
    return row


def write_parquet(rows: Iterable[dict[str, Any]], path: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist([
        {k: date.fromisoformat(v) if k in DATE_COLUMNS and v else v for k, v in row.items()}
        for row in rows])
    pq.write_table(table, path)
    return table.num_rows


def write_csv(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    writer: csv.DictWriter | None = None
    n = 0
    for row in rows:
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(row))
            writer.writeheader()
        writer.writerow(row)
        n += 1
    return n
