"""The PLOVER ontology (categories, modes, intensities, CAMEO codes, contexts) loaded from data."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from dateline.resources import load_yaml


@dataclass(frozen=True)
class Ontology:
    categories: dict[str, dict[str, Any]]
    contexts: dict[str, list[str]]
    colours: dict[str, str]

    def colour(self, category: str) -> str:
        """How pages and charts draw a category (``other`` for anything unknown)."""
        return self.colours.get(category, self.colours["other"])

    def modes(self, category: str) -> dict[str, dict[str, Any]]:
        return self.categories[category].get("modes") or {}

    def intensity(self, category: str, mode: str | None) -> float:
        """The PLOVER conflict/cooperation score of a category, refined by its mode."""
        spec = self.modes(category).get(mode or "")
        return float((spec or self.categories[category])["intensity"])

    def cameo(self, category: str, mode: str | None) -> str:
        spec = self.modes(category).get(mode or "")
        return str((spec or self.categories[category])["cameo"])

    def needs_recipient(self, category: str) -> bool:
        return bool(self.categories[category].get("recipient"))

    def cooperative(self, category: str) -> bool:
        return "cooperation" in self.categories[category]["quad"]


@lru_cache(maxsize=1)
def ontology() -> Ontology:
    data = load_yaml("events", "plover.yaml")
    return Ontology(categories=data["categories"], contexts=data["contexts"],
                    colours=data["colours"])
