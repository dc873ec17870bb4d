"""Find temporal expressions with regular expressions compiled from the data files.

Hand-written because no Python library recognises TimeML-style spans (dateparser and
dateutil parse a string you already have; they do not find "late last year" in text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dateline.timex.lexicon import Lexicon

# Word edges: not inside a word, but "Friday's" is Friday; "two-year-old" is not "two-year".
BEFORE = r"(?<![\w.'’])"
AFTER = r"(?!\w|['’](?!s\b)|-\w)"
TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
WORD_NUMBER = r"(?:(?:{tens})[\s-](?:one|two|three|four|five|six|seven|eight|nine)\b|{base})"


@dataclass(frozen=True)
class Candidate:
    """One matched expression: its span, the rule that found it and the rule's groups."""

    start: int
    end: int
    rule: str
    norm: str
    groups: dict[str, str]
    anchors: bool = True  # whether its date becomes the narrative time for what follows


def _alternation(words: list[str] | dict, capitalised: bool = False) -> str:
    """Longest-first alternation; names capitalised in news (months, weekdays) match so only."""
    keys = sorted((str(w) for w in words), key=len, reverse=True)
    parts = [re.escape(k).replace(r"\ ", r"\s+") for k in keys]
    if not capitalised:
        return "|".join(parts)
    forms = [f"{p[0].upper()}{p[1:]}|{p.upper()}" for p in parts]
    return "(?-i:" + "|".join(forms) + ")"


def macros(lex: Lexicon) -> dict[str, str]:
    """The {NAME} building blocks that rules.yaml patterns are written with."""
    numbers = _alternation(lex.numbers)
    vague = _alternation(lex.vague_numbers)
    word_number = WORD_NUMBER.format(tens=TENS, base=numbers)
    return {
        # the dot only after an abbreviation: "Sept." but not "February."
        "MONTH": rf"(?P<month>{_alternation(lex.months, True)})"
        r"(?:(?<![A-Za-z]{5})(?<!June)(?<!July)(?<!May)(?P<dot>\.))?",
        "WEEKDAY": rf"(?P<weekday>{_alternation(lex.weekdays, True)})",
        "DAY": r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?",
        "YEAR": r"(?P<year>(?:1[6-9]|20)\d\d)",
        "DECADE": r"(?P<decade>(?:1[6-9]|20)\d)0[’']?s",
        "NUM": rf"(?P<num>\d+(?:\.\d+)?|{word_number}|{vague})",
        "NUMBER": rf"(?:\d+(?:\.\d+)?|{word_number})",
        "UNIT": rf"(?P<unit>(?:{_alternation(lex.units)}|centuries)s?)",
        "SHIFT": rf"(?P<shift>{_alternation(lex.shifts)})",
        "DIR": r"(?P<dir>past|last|next|previous|coming|first|final|following|remaining)",
        "SEASON": rf"(?P<season>{_alternation(lex.seasons)})",
        "DAYPART": rf"(?P<daypart>{_alternation(lex.dayparts)})",
        "ORD": rf"(?P<ord>{_alternation(lex.ordinals)})",
        "ORDWORD": rf"(?:{_alternation(lex.ordinals)})",
        "DEICTIC": rf"(?P<deictic>{_alternation(lex.deictic_days)})",
        "REF": rf"(?P<ref>{_alternation(lex.references)})",
        "OFFSET": rf"(?P<offset>{_alternation(lex.offsets)})",
        "FREQ": rf"(?P<freq>{_alternation(lex.frequencies)})",
        "HOLIDAY": rf"(?P<holiday>{_alternation(lex.holidays)})",
    }


class Recogniser:
    """All rules compiled once; ``find`` returns non-overlapping candidates in text order."""

    def __init__(self, lex: Lexicon) -> None:
        blocks = macros(lex)
        self.rules: list[tuple[str, str, bool, re.Pattern[str]]] = []
        for rule in lex.rules:
            pattern = rule["pattern"]
            for name, block in blocks.items():
                pattern = pattern.replace("{" + name + "}", block)
            compiled = re.compile(rf"{BEFORE}(?:{pattern}){AFTER}", re.IGNORECASE)
            self.rules.append((rule["name"], rule["norm"], rule.get("anchors", True), compiled))
        modifiers = _alternation(lex.modifiers)
        self.modifier = re.compile(rf"(?<![\w-])(?P<mod>{modifiers})(?:\s+|-)$", re.IGNORECASE)

    def find(self, text: str) -> list[Candidate]:
        found: list[tuple[int, int, int, Candidate]] = []
        for rank, (name, norm, anchors, pattern) in enumerate(self.rules):
            for m in pattern.finditer(text):
                groups = {k: v for k, v in m.groupdict().items() if v is not None}
                cand = Candidate(m.start(), m.end(), name, norm, groups, anchors)
                found.append((m.start(), -m.end(), rank, cand))
        found.sort(key=lambda item: item[:3])
        chosen: list[Candidate] = []
        for _, _, _, cand in found:
            if chosen and cand.start < chosen[-1].end:
                continue
            chosen.append(cand)
        return chosen

    def modifier_before(self, text: str, start: int) -> re.Match[str] | None:
        """A modifier ("late", "mid-", "the end of", "about") right before ``start``."""
        return self.modifier.search(text, max(0, start - 30), start)
