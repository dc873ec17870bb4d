"""PLOVER's code for an event side: ISO3 for a state and its agents, IGO or NGO otherwise.

PLOVER codes an organisation's side by its kind, not its name (UN, EU, APEC, IAEA and their
officials are all ``IGO``; Amnesty International or the Red Cross are ``NGO``); the side's
``actor`` id keeps the organisation identifiable, and ``doc.actors`` keep its own code.
"""

from __future__ import annotations

from typing import Any

from dateline.actors.countries import igos


def side_code(country: str | None, record: dict[str, Any] | None) -> str | None:
    """The PLOVER code of a side from its country and actor record (``None``: unknown)."""
    sector = (record or {}).get("sector")
    if country and country in igos():
        return "NGO" if sector == "NGO" else "IGO"
    if country is None and (record or {}).get("type") == "organisation" and \
            sector in ("IGO", "NGO"):
        return sector
    return country
