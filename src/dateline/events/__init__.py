"""PLOVER event coding: who did what to whom, explained by the words that caused it.

A side's ``country`` follows PLOVER's actor coding: an ISO3 code for a state and its agents,
``IGO`` for an intergovernmental organisation or its officials (UN, EU, NATO, APEC, the
Security Council, a secretary-general), ``NGO`` for a non-governmental one (Amnesty
International, the Red Cross); the side's ``actor`` id ("united-nations", "european-union")
names the organisation, and ``doc.actors`` keep each organisation's own code (see
``sides.py``).
"""

from dateline.events.stage import EventStage

__all__ = ["EventStage"]
