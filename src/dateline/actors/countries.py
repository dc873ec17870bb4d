"""Country and international-organisation names to codes (ISO 3166-1 alpha-3 or IGO code).

Official and common names come from pycountry; what it lacks (short names, demonyms,
capitals and seats of government used as metonyms, international organisations) lives in
``data/actors/countries.yaml`` and ``data/actors/igos.yaml``. Lookups ignore a leading
"the", a trailing possessive or hyphen ("U.S.-China") and, for names longer than three
characters, letter case; short abbreviations ("US", "UN", "WHO") match case-exactly so
that "us" or "who" never become countries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import pycountry

from dateline.resources import load_yaml

# kinds of surface forms, in the order they win when two codes claim the same form
KINDS = ("igo", "name", "demonym", "capital", "metonym")
_TRIM = re.compile(r"^(?:the\s+)|(?:['’]s|['’]|-)$", re.IGNORECASE)
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Place:
    """One surface form: the code it stands for and how it stands for it."""

    code: str
    kind: str  # igo | name | demonym | capital | metonym


def normalise(name: str) -> str:
    """The lookup form of a name: no leading "the", trailing "'s" or "-", single spaces."""
    name = _SPACE.sub(" ", name.strip())
    previous = None
    while previous != name:
        previous, name = name, _TRIM.sub("", name).strip()
    return name


def _key(name: str) -> str:
    name = normalise(name)
    return name if len(name) <= 3 else name.casefold()


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, Place]:
    """Every known surface form -> Place, built once."""
    table: dict[str, Place] = {}

    def add(form: str, code: str, kind: str) -> None:
        key = _key(form)
        old = table.get(key)
        if key and (old is None or KINDS.index(kind) < KINDS.index(old.kind)):
            table[key] = Place(code, kind)

    for country in pycountry.countries:
        code = country.alpha_3
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                add(value, code, "name")
                if ", " in value:  # "Korea, Republic of" -> also "Republic of Korea"
                    head, _, tail = value.partition(", ")
                    add(f"{tail} {head}", code, "name")
    for code, entry in extras().items():
        for form in entry.get("names", []):
            add(form, code, "name")
        for form in entry.get("demonyms", []):
            add(form, code, "demonym")
        if entry.get("capital"):
            add(entry["capital"], code, "capital")
        for form in entry.get("metonyms", []):
            add(form, code, "metonym")
    for code, entry in igos().items():
        add(code, code, "igo")
        for form in entry.get("aliases", []):
            add(form, code, "igo")
    return table


@lru_cache(maxsize=1)
def extras() -> dict[str, dict[str, Any]]:
    """ISO3 -> what pycountry lacks: {"names", "demonyms", "capital", "metonyms"}."""
    return load_yaml("actors", "countries.yaml")


@lru_cache(maxsize=1)
def igos() -> dict[str, dict[str, Any]]:
    """IGO code -> {"name", "aliases"}."""
    return load_yaml("actors", "igos.yaml")


def lookup(name: str) -> Place | None:
    """The Place a surface form stands for, or None."""
    return gazetteer().get(_key(name))


def country_code(name: str) -> str | None:
    """ISO3 (or IGO) code for a country name, demonym, capital/metonym or organisation."""
    place = lookup(name)
    return place.code if place else None


def country_name(code: str) -> str:
    """A readable name for a code: the common short name, or the IGO's name."""
    if code in igos():
        return igos()[code]["name"]
    extra = extras().get(code, {})
    if extra.get("names"):
        return extra["names"][0]
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return code
    return getattr(country, "common_name", None) or country.name
