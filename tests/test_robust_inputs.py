"""Hostile inputs: every stage survives any decoded text and keeps the contract."""

from __future__ import annotations

import random

import pytest

from conftest import make_input
from dateline.model import Document
from dateline.pipeline import Pipeline, ProcessError
from dateline.timex import TimexStage
from test_cli import assert_contract

pytestmark = pytest.mark.slow


def process(text: str, published: str | None = None) -> Document:
    """The whole pipeline, with a fresh actor KB, over one text; fails on a ProcessError."""
    (result,) = Pipeline().process_stream([make_input(text, published=published)])
    assert not isinstance(result, ProcessError), result
    check(result, text)
    return result


def check(doc: Document, raw: str) -> None:
    """The contract, and every span in order and inside the text."""
    data = doc.to_json()
    assert_contract(data, raw)
    spans = [*data["entities"], *data["mentions"], *data["quotes"], *data["timexes"]]
    spans += [q[k] for q in data["quotes"] for k in ("cue", "speaker") if q.get(k)]
    spans += [e[k] for e in data["events"] for k in ("trigger", "source", "target") if e[k]]
    for span in spans:
        assert 0 <= span["start"] <= span["end"] <= len(data["text"]), span


def test_a_title_that_swallows_an_earlier_full_name():
    # "Sts" takes "E.U. Ms. Mr." as its title, which covers the full name "E.U. Ms.";
    # the short "Ms." must not look that swallowed name up.
    process("E.U. Ms.Mr.Sts Ms.  n Minister E.U. Ms. ad")


def test_an_offset_beyond_the_calendar_has_no_value():
    doc = process("Rivers formed 99999 years ago, the report said.", published="2022-07-09")
    assert "99999 years ago" not in [t["text"] for t in doc.timexes]


@pytest.mark.parametrize(("published", "text"), [
    ("9999-12-31", "Talks resume tomorrow, next year and on Friday."),
    ("0001-01-01", "Talks ended yesterday, last year and last Friday."),
])
def test_relative_dates_at_the_edges_of_the_calendar(published, text):
    doc = Document(id="t", source="t", raw=text, text=text, published=published)
    TimexStage()([doc])
    assert all(text[t["start"]:t["end"]] == t["text"] for t in doc.timexes)


def test_a_transcript_after_a_name_in_another_script():
    # the participant's name has no Latin letter to count its mentions by
    process("Interview with Сергей Лавров\nQ: Why?\nA: Because.\nQ: When?\nA: Now.")


def test_a_to_before_according_is_no_cue():
    # the parser may hang the earlier "to" on "according": the cue span came out reversed
    process("Officials said Paris to according, the report.")


PIECES = [
    "Ministers met in Hanoi on Tuesday.", "\u201cWe will not yield,\u201d the envoy said.",
    "\u00ab Nested \u2018quotes\u201d never close", "'''", "\u201c\u201c\u2018", "Q:", ":", "A: :",
    "HEADLINE IN CAPITALS ABOUT TARIFFS", "1/2/3/4", "2024-13-45", "Q5 FY99",
    "\u2014 \u2014 \u2014", ", \u2014", "OSLO, Norway \u2014", "?!?!...;;",
    "caf\u0065\u0301 \u05e9\u05dc\u05d5\u05dd",
    "\u202eevil\u202c", "\U0001F600\U0001F1FA\U0001F1F8", "zero\u200bwidth\u200d", "\x01\x1b\x7f",
    "Ms. Lee told Mr. Park", "the President of the Council", "next Friday", "3 a.m. 4 p.m.",
]
SPACES = ["\n", "\r\n", "\r", "\u2028", "\u00a0", "\t", " ", "\n" * 200, "\n\n"]


def hostile_texts(count: int, seed: int = 7) -> list[str]:
    """Seeded mixes of the pieces above, plus one-character and one-long-line documents."""
    rng = random.Random(seed)
    texts = ["x", "\u201d", "\n", "Headline only"]
    while len(texts) < count:
        parts = [rng.choice(PIECES) for _ in range(rng.randint(1, 30))]
        texts.append("".join(p + rng.choice(SPACES) for p in parts))
    texts.append(" ".join(rng.choice(PIECES) for _ in range(300)))
    return texts


def test_hostile_texts_pass_every_stage_and_keep_the_contract():
    texts = hostile_texts(39)
    results = list(Pipeline().process_stream(make_input(t, source=f"{i}.txt")
                                             for i, t in enumerate(texts)))
    errors = [r for r in results if isinstance(r, ProcessError)]
    assert not errors, errors
    for doc, text in zip(results, texts, strict=True):
        check(doc, text)
