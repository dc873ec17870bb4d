"""The furniture vocabulary (data/clean/furniture.yaml), loaded and compiled once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from dateline.clean.lines import TRIM
from dateline.resources import load_yaml


@dataclass(frozen=True)
class Vocabulary:
    """Whole-line phrases and regular expressions, each naming the kind of furniture it finds."""

    lines: dict[str, str]  # line key -> kind
    patterns: tuple[tuple[str, re.Pattern[str]], ...]  # (kind, pattern), first match wins
    barriers: frozenset[str]
    max_pattern_words: int
    anywhere: tuple[tuple[str, re.Pattern[str]], ...]  # patterns for lines of any length
    paragraph_words: int  # a sentence-like line this long is article prose ...
    notices: tuple[re.Pattern[str], ...]  # ... unless one of these finds a notice in it

    def kind(self, key: str, text: str, words: int) -> str | None:
        """The furniture kind of a line (by its key, text and length), or None for a plain line."""
        if key in self.lines:
            return self.lines[key]
        patterns = self.patterns if words <= self.max_pattern_words else ()
        for kind, pattern in (*patterns, *self.anywhere):
            if pattern.search(text):
                return kind
        return None


@cache
def vocabulary() -> Vocabulary:
    """The packaged vocabulary, parsed and compiled once per process."""
    data = load_yaml("clean", "furniture.yaml")
    lines = {
        phrase.lower().strip(TRIM): kind
        for kind, phrases in data["lines"].items()
        for phrase in phrases
    }
    barriers = frozenset(b.lower().strip(TRIM) for b in data["barriers"])
    return Vocabulary(
        lines, compiled(data["patterns"]), barriers, int(data["max_pattern_words"]),
        compiled(data["anywhere"]), int(data["paragraph_words"]),
        tuple(re.compile(expr, re.IGNORECASE) for expr in data["notices"]),
    )


def compiled(section: dict[str, list[str]]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple(
        (kind, re.compile(expr, re.IGNORECASE)) for kind, exprs in section.items() for expr in exprs
    )
