"""Load the timex vocabulary and rules once: the words live in data files, not in code."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from dateline.resources import load_yaml


@dataclass(frozen=True)
class Lexicon:
    """Every word table the recogniser and normaliser need, keyed by lower-case surface."""

    months: dict[str, int]
    weekdays: dict[str, int]
    seasons: dict[str, str]
    dayparts: dict[str, str]
    numbers: dict[str, float]
    vague_numbers: list[str]
    ordinals: dict[str, int]
    units: dict[str, str]
    shifts: dict[str, int]
    offsets: dict[str, list[Any]]
    deictic_days: dict[str, int]
    references: dict[str, str]
    modifiers: dict[str, str]
    frequencies: dict[str, str]
    holidays: dict[str, str]
    halves: dict[str, str]
    future_cues: list[str]
    future_path: list[str]
    rules: list[dict[str, str]]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The vocabulary (lexicon.yaml) and recognition rules (rules.yaml), read once."""
    words = load_yaml("timex", "lexicon.yaml")
    words["numbers"] = {str(k): v for k, v in words["numbers"].items()}
    words["ordinals"] = {str(k): v for k, v in words["ordinals"].items()}
    return Lexicon(**words, rules=load_yaml("timex", "rules.yaml")["rules"])
