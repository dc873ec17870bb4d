"""The attribution cue lexicon (data/quotes/cues.yaml), loaded once per process."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources

from dateline.resources import load_yaml

LEARNED_MIN_CUES = 2
LEARNED_PRECISION = 0.35  # chosen on PolNeAR dev (0.25-0.65 tried)
MODEL = "cue_model.json"  # written by `make train-quotes` (dateline.quotes.train)


@dataclass(frozen=True)
class Cues:
    """Reporting-verb lemmas by class, multi-word prepositional cues and role nouns."""

    speech: frozenset[str]
    belief: frozenset[str]
    intention: frozenset[str]
    prepositions: tuple[str, ...]
    infinitive: frozenset[str]
    gerund: frozenset[str]
    direct_only: frozenset[str]
    object: frozenset[str]
    roles: frozenset[str] = frozenset()
    commitment: frozenset[str] = frozenset()
    learned: dict[str, dict[str, list[int]]] = field(default_factory=dict)

    def learned_cue(self, lemma: str, frame: str) -> bool:
        """Whether PolNeAR's annotators mostly marked this verb in this frame as a cue."""
        cue, seen = self.learned.get(lemma, {}).get(frame, (0, 0))
        return cue >= LEARNED_MIN_CUES and (cue + 1) / (seen + 2) >= LEARNED_PRECISION

    # The derived sets below are asked once per token by the quotes and events stages:
    # built once per (process-wide) Cues, not on every question.
    @cached_property
    def verbs(self) -> frozenset[str]:
        """Every verb lemma that can introduce an attribution."""
        return self.speech | self.belief | self.intention

    @cached_property
    def prepositional(self) -> dict[str, str]:
        """First word -> second word of each prepositional cue ("according" -> "to")."""
        return dict(p.split(maxsplit=1) for p in self.prepositions if " " in p)

    @cached_property
    def quoting(self) -> frozenset[str]:
        """Verbs that can attribute a quotation-marked quote."""
        return self.speech | self.direct_only


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    folder = resources.files("dateline").joinpath("data", "quotes")
    data = load_yaml("quotes", "cues.yaml")
    model = folder.joinpath(MODEL)
    learned = json.loads(model.read_text("utf-8"))["frames"] if model.is_file() else {}

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
        roles=words("roles"),
        commitment=words("commitment"),
        learned=learned,
    )
