"""Readers: encodings, HTML, WARC, JSON lines, and every kind of bad input."""

from __future__ import annotations

import gzip
import io
import json
import os
import socket
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dateline.io import decode
from dateline.io.readers import InputDocument, ReadError, read_inputs
from dateline.model import document_id
from dateline.settings import Settings

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
    monkeypatch.setenv("DATELINE_MAX_BYTES", "1000")
    path = tmp_path / "huge.txt"
    path.write_text("word " * 1000, encoding="utf-8")
    item = read_one(path)
    assert isinstance(item, ReadError) and "too large" in item.reason


def test_gzip_bomb_is_capped(tmp_path, monkeypatch):
    monkeypatch.setenv("DATELINE_MAX_BYTES", "5000")
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


def warc_bytes(records: list[tuple[str, str, bytes]], gzip: bool = True) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gzip)
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
    path = tmp_path / "long.txt"
    path.write_text("The talks went on. " * 40, encoding="utf-8")
    (item,) = read_inputs([str(path)], Settings(max_chars=500))
    assert isinstance(item, ReadError) and "too long: 760 characters" in item.reason
    (item,) = read_inputs([str(path)], Settings(max_chars=760))
    assert isinstance(item, InputDocument)


@pytest.mark.parametrize("special", ["fifo", "socket", "device"])
def test_fifos_sockets_and_devices_are_refused_unopened(tmp_path, special):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-good.txt").write_text(ARTICLE, encoding="utf-8")
    if special == "fifo":
        path = folder / "b-pipe.txt"
        os.mkfifo(path)  # opening it for reading would block until a writer came
    elif special == "socket":
        path = folder / "b.sock"
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(path))
    else:
        path = Path("/dev/zero")  # an endless device given directly
    items = list(read_inputs([str(folder), str(path)]))  # found in the folder, and given
    assert isinstance(items[0], InputDocument) and items[0].source.endswith("a-good.txt")
    reason = {"fifo": "a named pipe (FIFO)", "socket": "a socket",
              "device": "a character device"}[special]
    assert [(i.source, i.reason) for i in items[1:]] == \
        [(str(path), f"not a regular file: {reason}")] * (1 if special == "device" else 2)


@pytest.mark.parametrize("gz", [True, False])
def test_a_warc_cut_anywhere_keeps_whole_records_and_says_it_is_truncated(tmp_path, gz):
    data = warc_bytes([(f"https://news.example/{n}", "text/html", PAGE.encode()) for n in "ab"],
                      gzip=gz)
    first = len(warc_bytes([("https://news.example/a", "text/html", PAGE.encode())], gzip=gz))
    whole, both = ["https://news.example/a"], ["https://news.example/a", "https://news.example/b"]
    cuts = {"in the second record's header": (first + 40, whole),
            "in its body": ((first + len(data)) // 2, whole),
            # the gzip trailer holds no record data: the second record is whole, the file not
            "in its last bytes": (len(data) - 6, both if gz else whole)}
    path = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    for where, (cut, read) in cuts.items():
        path.write_bytes(data[:cut])
        items = list(read_inputs([str(path)]))
        assert [i.source for i in items if isinstance(i, InputDocument)] == read, where
        errors = [i for i in items if isinstance(i, ReadError)]
        assert len(errors) == 1, (where, errors)
        assert str(path) in errors[0].source and "truncated" in errors[0].reason, (where, errors)
    path.write_bytes(data)
    assert all(isinstance(i, InputDocument) for i in read_inputs([str(path)]))


def test_gzip_errors_name_the_problem_not_the_bytes(tmp_path):
    (tmp_path / "plain.txt.gz").write_bytes(b"\x1f\x9d not gzip but close")
    lines = "".join(json.dumps({"text": f"Talks resume, round {n}."}) + "\n" for n in range(500))
    packed = gzip.compress(lines.encode())
    (tmp_path / "cut.jsonl.gz").write_bytes(packed[: len(packed) // 2])
    items = list(read_inputs([str(tmp_path)]))
    assert isinstance(items[0], InputDocument)  # the lines before the cut are read
    reasons = {i.source.rsplit("/", 1)[-1]: i.reason for i in items if isinstance(i, ReadError)}
    assert reasons == {"cut.jsonl.gz": "truncated: the gzip data ends early",
                       "plain.txt.gz": "not a gzip file"}


@pytest.mark.parametrize(("encoding", "text"), [
    ("latin-1", "The Café on Main Street reopened on Monday, its owner said.\n"),
    ("cp1252", "\u201cWe agree,\u201d said the mayor of Zürich \u2014 the talks went on.\n"),
    ("latin-1", "Le ministre a dit « non » à l'accord signé à Genève l'été dernier.\n"),
    ("cp1251", "Министр иностранных дел России заявил во вторник, что переговоры продолжатся.\n"),
    ("utf-16-le", ARTICLE.replace("Geneva", "Genève")),
    ("utf-16-be", ARTICLE.replace("Geneva", "Genève")),
])
def test_single_byte_and_bomless_utf16_text_decodes_as_a_person_reads_it(tmp_path, encoding,
                                                                         text):
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode(encoding))
    doc = read_one(path)
    assert isinstance(doc, InputDocument), doc
    assert doc.raw == text


def test_control_characters_are_removed_at_decoding_and_from_jsonl_fields(tmp_path):
    dirty = ARTICLE.replace("Foreign", "For\x00eign\x07").replace("officials", "\x1bofficials\x85")
    (tmp_path / "a.txt").write_bytes(dirty.encode("utf-8"))
    (tmp_path / "b.jsonl").write_text(json.dumps({
        "text": "Talks\u0000 resume in Hanoi on Friday.", "title": "Hanoi\u0000 talks\u009b",
        "url": "https://news.example/\u0000hanoi", "published": "2023-03-14\u0000",
        "outlet": "Wire\u007f Daily"}) + "\n", encoding="utf-8")
    page = PAGE.replace("Wire Daily", "Wire&#1; Daily").replace("Foreign", "For\x00eign")
    (tmp_path / "c.html").write_bytes(page.encode("utf-8"))
    text_doc, jsonl_doc, html_doc = read_inputs([str(tmp_path)])
    assert text_doc.raw == ARTICLE  # the raw itself is clean: offsets into it stay valid
    assert jsonl_doc.raw == "Hanoi talks\n\nTalks resume in Hanoi on Friday."
    assert jsonl_doc.source == "https://news.example/hanoi"
    assert jsonl_doc.meta == {"title": "Hanoi talks", "url": "https://news.example/hanoi",
                              "published": "2023-03-14", "outlet": "Wire Daily"}
    assert html_doc.meta["outlet"] == "Wire Daily" and "Foreign ministers" in html_doc.raw
    for doc in (text_doc, jsonl_doc, html_doc):
        values = [doc.raw, doc.source, *doc.meta.values()]
        assert not any(decode.CONTROLS.search(v) for v in values), doc


def test_mostly_binary_text_is_still_refused(tmp_path):
    noise = bytes(b for b in range(32) if b not in (9, 10, 12, 13)) * 40
    (tmp_path / "noisy.txt").write_bytes(ARTICLE.encode() + noise)
    (tmp_path / "noisy.jsonl").write_text(json.dumps({"text": "Talks " + noise.decode()}) + "\n",
                                          encoding="utf-8")
    reasons = [i.reason for i in read_inputs([str(tmp_path)])]
    assert reasons == ["binary content, not text", "binary content, not text"]


@pytest.mark.parametrize("text", ["?!?!...;;\n— — —\n", "1/2/3/4 2024-13-45 …", "\U0001F600 !!"])
def test_text_without_letters_is_no_article(tmp_path, text):
    path = tmp_path / "marks.txt"
    path.write_text(text, encoding="utf-8")
    item = read_one(path)
    assert isinstance(item, ReadError) and item.reason == "no letters: not an article"
    path.write_text(text + " Talks resume.", encoding="utf-8")
    assert isinstance(read_one(path), InputDocument)
