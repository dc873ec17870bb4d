"""date_for_span: the date other stages give a quote or an event."""

from __future__ import annotations

from dateline.model import Document
from dateline.timex import date_for_span
from dateline.timex.anchor import date_of_speech


def make_doc() -> Document:
    text = "Envoys met on Friday for five hours. They spoke again. Talks began in May."
    doc = Document(id="x", source="x", raw=text, text=text, published="2022-07-09")
    doc.sentences = [[0, 36], [37, 54], [55, 74]]
    doc.timexes = [
        {"start": 14, "end": 20, "text": "Friday", "type": "DATE", "value": "2022-07-08"},
        {"start": 25, "end": 35, "text": "five hours", "type": "DURATION", "value": "PT5H"},
        {"start": 70, "end": 73, "text": "May", "type": "DATE", "value": "2022-05"},
    ]
    return doc


def test_date_of_the_sentence_skips_durations():
    doc = make_doc()
    assert date_for_span(doc, 7, 10) == "2022-07-08"
    assert date_for_span(doc, 25, 35) == "2022-07-08"


def test_falls_back_to_the_publication_date():
    doc = make_doc()
    assert date_for_span(doc, 42, 47) == "2022-07-09"
    doc.published = None
    assert date_for_span(doc, 42, 47) is None


def test_references_are_not_dates():
    doc = make_doc()
    doc.timexes[2]["value"] = "PAST_REF"
    assert date_for_span(doc, 55, 60) == "2022-07-09"


def speech_doc() -> Document:
    text = '"We met them in October," Blinken said on Tuesday. Wang agreed.'
    doc = Document(id="s", source="s", raw=text, text=text, published="2024-04-26")
    doc.sentences = [[0, 50], [51, 63]]
    doc.timexes = [
        {"start": 16, "end": 23, "text": "October", "type": "DATE", "value": "2023-10"},
        {"start": 42, "end": 49, "text": "Tuesday", "type": "DATE", "value": "2024-04-23"},
    ]
    return doc


def test_a_quote_is_dated_by_its_reporting_clause_not_by_its_words():
    doc = speech_doc()
    assert date_of_speech(doc, 1, 24, (34, 38)) == "2024-04-23"
    assert date_for_span(doc, 1, 24) == "2023-10"  # what a span merely mentions


def test_an_undated_reporting_clause_or_no_cue_gives_the_document_date():
    doc = speech_doc()
    doc.timexes.pop()
    assert date_of_speech(doc, 1, 24, (34, 38)) == "2024-04-26"
    assert date_of_speech(speech_doc(), 1, 24, None) == "2024-04-26"
