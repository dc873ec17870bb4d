"""What neither the text nor the knowledge base said: the reference base, then the
document's home country for domestic titles and bodies.

Event coders read an unqualified "the president", "Sen. Smith" or "the Justice Department"
as the country of the outlet or the dateline; failing both, as the country the document is
mostly about (the country of most of its mentions with a known country).
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import Any

from dateline.actors.countries import lookup
from dateline.actors.reference import reference
from dateline.model import Document
from dateline.resources import load_yaml

# sectors that make an actor part of a state: its country is the home country
DOMESTIC = {"GOV", "LEG", "JUD", "MIL", "PTY", "OPP"}
# a document is "mostly about" a country when that many of its mentions with a country name
# it, at least twice as many as the next country's
MOSTLY_ABOUT = 3


@lru_cache(maxsize=1)
def _places() -> dict[str, str]:
    """Cities and states -> ISO3 (the clean stage's dateline places)."""
    return {name.casefold(): code for code, names in load_yaml("clean", "places.yaml").items()
            for name in names}


def place_country(name: str | None) -> str | None:
    """ISO3 of a country, capital, city or state name."""
    if not name:
        return None
    place = lookup(name)
    if place is not None and place.kind != "igo":
        return place.code
    return _places().get(name.casefold())


def home_country(doc: Document, mostly: int = 1) -> str | None:
    """The outlet's country, else the dateline's, else the country most mentioned: by at
    least ``mostly`` mentions and, past one, twice as many as the next country."""
    if doc.outlet:
        entry = reference().find(doc.outlet)
        if entry is not None and entry.at(doc.published)[0] not in (None, "IGO"):
            return entry.at(doc.published)[0]
    if doc.place:
        code = doc.place.get("country") or place_country(doc.place.get("name"))
        if code:
            return code
    countries = {a["id"]: a.get("country") for a in doc.actors}
    votes = Counter(countries[m["actor"]] for m in doc.mentions
                    if countries.get(m["actor"]) and len(countries[m["actor"]]) == 3
                    and countries[m["actor"]] != "IGO")
    ranked = votes.most_common(2)
    if not ranked or ranked[0][1] < mostly:
        return None
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    if mostly > 1 and ranked[0][1] < 2 * runner_up or ranked[0][1] == runner_up:
        return None
    return ranked[0][0]


def from_reference(actor: dict[str, Any], date: str | None) -> bool:
    """Country, sector and roles of a named person or organisation the text left open;
    whether the reference knows it as of no country, which no document's home country may
    then give it."""
    if actor["type"] not in {"person", "organisation"}:
        return False
    ref = reference()
    entry = next((e for n in [actor["name"], *actor.get("aliases", [])]
                  if (e := ref.find(n)) is not None), None)
    if entry is None:
        return False
    country, sector, roles = entry.at(date)
    if not actor.get("country") and country:
        actor["country"] = country
    if not actor.get("sector") and sector and actor.get("country") == country:
        actor["sector"] = sector
    for role in roles:
        if role not in actor["roles"]:
            actor["roles"].append(role)
    return entry.stateless


def fill(doc: Document, owners: dict[str, str] | None = None) -> None:
    """Give every actor of the document what the reference and the home country tell;
    an organisation of a person's (``owners``: "the Clinton campaign") takes their country."""
    stateless = {a["id"] for a in doc.actors if from_reference(a, doc.published)}
    by_id = {a["id"]: a for a in doc.actors}
    for org_id, person_id in (owners or {}).items():
        org, person = by_id.get(org_id), by_id.get(person_id)
        if org is not None and person is not None and not org.get("country"):
            org["country"] = person.get("country")
    home, about = home_country(doc), home_country(doc, MOSTLY_ABOUT)
    if home is None:
        return
    for actor in doc.actors:
        if actor.get("country") or actor.get("sector") in {"IGO", "NGO"} or \
                actor["id"] in stateless:
            continue
        if place_country(actor["name"]):  # "Togo" read as a person is a place, not a local
            continue
        # a domestic title or body is of the home country; anyone else named without saying
        # otherwise, only in a document mostly about one country
        if actor.get("sector") in DOMESTIC:
            actor["country"] = home
        elif actor["type"] in {"person", "organisation"} and about:
            actor["country"] = about
