"""What an event side may be: PLOVER's code for it, the dateline that is none, a seat's holder.

PLOVER's code for a side is ISO3 for a state and its agents, IGO or NGO otherwise: it codes
an organisation's side by its kind, not its name (UN, EU, APEC, IAEA and their officials are
all ``IGO``; Amnesty International or the Red Cross are ``NGO``); the side's ``actor`` id
keeps the organisation identifiable, and ``doc.actors`` keep its own code.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from dateline.actors.countries import igos, normalise
from dateline.actors.reference import reference
from dateline.actors.titles import load_titles
from dateline.clean.place import patterns
from dateline.model import Document
from dateline.resources import load_yaml

# A wire dateline at a paragraph start: "HANOI, Vietnam (AP) —", "WASHINGTON --".
DATELINE = re.compile(r"(?m)^[A-Z][A-Z .'-]{2,}(?:, [A-Z][\w. ]+)?(?: \([^)]{1,30}\))? ?(?:—|–|--)")


def side_code(country: str | None, record: dict[str, Any] | None) -> str | None:
    """The PLOVER code of a side from its country and actor record (``None``: unknown)."""
    sector = (record or {}).get("sector")
    if country and country in igos():
        return "NGO" if sector == "NGO" else "IGO"
    if country is None and (record or {}).get("type") == "organisation" and \
            sector in ("IGO", "NGO"):
        return sector
    return country


def datelines(doc: Document) -> list[tuple[int, int]]:
    """Spans of the text that say where a story was filed, which are no party to its events:
    every paragraph opening like a wire dateline ("HANOI, Vietnam (AP) —"), and the line
    whose opening the clean stage took for the story's dateline (``doc.place``), whatever
    dash it uses ("BRUSSELS - European leaders gathered")."""
    found = [m.span() for m in DATELINE.finditer(doc.text)]
    place = ((doc.place or {}).get("name") or "").casefold()
    at = 0
    for line in doc.text.split("\n") if place else []:
        for pattern in patterns():
            match = pattern.match(line)
            if match and match["city"].casefold() == place:
                found.append((at, at + match.end()))
                return found
        at += len(line) + 1
    return found


@cache
def group_nouns() -> frozenset[str]:
    """Lemmas of nouns for groups that act together ("rebels", "students"): groups.yaml."""
    return frozenset(load_yaml("events", "groups.yaml")["groups"])


@cache
def pair_nouns() -> dict[str, str]:
    """Lemma -> the actor type ("country", "person") that "the two ..." or "both ..." with
    that noun names together (groups.yaml ``pairs``, and the heads of titles for people)."""
    pairs = load_yaml("events", "groups.yaml")["pairs"]
    found = {title.head: "person" for title in load_titles().values()}
    for kind, nouns in pairs.items():
        found.update(dict.fromkeys(nouns, kind))
    return found


@cache
def people_nouns() -> frozenset[str]:
    """Lemmas of nouns for people acting for a body or a country ("leader", "diplomat",
    "protester"): PETRARCH2's agent nouns, the events' group nouns and the heads of titles."""
    return frozenset(reference().agents) | group_nouns() \
        | frozenset(title.head for title in load_titles().values())


@cache
def seats() -> dict[str, str]:
    """Seat of an executive (casefolded) -> the title of its holder, from data/events/seats.yaml."""
    return {normalise(seat).casefold(): title
            for seat, title in load_yaml("events", "seats.yaml")["seats"].items()}


def seat_holder(seat: str, country: str, actors: list[dict[str, Any]],
                date: str | None) -> dict[str, Any] | None:
    """The one person of ``actors`` holding the office of a seat ("the Kremlin": Russia's
    President) on ``date``: by the reference base's dated office holders, else by the
    document's own roles of people the reference base does not know (a former president it
    knows is not the host); None if the seat is no executive's, or nobody or several hold it."""
    title = seats().get(normalise(seat).casefold())
    if title is None:
        return None
    people = [(a, reference().find(a["name"])) for a in actors if a.get("type") == "person"]
    known = [a for a, ref in people if ref is not None
             and ref.at(date)[0] == country and title in ref.at(date)[2]]
    said = [a for a, ref in people if ref is None  # the reference base knows who was not
            and a.get("country") == country and title in (a.get("roles") or [])]
    found = known or said
    return found[0] if len(found) == 1 else None
