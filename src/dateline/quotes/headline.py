"""Headline attributions: "Blinken: China must stop arming Russia".

News headlines drop the verb and attribute with a colon; the parser has no
clause to read, so the pattern is matched on the first line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from dateline.model import Document
from dateline.quotes.candidate import Candidate
from dateline.quotes.marks import paragraphs

HEADLINE = re.compile(r"^\s*([A-Z][^:\n]{1,60}?)\s*(:)\s+(\S.*?)\s*$")
MAX_SOURCE_WORDS = 5
QUOTE_MARKS = "\"“”‘’«»„"


def find_headline(doc: Document) -> Candidate | None:
    """The headline's attribution, if its text before the colon (the candidate's
    ``speaker``) is verbless; it stands when that text names someone (``names_someone``)."""
    paras = paragraphs(doc.text)
    if len(paras) < 2:  # a headline stands above a body
        return None
    lo, hi = paras[0]
    m = HEADLINE.match(doc.text, lo, hi)
    if not m or len(m.group(1).split()) > MAX_SOURCE_WORDS:
        return None
    src = (m.start(1), m.end(1))
    words = doc.spacy.char_span(*src, alignment_mode="expand")
    if words is None or any(t.pos_ in ("VERB", "AUX") for t in words):
        return None  # "Voss told reporters: ..." is a sentence, not a headline
    kind = "mixed" if any(c in m.group(3) for c in QUOTE_MARKS) else "indirect"
    return Candidate(m.start(3), m.end(3), kind, cue_span=(m.start(2), m.end(2)), speaker=src)


def names_someone(source: tuple[int, int], spans: Iterable[dict]) -> bool:
    """Whether a headline's source overlaps a named entity or an actor mention."""
    return any(s["start"] < source[1] and source[0] < s["end"] for s in spans)
