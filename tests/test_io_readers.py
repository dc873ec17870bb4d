"""Readers: encodings, HTML, WARC, JSON lines, and every kind of bad input."""

from __future__ import annotations

import gzip
import io
import json

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dateline.io import readers
from dateline.io.readers import InputDocument, ReadError, read_inputs
from dateline.model import document_id

ARTICLE = (
    "Ministers meet in Geneva over grain corridor\n\n"
    "GENEVA (AP) — Foreign ministers from Turkey and Ukraine met on Tuesday to discuss "
    "the grain corridor, officials said.\n"
)
PAGE = """<!doctype html><html><head><title>Ministers meet in Geneva over grain corridor</title>
<meta property="og:site_name" content="Wire Daily">
<meta property="article:published_time" content="2023-03-14T09:00:00Z"></head>
<body><nav>Home | World | Sports</nav><article><h1>Ministers meet in Geneva over grain corridor</h1>
<p>GENEVA (AP) — Foreign ministers from Turkey and Ukraine met on Tuesday to discuss the grain
corridor that carries wheat across the Black Sea, officials said after the talks ended.</p>
<p>"We made progress, but the work is not finished," the Turkish minister told reporters outside
the hall, adding that a second round would follow within weeks.</p></article>
<footer>Copyright 2023 Wire Daily</footer></body></html>"""


def read_one(path) -> InputDocument | ReadError:
    items = list(read_inputs([str(path)]))
    assert len(items) == 1, items
    return items[0]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
def test_text_in_common_encodings(tmp_path, encoding):
    text = ARTICLE.replace("Geneva", "Genève") + "Le ministre a dit « non » à l’accord.\n"
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode(encoding))
    doc = read_one(path)
    assert isinstance(doc, InputDocument)
    assert "Genève" in doc.raw and "« non »" in doc.raw
    assert doc.id == document_id(path.read_bytes())


def test_empty_binary_and_missing_files_are_clear_errors(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\n ")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    items = list(read_inputs([str(tmp_path), str(tmp_path / "missing.txt")]))
    errors = {type(i).__name__ + ":" + i.source.rsplit("/", 1)[-1]: i for i in items}
    assert isinstance(errors["InputDocument:good.txt"], InputDocument)
    assert "empty" in errors["ReadError:empty.txt"].reason
    assert "empty" in errors["ReadError:blank.txt"].reason
    assert "binary" in errors["ReadError:image.png"].reason
    assert "no such file" in errors["ReadError:missing.txt"].reason
    assert all("\n" not in str(i) for i in items if isinstance(i, ReadError))


def test_huge_file_is_refused_not_half_read(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "MAX_BYTES", 1000)
    path = tmp_path / "huge.txt"
    path.write_text("word " * 1000, encoding="utf-8")
    item = read_one(path)
    assert isinstance(item, ReadError) and "too large" in item.reason


def test_gzip_bomb_is_capped(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "MAX_BYTES", 5000)
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(b"<p>" + b"a" * 100_000 + b"</p>"))
    item = read_one(path)
    assert isinstance(item, ReadError) and "too large" in item.reason


def test_html_keeps_title_first_and_metadata(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    doc = read_one(path)
    assert isinstance(doc, InputDocument) and doc.kind == "html"
    assert doc.raw.startswith("Ministers meet in Geneva over grain corridor")
    assert "Home | World" not in doc.raw
    assert doc.meta["outlet"] == "Wire Daily"
    assert doc.meta["published"] == "2023-03-14"


def test_broken_html_without_text_is_an_error(tmp_path):
    path = tmp_path / "broken.html"
    path.write_text("<html><body><div><script>var x = 1;</script></div", encoding="utf-8")
    item = read_one(path)
    assert isinstance(item, ReadError) and "no article text" in item.reason


def warc_bytes(records: list[tuple[str, str, bytes]]) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for url, ctype, body in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), http_headers=headers))
    return buf.getvalue()


def test_warc_html_responses_become_documents(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(warc_bytes([
        ("https://news.example/a", "text/html; charset=utf-8", PAGE.encode()),
        ("https://news.example/logo.png", "image/png", b"\x89PNG\r\n"),
        ("https://news.example/empty", "text/html", b"<html></html>"),
    ]))
    items = list(read_inputs([str(path)]))
    docs = [i for i in items if isinstance(i, InputDocument)]
    errors = [i for i in items if isinstance(i, ReadError)]
    assert [d.source for d in docs] == ["https://news.example/a"]
    assert docs[0].kind == "warc" and docs[0].meta["warc_date"]
    assert len(errors) == 1 and "news.example/empty" in errors[0].source


def test_truncated_warc_keeps_what_came_before(tmp_path):
    data = warc_bytes([("https://news.example/a", "text/html", PAGE.encode()),
                       ("https://news.example/b", "text/html", PAGE.encode())])
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: len(data) - 200])
    items = list(read_inputs([str(path)]))
    assert isinstance(items[0], InputDocument)
    assert isinstance(items[-1], ReadError) and "cut.warc.gz" in str(items[-1])


def test_jsonl_records_and_bad_lines(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"text": ARTICLE.split("\n\n", 1)[1], "title": "Ministers meet in Geneva",
                    "url": "https://news.example/geneva", "published": "2023-03-14"}),
        "{not json",
        json.dumps({"title": "no text here"}),
        "",
        json.dumps({"text": "A second short story about trade talks in Hanoi."}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_inputs([str(path)]))
    docs = [i for i in items if isinstance(i, InputDocument)]
    errors = [str(i) for i in items if isinstance(i, ReadError)]
    assert docs[0].source == "https://news.example/geneva"
    assert docs[0].raw.startswith("Ministers meet in Geneva\n\n")
    assert docs[0].meta["published"] == "2023-03-14"
    assert docs[1].source.endswith("feed.jsonl:5")
    assert any(":2: not JSON" in e for e in errors)
    assert any(":3: record has no 'text'" in e for e in errors)


def test_directories_and_globs_expand_in_order(tmp_path):
    for name in ("b.txt", "a.txt", ".hidden.txt"):
        (tmp_path / name).write_text(f"{name} story body text.", encoding="utf-8")
    sources = [i.source for i in read_inputs([str(tmp_path)])]
    assert [s.rsplit("/", 1)[-1] for s in sources] == ["a.txt", "b.txt"]
    globbed = [i.source for i in read_inputs([str(tmp_path / "*.txt")])]
    assert globbed == sources


def test_text_too_long_to_parse_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "MAX_CHARS", 500)
    path = tmp_path / "long.txt"
    path.write_text("The talks went on. " * 40, encoding="utf-8")
    item = read_one(path)
    assert isinstance(item, ReadError) and "too long: 760 characters" in item.reason
