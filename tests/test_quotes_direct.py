"""Direct, mixed and indirect quotes and their speakers, on sentences written for these tests."""

from __future__ import annotations

import pytest

from dateline.model import Document
from dateline.quotes import QuoteStage


def quote_with(doc: Document, fragment: str) -> dict:
    found = [q for q in doc.quotes if fragment in q["text"]]
    assert found, f"no quote containing {fragment!r} in {[q['text'] for q in doc.quotes]}"
    return found[0]


def assert_spans_consistent(doc: Document) -> None:
    for q in doc.quotes:
        assert doc.text[q["start"] : q["end"]] == q["text"]
        for key in ("cue", "speaker"):
            if q[key]:
                assert doc.text[q[key]["start"] : q[key]["end"]] == q[key]["text"]


@pytest.mark.parametrize(
    ("text", "fragment", "speaker", "actor"),
    [
        ('"We will rebuild the bridge by spring," Mayor Clara Voss said on Monday.',
         "rebuild the bridge", "Clara Voss", "clara-voss"),
        ('Clara Voss told reporters: "The budget for the bridge is final."',
         "budget for the bridge", "Clara Voss", "clara-voss"),
        ('"The river is rising fast tonight," said Tomas Brandt, a spokesman for the agency.',
         "river is rising", "Tomas Brandt", "tomas-brandt"),
        ('Tomas Brandt, a spokesman for the agency, said: "We are ready for the flood."',
         "ready for the flood", "Tomas Brandt", "tomas-brandt"),
        ('"Nothing was signed at the meeting," according to Helena Marsh.',
         "Nothing was signed", "Helena Marsh", "helena-marsh"),
        ('Helena Marsh said in a statement: "The talks will resume in March."',
         "talks will resume", "Helena Marsh", "helena-marsh"),
        ('Helena Marsh added: "We expect a deal before the summer recess."',
         "expect a deal", "Helena Marsh", "helena-marsh"),
        ('"Get out of the water now!" Tomas Brandt yells at the swimmers.',
         "Get out of the water", "Tomas Brandt", "tomas-brandt"),
    ],
)
def test_direct_quote_speaker_before_or_after(run, text, fragment, speaker, actor) -> None:
    doc = run(text)
    q = quote_with(doc, fragment)
    assert q["kind"] == "direct"
    assert q["speaker"] and speaker in q["speaker"]["text"]
    assert q["actor"] == actor
    assert q["cue"] is not None
    assert_spans_consistent(doc)


def test_multi_sentence_quote_is_one_quote(run) -> None:
    doc = run('"The dam held overnight. The town is safe now," Clara Voss said.')
    q = quote_with(doc, "The dam held")
    assert "The town is safe now" in q["text"] and q["actor"] == "clara-voss"


def test_continued_and_floating_quotes_keep_the_speaker(run) -> None:
    text = ('Mayor Clara Voss spoke at the opening. "We did it together," she said. '
            '"Every family helped.\n\n"Nobody can take this bridge away from us now."\n\n'
            '"Next year we will build a school for the whole valley."')
    doc = run(text)
    for fragment in ("We did it", "Every family", "Nobody can take", "build a school"):
        assert quote_with(doc, fragment)["actor"] == "clara-voss", fragment


def test_unbalanced_document_still_yields_quotes(run) -> None:
    text = ('Tomas Brandt said "the levee is holding. We are watching it.\n\n'
            'Later that night, "the water dropped by a metre," Helena Marsh said.')
    doc = run(text)
    assert quote_with(doc, "levee is holding")["actor"] == "tomas-brandt"
    assert quote_with(doc, "water dropped")["actor"] == "helena-marsh"
    assert_spans_consistent(doc)


def test_pronoun_and_surname_resolve_to_the_named_speaker(run) -> None:
    text = ('Foreign Minister Helena Marsh met the delegation in Oslo. '
            '"It was a useful day," she said. Later, Marsh said that the talks would continue.')
    doc = run(text)
    assert quote_with(doc, "useful day")["actor"] == "helena-marsh"
    later = quote_with(doc, "talks would continue")
    assert later["kind"] == "indirect" and later["actor"] == "helena-marsh"


def test_mixed_quote_absorbs_the_fragment(run) -> None:
    doc = run('Clara Voss said the council was "reckless" in its demands for new taxes.')
    q = quote_with(doc, "reckless")
    assert q["kind"] == "mixed"
    assert "new taxes" in q["text"] and q["actor"] == "clara-voss"
    assert not [x for x in doc.quotes if x["text"] == "reckless"]


@pytest.mark.parametrize(
    ("text", "fragment", "cue"),
    [
        ("Tomas Brandt said that the agency would close the coastal road.",
         "close the coastal road", "said"),
        ("Tomas Brandt told the council that the old road was unsafe for trucks.",
         "old road was unsafe", "told"),
        ("Tomas Brandt accused the council of ignoring the flood warnings.",
         "ignoring the flood warnings", "accused"),
        ("Tomas Brandt called on the council to approve the emergency funds.",
         "approve the emergency funds", "called"),
        ("Tomas Brandt warned that the river could flood the lower town.",
         "river could flood", "warned"),
        ("The coastal road will close on Friday, Tomas Brandt said.",
         "coastal road will close", "said"),
        ("According to Tomas Brandt, the coastal road will close on Friday.",
         "coastal road will close", "According to"),
    ],
)
def test_indirect_speech(run, text, fragment, cue) -> None:
    doc = run(text)
    q = quote_with(doc, fragment)
    assert q["kind"] == "indirect"
    assert q["cue"]["text"] == cue
    assert q["actor"] == "tomas-brandt"
    assert_spans_consistent(doc)


def test_quote_only_verbs_never_make_reported_speech(run) -> None:
    doc = run("Tomas Brandt yelled that the water was rising over the old quay.")
    assert not [q for q in doc.quotes if "water was rising" in q["text"]]


def test_no_quote_without_a_statement(run) -> None:
    doc = run("The bridge opened on Monday. Traffic was light and the weather was cold.")
    assert doc.quotes == []
    doc = run("The bridge opened on Monday. Traffic was light, the mayor said.")
    assert [q["text"] for q in doc.quotes] == ["Traffic was light"]


def test_mentions_from_the_actors_stage_win(run) -> None:
    doc = run('Ministers met in Oslo. "The border stays open," the ministry said.')
    q = quote_with(doc, "border stays open")
    start = doc.text.index("the ministry")
    doc.mentions = [{"start": start, "end": start + 12, "text": "the ministry",
                     "actor": "nordland-ministry", "kind": "description"}]
    QuoteStage()([doc])
    q = quote_with(doc, "border stays open")
    assert q["speaker"]["text"] == "the ministry" and q["actor"] == "nordland-ministry"


def test_quotes_are_dated(run) -> None:
    doc = run('"The bridge is open," Clara Voss said.', published="2023-05-02")
    assert quote_with(doc, "bridge is open").get("date") == "2023-05-02"


def test_odd_marks_do_not_lose_the_document(run) -> None:
    doc = run('He said " and then “ nothing ” more ».\n\n"Fine," Clara Voss said. “')
    assert quote_with(doc, "Fine")["actor"] == "clara-voss"
    assert_spans_consistent(doc)


def test_quoted_titles_are_not_quotes(run) -> None:
    doc = run('Clara Voss appeared on "Morning Talk Hour" and said the new bridge plan '
              'for the valley "will fail."')
    assert not [q for q in doc.quotes if q["text"].startswith("Morning Talk Hour")]
    assert quote_with(doc, "will fail")["kind"] == "mixed"


def test_headline_colon_attribution(run) -> None:
    doc = run("Clara Voss: the new bridge will open before winter\n\n"
              "Mayor Clara Voss spoke to the council on Monday about the bridge.")
    q = quote_with(doc, "bridge will open before winter")
    assert q["speaker"]["text"] == "Clara Voss" and q["cue"]["text"] == ":"
    assert q["actor"] == "clara-voss"
    plain = run("Weather update: rain again on Friday\n\nThe ferry was late on Monday.")
    assert not [q for q in plain.quotes if q["cue"] and q["cue"]["text"] == ":"]


def test_a_first_line_sentence_with_a_colon_is_not_a_headline(run) -> None:
    doc = run('Clara Voss told reporters: "The ferry runs again."\n\nShe left at noon.')
    q = quote_with(doc, "ferry runs again")
    assert q["kind"] == "direct" and q["cue"]["text"] == "told"


def test_according_to_a_document(run) -> None:
    doc = run("According to a new survey by the harbour board, most ferries ran late in May.")
    q = quote_with(doc, "most ferries ran late")
    assert q["cue"]["text"] == "According to" and "survey" in q["speaker"]["text"]
