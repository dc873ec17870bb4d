"""PLOVER's code for an event side: ISO3 for a state and its agents, IGO or NGO otherwise.

PLOVER codes an organisation's side by its kind, not its name (UN, EU, APEC, IAEA and their
officials are all ``IGO``; Amnesty International or the Red Cross are ``NGO``); the side's
``actor`` id keeps the organisation identifiable, and ``doc.actors`` keep its own code.
"""

from __future__ import annotations

import re
from typing import Any

from dateline.actors.countries import igos
from dateline.clean.place import patterns
from dateline.model import Document

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
