"""Readers: files, directories and globs of txt, HTML, WARC and JSON lines.

Every reader yields ``InputDocument`` for good input and ``ReadError`` for bad
input, so one broken file never stops a batch.
"""

from __future__ import annotations

import glob
import gzip
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dateline.io.decode import DecodeError, check_text, decode_text
from dateline.model import document_id

MAX_BYTES = int(os.environ.get("DATELINE_MAX_BYTES", 20 * 1024 * 1024))
# spaCy's own limit for one parse (the parser needs ~1 GB per 100,000 characters)
MAX_CHARS = int(os.environ.get("DATELINE_MAX_CHARS", 1_000_000))

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".html.gz", ".htm.gz")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")


@dataclass
class InputDocument:
    """One document's decoded text and what its container said about it."""

    id: str
    source: str
    raw: str
    kind: str  # text | html | warc | jsonl
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class ReadError:
    """A file (or record) that could not be read, and why, in one line."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


def expand_paths(paths: Iterable[str]) -> Iterator[str]:
    """Files as given; directories as every file below them (sorted); globs expanded."""
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield os.path.join(root, name)
        elif os.path.exists(path):
            yield path
        elif glob.has_magic(path):
            matches = sorted(glob.glob(path, recursive=True))
            yield from expand_paths(matches) if matches else [path]
        else:
            yield path


def kind_of(path: str) -> str:
    name = path.lower()
    if name.endswith(HTML_SUFFIXES):
        return "html"
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    return "text"


def read_inputs(paths: Iterable[str]) -> Iterator[InputDocument | ReadError]:
    """Every document in every path, in input order; one too long to parse is an error."""
    for item in read_all(paths):
        if isinstance(item, InputDocument) and len(item.raw) > MAX_CHARS:
            yield ReadError(item.source, f"too long: {len(item.raw):,} characters "
                                         f"(limit {MAX_CHARS:,}, DATELINE_MAX_CHARS)")
        else:
            yield item


def read_all(paths: Iterable[str]) -> Iterator[InputDocument | ReadError]:
    for path in expand_paths(paths):
        kind = kind_of(path)
        try:
            if kind == "warc":
                yield from read_warc(path)
            elif kind == "jsonl":
                yield from read_jsonl(path)
            else:
                data = read_capped(path)
                yield read_html(path, data) if kind == "html" else read_text(path, data)
        except FileNotFoundError:
            yield ReadError(path, "no such file")
        except PermissionError:
            yield ReadError(path, "permission denied")
        except IsADirectoryError:
            yield ReadError(path, "is a directory")
        except (DecodeError, ValueError, OSError, EOFError) as exc:
            yield ReadError(path, str(exc) or type(exc).__name__)


def read_capped(path: str) -> bytes:
    """Read at most MAX_BYTES; a larger file is refused, never half-read."""
    size = os.path.getsize(path)
    if size > MAX_BYTES:
        raise ValueError(f"too large: {size:,} bytes (limit {MAX_BYTES:,}, DATELINE_MAX_BYTES)")
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as fh:
        data = fh.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ValueError(f"too large once decompressed (limit {MAX_BYTES:,} bytes)")
    return data


def read_text(path: str, data: bytes) -> InputDocument:
    return InputDocument(document_id(data), path, decode_text(data), "text")


def html_to_text(html: str | bytes, url: str | None = None) -> tuple[str, dict[str, Any]]:
    """Main text and metadata of an HTML page, via trafilatura; headline first."""
    import trafilatura

    result = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    if result is None or not (result.text or "").strip():
        raise DecodeError("no article text found in the HTML")
    body = result.text
    title = (result.title or "").strip()
    if title and not body.startswith(title):
        body = f"{title}\n\n{body}"
    meta = {
        "title": title or None,
        "outlet": result.sitename or None,
        "published": result.date or None,
        "url": result.url or url,
        "author": result.author or None,
    }
    return body, {k: v for k, v in meta.items() if v}


def read_html(path: str, data: bytes, url: str | None = None) -> InputDocument:
    if not data.strip():
        raise DecodeError("empty file")
    text, meta = html_to_text(decode_text(data), url)
    return InputDocument(document_id(data), path, check_text(text), "html", meta)


def read_warc(path: str) -> Iterator[InputDocument | ReadError]:
    """HTML response records become documents; the record's URL is their source."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    if os.path.getsize(path) == 0:
        yield ReadError(path, "empty file")
        return
    found = 0
    with open(path, "rb") as fh:
        try:
            for record in ArchiveIterator(fh, check_digests=True):
                if record.rec_type != "response":
                    continue
                headers = record.http_headers
                ctype = (headers.get_header("Content-Type") or "").lower() if headers else ""
                if headers and "html" not in ctype:
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI") or path
                source = f"{url}"
                try:
                    data = record.content_stream().read(MAX_BYTES + 1)
                    if len(data) > MAX_BYTES:
                        raise ValueError(f"record too large (limit {MAX_BYTES:,} bytes)")
                    if not record_complete(record):
                        raise ValueError("truncated or corrupt record (digest does not match)")
                    doc = read_html(source, data, url)
                except (DecodeError, ValueError) as exc:
                    yield ReadError(f"{path} [{url}]", str(exc))
                    continue
                doc.kind = "warc"
                doc.meta["warc_date"] = record.rec_headers.get_header("WARC-Date")
                doc.meta["warc_file"] = path
                found += 1
                yield doc
        except (ArchiveLoadFailed, EOFError, OSError, ValueError, AttributeError) as exc:
            yield ReadError(path, f"broken WARC: {str(exc).splitlines()[0][:200]}")
            return
    if not found:
        yield ReadError(path, "no HTML response records in the WARC")


def record_complete(record: Any) -> bool:
    """A record that carries a block digest must match it; a cut-off record does not."""
    if not record.rec_headers.get_header("WARC-Block-Digest"):
        return True
    checker = getattr(record, "digest_checker", None)
    return checker is None or checker.passed is True


def read_jsonl(path: str) -> Iterator[InputDocument | ReadError]:
    """One JSON object a line: ``text`` and optional ``title``, ``url``, ``published``."""
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as fh:
        for n, line in enumerate(fh, 1):
            where = f"{path}:{n}"
            if not line.strip():
                continue
            if len(line) > MAX_BYTES:
                yield ReadError(where, f"record too large (limit {MAX_BYTES:,} bytes)")
                continue
            try:
                record = json.loads(line)
            except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                yield ReadError(where, f"not JSON: {exc}")
                continue
            text = record.get("text") if isinstance(record, dict) else None
            if not isinstance(text, str) or not text.strip():
                yield ReadError(where, "record has no 'text'")
                continue
            title = record.get("title")
            if isinstance(title, str) and title.strip() and not text.startswith(title.strip()):
                text = f"{title.strip()}\n\n{text}"
            meta = {k: record[k] for k in ("title", "url", "published", "outlet") if record.get(k)}
            source = str(record.get("url") or record.get("id") or where)
            try:
                yield InputDocument(document_id(line.rstrip(b"\r\n")), source,
                                    check_text(text), "jsonl", meta)
            except DecodeError as exc:
                yield ReadError(where, str(exc))


def source_name(source: str) -> str:
    """File name of a source, for matching --published-tsv rows."""
    return Path(source.split("?")[0]).name
