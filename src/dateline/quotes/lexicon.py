"""The attribution cue lexicon (data/quotes/cues.yaml), loaded once per process."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml


@dataclass(frozen=True)
class Cues:
    """Reporting-verb lemmas by class, and multi-word prepositional cues."""

    speech: frozenset[str]
    belief: frozenset[str]
    intention: frozenset[str]
    prepositions: tuple[str, ...]
    infinitive: frozenset[str]
    gerund: frozenset[str]
    direct_only: frozenset[str]
    object: frozenset[str]

    @property
    def verbs(self) -> frozenset[str]:
        """Every verb lemma that can introduce an attribution."""
        return self.speech | self.belief | self.intention

    @property
    def quoting(self) -> frozenset[str]:
        """Verbs that can attribute a quotation-marked quote."""
        return self.speech | self.direct_only


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    text = resources.files("dateline").joinpath("data", "quotes", "cues.yaml").read_text("utf-8")
    data = yaml.safe_load(text)

    def words(key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in data.get(key) or [])

    return Cues(
        speech=words("speech"),
        belief=words("belief"),
        intention=words("intention"),
        prepositions=tuple(p.lower() for p in data.get("prepositions") or []),
        infinitive=words("infinitive"),
        gerund=words("gerund"),
        direct_only=words("direct_only"),
        object=words("object"),
    )
