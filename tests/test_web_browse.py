"""List pages and their JSON/CSV twins: same rows, same parameters; typed OpenAPI; 404s."""

from __future__ import annotations

import csv
import io
import re
from html import unescape

import pytest
from fastapi.testclient import TestClient

from dateline.web.app import create_app
from test_web_corpus import HOSTILE, build_db


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    with TestClient(create_app(build_db(tmp_path_factory.mktemp("browse") / "web.db"))) as c:
        yield c


def twins(html: str) -> tuple[str, str]:
    json_url = re.search(r'class="twin json" href="([^"]+)"', html).group(1)
    csv_url = re.search(r'class="twin csv" href="([^"]+)"', html).group(1)
    return unescape(json_url), unescape(csv_url)


@pytest.mark.parametrize("path, params, row", [
    ("/events", {"type": "CONSULT"}, r'<tr class="event" data-id="([^"]+)"'),
    ("/quotes", {"speaker": "chen"}, r'class="quote-item c\d" data-id="([^"]+)"'),
    ("/actors", {"country": "CHN"}, r'<td><a href="/actors/([^"]+)"'),
    ("/", {"from": "2023-03", "to": "2023-04"}, r'<h2><a href="/documents/([^"]+)"'),
])
def test_twins_answer_with_the_rows_of_the_page(client, path, params, row):
    html = client.get(path, params=params).text
    shown = re.findall(row, html)
    assert shown
    json_url, csv_url = twins(html)
    for name, value in params.items():
        assert f"{name}={value}" in json_url
    answer = client.get(json_url).json()
    assert [item["id"] for item in answer["items"]] == shown
    assert f"{answer['total']} " in re.search(r'class="total">([^<]+)<', html).group(1)
    rows = list(csv.DictReader(io.StringIO(client.get(csv_url).text)))
    assert [r["id"] for r in rows] == shown


def test_facets_count_and_narrow(client):
    html = client.get("/events").text
    facet = re.search(r'<a href="/events\?type=CONSULT">CONSULT</a> <small>(\d+)</small>', html)
    assert facet and int(facet.group(1)) == client.get(
        "/api/v1/events", params={"type": "CONSULT"}).json()["total"] == 2
    assert '<a href="/events?from=2023&amp;to=2023">2023</a>' in html


def test_columns_sort_both_ways(client):
    html = client.get("/events").text
    assert '<a class="sort" href="/events?sort=type">type</a>' in html
    ascending = re.findall(r'<span class="type t-(\w+)"', client.get("/events?sort=type").text)
    assert ascending == sorted(ascending) and len(set(ascending)) > 1
    again = client.get("/events?sort=type").text
    assert '<a class="sort" href="/events?sort=-type">type</a>' in again
    descending = re.findall(r'<span class="type t-(\w+)"', client.get("/events?sort=-type").text)
    assert descending == sorted(ascending, reverse=True)


def test_items_link_to_their_place_in_the_document(client):
    html = client.get("/events", params={"type": "ACCUSE"}).text
    link = re.search(r'class="at" href="(/documents/([^"#]+)#(e\d+))"', html)
    assert link
    document = client.get(link.group(1).split("#")[0]).text
    assert f'id="{link.group(3)}"' in document
    assert re.search(r'href="/documents/doc-meeting#q\d"', client.get("/quotes").text)


def test_event_sides_show_the_resolved_name_with_the_words_on_hover(client):
    html = client.get("/events", params={"type": "THREATEN"}).text
    assert '<a href="/actors/united-states" title="the United States">United States</a>' in html


def test_pair_page_splits_directions_and_plots_intensity(client):
    html = client.get("/pairs/chn/usa").text
    assert "China → United States" in html and "United States → China" in html
    assert html.count('<circle class="dot') == 3 and 'class="dot ab"' in html
    assert client.get("/pairs/usa/xyz").status_code == 404
    assert client.get("/pairs/usa/chn").status_code == 200


def test_openapi_documents_typed_models(client):
    schemas = client.get("/openapi.json").json()["components"]["schemas"]
    for name in ("Document", "Quote", "Event", "Actor", "Timex", "EventPage", "QuotePage",
                 "ActorPage", "DocumentPage"):
        assert name in schemas, name
    assert schemas["Event"]["properties"]["intensity"]["type"] == "number"
    assert schemas["EventPage"]["properties"]["items"]["items"] == {
        "$ref": "#/components/schemas/EventItem"}


@pytest.mark.parametrize("path", ["/pairs/chn/usa", "/events?sort=type", "/quotes?kind=direct",
                                  "/actors?sort=-name"])
def test_new_pages_stay_escaped(client, path):
    html = client.get(path).text
    assert HOSTILE not in html
    assert "<html" in html and "</html>" in html  # a whole page, not an empty answer
