"""SpanDates: the date other stages give a quote or an event."""

from __future__ import annotations

from dateline.model import Document
from dateline.timex import SpanDates


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
    assert SpanDates(doc)(7, 10) == "2022-07-08"
    assert SpanDates(doc)(25, 35) == "2022-07-08"


def test_falls_back_to_the_publication_date():
    doc = make_doc()
    assert SpanDates(doc)(42, 47) == "2022-07-09"
    doc.published = None
    assert SpanDates(doc)(42, 47) is None


def test_references_are_not_dates():
    doc = make_doc()
    doc.timexes[2]["value"] = "PAST_REF"
    assert SpanDates(doc)(55, 60) == "2022-07-09"


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
    assert SpanDates(doc).of_speech(1, 24, (34, 38)) == "2024-04-23"
    assert SpanDates(doc)(1, 24) == "2023-10"  # what a span merely mentions


def test_an_undated_reporting_clause_or_no_cue_gives_the_document_date():
    doc = speech_doc()
    doc.timexes.pop()
    assert SpanDates(doc).of_speech(1, 24, (34, 38)) == "2024-04-26"
    assert SpanDates(speech_doc()).of_speech(1, 24, None) == "2024-04-26"
