"""Quotation-mark spans, recovered from unbalanced marks instead of giving up.

Hand-written: textacy and spaCy pair marks naively and drop a document whose
marks do not balance; news text routinely has multi-paragraph quotes (no closing
mark before the paragraph break), stray marks and "smart" marks typed backwards.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENERS = "“«„"
CLOSERS = "”»"
STRAIGHT = '"'
MARK = re.compile(r"''|[“”«»„\"]")  # '' is the typewriter double quote of some archives
ATTRIBUTE = re.compile(r'=\s*"[^"\n]*"')  # markup left in the text: tweet-id="..."
LEFT_CONTEXT = "([{—–-―/"
RIGHT_CONTEXT = ".,;:!?)]}—–-…"
_WORD = re.compile(r"\w")


@dataclass
class MarkedSpan:
    """The content between two quotation marks (marks excluded)."""

    start: int
    end: int
    paragraph: int
    closed: bool = True  # False when recovered at a paragraph end or from an orphan mark
    continued: bool = False  # continues a quote left open at the end of the previous paragraph


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-empty lines, as (start, end) offsets."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]


def _role(text: str, i: int, width: int, lo: int, hi: int) -> str:
    """'open', 'close' or '?' for the mark at i, from the characters around it."""
    ch = text[i]
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + width] if i + width < hi else " "
    left = prev.isspace() or prev in LEFT_CONTEXT or prev in OPENERS
    right = nxt.isspace() or nxt in RIGHT_CONTEXT or nxt in CLOSERS or nxt == STRAIGHT
    if left and not right:
        return "open"
    if right and not left:
        return "close"
    if ch in OPENERS:
        return "open"
    if ch in CLOSERS:
        return "close"
    return "?"


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _emit(text: str, spans: list[MarkedSpan], para: int, start: int, end: int, closed: bool,
          cont: bool = False) -> None:
    start, end = _trim(text, start, end)
    if end > start and _WORD.search(text, start, end):
        spans.append(MarkedSpan(start, end, para, closed, cont))


def _singles(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """‘single-quoted’ spans within one paragraph; never recovered (’ is also an apostrophe)."""
    out = []
    for m in re.finditer(r"(?:(?<=^)|(?<=[\s(\[—–]))‘([^‘’\n]*?\w[^‘’\n]*?)’(?!\w)", text[lo:hi]):
        out.append((lo + m.start(1), lo + m.end(1)))
    return out


def find_marked(text: str) -> list[MarkedSpan]:
    """Every quoted stretch of text, paired paragraph by paragraph with recovery."""
    out: list[MarkedSpan] = []
    paras = paragraphs(text)
    carry = False  # the previous paragraph ended inside an open quote
    for n, (lo, hi) in enumerate(paras):
        markup = [m.span() for m in ATTRIBUTE.finditer(text, lo, hi)]
        marks = [(m.start(), m.end() - m.start()) for m in MARK.finditer(text, lo, hi)
                 if not any(a <= m.start() < b for a, b in markup)]
        first_mark_opens = bool(marks) and _role(text, *marks[0], lo, hi) != "close"
        continued = carry and first_mark_opens and not text[lo : marks[0][0]].strip()
        open_at: int | None = None
        spans: list[MarkedSpan] = []
        for i, width in marks:
            role = _role(text, i, width, lo, hi)
            if role == "?":
                role = "close" if open_at is not None else "open"
            if role == "open":
                if open_at is not None:  # two openers in a row: the first was never closed
                    _emit(text, spans, n, open_at, i, False, continued and not spans)
                open_at = i + width
            elif open_at is not None:
                _emit(text, spans, n, open_at, i, True, continued and not spans)
                open_at = None
            elif i == marks[0][0]:  # an orphan closer opening the paragraph: quote from line start
                _emit(text, spans, n, lo, i, False)
        if open_at is not None:
            _emit(text, spans, n, open_at, hi, False, continued and not spans)
        carry = open_at is not None
        for a, b in _singles(text, lo, hi):
            if not any(s.start <= a < s.end for s in spans):
                spans.append(MarkedSpan(a, b, n))
        out.extend(sorted(spans, key=lambda s: s.start))
    return out
