"""The JSON API and the HTML pages, through FastAPI's client, over a real SQLite file."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient

from dateline.store import Store
from dateline.web.app import create_app
from test_web_corpus import HOSTILE, build_db, corpus


@pytest.fixture
def db(tmp_path):
    return build_db(tmp_path / "web.db")


@pytest.fixture
def client(db, monkeypatch):
    monkeypatch.delenv("DATELINE_API_TOKEN", raising=False)
    with TestClient(create_app(db)) as c:
        yield c


@pytest.fixture
def pg_db(postgres_url):
    """The corpus in a fresh PostgreSQL database."""
    with Store(postgres_url) as store:
        for doc in corpus():
            store.save(doc)
    return postgres_url


def ids(response) -> list[str]:
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()["items"]]


def test_documents_newest_first_with_search_and_filters(client):
    assert ids(client.get("/api/v1/documents")) == ["doc-followup", "doc-hostile", "doc-meeting"]
    assert ids(client.get("/api/v1/documents", params={"q": "TARIFFS"})) == ["doc-meeting"]
    assert ids(client.get("/api/v1/documents", params={"outlet": "Other Post"})) == [
        "doc-followup"]
    assert ids(client.get("/api/v1/documents", params={"actor": "alma-vance"})) == [
        "doc-meeting"]
    assert ids(client.get("/api/v1/documents",
                          params={"from": "2023-03-20", "to": "2023-04-30"})) == ["doc-hostile"]
    assert ids(client.get("/api/v1/documents", params={"to": "2023-03"})) == ["doc-meeting"]
    # LIKE wildcards in the query are taken literally
    assert ids(client.get("/api/v1/documents", params={"q": "%"})) == []


def walk(client, path: str, limit: int) -> list[str]:
    """Every id of a list, page by page through the ``next`` cursors."""
    seen, cursor = [], None
    while True:
        body = client.get(path, params={"limit": limit, "cursor": cursor}).json()
        seen += [item["id"] for item in body["items"]]
        cursor = body["next"]
        if cursor is None:
            return seen


def test_keyset_pagination_walks_every_document_once(client):
    assert walk(client, "/api/v1/documents", 1) == ["doc-followup", "doc-hostile",
                                                    "doc-meeting"]
    assert client.get("/api/v1/documents", params={"cursor": "not-a-cursor"}).status_code == 400
    assert client.get("/api/v1/documents", params={"limit": 10_000}).status_code == 422


def test_actors_page_through_by_documents(client):
    # the default order is by a count, so the cursor carries a number
    every = ids(client.get("/api/v1/actors", params={"limit": 200}))
    assert len(every) > 2 and walk(client, "/api/v1/actors", 2) == every


def test_document_is_the_contract_object(client):
    doc = client.get("/api/v1/documents/doc-meeting").json()
    assert doc["schema"] == "dateline/1"
    assert [q["actor"] for q in doc["quotes"]] == ["alma-vance", "chen-bo"]
    assert doc["text"][doc["events"][0]["trigger"]["start"]:][:3] == "met"
    assert client.get("/api/v1/documents/nope").status_code == 404


def test_quotes_by_speaker_and_text(client):
    by_actor = client.get("/api/v1/quotes", params={"speaker": "chen-bo"}).json()["items"]
    assert [q["id"] for q in by_actor] == ["doc-followup-q0", "doc-meeting-q1"]
    by_name = client.get("/api/v1/quotes", params={"speaker": "alma"}).json()["items"]
    assert [q["text"] for q in by_name] == ["We want a fair deal,"]
    by_text = client.get("/api/v1/quotes", params={"q": "in kind"}).json()["items"]
    assert [q["actor_name"] for q in by_text] == ["Chen Bo"]
    assert client.get("/api/v1/quotes/doc-meeting-q0").json()["speaker"] == "Vance"


def test_events_by_source_target_type_and_dates(client):
    def event_ids(**params) -> list[str]:
        return ids(client.get("/api/v1/events", params=params))

    assert event_ids(source="chen-bo") == ["doc-followup-e0", "doc-meeting-e1"]
    assert event_ids(source="chn", target="usa") == ["doc-followup-e0", "doc-meeting-e1"]
    assert event_ids(source="china", target="united-states") == [  # a country's people too
        "doc-followup-e0", "doc-meeting-e1"]
    assert event_ids(target="chen-bo") == ["doc-meeting-e0"]
    assert event_ids(type="threaten") == ["doc-followup-e0"]
    assert event_ids(**{"from": "2023-03-01", "to": "2023-03-31"}) == [
        "doc-meeting-e1", "doc-meeting-e0"]
    event = client.get("/api/v1/events/doc-meeting-e0").json()
    assert event["source"]["country"] == "USA" and event["target"]["actor"] == "chen-bo"


def test_actor_and_timelines(client):
    actor = client.get("/api/v1/actors/chen-bo").json()
    assert actor["roles"][0]["role"] == "Foreign Minister"
    assert actor["documents"] == 2
    counterparts = {c["actor"]: c for c in actor["counterparts"]}
    assert counterparts["united-states"]["as_source"] == 2
    assert counterparts["alma-vance"]["as_target"] == 1
    usa = client.get("/api/v1/actors/united-states").json()
    assert {c["actor"]: c for c in usa["counterparts"]} == {"china": {
        "actor": "china", "name": "China", "type": "country", "country": "CHN",
        "as_source": 1, "as_target": 2}}
    timeline = client.get("/api/v1/timelines/actors/chen-bo").json()
    march = {"month": "2023-03", "start": "2023-03-01", "end": "2023-03-31", "precision": "month"}
    may = {"month": "2023-05", "start": "2023-05-01", "end": "2023-05-31", "precision": "month"}
    assert timeline["months"] == [
        {**march, "events": {"ACCUSE": 1, "CONSULT": 1}, "quotes": 1},
        {**may, "events": {"THREATEN": 1}, "quotes": 1}]
    pair = client.get("/api/v1/timelines/pairs/chn/usa").json()
    assert pair["months"] == [{**march, "events": {"ACCUSE": 1, "CONSULT": 1}},
                              {**may, "events": {"THREATEN": 1}}]
    assert client.get("/api/v1/pairs").json() == [{"pair": ["CHN", "USA"], "events": 3}]
    assert [a["id"] for a in client.get("/api/v1/actors", params={"q": "chen"}).json()["items"]
            ] == ["chen-bo"]
    assert client.get("/api/v1/actors/nobody").status_code == 404


def test_a_country_actors_former_code_id_still_reaches_it(client):
    for old, new in [("/actors/usa", "/actors/united-states"),
                     ("/api/v1/actors/usa", "/api/v1/actors/united-states"),
                     ("/api/v1/timelines/actors/chn?count=reports",
                      "/api/v1/timelines/actors/china?count=reports")]:
        moved = client.get(old, follow_redirects=False)
        assert moved.status_code == 308 and moved.headers["location"].endswith(new)
        assert client.get(old).status_code == 200
    # a code that no country actor had, and a person's id, are not redirected
    assert client.get("/api/v1/actors/xyz", follow_redirects=False).status_code == 404
    assert client.get("/actors/alma", follow_redirects=False).status_code == 404


@pytest.mark.postgres
def test_same_answers_on_postgresql(pg_db, db):
    """Search, pagination, filters and timelines give identical answers on both databases."""
    paths = ["/api/v1/documents?q=tariffs", "/api/v1/documents?limit=1",
             "/api/v1/quotes?speaker=chen", "/api/v1/events?source=chn&from=2023-03-01",
             "/api/v1/documents?from=2023-03&to=2023-04", "/api/v1/quotes?to=2023-03",
             "/api/v1/timelines/actors/chen-bo", "/api/v1/timelines/pairs/chn/usa",
             "/api/v1/actors/chen-bo", "/api/v1/pairs"]
    with TestClient(create_app(pg_db)) as pg, TestClient(create_app(db)) as lite:
        for path in paths:
            answer = pg.get(path)
            assert answer.status_code == 200, (path, answer.text)
            assert answer.json() == lite.get(path).json(), path
        cursor = pg.get("/api/v1/documents?limit=1").json()["next"]
        assert ids(pg.get("/api/v1/documents", params={"limit": 2, "cursor": cursor})) == [
            "doc-hostile", "doc-meeting"]
        assert pg.get("/documents/doc-meeting").status_code == 200
        assert pg.get("/pairs/chn/usa").status_code == 200


def test_openapi_lists_the_versioned_api(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert "/api/v1/documents/{doc_id}" in paths and "/api/v1/timelines/pairs/{a}/{b}" in paths
    docs = client.get("/docs").text
    assert "/static/swagger/swagger-ui-bundle.js" in docs and "cdn" not in docs
    assert client.get("/static/swagger/swagger-ui-bundle.js").status_code == 200


def test_writes_are_refused_without_a_configured_token(client):
    response = client.post("/api/v1/documents", json={"text": "Some news."},
                           headers={"Authorization": "Bearer anything"})
    assert response.status_code == 403


def test_writes_need_the_right_bearer_token(db, monkeypatch):
    monkeypatch.setenv("DATELINE_API_TOKEN", "s3cret")
    with TestClient(create_app(db)) as c:
        body = {"text": "Some news."}
        assert c.post("/api/v1/documents", json=body).status_code == 401
        assert c.post("/api/v1/documents", json=body,
                      headers={"Authorization": "Bearer wrong"}).status_code == 401


@pytest.mark.slow
def test_post_runs_the_real_pipeline_and_stores_the_document(db):
    text = ("Ministers meet in Oslo\n"
            "OSLO, Norway — The foreign ministers of Norway and Sweden met on Friday.")
    with TestClient(create_app(db, token="t0ken")) as c:
        response = c.post("/api/v1/documents", headers={"Authorization": "Bearer t0ken"},
                          json={"text": text, "title": "Ministers meet in Oslo",
                                "published": "2023-06-02"})
        assert response.status_code == 201, response.text
        doc_id = response.json()["id"]
        stored = c.get(f"/api/v1/documents/{doc_id}").json()
        assert "Norway and Sweden" in stored["text"]
        assert stored["published"] == "2023-06-02"
        again = c.post("/api/v1/documents", headers={"Authorization": "Bearer t0ken"},
                       json={"text": text})
        assert again.status_code == 200
        assert again.json() == {**response.json(), "created": False}


@pytest.mark.slow
def test_a_posted_article_resolves_against_the_stored_actors(db):
    text = "Trade talks stall\n\nAlma Vance told reporters on Monday that the talks had stalled."
    with TestClient(create_app(db, token="t0ken")) as c:
        response = c.post("/api/v1/documents", headers={"Authorization": "Bearer t0ken"},
                          json={"text": text})
        assert response.status_code == 201, response.text
        stored = c.get(f"/api/v1/documents/{response.json()['id']}").json()
    vance = next(a for a in stored["actors"] if a["id"] == "alma-vance")
    assert vance["country"] == "USA"


def test_document_page_shows_quotes_events_and_folded_furniture(client):
    html = client.get("/documents/doc-meeting").text
    assert re.search(r'<mark class="quote c0"[^>]*>We want a fair deal,', html)
    assert re.search(r'<mark class="quote c1"[^>]*>The tariffs must go\.', html)
    assert '<mark class="timex" title="DATE 2023-03-14" data-value="2023-03-14">Tuesday' in html
    assert re.search(r'<mark class="event"[^>]*data-type="CONSULT">met</mark>', html)
    assert re.search(r"<details class=\"removed\">.*Play Live Radio", html, re.S)
    assert "Play Live Radio" not in client.get("/documents/doc-meeting").text.split(
        "<details")[0]
    assert "Play Live Radio" in client.get("/documents/doc-meeting?raw=1").text.split(
        "<details")[1]
    assert client.get("/documents/missing").status_code == 404


def test_pages_render(client):
    assert "Vance and Chen meet in Geneva" in client.get("/", params={"q": "geneva"}).text
    actor = client.get("/actors/chen-bo").text
    assert "Foreign Minister" in actor and "<svg" in actor and "We will respond in kind" in actor
    pair = client.get("/pairs/chn/usa").text
    assert pair.count('<rect class="bar"') == 3 and "THREATEN" in pair
    assert '<a class="pair-link" href="/pairs/usa/chn"' in client.get(
        "/actors/united-states").text
    assert "fair deal" in client.get("/quotes", params={"speaker": "vance"}).text
    assert 'class="quote-item c0"' in actor
    # one colour per speaker: Chen Bo twice, Mallory and Alma Vance once each
    colours = re.findall(r'class="quote-item (c\d)"', client.get("/quotes").text)
    assert len(colours) == 4 and len(set(colours)) == 3
    events = client.get("/events", params={"actor": "usa", "type": "ACCUSE"}).text
    assert events.count('<tr class="event"') == 1 and "<option selected>ACCUSE</option>" in events
    assert client.get("/static/style.css").status_code == 200


class TagCollector(HTMLParser):
    """The tags and attribute names a browser would see in a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attributes: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes.update(name for name, _ in attrs)


@pytest.mark.parametrize("path", ["/", "/documents/doc-hostile", "/documents/doc-hostile?raw=1",
                                  "/actors/mallory", "/quotes", "/events", "/actors"])
def test_hostile_text_is_escaped_everywhere(client, path):
    html = client.get(path).text
    assert HOSTILE not in html
    parsed = TagCollector()
    parsed.feed(html)
    assert not parsed.tags & {"script", "img", "b", "i", "em"}
    assert not [name for name in parsed.attributes if name.startswith("on")]


def test_hostile_text_is_shown_as_text(client):
    html = client.get("/documents/doc-hostile").text
    assert "&lt;script&gt;window.__xss = 1&lt;/script&gt;" in html
    assert "Mallory &lt;b&gt;Evil&lt;/b&gt;" in html
