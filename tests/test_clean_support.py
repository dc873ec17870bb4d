"""Shared helpers of the clean tests (no tests here): the clean stage alone, the contract check."""

from __future__ import annotations

from dateline.clean import CleanStage
from dateline.io.readers import InputDocument
from dateline.model import Document, document_id
from dateline.pipeline import to_document

STAGE = CleanStage()


def clean(text: str, source: str = "page.txt", given: str | None = None, **meta) -> Document:
    """One text through the clean stage; ``meta`` as a reader would set it, ``given`` the
    publication date the caller gives (--published)."""
    return clean_batch([(text, source, meta)], given)[0]


def clean_batch(items: list[tuple[str, str, dict]], given: str | None = None) -> list[Document]:
    docs = [to_document(InputDocument(document_id(text.encode()), source, text, "text", meta,
                                      published=given))
            for text, source, meta in items]
    STAGE(docs)
    return docs


def contract_problems(doc: Document) -> list[str]:
    """Every way this document breaks the cleaning contract (empty when it keeps it)."""
    problems = []
    covered = [0] * len(doc.raw)
    pos = 0
    for ts, rs, n in doc.segments:
        if ts != pos:
            problems.append(f"segment at {ts} does not continue text at {pos}")
        if doc.text[ts : ts + n] != doc.raw[rs : rs + n]:
            problems.append(f"segment {[ts, rs, n]} is not a copy of raw")
        for i in range(rs, rs + n):
            covered[i] += 1
        pos = ts + n
    if pos != len(doc.text):
        problems.append("segments do not cover the whole text")
    for entry in doc.removed:
        if doc.raw[entry["raw_start"] : entry["raw_end"]] != entry["text"]:
            problems.append(f"removed {entry['kind']} text is not raw at its offsets")
        for i in range(entry["raw_start"], entry["raw_end"]):
            covered[i] += 1
    for i, char in enumerate(doc.raw):
        if not char.isspace() and covered[i] != 1:
            problems.append(f"raw[{i}] {char!r} is {'lost' if not covered[i] else 'kept twice'}")
            break
    return problems
