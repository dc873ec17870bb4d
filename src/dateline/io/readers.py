"""Readers: files, directories and globs of txt, HTML, WARC and JSON lines.

Every reader yields ``InputDocument`` for good input and ``ReadError`` for bad
input, so one broken file never stops a batch.
"""

from __future__ import annotations

import contextlib
import glob
import gzip
import io
import json
import os
import stat
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dateline.io.decode import DecodeError, check_text, decode_text, strip_controls
from dateline.model import document_id
from dateline.settings import Settings

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".html.gz", ".htm.gz")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
META_FIELDS = ("title", "url", "published", "outlet")  # what a JSON line may say of its text
SPECIAL_FILES = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a named pipe (FIFO)"),
                 (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
                 (stat.S_ISBLK, "a block device"))


@dataclass
class InputDocument:
    """One document's decoded text and what its container said about it."""

    id: str
    source: str
    raw: str
    kind: str  # text | html | warc | jsonl
    meta: dict[str, Any] = field(default_factory=dict)
    published: str | None = None  # the creation date the caller gives (--published, a table)


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


def read_inputs(paths: Iterable[str], settings: Settings | None = None
                ) -> Iterator[InputDocument | ReadError]:
    """Every document in every path, in input order; one too long to parse is an error.

    ``settings`` gives the limits (max_bytes, max_chars); by default, from the environment.
    """
    settings = settings or Settings.load()
    for item in read_all(paths, settings.max_bytes):
        if isinstance(item, InputDocument) and len(item.raw) > settings.max_chars:
            yield ReadError(item.source, too_long(len(item.raw), settings.max_chars))
        else:
            yield item


def too_long(chars: int, limit: int) -> str:
    """The reason a text is refused for its length (the parser's memory grows with it)."""
    return f"too long: {chars:,} characters (limit {limit:,}, DATELINE_MAX_CHARS)"


def read_all(paths: Iterable[str], max_bytes: int) -> Iterator[InputDocument | ReadError]:
    for path in expand_paths(paths):
        kind = kind_of(path)
        try:
            refuse_special(path)
            if kind == "warc":
                yield from read_warc(path, max_bytes)
            elif kind == "jsonl":
                yield from read_jsonl(path, max_bytes)
            else:
                data = read_capped(path, max_bytes)
                yield read_html(path, data) if kind == "html" else read_text(path, data)
        except FileNotFoundError:
            yield ReadError(path, "no such file")
        except PermissionError:
            yield ReadError(path, "permission denied")
        except IsADirectoryError:
            yield ReadError(path, "is a directory")
        except gzip.BadGzipFile:  # its message quotes the file's first bytes
            yield ReadError(path, "not a gzip file")
        except zlib.error:
            yield ReadError(path, "corrupt gzip data")
        except EOFError:
            yield ReadError(path, "truncated: the gzip data ends early")
        except (DecodeError, ValueError, OSError) as exc:
            yield ReadError(path, str(exc) or type(exc).__name__)


def refuse_special(path: str) -> None:
    """Only regular files are read: opening a FIFO or a terminal would wait forever."""
    mode = os.stat(path).st_mode
    if not stat.S_ISREG(mode):
        kind = next((name for test, name in SPECIAL_FILES if test(mode)), "a special file")
        raise ValueError(f"not a regular file: {kind}")


def read_capped(path: str, max_bytes: int) -> bytes:
    """Read at most ``max_bytes``; a larger file is refused, never half-read."""
    size = os.path.getsize(path)
    if size > max_bytes:
        raise ValueError(f"too large: {size:,} bytes (limit {max_bytes:,}, DATELINE_MAX_BYTES)")
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as fh:
        data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise ValueError(f"too large once decompressed (limit {max_bytes:,} bytes)")
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
    return body, clean_meta(meta)


def clean_meta(meta: dict[str, Any]) -> dict[str, str]:
    """The string fields of a container's metadata without control characters, blanks dropped."""
    out = {key: strip_controls(value).strip() for key, value in meta.items()
           if isinstance(value, str)}
    return {key: value for key, value in out.items() if value}


def read_html(path: str, data: bytes, url: str | None = None) -> InputDocument:
    if not data.strip():
        raise DecodeError("empty file")
    text, meta = html_to_text(decode_text(data), url)
    return InputDocument(document_id(data), path, check_text(text), "html", meta)


def read_warc(path: str, max_bytes: int) -> Iterator[InputDocument | ReadError]:
    """HTML response records become documents; the record's URL is their source.

    A file cut short (in a record, in a record's header or in the gzip stream) keeps the
    complete records before the cut and ends with an error that says so.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    if os.path.getsize(path) == 0:
        yield ReadError(path, "empty file")
        return
    found = 0
    with open(path, "rb") as fh:
        archive = ArchiveIterator(fh, check_digests=True)
        records = iter(archive)
        last = cut = None
        try:
            while (record := quietly(records)) is not None:
                last = record
                doc = warc_document(path, record, max_bytes)
                cut = isinstance(doc, ReadError) and record_problem(record) is not None
                if isinstance(doc, InputDocument):
                    found += 1
                if doc is not None:
                    yield doc
        except (ArchiveLoadFailed, EOFError, OSError, ValueError, AttributeError,
                zlib.error) as exc:
            yield ReadError(path, f"broken WARC: {warc_reason(exc)}")
            return
        problem = None if cut else archive_problem(path, fh, archive, last)
    if problem:
        yield ReadError(path, problem)
    elif not found and not cut:
        yield ReadError(path, "no HTML response records in the WARC")


def quietly(records: Iterator[Any]) -> Any:
    """The next record; warcio's own warnings (which print raw bytes) are kept off stderr."""
    with contextlib.redirect_stderr(io.StringIO()):
        return next(records, None)


def warc_document(path: str, record: Any, max_bytes: int) -> InputDocument | ReadError | None:
    """The document of an HTML response record, None for any other record."""
    if record.rec_type != "response":
        return None
    headers = record.http_headers
    ctype = (headers.get_header("Content-Type") or "").lower() if headers else ""
    if headers and "html" not in ctype:
        return None
    url = strip_controls(record.rec_headers.get_header("WARC-Target-URI") or path)
    try:
        data = record.content_stream().read(max_bytes + 1)
        if len(data) > max_bytes:
            raise ValueError(f"record too large (limit {max_bytes:,} bytes)")
        problem = record_problem(record)
        if problem:
            raise ValueError(problem)
        doc = read_html(url, data, url)
    except (DecodeError, ValueError) as exc:
        return ReadError(f"{path} [{url}]", str(exc))
    doc.kind = "warc"
    doc.meta["warc_date"] = record.rec_headers.get_header("WARC-Date")
    doc.meta["warc_file"] = path
    return doc


def record_problem(record: Any) -> str | None:
    """A record cut short has bytes left to read (or no length: its header was cut); a record
    whose block digest fails is corrupt."""
    if record.rec_headers.get_header("Content-Length") is None:
        return "truncated or corrupt record header"
    if getattr(record.raw_stream, "limit", 0) > 0:
        return "truncated: the record is cut off"
    if not record.rec_headers.get_header("WARC-Block-Digest"):
        return None
    checker = getattr(record, "digest_checker", None)
    if checker is None or checker.passed is True:
        return None
    return "corrupt record (digest does not match)"


def archive_problem(path: str, fh: Any, archive: Any, last: Any) -> str | None:
    """What is wrong with the end of a WARC: its last record cut off, a partial record after
    the last whole one, a gzip stream that ends early, or a bad record length."""
    if last is not None and record_problem(last):
        return "truncated: the last record is cut off"
    fh.seek(archive.offset)
    if fh.read(4096).strip():
        return "truncated: the file ends inside a record"
    if path.endswith(".gz"):
        try:
            with gzip.open(path, "rb") as stream:
                while stream.read(1 << 20):
                    pass
        except EOFError:
            return "truncated: the gzip data ends early"
        except (gzip.BadGzipFile, zlib.error):
            return "corrupt gzip data"
    if archive.err_count:
        return "corrupt: a record's length does not match its content"
    return None


def warc_reason(exc: Exception) -> str:
    """Why warcio failed, in a few words: never the raw bytes it quotes."""
    if isinstance(exc, AttributeError | EOFError):
        return "truncated or corrupt record header"
    if isinstance(exc, zlib.error):
        return "corrupt gzip data"
    first = str(exc).strip().split(", first line")[0].splitlines()
    return first[0][:200] if first else type(exc).__name__


def read_jsonl(path: str, max_bytes: int) -> Iterator[InputDocument | ReadError]:
    """One JSON object a line: ``text`` and optional ``title``, ``url``, ``published``, ``outlet``
    (strings, control characters removed)."""
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as fh:
        for n, line in enumerate(fh, 1):
            where = f"{path}:{n}"
            if not line.strip():
                continue
            if len(line) > max_bytes:
                yield ReadError(where, f"record too large (limit {max_bytes:,} bytes)")
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
            try:
                text = check_text(text)
            except DecodeError as exc:
                yield ReadError(where, str(exc))
                continue
            meta = clean_meta({key: record.get(key) for key in META_FIELDS})
            title = meta.get("title")
            if title and not text.startswith(title):
                text = f"{title}\n\n{text}"
            ident = record.get("id")
            named = meta.get("url") or (strip_controls(str(ident)).strip()
                                        if isinstance(ident, str | int) else "")
            yield InputDocument(document_id(line.rstrip(b"\r\n")), named or where, text, "jsonl",
                                meta)


def source_name(source: str) -> str:
    """File name of a source, for matching --published-tsv rows."""
    return Path(source.split("?")[0]).name
