"""The learned line model: logistic regression over clean.features, weights in a data file.

Written by ``make train-clean`` (dateline.clean.train); read here with no dependency beyond
the standard library, so a run never downloads or fits anything.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache

from dateline.clean.features import FEATURES
from dateline.resources import load_text

MODEL = "line_model.json"


@dataclass(frozen=True)
class LineModel:
    """Per feature: mean and scale to standardise it, and its weight."""

    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]

    def keep(self, rows: list[list[float]]) -> list[float]:
        """The probability that each line belongs to the article."""
        out = []
        for row in rows:
            z = sum(w * (x - m) / s
                    for x, m, s, w in zip(row, self.mean, self.scale, self.weights, strict=True))
            out.append(1 / (1 + math.exp(-max(min(z, 30.0), -30.0))))
        return out


def from_json(data: dict) -> LineModel:
    """A model from its JSON form; the feature names must be the code's, in its order."""
    if tuple(data["features"]) != FEATURES:
        raise ValueError(f"{MODEL} was trained on other features: run make train-clean")
    return LineModel(tuple(data["mean"]), tuple(data["scale"]), tuple(data["weights"]))


@cache
def line_model() -> LineModel:
    """The packaged model, loaded once per process."""
    return from_json(json.loads(load_text("clean", MODEL)))
