"""Creation dates given by the user: one for every document, or per file name (TSV)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from dateline.io.readers import InputDocument, source_name


def read_published_tsv(path: Path) -> dict[str, str]:
    """Two columns, file name and date; a header line or blank lines are ignored."""
    table: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.strip().split("\t")
        if len(cols) >= 2 and cols[1][:1].isdigit():
            table[cols[0]] = cols[1].strip()
            table.setdefault(Path(cols[0]).name, cols[1].strip())
    return table


@dataclass
class PublishedDates:
    """What --published / --published-tsv said; plain data, so it travels to workers."""

    default: str | None = None
    by_name: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_options(cls, published: str | None, tsv: Path | None) -> PublishedDates:
        return cls(published, read_published_tsv(tsv) if tsv else {})

    def apply(self, item: InputDocument) -> InputDocument:
        date = self.by_name.get(source_name(item.source)) or self.default
        if date:
            item.meta["published_option"] = date
        return item
