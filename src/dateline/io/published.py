"""Creation dates given by the user: one for every document, or per file name (TSV/CSV)."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from dateline.io.readers import InputDocument, source_name


def checked_date(value: str, where: str) -> str:
    """A creation date as YYYY-MM-DD, YYYY-MM or YYYY, or a ValueError saying where."""
    value = value.strip()
    for fmt in ("%Y-%m-%d", "%Y-%m", "%Y"):
        try:
            datetime.strptime(value, fmt)
            return value
        except ValueError:
            continue
    raise ValueError(f"{where}: {value!r} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)")


FILE_COLUMNS = ("filename", "file", "file_name", "name", "path", "source", "id")
DATE_COLUMNS = ("published", "publication_date", "date", "published_date", "pubdate")


def read_published_tsv(path: Path) -> dict[str, str]:
    """File names and dates: two columns without a header, or a TSV/CSV whose header row
    names a file column and a date column (PolNeAR's metadata.tsv). Each file is also
    found by its bare name and its stem, since some tables drop the ``.txt``."""
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    first = lines[0] if lines else ""
    delimiter = "\t" if "\t" in first or "," not in first else ","
    rows = list(csv.reader(lines, delimiter=delimiter))
    header = [c.strip().lower() for c in rows[0]] if rows else []
    file_col = next((header.index(c) for c in FILE_COLUMNS if c in header), None)
    date_col = next((header.index(c) for c in DATE_COLUMNS if c in header), None)
    if file_col is None or date_col is None:
        file_col, date_col = 0, 1
    table: dict[str, str] = {}
    for n, cols in enumerate(rows, 1):
        if len(cols) <= max(file_col, date_col) or not cols[date_col].strip()[:1].isdigit():
            continue  # the header, a blank line, or a row without a date
        date = checked_date(cols[date_col], f"{path}:{n}")
        name = cols[file_col].strip()
        table[name] = date
        table.setdefault(Path(name).name, date)
        table.setdefault(Path(name).stem, date)
    return table


@dataclass
class PublishedDates:
    """What --published / --published-tsv said; plain data, so it travels to workers."""

    default: str | None = None
    by_name: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_options(cls, published: str | None, tsv: Path | None) -> PublishedDates:
        default = checked_date(published, "--published") if published else None
        return cls(default, read_published_tsv(tsv) if tsv else {})

    def apply(self, item: InputDocument) -> InputDocument:
        name = source_name(item.source)
        date = self.by_name.get(name) or self.by_name.get(Path(name).stem) or self.default
        if date:
            item.published = date
        return item
