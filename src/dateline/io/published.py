"""Creation dates given by the user: one for every document, or per file name (TSV)."""

from __future__ import annotations

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


def read_published_tsv(path: Path) -> dict[str, str]:
    """Two columns, file name and date; a header line or blank lines are ignored."""
    table: dict[str, str] = {}
    lines = path.read_text(encoding="utf-8").splitlines()
    for n, line in enumerate(lines, 1):
        cols = line.strip().split("\t")
        if len(cols) >= 2 and cols[1][:1].isdigit():
            date = checked_date(cols[1], f"{path}:{n}")
            table[cols[0]] = date
            table.setdefault(Path(cols[0]).name, date)
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
        date = self.by_name.get(source_name(item.source)) or self.default
        if date:
            item.meta["published_option"] = date
        return item
