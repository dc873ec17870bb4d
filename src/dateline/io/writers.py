"""Writers: the document contract as JSON lines or Parquet, and flat tables as CSV/Parquet."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import IO, Any

from dateline.timex.interval import date_fields

SCALAR_FIELDS = ("schema", "id", "source", "title", "outlet", "published", "published_from",
                 "text")
# Interval ends (ISO text in JSON and CSV) that Parquet stores as real dates.
DATE_COLUMNS = frozenset({"published_start", "published_end", "date_start", "date_end"})
NESTED_FIELDS = ("place", "segments", "removed", "sentences", "entities", "mentions", "actors",
                 "quotes", "timexes", "events", "meta")
# Free-form string maps: Parquet map<string, string> columns, whatever keys each row has.
MAP_COLUMNS = frozenset({"meta"})


def write_jsonl(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    n = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


def document_row(doc: dict[str, Any]) -> dict[str, Any]:
    """A stored document as one table row: its scalars, its publication interval, and its
    annotations as they are (lists and objects)."""
    row = {name: doc.get(name) for name in SCALAR_FIELDS}
    row |= date_fields(doc.get("published"), "published")  # also for documents stored before
    return row | {name: doc.get(name) for name in NESTED_FIELDS}


def flatten_document(doc: dict[str, Any]) -> dict[str, Any]:
    """A document row for CSV: nested annotations as JSON text."""
    row = document_row(doc)
    for name in NESTED_FIELDS:
        row[name] = json.dumps(row[name], ensure_ascii=False)
    return row


def parquet_column(name: str, values: list[Any]) -> Any:
    """One Arrow column: dates as dates, maps as map<string, string>, lists and objects as
    list and struct columns (their types inferred over all rows); a column with no value
    in any row is text rather than Arrow's null type."""
    import pyarrow as pa

    if name in DATE_COLUMNS:
        return pa.array([date.fromisoformat(v) if v else None for v in values], pa.date32())
    if name in MAP_COLUMNS:
        return pa.array([None if v is None else [(str(k), None if x is None else str(x))
                                                 for k, x in v.items()] for v in values],
                        pa.map_(pa.string(), pa.string()))
    column = pa.array(values)
    return column.cast(pa.string()) if pa.types.is_null(column.type) else column


def write_parquet(rows: Iterable[dict[str, Any]], path: Path,
                  columns: tuple[str, ...] | None = None) -> int:
    """Rows as one Parquet file; ``columns`` fixes the columns when there may be no row."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = list(rows)
    names = list(rows[0]) if rows else list(columns or ())
    table = pa.table({name: parquet_column(name, [row.get(name) for row in rows])
                      for name in names})
    pq.write_table(table, path)
    return table.num_rows


def csv_value(value: Any) -> Any:
    """A list of words as "a;b" (GDELT-style); any other nested value as JSON text."""
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return ";".join(value)
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def write_csv(rows: Iterable[dict[str, Any]], out: IO[str],
              columns: tuple[str, ...] | None = None) -> int:
    writer: csv.DictWriter | None = None
    if columns:
        writer = csv.DictWriter(out, fieldnames=list(columns))
        writer.writeheader()
    n = 0
    for row in rows:
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(row))
            writer.writeheader()
        writer.writerow({k: csv_value(v) for k, v in row.items()})
        n += 1
    return n
