"""Reading the package's data files (vocabularies, lexicons, ontologies) in one way."""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml


def load_text(area: str, name: str) -> str:
    """``src/dateline/data/<area>/<name>`` as text; works from a wheel or a checkout."""
    return resources.files("dateline").joinpath("data", area, name).read_text(encoding="utf-8")


def load_yaml(area: str, name: str) -> Any:
    """``src/dateline/data/<area>/<name>``, parsed; works from a wheel or a checkout."""
    path = resources.files("dateline").joinpath("data", area, name)
    return yaml.safe_load(path.read_text(encoding="utf-8"))
