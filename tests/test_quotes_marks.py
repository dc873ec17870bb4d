"""Quotation-mark pairing with recovery: sentences written for these tests."""

from __future__ import annotations

from dateline.quotes.lexicon import load_cues
from dateline.quotes.marks import find_marked


def texts(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_marked(text)]


def test_every_mark_style_pairs() -> None:
    text = ('He said "one thing" and “another thing” and «a third» and „a fourth” '
            "and ‘a fifth’ today.")
    assert texts(text) == ["one thing", "another thing", "a third", "a fourth", "a fifth"]


def test_typewriter_double_quotes() -> None:
    assert texts("''It is more tinkering at the edges,'' the economist said.") == [
        "It is more tinkering at the edges,"]


def test_apostrophes_are_not_quotes() -> None:
    assert texts("The mayor’s plan and the councils’ budget don’t match.") == []


def test_multi_paragraph_quote_is_continued() -> None:
    text = "Voss said: “We will rebuild the bridge.\n\n“It will take a year,” she added."
    spans = find_marked(text)
    assert [text[s.start : s.end] for s in spans] == [
        "We will rebuild the bridge.", "It will take a year,"]
    assert not spans[0].closed and spans[1].continued


def test_unbalanced_marks_are_recovered_not_dropped() -> None:
    text = ('Voss said "the plan is working. Nobody believed it.\n\n'
            'Later "the council agreed," Brandt said.')
    assert texts(text) == ["the plan is working. Nobody believed it.", "the council agreed,"]


def test_backwards_opening_mark_and_orphan_closer() -> None:
    text = "”The river is high.” ― Ana Ruiz\nIt was late, he wrote.” Then he left."
    assert texts(text) == ["The river is high.", "It was late, he wrote."]


def test_cue_lexicon_classes() -> None:
    cues = load_cues()
    assert {"say", "tell", "warn", "accuse"} <= cues.speech
    assert "believe" in cues.belief and "want" in cues.intention
    assert "according to" in cues.prepositions
    assert "urge" in cues.infinitive and "accuse" in cues.gerund
    assert "table" not in cues.verbs


def test_marks_alone_never_break_pairing() -> None:
    assert texts('"""" “ ” « » „ \'\' ”“') == []
    assert texts("“") == [] and texts("") == []


def test_markup_attributes_are_not_quotes() -> None:
    text = 'Read it here: <post post-id="5521" post-author="Mara Lindqvist">. "We sail," she said.'
    assert texts(text) == ["We sail,"]
