"""End-to-end: a real uvicorn server and Debian's headless Chromium driven by Playwright.

The browser is the system one (/usr/bin/chromium, installed by `make browser`),
never one downloaded by a test tool. Without it these tests skip, except under
CI=true, where a missing browser is a failure.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from conftest import IN_CI, make_input, shared_path
from dateline.store import Store
from dateline.web.app import create_app
from test_web_corpus import build_db

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
SCREENSHOT = ROOT / "docs" / "screenshot-document.png"
CHROMIUM = os.environ.get("DATELINE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """uvicorn serving the app on a free loopback port in a background thread."""

    def __init__(self, db: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(create_app(db), host="127.0.0.1", port=self.port,
                                log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            assert time.monotonic() < deadline, "server did not start"
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        message = f"Chromium not found at {CHROMIUM} (make browser installs Debian's chromium)"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def live(tmp_path_factory) -> Iterator[LiveServer]:
    db = build_db(tmp_path_factory.mktemp("browser") / "web.db")
    with LiveServer(db) as server:
        yield server


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    dialogs: list[str] = []
    tab.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    tab.dialogs = dialogs
    yield tab
    context.close()


def shot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def test_search_then_document_then_actor(page, live):
    page.goto(live.url + "/")
    page.fill("input[name=q]", "tariffs")
    page.click("form.search button")
    page.wait_for_url("**/?q=tariffs*")
    results = page.locator("article.result h2 a")
    assert results.count() == 1
    shot(page, "search")

    results.first.click()
    page.wait_for_url("**/documents/doc-meeting")
    assert page.locator("h1").inner_text() == "Vance and Chen meet in Geneva over tariffs"
    quotes = page.locator("#text mark.quote")
    assert quotes.count() == 2
    assert quotes.nth(0).get_attribute("class") != quotes.nth(1).get_attribute("class")
    assert page.locator(".quote-item .who").all_inner_texts() == ["Alma Vance", "Chen Bo"]
    assert page.locator("#text mark.timex").first.get_attribute("title") == "DATE 2023-03-14"
    assert page.locator("tr.event").count() == 2
    furniture = page.locator("details.removed li")
    assert not furniture.first.is_visible()
    page.click("details.removed summary")
    assert furniture.first.inner_text().endswith("Play Live Radio")
    shot(page, "document")

    page.click("aside ul.actors a:text('Chen Bo')")
    page.wait_for_url("**/actors/chen-bo")
    assert page.locator("h1.actor-name").inner_text() == "Chen Bo"
    assert page.locator("svg.timeline rect.bar").count() == 3
    assert "Foreign Minister" in page.locator("table.roles").inner_text()
    shot(page, "actor")


def test_pair_chart_bar_filters_the_event_list(page, live):
    page.goto(live.url + "/pairs/chn/usa")
    assert page.locator("tr.event").count() == 3
    page.locator("svg.timeline rect.bar[data-type=THREATEN]").click()
    page.wait_for_url("**type=THREATEN*")
    assert page.locator("tr.event").count() == 1
    shot(page, "pair")


def test_script_in_a_document_never_runs(page, live):
    page.goto(live.url + "/documents/doc-hostile?raw=1")
    page.hover("#text mark.entity >> nth=1")
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.dialogs == []
    assert page.locator("#text img, #text script, #text b").count() == 0
    assert "<script>window.__xss = 1</script>" in page.locator("h1").inner_text()
    shot(page, "hostile")


def test_every_asset_comes_from_the_app(page, live):
    """No CDN: every request of every page, the API docs included, goes to the app itself."""
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    for path in ["/", "/documents/doc-meeting", "/actors/chen-bo", "/pairs/chn/usa", "/quotes",
                 "/docs"]:
        page.goto(live.url + path)
    page.wait_for_selector(".swagger-ui .info .title")
    assert "dateline" in page.locator(".swagger-ui .info .title").inner_text()
    assert any(url.endswith("/static/style.css") for url in requested)
    assert any(url.endswith("/static/swagger/swagger-ui-bundle.js") for url in requested)
    assert [url for url in requested if not url.startswith(live.url)] == []


@pytest.mark.slow
def test_seed_document_page_shows_its_quotes_and_events(browser, run, seed_text, tmp_path):
    """The real pipeline on a seed; the page lists exactly the stored quotes and events."""
    source, text = seed_text("000")
    doc = run(text, source=source, published="2022-07-09")
    db = str(tmp_path / "seed.db")
    with Store(db) as store:
        store.save(doc)
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    tab = context.new_page()
    with LiveServer(db) as server:
        tab.goto(f"{server.url}/documents/{doc.id}")
        assert tab.locator(".quote-item").count() == len(doc.quotes)
        assert tab.locator("tr.event").count() == len(doc.events)
        assert tab.locator("#text").inner_text().startswith(doc.text.split("\n")[0])
        shot(tab, "seed-document")
        if os.environ.get("DATELINE_UPDATE_SCREENSHOT"):  # the README's picture: first screen
            SCREENSHOT.parent.mkdir(exist_ok=True)
            tab.screenshot(path=str(SCREENSHOT))
    context.close()


def test_pages_work_under_the_content_security_policy(page, live):
    """No page, the Swagger one included, trips the CSP; an injected inline script is blocked."""
    violations: list[str] = []
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text else None)
    for path in ["/", "/documents/doc-meeting", "/events", "/actors/chen-bo", "/pairs/chn/usa"]:
        page.goto(live.url + path)
        assert page.locator("header.top a.brand").count() == 1
    assert page.locator("ul.legend svg.swatch rect").count() > 0
    page.goto(live.url + "/docs")
    page.wait_for_selector(".swagger-ui .opblock-summary-path")
    assert page.locator(".swagger-ui .opblock-summary-path").count() >= 10
    page.locator(".swagger-ui .opblock-summary-path", has_text="/api/v1/outlets").click()
    page.click(".swagger-ui .try-out__btn")
    page.click(".swagger-ui .execute")
    status = ".swagger-ui .live-responses-table tr.response .response-col_status"
    page.wait_for_selector(status)
    assert page.locator(status).first.inner_text().strip() == "200"
    assert violations == []
    page.evaluate("""() => { const s = document.createElement('script');
                             s.textContent = 'window.__inline = 1';
                             document.body.appendChild(s); }""")
    assert page.evaluate("typeof window.__inline") == "undefined"
    assert len(violations) == 1


@pytest.fixture(scope="module")
def live_seeds(tmp_path_factory, pipeline) -> Iterator[LiveServer]:
    """The two real seeds, once as they are (000 is dated only "2022" by its copyright line)
    and once with full dates given, each through the whole pipeline into one store."""
    folder = shared_path("seeds")
    db = str(tmp_path_factory.mktemp("seeds") / "seeds.db")
    given = {"000": "2022-07-09", "004": "2024-04-26"}
    with Store(db) as store:
        for prefix, published in given.items():
            path = next(folder.glob(f"{prefix}_*.txt"))
            text = path.read_text(encoding="utf-8")
            for item in (make_input(text, str(path)),
                         make_input(text + "\n", f"dated-{path.name}", published)):
                store.save(pipeline.process([item])[0])
    with LiveServer(db) as server:
        yield server


def chart_order(page) -> list[tuple[float, str, str, str]]:
    """(x, first day, last day, class) of every bar and band in the page's chart."""
    marks = []
    for rect in page.locator("svg.timeline rect").all():
        kind = rect.get_attribute("class")
        month = rect.get_attribute("data-month")
        first = rect.get_attribute("data-start") or (month + "-01" if kind == "bar" else "")
        last = rect.get_attribute("data-end") or first
        marks.append((float(rect.get_attribute("x")), first, last, kind))
    return sorted(marks)


@pytest.mark.parametrize("path", ["/actors/antony-blinken", "/pairs/usa/chn"])
def test_seed_charts_are_chronological_and_draw_a_year_as_a_year(page, live_seeds, path):
    page.goto(live_seeds.url + path)
    marks = chart_order(page)
    dated = [m for m in marks if m[1]]
    assert dated, "no dated marks in the chart"
    assert [m[1][:7] for m in dated] == sorted(m[1][:7] for m in dated)
    years = [m for m in marks if m[3] == "span"]
    assert years and all((m[1][5:], m[2][5:]) == ("01-01", "12-31") for m in years)
    bars = {m[1][:7] for m in marks if m[3] == "bar"}
    assert "2022-07" in bars and "2024-04" in bars  # the seeds given full dates
    assert "2022-01" not in bars  # the year-only "2022" is not drawn as January
    shot(page, "chart-" + path.strip("/").replace("/", "-"))


def test_a_listed_event_opens_highlighted_in_its_document(page, live):
    page.goto(live.url + "/events?type=ACCUSE")
    page.locator("tr.event a.at").first.click()
    page.wait_for_url("**/documents/*#e*")
    anchor = page.url.rsplit("#", 1)[1]
    row = page.locator(f"tr.event#{anchor}")
    assert row.evaluate("el => getComputedStyle(el).outlineStyle") == "solid"
    assert row.evaluate("el => { const r = el.getBoundingClientRect();"
                        " return r.top >= 0 && r.top < window.innerHeight; }")
    other = page.locator("tr.event:not(:target)")
    if other.count():
        assert other.first.evaluate("el => getComputedStyle(el).outlineStyle") == "none"
    shot(page, "event-anchor")


def test_facets_sorting_and_the_json_twin(page, live):
    page.goto(live.url + "/events")
    total = page.locator(".listing-head .total").inner_text()
    page.locator("dl.facet-type a", has_text="CONSULT").click()
    page.wait_for_url("**/events?type=CONSULT")
    assert page.locator("tr.event").count() == 2 and total != page.locator(
        ".listing-head .total").inner_text()
    page.locator("th a.sort", has_text="type").click()
    page.wait_for_url("**sort=type*")
    page.locator("a.twin.json").click()
    page.wait_for_url("**/api/v1/events?*type=CONSULT*")
    assert '"total":2' in page.content().replace(" ", "")


def test_a_story_page_lists_its_copies_events_and_twins(page, live_seeds):
    """The seeds, each stored twice (the second copy dated): two stories of two documents."""
    page.goto(live_seeds.url + "/stories")
    rows = page.locator("table.stories-list tbody tr")
    assert rows.count() == 2
    rows.filter(has_text="Blinken").locator("a").click()
    page.wait_for_url("**/stories/*")
    documents = page.locator("ol.story-documents li")
    assert documents.count() == 2
    assert documents.nth(0).locator(".copy").count() == 0  # the first stored is the original
    assert documents.nth(1).locator(".copy").count() == 1
    assert page.locator("tr.event").count() > 0
    assert page.locator("ul.story-actors a", has_text="Blinken").count() == 1
    shot(page, "story")
    twin = page.locator("a.twin.csv", has_text="events").get_attribute("href")
    rows = page.request.get(live_seeds.url + twin).text().splitlines()
    assert "story_event" in rows[0]
    assert len(rows) - 1 >= page.locator("tr.event").count()  # every report of each event
    page.goto(live_seeds.url + "/pairs/usa/chn")
    page.locator("a.count-switch").click()
    page.wait_for_url("**/pairs/usa/chn?count=reports")
    assert page.locator("a.count-switch", has_text="count events").count() == 1
