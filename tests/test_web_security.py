"""The API's defences: body limit, authentication before parsing, no echo, strict input
checks, 4xx for bad parameters on SQLite and PostgreSQL, and security headers."""

from __future__ import annotations

import asyncio
import base64
import json
import re

import pytest
from fastapi.testclient import TestClient

from dateline.settings import Settings
from dateline.store import Store
from dateline.web.api import NewDocument
from dateline.web.app import create_app
from test_web_corpus import build_db, corpus

TOKEN = "t0ken"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def db(tmp_path):
    return build_db(tmp_path / "web.db")


@pytest.fixture
def client(db, monkeypatch):
    monkeypatch.delenv("DATELINE_API_TOKEN", raising=False)
    with TestClient(create_app(db, token=TOKEN)) as c:
        yield c


class Upload:
    """An ASGI client for one POST: the body arrives in chunks, and every read is counted."""

    def __init__(self, chunks: int, chunk: bytes = b"x" * 1024,
                 headers: dict[str, str] | None = None) -> None:
        self.chunks, self.chunk, self.read, self.sent = chunks, chunk, 0, []
        self.headers = [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()]

    async def receive(self) -> dict:
        self.read += 1
        more = self.read < self.chunks
        return {"type": "http.request", "body": self.chunk, "more_body": more}

    async def send(self, message: dict) -> None:
        self.sent.append(message)

    def post(self, app, path: str = "/api/v1/documents") -> int:
        scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
                 "method": "POST", "scheme": "http", "path": path, "raw_path": path.encode(),
                 "root_path": "", "query_string": b"", "server": ("test", 80),
                 "client": ("test", 1), "headers": [(b"host", b"test"), *self.headers]}
        asyncio.run(app(scope, self.receive, self.send))
        return self.sent[0]["status"]

    @property
    def body(self) -> bytes:
        return b"".join(m.get("body", b"") for m in self.sent if m["type"] == "http.response.body")


# -- 1. body size limit --------------------------------------------------------------------

def test_a_declared_oversized_body_is_refused_unread(db):
    upload = Upload(50_000, headers={**AUTH, "Content-Length": str(50 * 1024 * 1024)})
    assert upload.post(create_app(db, token=TOKEN)) == 413
    assert upload.read == 0
    assert b"too large" in upload.body and len(upload.body) < 200


def test_the_limit_is_dateline_max_bytes(db):
    over = Upload(1, headers={**AUTH, "Content-Length": str(Settings().max_bytes + 1)})
    assert over.post(create_app(db, token=TOKEN)) == 413
    under = Upload(1, chunk=b'{"text": ""}', headers={**AUTH, "Content-Length": "12"})
    assert under.post(create_app(db, token=TOKEN)) == 422


def test_a_chunked_body_is_cut_off_at_the_limit(db):
    """No Content-Length: reading stops once the bytes received pass the limit."""
    upload = Upload(50_000, headers=AUTH)
    assert upload.post(create_app(db, token=TOKEN, max_bytes=10_000)) == 413
    assert upload.read == 10  # 10 KiB read, then refused; never the 50 MB
    assert [m["status"] for m in upload.sent if m["type"] == "http.response.start"] == [413]


def test_a_chunked_body_under_the_limit_is_parsed(db):
    upload = Upload(3, chunk=b" " * 1000, headers=AUTH)
    assert upload.post(create_app(db, token=TOKEN, max_bytes=10_000)) == 422  # blank: not JSON


def test_a_non_numeric_content_length_is_refused(db):
    upload = Upload(1, headers={**AUTH, "Content-Length": "lots"})
    assert upload.post(create_app(db, token=TOKEN)) == 400
    assert upload.read == 0


# -- 2. authentication before the body -----------------------------------------------------

def test_writes_disabled_refuse_without_reading_the_body(db, monkeypatch):
    monkeypatch.delenv("DATELINE_API_TOKEN", raising=False)
    upload = Upload(1000, headers={"Authorization": "Bearer anything"})
    assert upload.post(create_app(db)) == 403
    assert upload.read == 0
    assert b"writes are disabled" in upload.body


@pytest.mark.parametrize("authorization", [None, "Bearer wrong", "Basic t0ken", TOKEN])
def test_a_bad_token_is_401_before_the_body_is_parsed(db, authorization):
    headers = {"Authorization": authorization} if authorization else {}
    upload = Upload(1000, headers=headers)
    assert upload.post(create_app(db, token=TOKEN)) == 401
    assert upload.read == 0


def test_the_right_token_gets_the_body_read(db):
    upload = Upload(1, chunk=b'{"text": 5}', headers=AUTH)
    assert upload.post(create_app(db, token=TOKEN)) == 422
    assert upload.read == 1


# -- 3. no input echoed back ---------------------------------------------------------------

@pytest.mark.parametrize("body", [
    {"text": "SECRET-MARKER " * 100, "published": "SECRET-MARKER"},
    {"text": ["SECRET-MARKER"]},
    {"text": "SECRET-MARKER", "title": {"SECRET-MARKER": 1}},
])
def test_validation_errors_give_field_and_reason_only(client, body):
    response = client.post("/api/v1/documents", json=body, headers=AUTH)
    assert response.status_code == 422
    assert "SECRET-MARKER" not in response.text
    for error in response.json()["detail"]:
        assert set(error) == {"field", "reason"} and error["field"].startswith("body")


def test_invalid_json_is_not_echoed(client):
    response = client.post("/api/v1/documents", content=b'{"text": "SECRET-MARKER',
                           headers={**AUTH, "Content-Type": "application/json"})
    assert response.status_code == 422
    assert "SECRET-MARKER" not in response.text


def test_bad_query_values_are_not_echoed(client):
    response = client.get("/api/v1/documents", params={"limit": "SECRET-MARKER"})
    assert response.status_code == 422
    assert [error["field"] for error in response.json()["detail"]] == ["query.limit"]
    assert "SECRET-MARKER" not in response.text


# -- 4. dates and texts as the CLI checks them ---------------------------------------------

@pytest.mark.parametrize("published", ["2025-13-45", "2025-02-30", "2025-1-5", "25", "0000"])
def test_published_must_be_a_calendar_date(client, published):
    response = client.post("/api/v1/documents", json={"text": "News.", "published": published},
                           headers=AUTH)
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["detail"]] == ["body.published"]


@pytest.mark.parametrize("published", ["2024-02-29", "2024-02", "2024"])
def test_real_dates_are_accepted(published):
    assert NewDocument(text="Some news.", published=published).published == published


@pytest.mark.parametrize("text, reason", [
    ("", "empty"), (" \n\t ", "empty"), ("12345 -- 678 !!!", "no letters"),
    ("Hello\x00world", "U+0000"), ("Ring\x07ring", "U+0007"), ("Esc\x1b[31m", "U+001B"),
    ("Odd\x85next", "U+0085"), ("Lone \ud800 surrogate", "U+D800"),
])
def test_texts_are_checked_like_input_files(client, text, reason):
    body = json.dumps({"text": text})  # json.dumps escapes the lone surrogate as \ud800
    response = client.post("/api/v1/documents", content=body,
                           headers={**AUTH, "Content-Type": "application/json"})
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["field"] == "body.text" and reason in error["reason"]


def test_texts_over_the_max_chars_setting_are_refused(tmp_path):
    app = create_app(str(tmp_path / "limit.db"), token=TOKEN, settings=Settings(max_chars=50))
    with TestClient(app) as client:
        response = client.post("/api/v1/documents", json={"text": "word " * 20}, headers=AUTH)
        assert response.status_code == 422
        assert "DATELINE_MAX_CHARS" in response.json()["detail"][0]["reason"]
        response = client.post("/api/v1/documents", json={"text": "word " * 5}, headers=AUTH)
        assert response.status_code == 201


def test_layout_characters_are_fine_in_a_text():
    text = "Headline\r\n\n\tIndented paragraph.\fNext page."
    assert NewDocument(text=text, title="A title", url="https://example.org/a").text == text


@pytest.mark.parametrize("field", ["title", "url"])
def test_title_and_url_hold_no_control_characters(client, field):
    response = client.post("/api/v1/documents", json={"text": "News.", field: "a\x00b"},
                           headers=AUTH)
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == f"body.{field}"


# -- 5. bad query parameters are 4xx on every backend --------------------------------------

def cursor(key: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(key).encode()).decode().rstrip("=")


PARAMS = {
    "/api/v1/documents": ["q", "outlet", "actor", "from", "to", "cursor"],
    "/api/v1/quotes": ["speaker", "q", "actor", "doc", "kind", "country", "outlet", "from",
                       "to", "sort", "cursor"],
    "/api/v1/events": ["source", "target", "actor", "type", "doc", "outlet", "sector", "from",
                       "to", "month", "sort", "cursor"],
    "/api/v1/actors": ["q", "country", "type", "sector", "sort", "cursor"],
    "/": ["q", "outlet", "actor", "from", "to", "cursor"],
    "/actors": ["q", "country", "type", "sector", "sort", "cursor"],
    "/quotes": ["speaker", "q", "kind", "country", "outlet", "from", "to", "sort", "cursor"],
    "/events": ["actor", "source", "target", "type", "month", "outlet", "sector", "from", "to",
                "sort", "cursor"],
    "/pairs/chn/usa": ["type", "month", "cursor"],
}
BAD_TARGETS = [(path, {name: value}) for path, names in PARAMS.items() for name in names
               for value in ("a\x00b", "\x00", "x\x1fy", "\x7f")]
BAD_PATHS = ["/api/v1/documents/%00", "/api/v1/actors/a%00b", "/documents/%00",
             "/api/v1/timelines/pairs/chn/us%00", "/actors/%1b"]
BAD_VALUES = [
    ("/api/v1/documents", {"cursor": "!!!not base64"}),
    ("/api/v1/documents", {"cursor": cursor({"not": "a list"})}),
    ("/api/v1/documents", {"cursor": cursor(["2023-03-01", "a\x00b"])}),
    ("/api/v1/quotes", {"cursor": cursor(["2023-03-01", "\udc80"])}),
    ("/api/v1/events", {"cursor": cursor([1, 2])}),
    ("/api/v1/actors", {"cursor": cursor([2**70, "an-id"])}),
    ("/api/v1/actors", {"cursor": cursor([True, "an-id"])}),
    ("/api/v1/actors", {"cursor": "é"}),
    ("/api/v1/documents", {"from": "2025-13-45"}),
    ("/api/v1/quotes", {"to": "yesterday"}),
    ("/api/v1/events", {"from": "2023-02-30"}),
    ("/", {"from": "2025-13"}),
    ("/events", {"sort": "nonsense"}),
    ("/api/v1/actors", {"sort": "-password"}),
    ("/api/v1/quotes", {"format": "xml"}),
    ("/api/v1/documents", {"limit": "0"}),
]
GOOD = [("/api/v1/documents", {"q": "tariffs", "from": "2023-03", "to": "2024-02-29"}),
        ("/api/v1/events", {"source": "chn", "from": "2023-03-01"}),
        ("/api/v1/quotes", {"speaker": "chen", "q": "tariffs"}),
        ("/", {"q": "tariffs", "from": "2023"}), ("/", {"from": "", "to": ""}),
        ("/events", {"sort": "-type", "from": "2023"}), ("/quotes", {"sort": "speaker"}),
        ("/api/v1/events", {"format": "csv", "sort": "type"}),
        ("/pairs/chn/usa", {"month": "2023-03"}),
        ("/api/v1/documents/doc-meeting", {})]


def check_bad_requests(client: TestClient) -> None:
    for path, params in BAD_TARGETS + BAD_VALUES:
        response = client.get(path, params=params)
        assert response.status_code in (400, 422), (path, params, response.status_code)
    for path in BAD_PATHS:
        assert client.get(path).status_code == 400, path
    for path, params in GOOD:
        assert client.get(path, params=params).status_code == 200, (path, params)
    walk = client.get("/api/v1/documents", params={"limit": 1}).json()["next"]
    assert client.get("/api/v1/documents", params={"cursor": walk}).status_code == 200


def test_bad_parameters_are_4xx_on_sqlite(client):
    check_bad_requests(client)


@pytest.mark.postgres
def test_bad_parameters_are_4xx_on_postgresql(postgres_url):
    """PostgreSQL refuses NUL in a string, which used to surface as HTTP 500."""
    with Store(postgres_url) as store:
        for doc in corpus():
            store.save(doc)
    with TestClient(create_app(postgres_url), raise_server_exceptions=False) as pg:
        check_bad_requests(pg)


# -- 6. security headers -------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/", "/documents/doc-meeting", "/actors/chen-bo", "/actors",
                                  "/quotes", "/events", "/pairs/chn/usa", "/docs",
                                  "/api/v1/documents", "/documents/nothing", "/static/style.css"])
def test_every_response_carries_the_security_headers(client, path):
    headers = client.get(path).headers
    policy = headers["content-security-policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "same-origin"


@pytest.mark.parametrize("path", ["/", "/documents/doc-meeting", "/actors/chen-bo",
                                  "/pairs/chn/usa", "/docs"])
def test_pages_need_no_inline_script_or_style(client, path):
    html = client.get(path).text
    assert "<script" not in html or path == "/docs"
    assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html) == []
    assert " style=" not in html and "<style" not in html
    assert "<a " in html or "<script src=" in html
