"""Raw text as lines with offsets and the cheap features the furniture rules read.

Hand-written: boilerplate libraries (jusText, trafilatura) need an HTML DOM; ours is plain text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

WORD = re.compile(r"\w+")
SENTENCE_END = re.compile(r"[.!?:;\"”’)\]…]$")
NORMAL_SPACE = re.compile(r"\s+")
SITE_SEPARATOR = re.compile(r"\s[|\-–—:]\s")  # "Headline | Site", "Headline: Site"
TRIM = " \t\u00a0:.|»›•·-–—"
QUOTATION = re.compile(r"\"[^\"\n]*\"|“[^”\n]*”")  # someone's words, not the page's


@dataclass
class Line:
    """One non-blank line of ``raw``: its content span (no newline) and features."""

    index: int
    start: int
    end: int
    text: str
    gap: int  # newlines between the previous line and this one (2+ means a blank line)

    @cached_property
    def key(self) -> str:
        """The lookup form: lower case, single spaces, no trailing separators."""
        return NORMAL_SPACE.sub(" ", self.text).strip(TRIM).lower()

    @cached_property
    def words(self) -> int:
        return len(WORD.findall(self.text))

    @property
    def ends_sentence(self) -> bool:
        return bool(SENTENCE_END.search(self.text))

    @property
    def is_prose(self) -> bool:
        """Long enough, and punctuated like running text rather than a menu or a label."""
        words = self.words
        return words >= 12 or (words >= 7 and self.ends_sentence)

    @property
    def is_short(self) -> bool:
        return self.words <= 4 and not self.ends_sentence


def split_lines(raw: str) -> list[Line]:
    """Every non-blank line of ``raw`` with its [start, end) content offsets."""
    out: list[Line] = []
    pos = 0
    gap = 0
    for chunk in raw.split("\n"):
        gap += 1
        if chunk.strip():
            start = pos + len(chunk) - len(chunk.lstrip())
            end = start + len(chunk.strip())
            out.append(Line(len(out), start, end, raw[start:end], gap))
            gap = 0
        pos += len(chunk) + 1
    return out
