"""A small fictional corpus for the web tests, stored through Store.save, and markup tests.

The documents are written by hand with hand-made annotations so the web tests
do not depend on what the other pipeline stages currently output.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from dateline.model import Document
from dateline.store import Store
from dateline.web.markup import Mark, highlight

VANCE = {"id": "alma-vance", "name": "Alma Vance", "type": "person", "country": "USA",
         "sector": "GOV", "roles": ["Secretary of Trade"]}
CHEN = {"id": "chen-bo", "name": "Chen Bo", "type": "person", "country": "CHN",
        "sector": "GOV", "roles": ["Foreign Minister"]}
USA = {"id": "united-states", "name": "United States", "type": "country", "country": "USA",
       "sector": None, "roles": []}
CHN = {"id": "china", "name": "China", "type": "country", "country": "CHN", "sector": None,
       "roles": []}
HOSTILE = '<script>window.__xss = 1</script><img src=x onerror="window.__xss=2">'


def at(text: str, needle: str, nth: int = 0) -> dict[str, Any]:
    """The contract span of the ``nth`` occurrence of ``needle`` in ``text``."""
    start = [m.start() for m in re.finditer(re.escape(needle), text)][nth]
    return {"start": start, "end": start + len(needle), "text": needle}


def event(text: str, kind: str, source: tuple[str, str, str], trigger: str,
          target: tuple[str, str, str], date: str) -> dict[str, Any]:
    src = at(text, source[0])
    tgt = at(text, target[0])
    return {"type": kind, "mode": None, "context": ["diplomatic"],
            "source": {"actor": source[1], "country": source[2], **src},
            "target": {"actor": target[1], "country": target[2], **tgt},
            "trigger": at(text, trigger), "sentence": [0, len(text)], "date": date,
            "place": None, "intensity": 1.0, "cameo": None}


def quote(text: str, said: str, kind: str, speaker: str, actor: str | None,
          cue: str = "said") -> dict[str, Any]:
    return {**at(text, said), "kind": kind, "cue": at(text, cue), "speaker": at(text, speaker),
            "actor": actor}


def meeting() -> Document:
    text = ("Vance and Chen meet in Geneva over tariffs\n"
            "GENEVA — U.S. Secretary of Trade Alma Vance met Chinese Foreign Minister Chen Bo "
            "on Tuesday.\n"
            "\"We want a fair deal,\" Vance said after the talks.\n"
            "Chen said: \"The tariffs must go.\"\n"
            "Chen also accused Washington of bad faith.")
    doc = Document(id="doc-meeting", source="meeting.txt", raw="Play Live Radio\n" + text,
                   text=text, title="Vance and Chen meet in Geneva over tariffs",
                   outlet="Test Wire", published="2023-03-14", published_from="option",
                   place={"name": "Geneva", "country": "CHE"})
    doc.segments = [[0, 16, len(text)]]
    doc.removed = [{"raw_start": 0, "raw_end": 16, "kind": "furniture",
                    "text": "Play Live Radio"}]
    doc.actors = [VANCE, CHEN, USA, CHN]
    doc.entities = [{**at(text, "Alma Vance"), "label": "PERSON", "actor": "alma-vance"},
                    {**at(text, "Chen Bo"), "label": "PERSON", "actor": "chen-bo"},
                    {**at(text, "Geneva"), "label": "GPE", "actor": None},
                    {**at(text, "Washington"), "label": "GPE", "actor": "united-states"}]
    doc.quotes = [quote(text, "We want a fair deal,", "direct", "Vance", "alma-vance"),
                  quote(text, "The tariffs must go.", "direct", "Chen", "chen-bo")]
    doc.quotes[1]["speaker"] = at(text, "Chen", 2)
    doc.quotes[1]["cue"] = at(text, "said", 1)
    doc.timexes = [{**at(text, "Tuesday"), "type": "DATE", "value": "2023-03-14"}]
    doc.events = [event(text, "CONSULT", ("Alma Vance", "alma-vance", "USA"), "met",
                        ("Chen Bo", "chen-bo", "CHN"), "2023-03-14"),
                  event(text, "ACCUSE", ("Chen", "chen-bo", "CHN"), "accused",
                        ("Washington", "united-states", "USA"), "2023-03-14")]
    return doc


def followup() -> Document:
    text = ("China warns of sanctions\n"
            "BEIJING — Chen Bo threatened sanctions against the United States in May.\n"
            "\"We will respond in kind,\" Chen Bo told reporters.")
    doc = Document(id="doc-followup", source="followup.txt", raw=text, text=text,
                   title="China warns of sanctions", outlet="Other Post",
                   published="2023-05-02", published_from="text",
                   place={"name": "Beijing", "country": "CHN"})
    doc.actors = [CHEN, USA]
    doc.entities = [{**at(text, "Chen Bo"), "label": "PERSON", "actor": "chen-bo"},
                    {**at(text, "the United States"), "label": "GPE", "actor": "united-states"}]
    doc.quotes = [quote(text, "We will respond in kind,", "direct", "Chen Bo", "chen-bo",
                        cue="told")]
    doc.quotes[0]["speaker"] = at(text, "Chen Bo", 1)
    doc.timexes = [{**at(text, "May"), "type": "DATE", "value": "2023-05"}]
    doc.events = [event(text, "THREATEN", ("Chen Bo", "chen-bo", "CHN"), "threatened",
                        ("the United States", "united-states", "USA"), "2023-05-02")]
    return doc


def hostile() -> Document:
    """Scraped text that tries to run script in the page: every part must come out inert."""
    text = (f"Hostile {HOSTILE} headline\n"
            f"Mallory said \"{HOSTILE}\" and met \"><b>Eve</b> on Monday.")
    mallory = {"id": "mallory", "name": "Mallory <b>Evil</b>", "type": "person",
               "country": None, "sector": None, "roles": ["<i>Agent</i>"]}
    doc = Document(id="doc-hostile", source="hostile.txt", raw=text, text=text,
                   title=f"Hostile {HOSTILE} headline", outlet="<em>Bad</em> Outlet",
                   published="2023-04-01", published_from="option")
    doc.removed = [{"raw_start": 0, "raw_end": 0, "kind": "furniture", "text": HOSTILE}]
    doc.actors = [mallory]
    doc.entities = [{**at(text, "Mallory"), "label": "PERSON", "actor": "mallory"},
                    {**at(text, "<b>Eve</b>"), "label": "PERSON\" onmouseover=\"x",
                     "actor": None}]
    doc.quotes = [{**quote(text, HOSTILE, "direct", "Mallory", "mallory"), **at(text, HOSTILE, 1)}]
    doc.timexes = [{**at(text, "Monday"), "type": "DATE", "value": "\"><script>x</script>"}]
    doc.events = [event(text, "CONSULT", ("Mallory", "mallory", None), "met",
                        ("<b>Eve</b>", None, None), "2023-04-01")]
    return doc


def corpus() -> list[Document]:
    return [meeting(), followup(), hostile()]


def build_db(path: Path) -> str:
    """A real SQLite file holding the fictional corpus; returns its path for create_app."""
    db = str(path)
    with Store(db) as store:
        for doc in corpus():
            assert store.save(doc)
    return db


def test_corpus_spans_match_text():
    for doc in corpus():
        for layer in (doc.entities, doc.quotes, doc.timexes):
            for span in layer:
                assert doc.text[span["start"]:span["end"]] == span["text"]


def test_highlight_nests_crossing_marks_and_escapes():
    text = "a <b> c"
    html = str(highlight(text, [Mark(0, 5, "quote", ("c0",), "q"),
                                Mark(2, 7, "entity", (), 'x" onclick="y')]))
    assert html.count("<mark") == html.count("</mark>") == 3
    assert "&lt;b&gt;" in html and "<b>" not in html
    assert 'onclick="y' not in html
    stripped = re.sub(r"<[^>]+>", "", html)
    assert stripped == "a &lt;b&gt; c"


def test_highlight_skips_out_of_range_spans():
    html = str(highlight("abc", [Mark(2, 10, "entity", (), "t"), Mark(1, 1, "timex", (), "t")]))
    assert html == "abc"
