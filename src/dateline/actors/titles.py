"""Titles and role words ("Secretary of State", "Gen.", "spokesperson") and their sectors.

The table is ``data/actors/titles.yaml``; matching uses spaCy's PhraseMatcher on lower-case
tokens so "joint chiefs of staff chairman" and "Joint Chiefs of Staff Chairman" agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from dateline.resources import load_yaml


@dataclass(frozen=True)
class Title:
    """A canonical role with the sector it implies and the word that later describes it."""

    role: str
    sector: str | None
    head: str
    is_role: bool = True
    holders: tuple[str, ...] = ()  # roles whose holder this description also names


def _head(title: str) -> str:
    words = title.lower().split()
    if "of" in words[1:]:
        return words[words.index("of") - 1]
    return words[-1]


def load_titles() -> dict[str, Title]:
    """Every spelling, as written in the table -> its Title."""
    table: dict[str, Title] = {}
    for entry in load_yaml("actors", "titles.yaml")["titles"]:
        title = Title(
            role=entry["title"],
            sector=entry.get("sector"),
            head=entry.get("head") or _head(entry["title"]),
            is_role=entry.get("role", True),
            holders=tuple(entry.get("holders", ())),
        )
        for form in [entry["title"], *entry.get("aliases", [])]:
            table[form] = title
    return table


class TitleMatcher:
    """Finds titles in a parsed document; built once per stage."""

    def __init__(self, nlp: Any) -> None:
        forms = load_titles()
        self.titles = {form.lower(): title for form, title in forms.items()}
        self.heads = {t.head for t in self.titles.values()}
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        # tokenise each form as it appears before a name, so "Gen." stays one token
        self.matcher.add("TITLE", [nlp.make_doc(f"{form} Smith")[:-1].as_doc() for form in forms])

    def __call__(self, doc: Doc) -> list[tuple[Span, Title]]:
        """Non-overlapping title spans, longest first, with their Title."""
        spans = filter_spans([doc[s:e] for _, s, e in self.matcher(doc)])
        return [(span, self.titles[span.text.lower()]) for span in spans]

    def by_head(self, word: str) -> bool:
        """Whether a noun ("secretary", "minister") is the head of some title."""
        return word.lower() in self.heads
