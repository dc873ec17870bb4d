"""Actor ids: the slug of an actor's canonical name, for people, organisations and countries.

"Antony Blinken" -> "antony-blinken"; the country actor of "PRK" -> "north-korea" and the
international organisation of "UN" -> "united-nations" (the slug of its readable name,
``countries.country_name``), so an id reads as who it is and the name words of an id match the
name wherever a side is written "Pyongyang", "DPRK" or "U.N.". The code (ISO3, or the IGO's
own) stays the actor's ``country``. Stores made before these ids gave such an actor its code in
lower case ("prk", "un"); ``former_country_id`` maps such an id to today's, for old links.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import pycountry

from dateline.actors.countries import country_name, extras, igos


def slug(name: str) -> str:
    """The id of a canonical name: "Antony Blinken" -> "antony-blinken"."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def country_id(code: str) -> str:
    """The id of a country's or an IGO's actor: "USA" -> "united-states", "UN" ->
    "united-nations"."""
    return slug(country_name(code))


@cache
def _country_codes() -> frozenset[str]:
    return frozenset(c.alpha_3 for c in pycountry.countries) | frozenset(extras()) | \
        frozenset(igos())


def former_country_id(actor_id: str) -> str | None:
    """Today's id of a country or IGO actor for the id it had before ("usa" ->
    "united-states", "un" -> "united-nations"), else None."""
    code = actor_id.upper()
    return country_id(code) if actor_id.islower() and code in _country_codes() else None


def code_of_country_id(actor_id: str) -> str | None:
    """The ISO code of a country actor's id, today's or former ("united-states" or "usa" ->
    "USA"), else None."""
    if former_country_id(actor_id):
        return actor_id.upper()
    return _codes_by_id().get(actor_id)


@cache
def _codes_by_id() -> dict[str, str]:
    return {country_id(code): code for code in _country_codes()}
