"""The parse stage: one Doc per document, paragraphs parsed apart, offsets exact."""

from __future__ import annotations

from dateline.nlp import paragraphs

HEADLINE_STORY = (
    "Envoys warn Lisbon against delay: Wire\n\n"
    "LISBON, Portugal – Envoys from Spain met Portuguese officials on Monday, aides said.\n"
    "The talks ran late.\n\n\n"
    "“We are not finished,” the Spanish envoy said.\n"
)


def test_paragraph_pieces_join_back_exactly():
    for text in (HEADLINE_STORY, "", "one line", "\n\nleading blank\n\n", "a\n \t\nb\r\n\r\nc"):
        pieces = paragraphs(text)
        assert "".join(pieces) == text
        assert all(pieces) or text == ""


def test_a_headline_is_its_own_sentence(run):
    doc = run(HEADLINE_STORY)
    first_start, first_end = doc.sentences[0]
    assert doc.text[first_start:first_end].strip() == "Envoys warn Lisbon against delay: Wire"
    assert doc.spacy.text == doc.text
    for ent in doc.entities:
        assert doc.text[ent["start"]:ent["end"]] == ent["text"]
    lisbon = next(t for t in doc.spacy if t.text == "LISBON")
    assert lisbon.sent.start_char > first_end - 1  # no dependency crosses the blank line
    assert all(t.head.i >= lisbon.sent.start for t in lisbon.sent)
